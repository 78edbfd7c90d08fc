import { Rule, resources } from "./rule";

const SECRET_REFERENCE = /client_secret|var\.[\w-]*password/;

export const HEALTHLAKE_RULES: Rule[] = [
  {
    ids: ["HLS-DATA-PREVENT-DESTROY"],
    description: "Terraform cannot delete the datastore or the data bucket",
    check: (stack) => [...resources(stack, "awscc_healthlake_fhir_datastore"), ...resources(stack, "aws_s3_bucket").filter(([a]) => a === "aws_s3_bucket.data")]
      .filter(([, r]) => r.lifecycle?.prevent_destroy !== true)
      .map(([address]) => ({ address, message: "no lifecycle prevent_destroy" })),
  },
  {
    ids: ["HLS-IDP-NO-REPLACE"],
    description: "a change to the identity provider configuration never replaces the datastore",
    check: (stack) => resources(stack, "awscc_healthlake_fhir_datastore")
      .filter(([, ds]) => !(ds.lifecycle?.ignore_changes ?? []).includes("identity_provider_configuration"))
      .map(([address]) => ({ address, message: "identity_provider_configuration not in ignore_changes" })),
  },
  {
    ids: ["HLS-SENSITIVE-OUTPUTS"],
    description: "every output carrying a secret is sensitive",
    check: (stack) => Object.entries(stack.output ?? {})
      .filter(([, o]) => SECRET_REFERENCE.test(JSON.stringify(o.value)) && o.sensitive !== true)
      .map(([name]) => ({ address: `output.${name}`, message: "carries a secret but is not sensitive" })),
  },
];

export const COGNITO_RULES: Rule[] = [
  {
    ids: ["AWS-Config-cognito-user-pool-deletion-protection-enabled"],
    description: "every user pool has deletion protection",
    check: (stack) => resources(stack, "aws_cognito_user_pool").filter(([, p]) => p.deletion_protection !== "ACTIVE")
      .map(([address]) => ({ address, message: "deletion protection off" })),
  },
  {
    ids: ["KICS-Cognito-UserPool-Without-MFA"],
    description: "every user pool offers or requires MFA",
    check: (stack) => resources(stack, "aws_cognito_user_pool").filter(([, p]) => !["ON", "OPTIONAL"].includes(p.mfa_configuration))
      .map(([address, p]) => ({ address, message: `mfa_configuration ${p.mfa_configuration}` })),
  },
  {
    ids: ["HLS-COGNITO-CLIENT"],
    description: "every app client is confidential, hides user existence and allows no implicit flow",
    check: (stack) => resources(stack, "aws_cognito_user_pool_client").flatMap(([address, c]) => [
      ...(c.generate_secret === true ? [] : [{ address, message: "no client secret" }]),
      ...(c.prevent_user_existence_errors === "ENABLED" ? [] : [{ address, message: "user existence errors not prevented" }]),
      ...((c.allowed_oauth_flows ?? []).includes("implicit") ? [{ address, message: "implicit flow allowed" }] : []),
    ]),
  },
];
