import { Testing } from "cdktf";
import type { HealthLakeSmartConfig, SmartConfig } from "../stacks/config";
import { HealthLakeSmartStack } from "../stacks/healthlake-smart-stack";
import { decodeJsonencode } from "./support/jsonencode";
import { addresses, synthJson } from "./support/synth";

const minimal: HealthLakeSmartConfig = { name: "minimal", datastore: { name: "fhir" } };
const withSmart = (smart: SmartConfig = {}, extra: Partial<HealthLakeSmartConfig> = {}): HealthLakeSmartConfig => ({ ...minimal, ...extra, smart });
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

  test("SMART on with module defaults: code flow with OIDC scopes, module names, deletion protection on, 512 MB", () => {
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
    expect(metadataOf(json).grant_types_supported).toEqual(["authorization_code"]);
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
    expect(json.output.datastore_kms_key_arn.value).toBeNull();
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
