// Copies synthesized stacks for ../shared/tools/tf-rehearse with the emulator gaps the harness does not
// know, each as a Terraform override file beside the stack (an override changes nothing else):
// - moto 5.2.1 answers no `UserPoolTier` for a pool created without one, where AWS answers its default
//   (ESSENTIALS); the aws provider 5.100.0 creates pools without it and sets it with a later update. The
//   second plan would always want to set it, so it ignores `user_pool_tier`. The jest suite asserts the value.
// - The harness's awscc stand-in fills an unset `preload_data_config` with an object whose type is null,
//   which its own validator then refuses at the second plan (AWS leaves the property unset). A datastore
//   without a preload is rehearsed with one; nothing else the rehearsal proves depends on it.
// Usage: node scripts/for-rehearsal.mjs <out dir> <stack dir>...   Prints the copies' paths.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const [out, ...stacks] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
for (const stack of stacks) {
  const copy = join(out, basename(stack));
  cpSync(stack, copy, { recursive: true, filter: (source) => !/\.terraform|\.tfstate/.test(basename(source)) });
  const { resource = {} } = JSON.parse(readFileSync(join(stack, "cdk.tf.json"), "utf8"));
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
