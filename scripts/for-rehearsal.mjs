// Copies synthesized stacks for ../shared/tools/tf-rehearse with the emulator gaps the harness does not
// know, each as a Terraform override file beside the stack (an override changes nothing else):
// - moto 5.2.1 answers no `UserPoolTier` for a pool created without one, where AWS answers its default
//   (ESSENTIALS); the aws provider 5.100.0 creates pools without it and sets it with a later update. The
//   second plan would always want to set it, so it ignores `user_pool_tier`. The jest suite asserts the value.
// - The harness's awscc stand-in fills an unset `preload_data_config` with an object whose type is null,
//   which its own validator then refuses at the second plan (AWS leaves the property unset). A datastore
//   without a preload is rehearsed with one; nothing else the rehearsal proves depends on it.
// - moto runs no Lambda code (no docker), so `aws_lambda_invocation` cannot apply: the copy's cdk.tf.json
//   leaves out each invocation and the check blocks that read its result (the function, its role and
//   its policy are still rehearsed). __tests__/identity-provider-update*.test.ts test the function and the check.
// - The harness runs the real aws provider 5.100.0, the stacks pin 6.25.0: what 6.x changed that the stacks use
//   (`data.aws_region.<name>.region`, the SSE rules' `blocked_encryption_types`) is mapped back first, as
//   scripts/for-aws-5100.mjs documents; a no-op for a stack without them.
// Usage: node scripts/for-rehearsal.mjs <out dir> <stack dir>...   Prints the copies' paths.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { adaptFolderFor5100 } from "./for-aws-5100.mjs";

const [out, ...stacks] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
for (const stack of stacks) {
  const copy = join(out, basename(stack));
  cpSync(stack, copy, { recursive: true, filter: (source) => !/\.terraform|\.tfstate/.test(basename(source)) });
  adaptFolderFor5100(copy);
  // A synthesized stack (cdk.tf.json), or an ejected folder in JSON syntax (main.tf.json).
  const file = existsSync(join(copy, "cdk.tf.json")) ? "cdk.tf.json" : "main.tf.json";
  const stackJson = JSON.parse(readFileSync(join(copy, file), "utf8"));
  const { resource = {} } = stackJson;
  const invocations = Object.keys(resource.aws_lambda_invocation ?? {});
  if (invocations.length > 0) {
    delete resource.aws_lambda_invocation;
    const readers = Object.keys(stackJson.check ?? {}).filter((name) => JSON.stringify(stackJson.check[name]).includes("aws_lambda_invocation."));
    for (const name of readers) delete stackJson.check[name];
    if (stackJson.check && Object.keys(stackJson.check).length === 0) delete stackJson.check;
    writeFileSync(join(copy, file), JSON.stringify(stackJson, null, 2));
    const left = [...invocations.map((name) => `aws_lambda_invocation.${name}`), ...readers.map((name) => `check.${name}`)];
    console.error(`${basename(stack)}: left out ${left.join(", ")} (moto runs no Lambda code)`);
  }
  const pools = Object.keys(resource.aws_cognito_user_pool ?? {});
  const unloaded = Object.entries(resource.awscc_healthlake_fhir_datastore ?? {}).filter(([, datastore]) => !datastore.preload_data_config);
  const override = {
    resource: {
      ...(pools.length > 0 && {
        aws_cognito_user_pool: Object.fromEntries(pools.map((name) => [name, { lifecycle: { ignore_changes: ["user_pool_tier"] } }])),
      }),
      ...(unloaded.length > 0 && {
        awscc_healthlake_fhir_datastore: Object.fromEntries(unloaded.map(([name]) => [name, { preload_data_config: { preload_data_type: "SYNTHEA" } }])),
      }),
    },
  };
  if (Object.keys(override.resource).length > 0) writeFileSync(join(copy, "emulator_gaps_override.tf.json"), JSON.stringify(override, null, 1));
  console.log(copy);
}
