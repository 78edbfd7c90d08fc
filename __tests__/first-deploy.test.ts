// What AWS would refuse on a first deploy, and defaults that must be safe. One block per item.
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { complete } from "../environments/complete";
import { sandbox } from "../environments/sandbox";
import type { HealthLakeSmartConfig, SmartConfig } from "../stacks/config";
import { decodeJsonencode } from "./support/jsonencode";
import { addresses, synthJson } from "./support/synth";
import { hasTerraform, terraformPlanSummary } from "./support/terraform";

// With identity claims: without them the default client for people is refused.
const smart = (section: SmartConfig = {}): HealthLakeSmartConfig => ({ name: "first", datastore: { name: "fhir" }, smart: { identityClaims: {}, ...section } });
/** An environment with one change to its SMART section. */
const changed = (env: HealthLakeSmartConfig, change: (smart: SmartConfig) => SmartConfig): HealthLakeSmartConfig => ({
  ...env,
  smart: change(env.smart ?? {}),
});
const sandboxJson = synthJson(sandbox);
const completeJson = synthJson(complete);
const ANY_ACCOUNT = "${data.aws_caller_identity.current.account_id}";

describe("1. MFA that Cognito accepts", () => {
  test("MFA OPTIONAL or ON enables TOTP as a second factor; OFF enables none", () => {
    for (const mfaConfiguration of ["ON", "OPTIONAL"] as const) {
      const pool = synthJson(smart({ cognito: { mfaConfiguration } })).resource.aws_cognito_user_pool.main;
      expect(pool).toMatchObject({ mfa_configuration: mfaConfiguration, software_token_mfa_configuration: { enabled: true } });
    }
    expect(synthJson(smart()).resource.aws_cognito_user_pool.main).not.toHaveProperty("software_token_mfa_configuration");
    expect(completeJson.resource.aws_cognito_user_pool.main.software_token_mfa_configuration).toEqual({ enabled: true });
  });

  test("SMS is a factor only when configured, with the SNS role", () => {
    const sms = { snsCallerArn: "arn:aws:iam::111122223333:role/cognito-sms", externalId: "ext-1" };
    const pool = synthJson(smart({ cognito: { mfaConfiguration: "ON", mfaSoftwareToken: false, sms } })).resource.aws_cognito_user_pool.main;
    expect(pool.sms_configuration).toEqual({ sns_caller_arn: sms.snsCallerArn, external_id: "ext-1" });
    expect(pool).not.toHaveProperty("software_token_mfa_configuration");
  });

  test("synth refuses MFA with no factor", () => {
    expect(() => synthJson(smart({ cognito: { mfaConfiguration: "ON", mfaSoftwareToken: false } }))).toThrow(
      /cognito.mfaConfiguration "ON" needs a second factor/,
    );
  });
});

describe("2. example values never reach AWS", () => {
  test("allowedAccountIds becomes the aws provider's allowed_account_ids", () => {
    expect(completeJson.provider.aws[0].allowed_account_ids).toEqual(["111122223333"]);
    expect(sandboxJson.provider.aws[0]).not.toHaveProperty("allowed_account_ids");
  });

  test("complete names no account its guard does not allow", () => {
    const accounts = [...JSON.stringify(completeJson).matchAll(/arn:aws:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/g)].map((m) => m[1]);
    expect(accounts.length).toBeGreaterThan(0);
    expect([...new Set(accounts)]).toEqual(complete.allowedAccountIds);
  });
});

describe("3. commands that need no password don't ask for one", () => {
  test("the gist user's password variable is optional: null by default, checked only when given", () => {
    const variable = sandboxJson.variable!.test_user_password;
    expect(variable).toMatchObject({ default: null, nullable: true, sensitive: true, type: "string" });
    expect(variable.validation[0].condition).toMatch(/^\$\{var\.test_user_password == null \? true : length\(var\.test_user_password\) >= 8 /);
  });

  test("without a password Cognito sets a temporary one and mails nothing to the gist's address", () => {
    expect(sandboxJson.resource.aws_cognito_user.test_user).toMatchObject({ password: "${var.test_user_password}", message_action: "SUPPRESS" });
  });

  test("the module's test users, with or without a password, get no invitation mail either", () => {
    expect(completeJson.resource.aws_cognito_user.test_users).toMatchObject({
      password: "${lookup(var.test_user_passwords, each.key, null)}",
      message_action: "SUPPRESS",
    });
  });

  test("a test user's password is only its first: later plans neither need nor reset it", () => {
    expect(sandboxJson.resource.aws_cognito_user.test_user.lifecycle).toEqual({ ignore_changes: ["password"] });
    expect(completeJson.resource.aws_cognito_user.test_users.lifecycle).toEqual({ ignore_changes: ["password"] });
    expect(completeJson.variable!.test_user_passwords.default).toEqual({});
  });
});

describe("4. teardown that finishes", () => {
  const bucketsOf = (json: ReturnType<typeof synthJson>) => json.resource.aws_s3_bucket;

  test("the access-log bucket does not log into itself", () => {
    expect(Object.keys(completeJson.resource.aws_s3_bucket_logging)).toEqual(["data"]);
    expect(completeJson.resource.aws_s3_bucket_logging.data.target_bucket).toBe("${aws_s3_bucket.access_logs.id}");
  });

  test("the data bucket's logging waits for the policy that lets S3 deliver logs (PutBucketLogging checks it)", () => {
    expect(completeJson.resource.aws_s3_bucket_logging.data.depends_on).toEqual(["aws_s3_bucket_policy.access_logs"]);
  });

  test("both buckets expire noncurrent versions", () => {
    for (const name of ["data", "access_logs"]) {
      const rules = completeJson.resource.aws_s3_bucket_lifecycle_configuration[name].rule;
      expect(rules.filter((rule: Record<string, unknown>) => rule.noncurrent_version_expiration)).toHaveLength(1);
    }
    expect(completeJson.resource.aws_s3_bucket_lifecycle_configuration.access_logs.rule[1].noncurrent_version_expiration).toEqual([{ noncurrent_days: 30 }]);
    expect(completeJson.resource.aws_s3_bucket_lifecycle_configuration.data.rule[1].noncurrent_version_expiration).toEqual([{ noncurrent_days: 90 }]);
  });

  test("protected data keeps its objects on destroy; with protectData false a destroy empties the buckets first", () => {
    for (const bucket of Object.values(bucketsOf(completeJson))) expect(bucket).not.toHaveProperty("force_destroy");
    const unprotected = synthJson({ ...complete, protectData: false });
    for (const bucket of Object.values(bucketsOf(unprotected))) expect(bucket).toMatchObject({ force_destroy: true });
    expect(bucketsOf(unprotected).data).not.toHaveProperty("lifecycle");
  });
});

describe("5. moving from the gist without a log group collision", () => {
  const importing = synthJson(changed(sandbox, (s) => ({ ...s, validator: { ...s.validator, importExistingLogGroup: true } })));
  const GROUP = "/aws/lambda/smart-fhir-auth-lambda";

  test("importExistingLogGroup emits an import block for the group the gist's Lambda created, while it exists", () => {
    expect(importing.import).toEqual([
      {
        for_each: `\${toset([for id in data.aws_cloudwatch_log_groups.token_validator.log_group_names : id if id == "${GROUP}"])}`,
        to: "aws_cloudwatch_log_group.token_validator",
        id: "${each.value}",
      },
    ]);
    expect(importing.data.aws_cloudwatch_log_groups.token_validator).toEqual({ log_group_name_prefix: GROUP });
  });

  (hasTerraform ? test : test.skip)("terraform imports the group when it exists and creates it after a destroy, when it does not", () => {
    // The stack's own import block, planned by terraform with a variable for the groups that exist and
    // terraform_data for the log group (the aws provider cannot be installed here).
    const block = (importing.import ?? [])[0];
    const bare = (expression: string) => expression.replace(/^\$\{([\s\S]*)\}$/, "$1");
    const forEach = bare(block.for_each).replace("data.aws_cloudwatch_log_groups.token_validator.log_group_names", "var.existing");
    const plan = (existing: string[]) =>
      terraformPlanSummary(
        `variable "existing" { type = list(string) }\nresource "terraform_data" "log_group" {}\nimport {\n  for_each = ${forEach}\n  to = terraform_data.log_group\n  id = ${bare(block.id)}\n}\n`,
        { existing: JSON.stringify(existing) },
      );
    expect(plan([GROUP, `${GROUP}-other`])).toMatch(/^Plan: 1 to import, 0 to add/);
    expect(plan([`${GROUP}-other`])).toMatch(/^Plan: 1 to add/);
    expect(plan([])).toMatch(/^Plan: 1 to add/);
  });

  test("off by default: a fresh account has nothing to import", () => {
    expect(sandboxJson).not.toHaveProperty("import");
    expect(completeJson).not.toHaveProperty("import");
  });
});

describe("6. a Cognito domain prefix that is free", () => {
  test("the default is the stack name and the account id, composed by Terraform", () => {
    expect(sandboxJson.resource.aws_cognito_user_pool_domain.this.domain).toBe(`sandbox-fhir-${ANY_ACCOUNT}`);
  });

  test("neither taken prefix of the gist and the module is a default any more", () => {
    for (const json of [sandboxJson, synthJson(smart())]) {
      expect(["smart-fhir-test", "smart-fhir"]).not.toContain(json.resource.aws_cognito_user_pool_domain.this.domain);
    }
  });

  test.each(["aws-dev", "cognito-test", "amazon"])("a stack named %j gets a default Cognito accepts, still with the account id", (name) => {
    const domain: string = synthJson({ ...sandbox, name }).resource.aws_cognito_user_pool_domain.this.domain;
    expect(domain).toMatch(/^[a-z0-9-]+-fhir-\$\{data\.aws_caller_identity\.current\.account_id\}$/);
    expect(domain.replace(ANY_ACCOUNT, "")).not.toMatch(/aws|amazon|cognito/);
  });

  test("a migrating user keeps theirs", () => {
    const json = synthJson(changed(sandbox, (s) => ({ ...s, cognito: { ...s.cognito, domainPrefix: "smart-fhir-test" } })));
    expect(json.resource.aws_cognito_user_pool_domain.this.domain).toBe("smart-fhir-test");
  });
});

describe("7. no account-quota surprise", () => {
  test("reserved concurrency is opt-in", () => {
    expect(sandboxJson.resource.aws_lambda_function.token_validator).not.toHaveProperty("reserved_concurrent_executions");
    expect(completeJson.resource.aws_lambda_function.token_validator.reserved_concurrent_executions).toBe(50);
  });
});

describe("8. HealthLake can always call the validator", () => {
  /** HealthLake's invoke permissions (Cognito's, for the trigger, are asserted with identity claims). */
  const permissions = (config: HealthLakeSmartConfig) =>
    Object.fromEntries(Object.entries(synthJson(config).resource.aws_lambda_permission).filter(([, p]) => p.principal === "healthlake.amazonaws.com"));

  test("by default the service principal alone, as AWS's own sample", () => {
    const validator = {
      principal: "healthlake.amazonaws.com",
      action: "lambda:InvokeFunction",
      function_name: "${aws_lambda_function.token_validator.function_name}",
    };
    expect(sandboxJson.resource.aws_lambda_permission).toEqual({
      healthlake: expect.objectContaining(validator),
      healthlake_alias: expect.objectContaining({ ...validator, qualifier: "${aws_lambda_alias.token_validator.name}" }),
    });
    for (const permission of Object.values(sandboxJson.resource.aws_lambda_permission)) {
      expect(permission).not.toHaveProperty("source_account");
      expect(permission).not.toHaveProperty("source_arn");
    }
  });

  test.each([
    ["account", { source_account: ANY_ACCOUNT }, ["source_arn"]],
    [
      "datastore",
      { source_account: ANY_ACCOUNT, source_arn: expect.stringMatching(/datastore\/fhir\/\$\{awscc_healthlake_fhir_datastore\.this\.datastore_id\}$/) },
      [],
    ],
  ] as const)("invokeCondition %s", (invokeCondition, expected, absent) => {
    const permission = permissions(smart({ validator: { invokeCondition } })).healthlake;
    expect(permission).toMatchObject(expected);
    for (const key of absent) expect(permission).not.toHaveProperty(key);
  });

  test("the alias HealthLake calls and the function a datastore from the gist calls may both be invoked, with or without provisioned concurrency", () => {
    for (const provisionedConcurrency of [0, 1]) {
      const both = permissions(smart({ validator: { provisionedConcurrency } }));
      expect(Object.keys(both).sort()).toEqual(["healthlake", "healthlake_alias"]);
      expect(both.healthlake).not.toHaveProperty("qualifier");
      expect(both.healthlake_alias.qualifier).toBe("${aws_lambda_alias.token_validator.name}");
      expect([both.healthlake.statement_id, both.healthlake_alias.statement_id]).toEqual(["healthlake", "healthlake_alias"]);
    }
  });
});

describe("9. the datastore is never replaced by accident", () => {
  test("every create-only attribute the provider has been seen to diff is ignored", () => {
    for (const json of [sandboxJson, completeJson, synthJson({ name: "plain", datastore: { name: "fhir" } })]) {
      expect(json.resource.awscc_healthlake_fhir_datastore.this.lifecycle.ignore_changes).toEqual([
        "identity_provider_configuration",
        "preload_data_config",
        "sse_configuration",
      ]);
    }
  });
});

describe("10. people do not get machine scopes", () => {
  test("with both flows: a machine client with system scopes only, and a client for people without any", () => {
    const clients = completeJson.resource.aws_cognito_user_pool_client;
    expect(Object.keys(clients).sort()).toEqual(["client", "machine", "public"]);
    expect(clients.client).toMatchObject({ allowed_oauth_flows: ["code"], name: "smart-on-fhir-app" });
    expect(clients.client.allowed_oauth_scopes).toEqual([
      "openid",
      "profile",
      "email",
      "phone",
      "launch/patient",
      "patient/*.read",
      "patient/*.rs",
      "patient/Observation.rs?category=laboratory",
      "user/*.read",
      "user/*.rs",
    ]);
    expect(clients.machine).toMatchObject({
      allowed_oauth_flows: ["client_credentials"],
      name: "smart-on-fhir-app-machine",
      allowed_oauth_scopes: ["system/*.*", "system/*.rs"],
    });
    expect(clients.public).toMatchObject({ allowed_oauth_flows: ["code"], generate_secret: false, allowed_oauth_scopes: clients.client.allowed_oauth_scopes });
  });

  test("the gist's machine client keeps its address and gets only system scopes", () => {
    expect(Object.keys(sandboxJson.resource.aws_cognito_user_pool_client)).toEqual(["client"]);
    expect(sandboxJson.resource.aws_cognito_user_pool_client.client.allowed_oauth_scopes).toEqual(["system/*.*"]);
  });

  test("the validator accepts both clients, and each client's credentials are a sensitive output", () => {
    expect(completeJson.resource.aws_lambda_function.token_validator.environment.variables.CLIENT_ID).toBe(
      '${join(",", [aws_cognito_user_pool_client.client.id, aws_cognito_user_pool_client.machine.id, aws_cognito_user_pool_client.public.id])}',
    );
    expect(completeJson.output.cognito_machine_client_credentials).toMatchObject({
      sensitive: true,
      value: { client_id: "${aws_cognito_user_pool_client.machine.id}", client_secret: "${aws_cognito_user_pool_client.machine.client_secret}" },
    });
  });
});

describe("11. secrets stay out of files", () => {
  const root = path.join(__dirname, "..");
  const ignored = (file: string) => {
    try {
      execFileSync("git", ["check-ignore", "-q", "--no-index", file], { cwd: root });
      return true;
    } catch {
      return false;
    }
  };

  test.each(["terraform.sandbox.tfstate", "terraform.complete.tfstate.backup", "terraform.tfstate", "cdktf.out/stacks/sandbox/cdk.tf.json"])(
    "git ignores %s",
    (file) => {
      expect(ignored(file)).toBe(true);
    },
  );

  test("git still tracks the sources", () => {
    expect(ignored("stacks/config.ts")).toBe(false);
  });

  test("no password reaches cdk.tf.json: the test users' variable has an empty default", () => {
    expect(() => synthJson(smart({ cognito: { testUsers: [{ username: "alice", email: "a@example.org", password: "Str0ng!pass" } as never] } }))).toThrow(
      /cognito.testUsers\[0\].password is set \(value not shown\)/,
    );
  });
});

describe("12. discovery says only what is delivered", () => {
  const metadataOf = (json: ReturnType<typeof synthJson>) =>
    decodeJsonencode(json.resource.awscc_healthlake_fhir_datastore.this.identity_provider_configuration.metadata) as Record<string, unknown>;

  test("sandbox: a machine client with v1 scopes, nothing for people", () => {
    const metadata = metadataOf(sandboxJson);
    expect(metadata.capabilities).toEqual(["client-confidential-symmetric", "permission-v1"]);
    expect(metadata).not.toHaveProperty("response_modes_supported");
    expect(metadata.scopes_supported).toEqual(["system/*.*"]);
  });

  test("complete: v2 and v2.2 advertised because such scopes are issued; patient and user context because the trigger adds the claims", () => {
    const metadata = metadataOf(completeJson);
    expect(metadata.capabilities).toEqual([
      "client-confidential-symmetric",
      "permission-v1",
      "permission-v2",
      "permission-v2.2",
      "launch-standalone",
      "client-public",
      "context-standalone-patient",
      "permission-patient",
      "permission-user",
      "sso-openid-connect",
    ]);
    expect(metadata.response_modes_supported).toEqual(["query"]);
  });
});

describe("13. metadata drift is visible", () => {
  test("a check block compares the datastore's identity provider configuration with this stack's, at every plan", () => {
    const [assertion] = sandboxJson.check!.identity_provider_configuration.assert;
    const actual = "awscc_healthlake_fhir_datastore.this.identity_provider_configuration";
    for (const part of [
      `${actual}.authorization_strategy == "SMART_ON_FHIR_V1"`,
      `${actual}.fine_grained_authorization_enabled == true`,
      `${actual}.idp_lambda_arn == aws_lambda_alias.token_validator.arn`,
      `jsondecode(${actual}.metadata) == {"issuer" = "https://cognito-idp.`,
    ])
      expect(assertion.condition).toContain(part);
    expect(assertion.error_message).toContain("terraform apply -replace=aws_lambda_invocation.identity_provider_update");
  });

  test("with provisioned concurrency it expects the alias too", () => {
    expect(completeJson.check!.identity_provider_configuration.assert[0].condition).toContain(
      "identity_provider_configuration.idp_lambda_arn == aws_lambda_alias.token_validator.arn",
    );
  });

  test("an AWS_AUTH datastore is checked for its strategy only", () => {
    expect(synthJson({ name: "plain", datastore: { name: "fhir" } }).check!.identity_provider_configuration.assert[0].condition).toBe(
      '${(awscc_healthlake_fhir_datastore.this.identity_provider_configuration.authorization_strategy == "AWS_AUTH")}',
    );
  });
});

test("the complete stack still holds every address of the module but the log bucket's self-logging", () => {
  expect(addresses(completeJson)).not.toContain("aws_s3_bucket_logging.access_logs");
});
