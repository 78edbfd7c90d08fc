import { Testing } from "cdktf";
import type { HealthLakeSmartConfig, SmartConfig } from "../stacks/config";
import { HealthLakeSmartStack } from "../stacks/healthlake-smart-stack";
import { decodeJsonencode } from "./support/jsonencode";
import { addresses, synthJson } from "./support/synth";

const minimal: HealthLakeSmartConfig = { name: "minimal", datastore: { name: "fhir" } };
// With identity claims: without them the default client for people is refused.
const withSmart = (smart: SmartConfig = {}, extra: Partial<HealthLakeSmartConfig> = {}): HealthLakeSmartConfig => ({
  ...minimal,
  ...extra,
  smart: { identityClaims: {}, ...smart },
});
const metadataOf = (json: ReturnType<typeof synthJson>) =>
  decodeJsonencode(json.resource.awscc_healthlake_fhir_datastore.this.identity_provider_configuration.metadata) as Record<string, unknown>;

describe("configuration options, each on and off", () => {
  test("module defaults: SMART off gives an AWS_AUTH datastore and nothing of Cognito or the validator", () => {
    const json = synthJson(minimal);
    expect(addresses(json)).toEqual(["awscc_healthlake_fhir_datastore.this", "data.aws_caller_identity.current", "data.aws_region.current"]);
    expect(Object.keys(json.output).sort()).toEqual(["datastore_arn", "datastore_endpoint"]);
    const ds = json.resource.awscc_healthlake_fhir_datastore.this;
    expect(ds.identity_provider_configuration).toEqual({ authorization_strategy: "AWS_AUTH", fine_grained_authorization_enabled: false });
    expect(ds).not.toHaveProperty("preload_data_config");
    expect(json.provider).not.toHaveProperty("archive");
  });

  test("SMART on with module defaults and identity claims: code flow with OIDC scopes, module names, deletion protection on, 512 MB", () => {
    const json = synthJson(withSmart());
    expect(json.resource.aws_cognito_user_pool.main).toMatchObject({ name: "smart-on-fhir-healthlake-cognito", deletion_protection: "ACTIVE" });
    expect(json.resource.aws_cognito_user_pool_domain.this.domain).toBe("minimal-fhir-${data.aws_caller_identity.current.account_id}");
    expect(json.resource.aws_cognito_user_pool_client.client).toMatchObject({
      name: "smart-on-fhir-app",
      allowed_oauth_flows: ["code"],
      allowed_oauth_scopes: ["openid", "profile", "email", "phone", "launch/patient", "patient/*.read"],
      refresh_token_validity: 30,
      token_validity_units: [{ access_token: "minutes", id_token: "minutes", refresh_token: "days" }],
    });
    expect(json.resource.aws_lambda_function.token_validator).toMatchObject({ function_name: "healthlake_token_validator", memory_size: 512, timeout: 3 });
    expect(json.resource.aws_lambda_function.token_validator).not.toHaveProperty("reserved_concurrent_executions");
    expect(json.resource.aws_iam_role.healthlake_service_role.name).toBe("healthlake-service-role");
    expect(metadataOf(json).grant_types_supported).toEqual(["authorization_code", "refresh_token"]);
    expect(json.resource).not.toHaveProperty("aws_cognito_user");
  });

  test("authorization strategy SMART_ON_FHIR with v2 scopes advertises v2 permissions, and issues those scopes", () => {
    const v2 = synthJson(withSmart({ authorizationStrategy: "SMART_ON_FHIR", scopes: ["patient/*.rs", "user/Observation.cruds"] }));
    expect(metadataOf(v2).capabilities).toContain("permission-v2");
    expect(v2.resource.aws_cognito_resource_server.user.scope).toEqual([
      { scope_name: "Observation.cruds", scope_description: "SMART scope user/Observation.cruds" },
    ]);
    expect(Object.keys(v2.resource.aws_cognito_resource_server)).toEqual(["patient", "user"]);
    expect(metadataOf(synthJson(withSmart({ authorizationStrategy: "SMART_ON_FHIR" }))).capabilities).not.toContain("permission-v2");
  });

  test("createKmsKey adds aws_kms_key.datastore and encrypts the datastore with it", () => {
    const json = synthJson({ ...minimal, datastore: { name: "fhir", createKmsKey: true }, kmsAdminArn: "arn:aws:iam::111122223333:role/Admin" });
    expect(addresses(json)).toContain("aws_kms_key.datastore");
    expect(json.resource.awscc_healthlake_fhir_datastore.this.sse_configuration.kms_encryption_config.kms_key_id).toBe("${aws_kms_key.datastore.arn}");
    expect(json.output.datastore_kms_key_arn.value).toBe("${aws_kms_key.datastore.arn}");
  });

  test("an existing key ARN is used as is, with no key created", () => {
    const kmsKeyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const json = synthJson({ ...minimal, datastore: { name: "fhir", kmsKeyArn } });
    expect(json.resource).not.toHaveProperty("aws_kms_key");
    expect(json.resource.awscc_healthlake_fhir_datastore.this.sse_configuration.kms_encryption_config).toEqual({
      cmk_type: "CUSTOMER_MANAGED_KMS_KEY",
      kms_key_id: kmsKeyArn,
    });
  });

  test("importExport adds the buckets, the S3 key, the role and their outputs; datastore_kms_key_arn is null with an AWS-owned key", () => {
    const json = synthJson({
      ...minimal,
      kmsAdminArn: "arn:aws:iam::111122223333:role/Admin",
      importExport: { dataBucketPrefix: "d-", logsBucketPrefix: "l-" },
    });
    const settings = ["lifecycle_configuration", "policy", "public_access_block", "server_side_encryption_configuration", "versioning"];
    expect(addresses(json)).toEqual(
      [
        "awscc_healthlake_fhir_datastore.this",
        "aws_iam_policy.healthlake",
        "aws_iam_role.healthlake",
        "aws_iam_role_policy_attachment.this",
        "aws_kms_key.s3",
        "aws_s3_bucket.access_logs",
        "aws_s3_bucket.data",
        "aws_s3_bucket_logging.data",
        ...settings.flatMap((setting) => [`aws_s3_bucket_${setting}.access_logs`, `aws_s3_bucket_${setting}.data`]),
        "data.aws_caller_identity.current",
        "data.aws_region.current",
      ].sort(),
    );
    expect(Object.keys(json.output).sort()).toEqual([
      "datastore_arn",
      "datastore_endpoint",
      "datastore_kms_key_arn",
      "export_role_arn",
      "s3_bucket",
      "s3_kms_key_arn",
    ]);
    // Terraform's null as an expression: `synth --hcl` crashes on a JSON null (Token.nullValue()).
    expect(json.output.datastore_kms_key_arn.value).toBe("${null}");
    expect(json.resource.aws_iam_role.healthlake.name).toBe("HealthLakeImportExportRole");
    expect(json.resource.aws_iam_policy.healthlake.name).toBe("HealthLakeImportExportPolicy");
  });

  test("tags reach the aws provider's default tags and the datastore; none by default", () => {
    const tagged = synthJson({ ...minimal, tags: { Team: "fhir" } });
    expect(tagged.provider.aws[0].default_tags).toEqual([{ tags: { Team: "fhir" } }]);
    expect(tagged.resource.awscc_healthlake_fhir_datastore.this.tags).toEqual([{ key: "Team", value: "fhir" }]);
    const untagged = synthJson(minimal);
    expect(untagged.provider.aws[0]).not.toHaveProperty("default_tags");
    expect(untagged.resource.awscc_healthlake_fhir_datastore.this).not.toHaveProperty("tags");
  });

  test("remote state defaults its key and region; local state otherwise", () => {
    expect(synthJson({ ...minimal, region: "eu-west-2", remoteState: { bucket: "state" } }).terraform.backend).toEqual({
      s3: { bucket: "state", key: "healthlake-smart/minimal.tfstate", region: "eu-west-2", encrypt: true, use_lockfile: true },
    });
    expect(synthJson(minimal).terraform.backend).toEqual({ local: { path: "../../../terraform.minimal.tfstate" } });
  });

  test("region reaches both providers", () => {
    const json = synthJson({ ...minimal, region: "ap-southeast-2" });
    expect(json.provider.aws[0].region).toBe("ap-southeast-2");
    expect(json.provider.awscc[0].region).toBe("ap-southeast-2");
  });

  test("preloadSynthea loads Synthea data; a client-credentials client gets the system scopes only", () => {
    const json = synthJson(withSmart({ cognito: { oauthFlows: ["client_credentials"] } }, { datastore: { name: "fhir", preloadSynthea: true } }));
    expect(json.resource.awscc_healthlake_fhir_datastore.this.preload_data_config).toEqual({ preload_data_type: "SYNTHEA" });
    expect(json.resource.aws_cognito_user_pool_client.client.allowed_oauth_scopes).toEqual(["system/*.*"]);
  });

  test("bad configuration stops synth with the problems listed", () => {
    expect(() => synthJson({ ...minimal, region: "sa-east-1" })).toThrow(/region "sa-east-1" does not offer HealthLake/);
  });
});

describe("validator bundling at synth", () => {
  test("a missing entry stops synth, naming the file", () => {
    expect(
      () => new HealthLakeSmartStack(Testing.app(), "minimal", { config: withSmart(), validatorBundling: { entry: "lambda/token-validator/missing.ts" } }),
    ).toThrow(/lambda\/token-validator\/missing\.ts/);
  });
});

describe("identity claims", () => {
  const machinesOnly = withSmart({ identityClaims: undefined, cognito: { oauthFlows: ["client_credentials"] }, scopes: ["system/*.read"] });
  const people = synthJson(
    withSmart({
      cognito: {
        testUsers: [
          { username: "pat", email: "pat@example.org", fhirUser: "Patient/p-1", patientId: "p-1" },
          { username: "doc", email: "doc@example.org", fhirUser: "Practitioner/d-1" },
          { username: "plain", email: "plain@example.org" },
        ],
      },
    }),
  );

  test("off: no trigger, no identity attributes, no lambda_config; the pool is on the configured plan", () => {
    const json = synthJson(machinesOnly);
    expect(addresses(json).filter((a) => a.includes("pre_token_generation"))).toEqual([]);
    const pool = json.resource.aws_cognito_user_pool.main;
    expect(pool).not.toHaveProperty("lambda_config");
    expect(pool.schema.map((a: { name: string }) => a.name)).toEqual(["email"]);
    expect(pool.user_pool_tier).toBe("ESSENTIALS");
    expect(json.resource.aws_cognito_user_pool_client.client.read_attributes.filter((a: string) => a.startsWith("custom:"))).toEqual([]);
    expect(
      synthJson({ ...machinesOnly, smart: { ...machinesOnly.smart, cognito: { ...machinesOnly.smart?.cognito, userPoolTier: "LITE" } } }).resource
        .aws_cognito_user_pool.main.user_pool_tier,
    ).toBe("LITE");
  });

  test("on: the pool calls the trigger with event version V2_0, and only this pool in this account may invoke it", () => {
    expect(people.resource.aws_cognito_user_pool.main.lambda_config).toEqual({
      pre_token_generation_config: { lambda_arn: "${aws_lambda_function.pre_token_generation.arn}", lambda_version: "V2_0" },
    });
    expect(people.resource.aws_lambda_permission.cognito_pre_token_generation).toMatchObject({
      action: "lambda:InvokeFunction",
      function_name: "${aws_lambda_function.pre_token_generation.function_name}",
      principal: "cognito-idp.amazonaws.com",
      source_arn: "${aws_cognito_user_pool.main.arn}",
      source_account: "${data.aws_caller_identity.current.account_id}",
    });
  });

  test("on: the trigger has its own role (logs only), log group with retention, and the stack's name in its defaults", () => {
    const fn = people.resource.aws_lambda_function.pre_token_generation;
    expect(fn).toMatchObject({
      function_name: "minimal-pre-token-generation",
      role: "${aws_iam_role.pre_token_generation.arn}",
      runtime: "nodejs22.x",
      handler: "index.handler",
      memory_size: 256,
      timeout: 3,
      depends_on: ["aws_cloudwatch_log_group.pre_token_generation"],
    });
    expect(fn).not.toHaveProperty("environment");
    expect(people.resource.aws_iam_role.pre_token_generation.name).toBe("minimal-pre-token-generation");
    expect(people.resource.aws_iam_role_policy_attachment.pre_token_generation_basic.role).toBe("${aws_iam_role.pre_token_generation.name}");
    const policiesOnRole = (Object.values(people.resource.aws_iam_role_policy_attachment) as { role: string }[]).filter((a) =>
      a.role.includes("pre_token_generation"),
    );
    expect(policiesOnRole).toHaveLength(1);
    expect(people.resource.aws_cloudwatch_log_group.pre_token_generation).toMatchObject({
      name: "/aws/lambda/minimal-pre-token-generation",
      retention_in_days: 365,
    });
  });

  test("on: the identity attributes are in the schema, bounded, readable by every client and writable by none", () => {
    const schema = people.resource.aws_cognito_user_pool.main.schema;
    expect(schema.filter((a: { name: string }) => a.name !== "email")).toEqual([
      {
        attribute_data_type: "String",
        developer_only_attribute: false,
        mutable: true,
        name: "fhir_user",
        required: false,
        string_attribute_constraints: { max_length: "256", min_length: "1" },
      },
      {
        attribute_data_type: "String",
        developer_only_attribute: false,
        mutable: true,
        name: "patient_id",
        required: false,
        string_attribute_constraints: { max_length: "64", min_length: "1" },
      },
    ]);
    for (const client of Object.values(people.resource.aws_cognito_user_pool_client) as { read_attributes: string[]; write_attributes: string[] }[]) {
      expect(client.read_attributes).toEqual(expect.arrayContaining(["custom:fhir_user", "custom:patient_id"]));
      expect(client.write_attributes.filter((a) => a.startsWith("custom:") || a.includes("fhir") || a.includes("patient"))).toEqual([]);
    }
  });

  test("on: test users carry their identity as the provider writes custom attributes (no custom: prefix, else a perpetual diff)", () => {
    const users = people.resource.aws_cognito_user.test_users;
    expect(users.attributes).toBe("${each.value}");
    expect(users.for_each).toEqual({
      pat: { email: "pat@example.org", email_verified: "true", preferred_username: "pat", fhir_user: "Patient/p-1", patient_id: "p-1" },
      doc: { email: "doc@example.org", email_verified: "true", preferred_username: "doc", fhir_user: "Practitioner/d-1" },
      plain: { email: "plain@example.org", email_verified: "true", preferred_username: "plain" },
    });
  });

  test.each([
    ["machines only, no claims", machinesOnly, ["client-confidential-symmetric", "permission-v1"]],
    [
      "people with claims and a public client",
      withSmart({ scopes: ["launch/patient", "patient/*.read", "user/*.read"], smartFront: { publicClientCallbackUrls: ["https://spa.example.org/cb"] } }),
      [
        "client-confidential-symmetric",
        "permission-v1",
        "launch-standalone",
        "client-public",
        "context-standalone-patient",
        "permission-patient",
        "permission-user",
        "sso-openid-connect",
      ],
    ],
    [
      "people with claims, patient scopes only, a public client",
      withSmart({ scopes: ["patient/*.read"], smartFront: { publicClientCallbackUrls: ["https://spa.example.org/cb"] } }),
      ["client-confidential-symmetric", "permission-v1", "launch-standalone", "client-public", "permission-patient", "sso-openid-connect"],
    ],
    [
      "people with claims, the front without a public client (none unless it has callback URLs): no client-public",
      withSmart({ scopes: ["patient/*.read"], smartFront: {} }),
      ["client-confidential-symmetric", "permission-v1", "launch-standalone", "permission-patient", "sso-openid-connect"],
    ],
    [
      "people with claims, the front off: no launch a SMART app could complete against Cognito's own endpoints",
      withSmart({ scopes: ["launch/patient", "patient/*.read", "user/*.read"], smartFront: { enabled: false } }),
      ["client-confidential-symmetric", "permission-v1", "permission-patient", "permission-user"],
    ],
    [
      "claims and machines only: nothing for people is advertised",
      withSmart({ cognito: { oauthFlows: ["client_credentials"] }, scopes: ["system/*.read"] }),
      ["client-confidential-symmetric", "permission-v1"],
    ],
  ] as const)("discovery: %s", (_name, config, capabilities) => {
    const metadata = metadataOf(synthJson(config));
    expect(metadata.capabilities).toEqual(capabilities);
    const claims = metadata.claims_supported as string[];
    const withClaims = config.smart?.identityClaims !== undefined;
    expect([claims.includes("fhirUser"), claims.includes("patient")]).toEqual([withClaims, withClaims]);
  });
});
