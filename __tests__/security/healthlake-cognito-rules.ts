import { r, type Rule, list, resources } from "./rule";

// A reference to a secret (`${aws_cognito_user_pool_client.x.client_secret}`, `${var.*password*}`),
// not the words: the discovery document lists `client_secret_basic` as an auth method.
const SECRET_REFERENCE = /\$\{[^}]*(\.client_secret\b|var\.[\w-]*password)/;
// Create-only in CloudFormation: a change replaces the datastore and deletes its data.
const CREATE_ONLY_ATTRIBUTES = ["identity_provider_configuration", "preload_data_config", "sse_configuration"];

export const HEALTHLAKE_RULES: Rule[] = [
  {
    ids: ["HLS-DATA-PREVENT-DESTROY"],
    description: "Terraform cannot delete the datastore or the data bucket",
    breaks: (j) => delete r(j, "aws_s3_bucket", "data").lifecycle,
    check: (stack) =>
      [...resources(stack, "awscc_healthlake_fhir_datastore"), ...resources(stack, "aws_s3_bucket").filter(([a]) => a === "aws_s3_bucket.data")]
        .filter(([, r]) => r.lifecycle?.prevent_destroy !== true)
        .map(([address]) => ({ address, message: "no lifecycle prevent_destroy" })),
  },
  {
    ids: ["HLS-IDP-NO-REPLACE"],
    description: "no change to a create-only attribute (identity provider, preload, encryption) ever replaces the datastore",
    breaks: (j) => {
      r(j, "awscc_healthlake_fhir_datastore", "this").lifecycle.ignore_changes = ["identity_provider_configuration"];
    },
    check: (stack) =>
      resources(stack, "awscc_healthlake_fhir_datastore").flatMap(([address, ds]) =>
        CREATE_ONLY_ATTRIBUTES.filter((attribute) => !(ds.lifecycle?.ignore_changes ?? []).includes(attribute)).map((attribute) => ({
          address,
          message: `${attribute} not in ignore_changes`,
        })),
      ),
  },
  {
    ids: ["HLS-NO-SECRET-DEFAULTS"],
    description: "no sensitive variable carries a value in the configuration: secrets come at deploy",
    breaks: (j) => {
      j.variable!.test_user_passwords.default = { clinician: "Str0ng!pass" };
    },
    check: (stack) =>
      Object.entries(stack.variable ?? {})
        .filter(([, v]) => v.sensitive === true && v.default !== undefined && v.default !== null && Object.keys(v.default).length > 0)
        .map(([name]) => ({ address: `var.${name}`, message: "sensitive variable with a default value" })),
  },
  {
    ids: ["HLS-SENSITIVE-OUTPUTS"],
    description: "every output carrying a secret is sensitive",
    breaks: (j) => {
      j.output.cognito_client_credentials.sensitive = false;
    },
    check: (stack) =>
      Object.entries(stack.output ?? {})
        .filter(([, o]) => SECRET_REFERENCE.test(JSON.stringify(o.value)) && o.sensitive !== true)
        .map(([name]) => ({ address: `output.${name}`, message: "carries a secret but is not sensitive" })),
  },
];

export const COGNITO_RULES: Rule[] = [
  {
    ids: ["AWS-Config-cognito-user-pool-deletion-protection-enabled"],
    description: "every user pool has deletion protection",
    breaks: (j) => {
      r(j, "aws_cognito_user_pool", "main").deletion_protection = "INACTIVE";
    },
    check: (stack) =>
      resources(stack, "aws_cognito_user_pool")
        .filter(([, p]) => p.deletion_protection !== "ACTIVE")
        .map(([address]) => ({ address, message: "deletion protection off" })),
  },
  {
    ids: ["KICS-Cognito-UserPool-Without-MFA"],
    description: "every user pool offers or requires MFA",
    breaks: (j) => {
      r(j, "aws_cognito_user_pool", "main").mfa_configuration = "OFF";
    },
    check: (stack) =>
      resources(stack, "aws_cognito_user_pool")
        .filter(([, p]) => !["ON", "OPTIONAL"].includes(p.mfa_configuration))
        .map(([address, p]) => ({ address, message: `mfa_configuration ${p.mfa_configuration}` })),
  },
  {
    ids: ["HLS-COGNITO-MFA-FACTOR"],
    description: "a pool with MFA ON or OPTIONAL enables a second factor (Cognito refuses it otherwise)",
    breaks: (j) => delete r(j, "aws_cognito_user_pool", "main").software_token_mfa_configuration,
    check: (stack) =>
      resources(stack, "aws_cognito_user_pool")
        .filter(([, p]) => ["ON", "OPTIONAL"].includes(p.mfa_configuration) && p.software_token_mfa_configuration?.enabled !== true && !p.sms_configuration)
        .map(([address, p]) => ({ address, message: `mfa_configuration ${p.mfa_configuration} with no software token or SMS factor` })),
  },
  {
    ids: ["HLS-COGNITO-PEOPLE-NO-SYSTEM"],
    description: "a client people sign in with (authorization code) cannot request system/ scopes",
    breaks: (j) => {
      r(j, "aws_cognito_user_pool_client", "client").allowed_oauth_scopes.push("system/*.*");
    },
    check: (stack) =>
      resources(stack, "aws_cognito_user_pool_client")
        .filter(([, c]) => list(c.allowed_oauth_flows).includes("code") && list<string>(c.allowed_oauth_scopes).some((scope) => scope.startsWith("system/")))
        .map(([address]) => ({ address, message: "code flow client with system/ scopes: every user could read and write everything" })),
  },
  {
    ids: ["HLS-COGNITO-CLIENT"],
    description: "every app client hides user existence and allows no implicit flow",
    breaks: (j) => {
      r(j, "aws_cognito_user_pool_client", "client").allowed_oauth_flows = ["implicit"];
    },
    check: (stack) =>
      resources(stack, "aws_cognito_user_pool_client").flatMap(([address, c]) => [
        ...(c.prevent_user_existence_errors === "ENABLED" ? [] : [{ address, message: "user existence errors not prevented" }]),
        ...((c.allowed_oauth_flows ?? []).includes("implicit") ? [{ address, message: "implicit flow allowed" }] : []),
      ]),
  },
  {
    ids: ["HLS-COGNITO-PUBLIC-CLIENT"],
    description: "an app client without a secret is only for people's authorization code flow behind the SMART front, which requires PKCE (Cognito cannot)",
    breaks: (j) => {
      delete j.resource.aws_lambda_function.smart_front;
    },
    check: (stack) => {
      const front = resources(stack, "aws_lambda_function").some(([address]) => address === "aws_lambda_function.smart_front");
      return resources(stack, "aws_cognito_user_pool_client")
        .filter(([, c]) => c.generate_secret !== true && !(front && list<string>(c.allowed_oauth_flows).join(" ") === "code"))
        .map(([address]) => ({ address, message: "no client secret, outside the SMART front's authorization code flow with PKCE" }));
    },
  },
  {
    ids: ["HLS-COGNITO-IDENTITY-READ-ONLY"],
    description: "no app client can write a custom attribute: a person cannot change whose data their tokens reach",
    breaks: (j) => {
      r(j, "aws_cognito_user_pool_client", "client").write_attributes.push("custom:patient_id");
    },
    check: (stack) =>
      resources(stack, "aws_cognito_user_pool_client").flatMap(([address, c]) =>
        list<string>(c.write_attributes)
          .filter((attribute) => attribute.startsWith("custom:"))
          .map((attribute) => ({ address, message: `${attribute} is writable by the client's users` })),
      ),
  },
  {
    ids: ["HLS-COGNITO-TRIGGER-VERSION"],
    description: "a pre token generation trigger gets an event version that customizes access tokens (V2_0 or V3_0)",
    breaks: (j) => {
      r(j, "aws_cognito_user_pool", "main").lambda_config.pre_token_generation_config.lambda_version = "V1_0";
    },
    check: (stack) =>
      resources(stack, "aws_cognito_user_pool")
        .filter(
          ([, pool]) =>
            pool.lambda_config?.pre_token_generation_config && !["V2_0", "V3_0"].includes(pool.lambda_config.pre_token_generation_config.lambda_version),
        )
        .map(([address]) => ({ address, message: "V1_0 leaves access tokens without fhirUser and patient, and their scopes unsuppressed" })),
  },
];
