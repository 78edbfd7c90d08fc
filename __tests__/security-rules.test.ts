import * as fs from "fs";
import * as path from "path";
import { complete } from "../environments/complete";
import { ENVIRONMENTS } from "../environments";
import { ALL_RULES } from "./security";
import { Finding, Rule } from "./security/rule";
import { WAIVERS } from "./security/waivers";
import { TerraformJson, synthJson } from "./support/synth";

const stacks = ENVIRONMENTS.map((config) => ({ name: config.name, json: synthJson(config) }));
const completeJson = stacks.find(({ name }) => name === complete.name)!.json;

const waived = (rule: Rule, stack: string, finding: Finding) => WAIVERS.some((w) =>
  w.rule === rule.ids[0] && (!w.stacks || w.stacks.includes(stack)) && (!w.addresses || w.addresses.includes(finding.address)));

const policy = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

/** The complete stack with one change applied. */
function changed(change: (json: TerraformJson) => void): TerraformJson {
  const json: TerraformJson = JSON.parse(JSON.stringify(completeJson));
  change(json);
  return json;
}
const r = (json: TerraformJson, type: string, name: string) => json.resource[type][name];

// For every rule: a stack that breaks it and one that keeps it. Rules waived everywhere break on
// the complete stack as synthesized, so their "good" stack adds what they ask for.
const CASES: Record<string, { bad: TerraformJson; good: TerraformJson }> = {
  CKV_AWS_364: { bad: changed((j) => delete r(j, "aws_lambda_permission", "healthlake").source_arn), good: completeJson },
  CKV_AWS_301: { bad: changed((j) => { r(j, "aws_lambda_permission", "healthlake").principal = "*"; }), good: completeJson },
  CKV_AWS_45: { bad: changed((j) => { r(j, "aws_lambda_function", "token_validator").environment.variables.CLIENT_SECRET = "${aws_cognito_user_pool_client.client.client_secret}"; }), good: completeJson },
  CKV_AWS_115: { bad: changed((j) => delete r(j, "aws_lambda_function", "token_validator").reserved_concurrent_executions), good: completeJson },
  CKV_AWS_363: { bad: changed((j) => { r(j, "aws_lambda_function", "token_validator").runtime = "nodejs16.x"; }), good: completeJson },
  CKV_AWS_50: { bad: changed((j) => delete r(j, "aws_lambda_function", "token_validator").tracing_config), good: completeJson },
  CKV_AWS_116: { bad: completeJson, good: changed((j) => { r(j, "aws_lambda_function", "token_validator").dead_letter_config = [{ target_arn: "arn" }]; }) },
  CKV_AWS_117: { bad: completeJson, good: changed((j) => { r(j, "aws_lambda_function", "token_validator").vpc_config = [{ subnet_ids: ["s"] }]; }) },
  CKV_AWS_272: { bad: completeJson, good: changed((j) => { r(j, "aws_lambda_function", "token_validator").code_signing_config_arn = "arn"; }) },
  CKV_AWS_173: { bad: completeJson, good: changed((j) => { r(j, "aws_lambda_function", "token_validator").kms_key_arn = "arn"; }) },
  CKV2_AWS_6: { bad: changed((j) => delete j.resource.aws_s3_bucket_public_access_block.data), good: completeJson },
  CKV_AWS_53: { bad: changed((j) => { r(j, "aws_s3_bucket_public_access_block", "data").block_public_acls = false; }), good: completeJson },
  CKV_AWS_19: { bad: changed((j) => delete j.resource.aws_s3_bucket_server_side_encryption_configuration.data), good: completeJson },
  CKV_AWS_145: {
    bad: changed((j) => { r(j, "aws_s3_bucket_server_side_encryption_configuration", "data").rule = [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }]; }),
    good: changed((j) => { r(j, "aws_s3_bucket_server_side_encryption_configuration", "access_logs").rule = r(j, "aws_s3_bucket_server_side_encryption_configuration", "data").rule; }),
  },
  CKV_AWS_21: { bad: changed((j) => { r(j, "aws_s3_bucket_versioning", "data").versioning_configuration.status = "Suspended"; }), good: completeJson },
  CKV_AWS_18: {
    bad: changed((j) => delete j.resource.aws_s3_bucket_logging.data),
    good: changed((j) => { j.resource.aws_s3_bucket_logging.access_logs = { bucket: "${aws_s3_bucket.access_logs.id}", target_bucket: "${aws_s3_bucket.other.id}", target_prefix: "logs/" }; }),
  },
  CKV2_AWS_61: { bad: changed((j) => delete j.resource.aws_s3_bucket_lifecycle_configuration.data), good: completeJson },
  CKV_AWS_379: { bad: changed((j) => { r(j, "aws_s3_bucket_policy", "data").policy = policy(); }), good: completeJson },
  CKV_AWS_70: { bad: changed((j) => { r(j, "aws_s3_bucket_policy", "data").policy = policy({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }); }), good: completeJson },
  CKV_AWS_144: { bad: completeJson, good: changed((j) => { j.resource.aws_s3_bucket_replication_configuration = { data: { bucket: "${aws_s3_bucket.data.id}" }, access_logs: { bucket: "${aws_s3_bucket.access_logs.id}" } }; }) },
  CKV_AWS_143: { bad: completeJson, good: changed((j) => { for (const b of Object.values(j.resource.aws_s3_bucket)) b.object_lock_enabled = true; }) },
  CKV2_AWS_62: { bad: completeJson, good: changed((j) => { j.resource.aws_s3_bucket_notification = { data: { bucket: "${aws_s3_bucket.data.id}" }, access_logs: { bucket: "${aws_s3_bucket.access_logs.id}" } }; }) },
  CKV_AWS_7: { bad: changed((j) => { r(j, "aws_kms_key", "s3").enable_key_rotation = false; }), good: completeJson },
  CKV2_AWS_64: { bad: changed((j) => delete r(j, "aws_kms_key", "s3").policy), good: completeJson },
  CKV_AWS_33: { bad: changed((j) => { r(j, "aws_kms_key", "s3").policy = policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*" }); }), good: completeJson },
  CKV_AWS_66: { bad: changed((j) => delete j.resource.aws_cloudwatch_log_group), good: completeJson },
  CKV_AWS_338: { bad: changed((j) => { r(j, "aws_cloudwatch_log_group", "token_validator").retention_in_days = 30; }), good: completeJson },
  CKV_AWS_158: { bad: completeJson, good: changed((j) => { r(j, "aws_cloudwatch_log_group", "token_validator").kms_key_id = "arn"; }) },
  CKV_AWS_60: { bad: changed((j) => { r(j, "aws_iam_role", "lambda_role").assume_role_policy = policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }); }), good: completeJson },
  "HLS-IAM-CONFUSED-DEPUTY": { bad: changed((j) => { r(j, "aws_iam_role", "healthlake_service_role").assume_role_policy = policy({ Effect: "Allow", Principal: { Service: "healthlake.amazonaws.com" }, Action: "sts:AssumeRole" }); }), good: completeJson },
  CKV_AWS_62: { bad: changed((j) => { r(j, "aws_iam_policy", "healthlake").policy = policy({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::b" }); }), good: completeJson },
  CKV_AWS_355: { bad: changed((j) => { r(j, "aws_iam_role_policy", "cognito_access").policy = policy({ Effect: "Allow", Action: "cognito-idp:GetUser", Resource: "*" }); }), good: completeJson },
  "AVD-AWS-0345": { bad: changed((j) => { r(j, "aws_iam_policy", "healthlake").policy = policy({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b" }); }), good: completeJson },
  "AVD-AWS-0342": { bad: changed((j) => { r(j, "aws_iam_policy", "healthlake").policy = policy({ Effect: "Allow", Action: "iam:PassRole", Resource: "*" }); }), good: completeJson },
  CKV_AWS_274: { bad: changed((j) => { r(j, "aws_iam_role_policy_attachment", "healthlake_policy").policy_arn = "arn:aws:iam::aws:policy/AmazonHealthLakeFullAccess"; }), good: completeJson },
  "HLS-DATA-PREVENT-DESTROY": { bad: changed((j) => delete r(j, "aws_s3_bucket", "data").lifecycle), good: completeJson },
  "HLS-IDP-NO-REPLACE": { bad: changed((j) => { r(j, "awscc_healthlake_fhir_datastore", "this").lifecycle.ignore_changes = ["identity_provider_configuration"]; }), good: completeJson },
  "HLS-NO-SECRET-DEFAULTS": { bad: changed((j) => { j.variable!.test_user_passwords.default = { clinician: "Str0ng!pass" }; }), good: completeJson },
  "HLS-COGNITO-MFA-FACTOR": { bad: changed((j) => delete r(j, "aws_cognito_user_pool", "main").software_token_mfa_configuration), good: completeJson },
  "HLS-COGNITO-PEOPLE-NO-SYSTEM": { bad: changed((j) => { r(j, "aws_cognito_user_pool_client", "client").allowed_oauth_scopes.push("system/*.*"); }), good: completeJson },
  "HLS-S3-NO-SELF-LOGGING": { bad: changed((j) => { j.resource.aws_s3_bucket_logging.access_logs = { bucket: "${aws_s3_bucket.access_logs.id}", target_bucket: "${aws_s3_bucket.access_logs.id}", target_prefix: "self/" }; }), good: completeJson },
  "HLS-S3-NONCURRENT-EXPIRY": { bad: changed((j) => { r(j, "aws_s3_bucket_lifecycle_configuration", "access_logs").rule[1].noncurrent_version_expiration = undefined; }), good: completeJson },
  "HLS-SENSITIVE-OUTPUTS": { bad: changed((j) => { j.output.cognito_client_credentials.sensitive = false; }), good: completeJson },
  "AWS-Config-cognito-user-pool-deletion-protection-enabled": { bad: changed((j) => { r(j, "aws_cognito_user_pool", "main").deletion_protection = "INACTIVE"; }), good: completeJson },
  "KICS-Cognito-UserPool-Without-MFA": { bad: changed((j) => { r(j, "aws_cognito_user_pool", "main").mfa_configuration = "OFF"; }), good: completeJson },
  "HLS-COGNITO-CLIENT": { bad: changed((j) => { r(j, "aws_cognito_user_pool_client", "client").allowed_oauth_flows = ["implicit"]; }), good: completeJson },
};

const title = (rule: Rule) => `${rule.ids.join(", ")}: ${rule.description}`;

describe.each(stacks)("stack $name passes every rule (waivers aside)", ({ name, json }) => {
  test.each(ALL_RULES.map((rule) => [title(rule), rule] as const))("%s", (_title, rule) => {
    expect(rule.check(json).filter((finding) => !waived(rule, name, finding))).toEqual([]);
  });
});

describe("every rule fails on a stack that breaks it, and passes one that keeps it", () => {
  test("every rule has its case", () => {
    expect(Object.keys(CASES).sort()).toEqual(ALL_RULES.map((rule) => rule.ids[0]).sort());
  });

  test.each(ALL_RULES.map((rule) => [title(rule), rule] as const))("%s", (_title, rule) => {
    const { bad, good } = CASES[rule.ids[0]];
    expect(rule.check(bad).length).toBeGreaterThan(0);
    expect(rule.check(good)).toEqual([]);
  });
});

describe("waivers", () => {
  test("each names a rule and waives at least one finding of a shipped stack", () => {
    for (const waiver of WAIVERS) {
      const rule = ALL_RULES.find((candidate) => candidate.ids[0] === waiver.rule);
      expect({ waiver: waiver.rule, known: rule !== undefined }).toEqual({ waiver: waiver.rule, known: true });
      const used = stacks.some(({ name, json }) => rule!.check(json).some((finding) => waived(rule!, name, finding)));
      expect({ waiver: waiver.rule, used }).toEqual({ waiver: waiver.rule, used: true });
    }
  });

  test("the README lists every waiver", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### Waived rules"));
    for (const waiver of WAIVERS) expect({ waiver: waiver.rule, listed: section.includes(`\`${waiver.rule}\``) }).toEqual({ waiver: waiver.rule, listed: true });
  });
});
