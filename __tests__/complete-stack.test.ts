import { complete } from "../environments/complete";
import { decodeJsonencode } from "./support/jsonencode";
import { identityProviderUpdateAddresses } from "./support/identity-provider-update";
import { addresses, synthJson } from "./support/synth";
import { SMART_FRONT_ADDRESSES } from "./support/smart-front";

const json = synthJson(complete);
const policyOf = (type: string, name: string, field = "policy") => decodeJsonencode(json.resource[type][name][field]) as { Statement: Record<string, any>[] };

// The reference module's README tables: 35 resources and data sources, 9 outputs.
const MODULE_ADDRESSES = [
  "aws_cognito_resource_server.launch",
  "aws_cognito_resource_server.patient",
  "aws_cognito_resource_server.system",
  "aws_cognito_user.test_users",
  "aws_cognito_user_pool.main",
  "aws_cognito_user_pool_client.client",
  "aws_cognito_user_pool_domain.this",
  "aws_iam_policy.healthlake",
  "aws_iam_role.healthlake",
  "aws_iam_role.healthlake_service_role",
  "aws_iam_role.lambda_role",
  "aws_iam_role_policy.cognito_access",
  "aws_iam_role_policy_attachment.healthlake_policy",
  "aws_iam_role_policy_attachment.lambda_basic",
  "aws_iam_role_policy_attachment.this",
  "aws_kms_key.datastore",
  "aws_kms_key.s3",
  "aws_lambda_function.token_validator",
  "aws_lambda_permission.healthlake",
  "aws_s3_bucket.access_logs",
  "aws_s3_bucket.data",
  "aws_s3_bucket_lifecycle_configuration.access_logs",
  "aws_s3_bucket_lifecycle_configuration.data",
  "aws_s3_bucket_logging.access_logs",
  "aws_s3_bucket_logging.data",
  "aws_s3_bucket_policy.access_logs",
  "aws_s3_bucket_public_access_block.access_logs",
  "aws_s3_bucket_public_access_block.data",
  "aws_s3_bucket_server_side_encryption_configuration.access_logs",
  "aws_s3_bucket_server_side_encryption_configuration.data",
  "aws_s3_bucket_versioning.access_logs",
  "aws_s3_bucket_versioning.data",
  "awscc_healthlake_fhir_datastore.this",
  "data.aws_caller_identity.current",
  "data.aws_region.current",
];
const MODULE_OUTPUTS = [
  "cognito_domain",
  "cognito_oauth_endpoints",
  "cognito_scopes",
  "datastore_arn",
  "datastore_endpoint",
  "datastore_kms_key_arn",
  "export_role_arn",
  "s3_bucket",
  "s3_kms_key_arn",
];

describe("complete stack (every option on)", () => {
  // The module's log bucket logs into itself, which AWS calls an endless loop: that address is dropped.
  const DROPPED = ["aws_s3_bucket_logging.access_logs"];

  test("holds the module's addresses but its log bucket's self-logging, plus the data bucket policy, the Lambda zip and its key set, the machine client, the validator's operations, the identity claims, the identity provider update and the SMART front", () => {
    expect(addresses(json)).toEqual(
      [
        ...MODULE_ADDRESSES.filter((address) => !DROPPED.includes(address)),
        "aws_s3_bucket_policy.data",
        "data.archive_file.lambda_zip",
        "data.http.jwks",
        "aws_iam_policy.healthlake_service_role",
        "aws_cloudwatch_log_group.token_validator",
        "aws_lambda_alias.token_validator",
        "aws_lambda_provisioned_concurrency_config.token_validator",
        "aws_iam_role_policy_attachment.lambda_xray",
        "aws_cognito_user_pool_client.machine",
        "aws_lambda_permission.healthlake_alias",
        ...identityProviderUpdateAddresses(true),
        // The pre token generation trigger and the user resource server.
        "aws_cognito_resource_server.user",
        "data.archive_file.pre_token_generation_zip",
        "aws_iam_role.pre_token_generation",
        "aws_iam_role_policy_attachment.pre_token_generation_basic",
        "aws_iam_role_policy_attachment.pre_token_generation_xray",
        "aws_cloudwatch_log_group.pre_token_generation",
        "aws_lambda_function.pre_token_generation",
        "aws_lambda_permission.cognito_pre_token_generation",
        // The SMART front, traced.
        ...SMART_FRONT_ADDRESSES,
        "aws_iam_role_policy_attachment.smart_front_xray",
      ].sort(),
    );
  });

  test("holds the module's 9 outputs, the sensitive credentials of both confidential clients, the public client and the front, and what the smoke test reads", () => {
    expect(Object.keys(json.output).sort()).toEqual(
      [
        ...MODULE_OUTPUTS,
        "cognito_client_credentials",
        "cognito_machine_client_credentials",
        "cognito_public_client_id",
        "smart_configuration",
        "smart_front_endpoints",
        "token_validator_function_name",
      ].sort(),
    );
    // The same document the datastore gets, as an object: `terraform output -json` gives it as JSON.
    expect(json.output.smart_configuration.value).toEqual(
      decodeJsonencode(json.resource.awscc_healthlake_fhir_datastore.this.identity_provider_configuration.metadata),
    );
    expect(json.output.token_validator_function_name.value).toBe("${aws_lambda_function.token_validator.function_name}");
    expect(json.output.cognito_client_credentials.sensitive).toBe(true);
    expect(json.output.datastore_kms_key_arn.value).toBe("${aws_kms_key.datastore.arn}");
  });

  test("both KMS keys rotate; their policy lets the account's IAM policies use them and the admin manage, not use, them", () => {
    const adminActions = [
      "kms:Create*",
      "kms:Describe*",
      "kms:Enable*",
      "kms:List*",
      "kms:Put*",
      "kms:Update*",
      "kms:Revoke*",
      "kms:Disable*",
      "kms:Get*",
      "kms:Delete*",
      "kms:TagResource",
      "kms:UntagResource",
      "kms:ScheduleKeyDeletion",
      "kms:CancelKeyDeletion",
      "kms:RotateKeyOnDemand",
    ];
    for (const name of ["datastore", "s3"]) {
      expect(json.resource.aws_kms_key[name].enable_key_rotation).toBe(true);
      expect(policyOf("aws_kms_key", name).Statement).toEqual([
        {
          Sid: "EnableIamPoliciesOfTheAccount",
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" },
          Action: "kms:*",
          Resource: "*",
        },
        { Sid: "KeyAdministration", Effect: "Allow", Principal: { AWS: complete.kmsAdminArn }, Action: adminActions, Resource: "*" },
      ]);
    }
  });

  test("the datastore is encrypted with its own key, tagged, and SMART v2", () => {
    const ds = json.resource.awscc_healthlake_fhir_datastore.this;
    expect(ds.sse_configuration).toEqual({ kms_encryption_config: { cmk_type: "CUSTOMER_MANAGED_KMS_KEY", kms_key_id: "${aws_kms_key.datastore.arn}" } });
    expect(ds.tags).toEqual(Object.entries(complete.tags!).map(([key, value]) => ({ key, value })));
    expect(ds.identity_provider_configuration.authorization_strategy).toBe("SMART_ON_FHIR");
    expect(json.resource.aws_lambda_function.token_validator.environment.variables.AUTHORIZATION_STRATEGY).toBe("SMART_ON_FHIR");
    const metadata = decodeJsonencode(ds.identity_provider_configuration.metadata) as Record<string, string[]>;
    // Its capabilities are asserted with discovery (first-deploy.test.ts, item 12).
    expect(metadata.capabilities).toContain("permission-v2");
    expect(metadata.grant_types_supported).toEqual(["authorization_code", "refresh_token", "client_credentials"]);
  });

  test("every aws_* resource is tagged through the provider's default tags", () => {
    expect(json.provider.aws[0].default_tags).toEqual([{ tags: complete.tags }]);
  });

  test("both buckets are versioned, private and encrypted (KMS for data) and abort incomplete uploads; the data bucket logs into the log bucket", () => {
    for (const name of ["data", "access_logs"]) {
      expect(json.resource.aws_s3_bucket_versioning[name].versioning_configuration).toEqual({ status: "Enabled" });
      expect(json.resource.aws_s3_bucket_public_access_block[name]).toMatchObject({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      });
      expect(json.resource.aws_s3_bucket_lifecycle_configuration[name].rule[0]).toEqual({
        id: "abort-incomplete-multipart-uploads",
        status: "Enabled",
        filter: [{ prefix: "" }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      });
    }
    expect(json.resource.aws_s3_bucket_lifecycle_configuration.access_logs.rule[1]).toEqual({
      id: "archive-then-expire-logs",
      status: "Enabled",
      filter: [{ prefix: "" }],
      transition: [
        { days: 30, storage_class: "STANDARD_IA" },
        { days: 365, storage_class: "GLACIER" },
      ],
      expiration: [{ days: 1825 }],
      noncurrent_version_expiration: [{ noncurrent_days: 30 }],
    });
    expect(json.resource.aws_s3_bucket_server_side_encryption_configuration.data.rule[0].apply_server_side_encryption_by_default).toEqual({
      sse_algorithm: "aws:kms",
      kms_master_key_id: "${aws_kms_key.s3.arn}",
    });
    // S3's default since April 2026, set so that aws 6.25 (not computed there) plans no change to it.
    for (const bucket of ["data", "access_logs"]) {
      expect(json.resource.aws_s3_bucket_server_side_encryption_configuration[bucket].rule[0].blocked_encryption_types).toEqual(["SSE-C"]);
    }
    expect(json.resource.aws_s3_bucket_logging.data).toMatchObject({ target_bucket: "${aws_s3_bucket.access_logs.id}", target_prefix: "data/" });
    expect(json.resource.aws_s3_bucket.data.bucket_prefix).toBe("healthlake-complete-data-");
  });

  test("bucket policies deny plain HTTP and TLS below 1.2; only S3 log delivery of this account may write into the log bucket", () => {
    const denies = (bucket: string) => {
      const Resource = [`\${aws_s3_bucket.${bucket}.arn}`, `\${aws_s3_bucket.${bucket}.arn}/*`];
      return [
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: { AWS: "*" },
          Action: "s3:*",
          Resource,
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
          Sid: "DenyTlsBelow12",
          Effect: "Deny",
          Principal: { AWS: "*" },
          Action: "s3:*",
          Resource,
          Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
        },
      ];
    };
    expect(policyOf("aws_s3_bucket_policy", "data").Statement).toEqual(denies("data"));
    expect(policyOf("aws_s3_bucket_policy", "access_logs").Statement).toEqual([
      {
        Sid: "AllowS3ServerAccessLogDelivery",
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: "${aws_s3_bucket.access_logs.arn}/*",
        Condition: { StringEquals: { "aws:SourceAccount": "${data.aws_caller_identity.current.account_id}" } },
      },
      ...denies("access_logs"),
    ]);
    for (const name of ["data", "access_logs"]) {
      expect(json.resource.aws_s3_bucket_policy[name].depends_on).toEqual([`aws_s3_bucket_public_access_block.${name}`]);
    }
  });

  test("the import/export role: trusted by HealthLake for this account and datastore only; S3 and KMS as an import and an export need", () => {
    const trust = policyOf("aws_iam_role", "healthlake", "assume_role_policy").Statement;
    expect(trust).toEqual([
      {
        Effect: "Allow",
        Principal: { Service: "healthlake.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": "${data.aws_caller_identity.current.account_id}" },
          ArnEquals: { "aws:SourceArn": "${awscc_healthlake_fhir_datastore.this.datastore_arn}" },
        },
      },
    ]);
    expect(policyOf("aws_iam_policy", "healthlake").Statement).toEqual([
      {
        Sid: "ListBucket",
        Effect: "Allow",
        Action: ["s3:ListBucket", "s3:GetBucketPublicAccessBlock", "s3:GetEncryptionConfiguration"],
        Resource: "${aws_s3_bucket.data.arn}",
      },
      { Sid: "ReadAndWriteObjects", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "${aws_s3_bucket.data.arn}/*" },
      { Sid: "UseBucketKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"], Resource: "${aws_kms_key.s3.arn}" },
    ]);
    expect(json.resource.aws_iam_role_policy_attachment.this).toEqual({
      role: "${aws_iam_role.healthlake.name}",
      policy_arn: "${aws_iam_policy.healthlake.arn}",
    });
  });

  test("test users are keyed by username, their passwords a sensitive variable checked at plan", () => {
    const users = json.resource.aws_cognito_user.test_users;
    expect(Object.keys(users.for_each)).toEqual(["clinician", "patient"]);
    expect(users.password).toBe("${lookup(var.test_user_passwords, each.key, null)}");
    expect(json.variable?.test_user_passwords).toMatchObject({ sensitive: true, type: "map(string)", default: {} });
    expect(json.variable?.test_user_passwords.validation[0].condition).toContain("length(p) >= 8");
  });

  test("state lives in S3, encrypted, with S3-native locking and no DynamoDB table", () => {
    expect(json.terraform.backend).toEqual({
      s3: { bucket: "example-terraform-state-bucket", key: "healthlake-smart/complete.tfstate", region: "us-west-2", encrypt: true, use_lockfile: true },
    });
  });

  test("matches the reviewed snapshot", () => {
    expect(json).toMatchSnapshot();
  });
});
