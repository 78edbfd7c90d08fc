import { sandbox } from "../environments/sandbox";
import { decodeJsonencode } from "./support/jsonencode";
import { identityProviderUpdateAddresses } from "./support/identity-provider-update";
import { addresses, synthJson } from "./support/synth";

const json = synthJson(sandbox);
const resource = (type: string, name: string) => {
  const block = json.resource[type]?.[name];
  if (!block) throw new Error(`no ${type}.${name}`);
  return block;
};

// The reference gist's addresses: moving from it to this stack must need no state surgery.
const GIST_ADDRESSES = [
  "awscc_healthlake_fhir_datastore.this",
  "aws_cognito_user_pool.main",
  "aws_cognito_user_pool_domain.this",
  "aws_cognito_resource_server.launch",
  "aws_cognito_resource_server.system",
  "aws_cognito_resource_server.patient",
  "aws_cognito_user_pool_client.client",
  "aws_cognito_user.test_user",
  "aws_lambda_function.token_validator",
  "aws_iam_role.healthlake_service_role",
  "aws_iam_role_policy_attachment.healthlake_policy",
  "aws_iam_role.lambda_role",
  "aws_iam_role_policy_attachment.lambda_basic",
  "aws_iam_role_policy.cognito_access",
  "aws_lambda_permission.healthlake",
  "data.aws_region.current",
  "data.aws_caller_identity.current",
  "data.archive_file.lambda_zip",
];

// Added for least privilege, log retention, keys shipped with the validator, the alias HealthLake calls
// (docs/migrating-from-the-gist.md: "Differences from the reference Terraform"), and the identity provider update.
const ADDITIONS = [
  "aws_iam_policy.healthlake_service_role",
  "aws_cloudwatch_log_group.token_validator",
  "aws_lambda_alias.token_validator",
  "aws_lambda_permission.healthlake_alias",
  "data.http.jwks",
  ...identityProviderUpdateAddresses(false),
];

describe("sandbox stack (the reference gist)", () => {
  test("holds every gist address, and besides them only the documented additions", () => {
    expect(addresses(json)).toEqual([...GIST_ADDRESSES, ...ADDITIONS].sort());
  });

  test("datastore: R4, Synthea, SMART v1 with fine-grained authorization, validator as IdP, AWS-owned key", () => {
    const ds = resource("awscc_healthlake_fhir_datastore", "this");
    expect(ds.datastore_name).toBe("my-fhir-datastore");
    expect(ds.datastore_type_version).toBe("R4");
    expect(ds.preload_data_config).toEqual({ preload_data_type: "SYNTHEA" });
    expect(ds.identity_provider_configuration).toMatchObject({
      authorization_strategy: "SMART_ON_FHIR_V1",
      fine_grained_authorization_enabled: true,
      idp_lambda_arn: "${aws_lambda_alias.token_validator.arn}",
    });
    expect(ds.sse_configuration).toEqual({ kms_encryption_config: { cmk_type: "AWS_OWNED_KMS_KEY" } });
    expect(ds.lifecycle).toEqual({ ignore_changes: ["identity_provider_configuration", "preload_data_config", "sse_configuration"] });
  });

  describe("SMART metadata", () => {
    const metadata = decodeJsonencode(resource("awscc_healthlake_fhir_datastore", "this").identity_provider_configuration.metadata) as Record<string, unknown>;
    const hostedUi = "https://${aws_cognito_user_pool_domain.this.domain}.auth.${data.aws_region.current.region}.amazoncognito.com";
    const issuer = "https://cognito-idp.${data.aws_region.current.region}.amazonaws.com/${aws_cognito_user_pool.main.id}";

    test("is built from the real Cognito endpoints", () => {
      expect(metadata).toMatchObject({
        issuer,
        authorization_endpoint: `${hostedUi}/oauth2/authorize`,
        token_endpoint: `${hostedUi}/oauth2/token`,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        revocation_endpoint: `${hostedUi}/oauth2/revoke`,
      });
    });

    test("names no endpoint Cognito lacks and no grant type HealthLake rejects", () => {
      expect(metadata).not.toHaveProperty("introspection_endpoint");
      expect(metadata).not.toHaveProperty("registration_endpoint");
      expect(metadata).not.toHaveProperty("management_endpoint");
      expect(metadata.grant_types_supported).toEqual(["client_credentials"]);
      expect(metadata.code_challenge_methods_supported).toContain("S256");
    });

    test("carries every key HealthLake requires, and the client's scopes", () => {
      for (const key of ["authorization_endpoint", "token_endpoint", "grant_types_supported", "capabilities", "code_challenge_methods_supported"]) {
        expect(metadata).toHaveProperty(key);
      }
      expect(metadata.scopes_supported).toEqual(["system/*.*"]);
      expect(metadata.capabilities).toEqual(["client-confidential-symmetric", "permission-v1"]);
    });
  });

  test("Cognito: the gist's pool, domain, resource servers and client", () => {
    expect(resource("aws_cognito_user_pool", "main")).toMatchObject({
      name: "my-cognito-user-pool",
      deletion_protection: "INACTIVE",
      mfa_configuration: "OFF",
      alias_attributes: ["email"],
      admin_create_user_config: { allow_admin_create_user_only: true },
    });
    expect(resource("aws_cognito_user_pool_domain", "this").domain).toBe("sandbox-fhir-${data.aws_caller_identity.current.account_id}");
    expect(resource("aws_cognito_resource_server", "system").scope).toEqual([{ scope_name: "*.*", scope_description: "Full system access" }]);
    expect(resource("aws_cognito_resource_server", "launch").scope).toEqual([{ scope_name: "patient", scope_description: "Request patient data" }]);
    expect(resource("aws_cognito_resource_server", "patient").scope).toEqual([{ scope_name: "*.read", scope_description: "Read patient data" }]);
    const client = resource("aws_cognito_user_pool_client", "client");
    expect(client).toMatchObject({
      name: "my-cognito-client",
      generate_secret: true,
      allowed_oauth_flows: ["client_credentials"],
      allowed_oauth_scopes: ["system/*.*"],
      access_token_validity: 60,
      token_validity_units: [{ access_token: "minutes", id_token: "minutes", refresh_token: "minutes" }],
    });
    expect(client.depends_on).toEqual(["aws_cognito_resource_server.launch", "aws_cognito_resource_server.system", "aws_cognito_resource_server.patient"]);
  });

  test("the test user's password is a sensitive variable, never a literal", () => {
    expect(resource("aws_cognito_user", "test_user").password).toBe("${var.test_user_password}");
    expect(json.variable?.test_user_password).toMatchObject({ sensitive: true, type: "string", default: null });
    expect(JSON.stringify(json)).not.toContain("Password1234!");
  });

  test("Lambda: Node 22 bundle zipped reproducibly, no secret in its environment", () => {
    const fn = resource("aws_lambda_function", "token_validator");
    expect(fn).toMatchObject({
      function_name: "smart-fhir-auth-lambda",
      runtime: "nodejs22.x",
      handler: "index.handler",
      filename: "${data.archive_file.lambda_zip.output_path}",
      source_code_hash: "${data.archive_file.lambda_zip.output_base64sha256}",
    });
    expect(fn.timeout).toBeLessThanOrEqual(5);
    expect(fn.environment.variables).toEqual({
      USER_POOL_ID: "${aws_cognito_user_pool.main.id}",
      CLIENT_ID: "${aws_cognito_user_pool_client.client.id}",
      USER_ROLE_ARN: "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/my-healthlake-service-role",
      JWKS_URI: "https://cognito-idp.${data.aws_region.current.region}.amazonaws.com/${aws_cognito_user_pool.main.id}/.well-known/jwks.json",
      AUTHORIZATION_STRATEGY: "SMART_ON_FHIR_V1",
    });
    expect(JSON.stringify(fn)).not.toMatch(/client_secret|CLIENT_SECRET/);
    expect(json.data.archive_file.lambda_zip).toEqual({
      type: "zip",
      source: [
        { filename: "index.js", content: '${file("assets/token-validator_bundle_79A40780/<bundle-hash>/index.js")}' },
        {
          filename: "jwks.json",
          content:
            '${try(jsonencode({ keys = flatten(values({ for key in slice(jsondecode(data.http.jwks.response_body).keys, 0, length(jsondecode(data.http.jwks.response_body).keys)) : try(coalesce(tostring(key.kid), ""), "") => key... })) }), "")}',
        },
      ],
      output_path: "lambda_function.zip",
      output_file_mode: "0644",
    });
    expect(json.data.http.jwks).toEqual({
      url: fn.environment.variables.JWKS_URI,
      request_headers: { Accept: "application/json" },
      request_timeout_ms: 10_000,
      retry: { attempts: 2, min_delay_ms: 1000, max_delay_ms: 4000 },
    });
  });

  test("outputs: the gist's six and what the smoke test reads, only the client credentials sensitive", () => {
    expect(Object.keys(json.output).sort()).toEqual([
      "cognito_client_credentials",
      "cognito_domain",
      "cognito_oauth_endpoints",
      "cognito_scopes",
      "datastore_arn",
      "datastore_endpoint",
      "smart_configuration",
      "token_validator_function_name",
    ]);
    const sensitive = Object.entries(json.output)
      .filter(([, o]) => o.sensitive)
      .map(([name]) => name);
    expect(sensitive).toEqual(["cognito_client_credentials"]);
    expect(json.output.cognito_client_credentials.value).toEqual({
      client_id: "${aws_cognito_user_pool_client.client.id}",
      client_secret: "${aws_cognito_user_pool_client.client.client_secret}",
    });
    expect(json.output.datastore_endpoint.value).toBe("${awscc_healthlake_fhir_datastore.this.datastore_endpoint}");
    expect(json.output.cognito_scopes.value).toEqual({
      launch: "${aws_cognito_resource_server.launch.id}",
      system: "${aws_cognito_resource_server.system.id}",
      patient: "${aws_cognito_resource_server.patient.id}",
    });
  });

  test("holds no absolute path of the machine that synthesized it", () => {
    const text = JSON.stringify(json);
    expect(text).not.toContain(process.cwd());
    expect(json.terraform.backend).toEqual({ local: { path: "../../../terraform.sandbox.tfstate" } });
  });

  test("matches the reviewed snapshot", () => {
    expect(json).toMatchSnapshot();
  });
});
