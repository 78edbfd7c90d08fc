// `terraform init -backend=false && terraform validate` on every synthesized stack.
// Needs the Terraform registry (aws, awscc and archive providers); run `npx cdktf synth` first.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = join("cdktf.out", "stacks");
const stacks = existsSync(root) ? readdirSync(root).filter((s) => existsSync(join(root, s, "cdk.tf.json"))) : [];
if (stacks.length === 0) {
  console.error("no synthesized stack under cdktf.out/stacks: run `npx cdktf synth` first");
  process.exit(2);
}
const terraform = (dir, ...args) => spawnSync("terraform", [`-chdir=${dir}`, ...args], { stdio: "inherit" }).status === 0;
let ok = true;
for (const stack of stacks) {
  const dir = join(root, stack);
  console.log(`== ${stack}`);
  ok = terraform(dir, "init", "-backend=false", "-input=false", "-no-color") && terraform(dir, "validate", "-no-color") && ok;
}
process.exit(ok ? 0 : 1);
