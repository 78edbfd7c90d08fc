// A stack whose authorization server is not Cognito.
import { external } from "../environments/external";
import type { ExternalAuthorizationServerConfig, HealthLakeSmartConfig } from "../stacks/config";
import { decodeJsonencode } from "./support/jsonencode";
import { identityProviderUpdateAddresses } from "./support/identity-provider-update";
import { addresses, synthJson } from "./support/synth";

const json = synthJson(external);
const withServer = (server: ExternalAuthorizationServerConfig): HealthLakeSmartConfig => ({
  name: "ext",
  datastore: { name: "fhir" },
  smart: { scopes: ["system/*.read"], externalAuthorizationServer: server },
});
const KEYCLOAK = "https://keycloak.example.org/realms/fhir";
const introspection = synthJson(
  withServer({
    preset: "keycloak",
    issuer: KEYCLOAK,
    validation: "introspection",
    clientIds: ["smart-machine"],
    introspectionClientId: "healthlake-validator",
  }),
);
const discovered = synthJson(
  withServer({
    issuer: "https://idp.example.org",
    clientIds: ["c"],
    authorizationEndpoint: "https://idp.example.org/authorize",
    tokenEndpoint: "https://idp.example.org/token",
    algorithms: ["PS256", "ES256"],
  }),
);
const metadataOf = (stack: ReturnType<typeof synthJson>) =>
  decodeJsonencode(stack.resource.awscc_healthlake_fhir_datastore.this.identity_provider_configuration.metadata) as Record<string, unknown>;

describe("an external authorization server (Okta, oidc)", () => {
  test("creates nothing of Cognito's: the datastore, its validator with its shipped keys, the service role and the identity provider update", () => {
    expect(addresses(json)).toEqual(
      [
        ...identityProviderUpdateAddresses(true),
        "aws_cloudwatch_log_group.token_validator",
        "aws_iam_policy.healthlake_service_role",
        "aws_iam_role.healthlake_service_role",
        "aws_iam_role.lambda_role",
        "aws_iam_role_policy.cognito_access",
        "aws_iam_role_policy_attachment.healthlake_policy",
        "aws_iam_role_policy_attachment.lambda_basic",
        "aws_iam_role_policy_attachment.lambda_xray",
        "aws_lambda_alias.token_validator",
        "aws_lambda_function.token_validator",
        "aws_lambda_permission.healthlake",
        "aws_lambda_permission.healthlake_alias",
        "awscc_healthlake_fhir_datastore.this",
        "data.archive_file.lambda_zip",
        "data.aws_caller_identity.current",
        "data.aws_region.current",
        "data.http.jwks",
      ].sort(),
    );
    expect(json.data.http.jwks.url).toBe("https://example.okta.com/oauth2/default/v1/keys");
  });

  test("the validator verifies Okta's tokens: oidc, the preset's claims, the configured audience and clients", () => {
    expect(json.resource.aws_lambda_function.token_validator.environment.variables).toEqual({
      AUTH_MODE: "oidc",
      ISSUER: "https://example.okta.com/oauth2/default",
      JWKS_URI: "https://example.okta.com/oauth2/default/v1/keys",
      ALGORITHMS: "RS256",
      AUDIENCE: "api://healthlake",
      CLIENT_ID: "0oa-smart-app,0oa-smart-service",
      CLIENT_CLAIM: "cid",
      SCOPE_CLAIMS: "scp",
      MAX_TOKEN_LIFETIME_SECONDS: "86400",
      AUTHORIZATION_STRATEGY: "SMART_ON_FHIR",
      USER_ROLE_ARN: "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/healthlake-smart-external-service-role",
    });
  });

  test("discovery names Okta's endpoints, and claims only what the configuration declares", () => {
    expect(metadataOf(json)).toEqual({
      issuer: "https://example.okta.com/oauth2/default",
      jwks_uri: "https://example.okta.com/oauth2/default/v1/keys",
      authorization_endpoint: "https://example.okta.com/oauth2/default/v1/authorize",
      token_endpoint: "https://example.okta.com/oauth2/default/v1/token",
      revocation_endpoint: "https://example.okta.com/oauth2/default/v1/revoke",
      userinfo_endpoint: "https://example.okta.com/oauth2/default/v1/userinfo",
      response_types_supported: ["code"],
      subject_types_supported: ["public"],
      grant_types_supported: ["authorization_code", "client_credentials"],
      scopes_supported: ["openid", "fhirUser", "launch/patient", "patient/*.rs", "user/*.rs", "system/*.rs"],
      claims_supported: ["fhirUser", "patient"],
      code_challenge_methods_supported: ["S256"],
      capabilities: ["permission-v2", "launch-standalone", "context-standalone-patient", "permission-patient", "permission-user", "sso-openid-connect"],
    });
  });

  test("the outputs say what to register at the server and in apps; no Cognito output", () => {
    expect(Object.keys(json.output).sort()).toEqual([
      "datastore_arn",
      "datastore_endpoint",
      "smart_app_registration",
      "smart_configuration",
      "token_validator_function_name",
    ]);
    expect(json.output.smart_app_registration.value).toEqual({
      issuer: "https://example.okta.com/oauth2/default",
      audience: "api://healthlake",
      fhir_base_url: "${awscc_healthlake_fhir_datastore.this.datastore_endpoint}",
      smart_configuration: "${awscc_healthlake_fhir_datastore.this.datastore_endpoint}.well-known/smart-configuration",
      authorization_endpoint: "https://example.okta.com/oauth2/default/v1/authorize",
      token_endpoint: "https://example.okta.com/oauth2/default/v1/token",
      scopes: ["openid", "fhirUser", "launch/patient", "patient/*.rs", "user/*.rs", "system/*.rs"],
    });
  });
});

describe("introspection (Keycloak)", () => {
  test.each([
    [true, 7],
    [false, 0],
  ])("protectData %j: a destroy leaves the secret %j days to restore, so an unprotected stack can be created again at once", (protectData, days) => {
    const config = withServer({ preset: "keycloak", issuer: KEYCLOAK, validation: "introspection", clientIds: ["m"], introspectionClientId: "v" });
    const secret = synthJson({ ...config, protectData }).resource.aws_secretsmanager_secret.introspection_client_secret;
    expect(secret.recovery_window_in_days).toBe(days);
  });

  test("a secret without a value for the validator's client secret, which only the validator's role may read", () => {
    const secret = introspection.resource.aws_secretsmanager_secret.introspection_client_secret;
    expect(secret).toMatchObject({ name: "ext/introspection-client-secret" });
    expect(introspection.resource).not.toHaveProperty("aws_secretsmanager_secret_version");
    const policy = decodeJsonencode(introspection.resource.aws_iam_role_policy.read_introspection_secret.policy);
    expect(policy).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "ReadIntrospectionClientSecret",
          Effect: "Allow",
          Action: "secretsmanager:GetSecretValue",
          Resource: "${aws_secretsmanager_secret.introspection_client_secret.arn}",
        },
      ],
    });
    expect(introspection.resource.aws_iam_role_policy.read_introspection_secret.role).toBe("${aws_iam_role.lambda_role.id}");
  });

  test("the validator gets the secret's ARN, never its value, and ships no keys", () => {
    expect(introspection.resource.aws_lambda_function.token_validator.environment.variables).toEqual({
      AUTH_MODE: "introspection",
      ISSUER: KEYCLOAK,
      INTROSPECTION_ENDPOINT: `${KEYCLOAK}/protocol/openid-connect/token/introspect`,
      INTROSPECTION_CLIENT_ID: "healthlake-validator",
      INTROSPECTION_SECRET_ARN: "${aws_secretsmanager_secret.introspection_client_secret.arn}",
      CLIENT_ID: "smart-machine",
      CLIENT_CLAIM: "azp",
      SCOPE_CLAIMS: "scope",
      MAX_TOKEN_LIFETIME_SECONDS: "86400",
      AUTHORIZATION_STRATEGY: "SMART_ON_FHIR_V1",
      USER_ROLE_ARN: "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/healthlake-service-role",
    });
    expect(introspection.data).not.toHaveProperty("http");
    expect(introspection.data.archive_file.lambda_zip.source.map((s: { filename: string }) => s.filename)).toEqual(["index.js"]);
    expect(introspection.output.introspection_client_secret_arn.value).toBe("${aws_secretsmanager_secret.introspection_client_secret.arn}");
  });
});

describe("a server without a preset or a JWKS URI", () => {
  test("its keys come from its discovery document, read at deploy; a plan stops when it is unusable", () => {
    const discovery = discovered.data.http.openid_configuration;
    expect(discovery.url).toBe("https://idp.example.org/.well-known/openid-configuration");
    expect(discovery.lifecycle.postcondition).toEqual([
      {
        condition: '${self.status_code == 200 && can(regex("^https://", jsondecode(self.response_body).jwks_uri))}',
        error_message: expect.stringMatching(/unreachable or names no https jwks_uri: set smart.externalAuthorizationServer.jwksUri/),
      },
    ]);
    const jwksUri = "${jsondecode(data.http.openid_configuration.response_body).jwks_uri}";
    expect(discovered.resource.aws_lambda_function.token_validator.environment.variables.JWKS_URI).toBe(jwksUri);
    expect(discovered.data.http.jwks.url).toBe(jwksUri);
    expect(discovered.resource.awscc_healthlake_fhir_datastore.this.identity_provider_configuration.metadata).toContain(
      '"jwks_uri" = jsondecode(data.http.openid_configuration.response_body).jwks_uri',
    );
  });

  test("the validator accepts the algorithms the configuration pins, PS256 included, and no other", () => {
    expect(discovered.resource.aws_lambda_function.token_validator.environment.variables.ALGORITHMS).toBe("PS256,ES256");
  });
});
