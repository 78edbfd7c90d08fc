// Copies synthesized stacks for ../shared/tools/tf-rehearse with the moto gaps the harness does not know,
// each as a Terraform override file beside the stack (an override changes nothing else):
// - moto 5.2.1 answers no `UserPoolTier` for a pool created without one, where AWS answers its default
//   (ESSENTIALS); the aws provider 5.100.0 creates pools without it and sets it with a later update. The
//   second plan would always want to set it, so it ignores `user_pool_tier`. The value itself is asserted
//   by the jest suite.
// Usage: node scripts/for-rehearsal.mjs <out dir> <stack dir>...   Prints the copies' paths.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const [out, ...stacks] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
for (const stack of stacks) {
  const copy = join(out, basename(stack));
  cpSync(stack, copy, { recursive: true, filter: (source) => !/\.terraform|\.tfstate/.test(basename(source)) });
  const pools = JSON.parse(readFileSync(join(stack, "cdk.tf.json"), "utf8")).resource?.aws_cognito_user_pool ?? {};
  const override = {
    resource: { aws_cognito_user_pool: Object.fromEntries(Object.keys(pools).map((name) => [name, { lifecycle: { ignore_changes: ["user_pool_tier"] } }])) },
  };
  if (Object.keys(pools).length > 0) writeFileSync(join(copy, "moto_gaps_override.tf.json"), JSON.stringify(override, null, 1));
  console.log(copy);
}
