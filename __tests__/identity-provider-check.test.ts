import { sandbox } from "../environments/sandbox";
import { synthJson } from "./support/synth";
import { hasTerraform, terraformConsole } from "./support/terraform";

// The check block's condition, evaluated by Terraform itself in the situations a user meets. The
// stack's references become locals that stand for what Terraform would have read.
const describeWithTerraform = hasTerraform ? describe : describe.skip;
if (!hasTerraform) console.warn("skipping the check block's evaluation: terraform is not on the PATH");

const json = synthJson(sandbox);
const condition = unwrap(json.check!.identity_provider_configuration.assert[0].condition);
const desiredMetadata = unwrap(json.resource.awscc_healthlake_fhir_datastore.this.identity_provider_configuration.metadata);
const VALIDATOR = "arn:aws:lambda:us-east-1:111122223333:function:healthlake_token_validator:live";
const OLD_VALIDATOR = "arn:aws:lambda:us-east-1:111122223333:function:old";

/** `${expr}` → `expr`, with every resource reference replaced by a local standing for it. */
function unwrap(expression: string): string {
  return expression
    .replace(/^\$\{([\s\S]*)\}$/, "$1")
    .replaceAll("awscc_healthlake_fhir_datastore.this.identity_provider_configuration", "local.datastore")
    .replaceAll("aws_lambda_invocation.identity_provider_update.result", "local.result")
    .replaceAll("aws_lambda_alias.token_validator.arn", "local.validator_arn")
    .replace(/\b(data\.)?aws_[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+\b/g, (reference) => `local.read[${JSON.stringify(reference)}]`);
}

interface Situation {
  /** What Terraform read of the datastore at the last refresh; `desired` = the stack's metadata. */
  readonly datastore: { validator: string; metadata: "desired" | "old" | "desired, respaced" };
  /** What the update function reported, as the invocation's result (`before`/`after`), or no result. */
  readonly result: { before: Situation["datastore"]; after: Situation["datastore"] };
}

function evaluate(situation: Situation): string {
  const metadata = (which: Situation["datastore"]["metadata"]) =>
    which === "old"
      ? JSON.stringify('{"issuer":"https://old.example"}')
      : which === "desired"
        ? "local.desired_json"
        : 'replace(local.desired_json, ",", ", ")';
  const reported = (side: Situation["datastore"]) =>
    `{ AuthorizationStrategy = "SMART_ON_FHIR_V1", FineGrainedAuthorizationEnabled = true, IdpLambdaArn = "${side.validator}", Metadata = jsondecode(${metadata(side.metadata)}) }`;
  const tf = `locals {
  read = {
    "data.aws_region.current.region" = "us-east-1"
    "aws_cognito_user_pool.main.id" = "us-east-1_Example"
    "aws_cognito_user_pool_domain.this.domain" = "sandbox-fhir-111122223333"
  }
  validator_arn = "${VALIDATOR}"
  desired_json = ${desiredMetadata}
  datastore = {
    authorization_strategy = "SMART_ON_FHIR_V1"
    fine_grained_authorization_enabled = true
    idp_lambda_arn = "${situation.datastore.validator}"
    metadata = ${metadata(situation.datastore.metadata)}
  }
  result = jsonencode({ before = ${reported(situation.result.before)}, after = ${reported(situation.result.after)} })
  condition = ${condition}
}
`;
  return terraformConsole(tf, "local.condition");
}

const inStep = { validator: VALIDATOR, metadata: "desired" } as const;
const old = { validator: OLD_VALIDATOR, metadata: "old" } as const;

describeWithTerraform("check.identity_provider_configuration, evaluated by terraform", () => {
  test.each([
    ["a datastore in step, after the invocation that created it", { datastore: inStep, result: { before: inStep, after: inStep } }, "true"],
    [
      "a datastore in step whose metadata HealthLake respaced",
      { datastore: { ...inStep, metadata: "desired, respaced" }, result: { before: inStep, after: inStep } },
      "true",
    ],
    [
      "the end of the apply that updated it: the state still holds the old read, the result confirms the change",
      { datastore: old, result: { before: old, after: inStep } },
      "true",
    ],
    ["a change made outside the stack after the last deploy", { datastore: old, result: { before: inStep, after: inStep } }, "false"],
    ["an update that did not take", { datastore: old, result: { before: old, after: old } }, "false"],
    [
      "another validator outside the stack, metadata unchanged",
      { datastore: { ...inStep, validator: OLD_VALIDATOR }, result: { before: inStep, after: inStep } },
      "false",
    ],
  ] as const)("%s", (_name, situation, expected) => {
    expect(evaluate(situation)).toBe(expected);
  });
});
