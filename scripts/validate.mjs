// npm run validate: every synthesized stack validated with `terraform validate`; run `npx cdktf synth` first.
// - Where ../shared/tools exists (offline): `tf-validate-all --aws-schema provider-schemas/aws-6.25.0.json`, i.e.
//   against the aws 6.25.0 the stacks pin (its schema, reconstructed from @cdktf/provider-aws: `npm run schema:aws`)
//   and stand-ins for awscc, archive and http; also cdktf.out.variants and cdktf.out.validate-only when synthesized
//   (`npx tsx scripts/synth-variants.ts`). Schema-level only: the tools' README says what that leaves out.
// - Otherwise `terraform init -backend=false && terraform validate` of each cdktf.out stack, which needs the
//   Terraform registry (aws, awscc, archive and http providers).
// Either way a warning fails, like an error.
// Extra arguments (stack folders, ejected folders) are validated instead of the synthesized stacks.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "./offline-providers.mjs";

const TOOL = join(PROJECT_ROOT, "..", "shared", "tools", "tf-validate-all");
const AWS_SCHEMA = join(PROJECT_ROOT, "provider-schemas", "aws-6.25.0.json");
const stacksOf = (out) => {
  const root = join(out, "stacks");
  return existsSync(root)
    ? readdirSync(root)
        .filter((s) => existsSync(join(root, s, "cdk.tf.json")))
        .map((s) => join(root, s))
    : [];
};
const given = process.argv.slice(2);
const synthesized = stacksOf("cdktf.out");
if (given.length === 0 && synthesized.length === 0) {
  console.error("no synthesized stack under cdktf.out/stacks: run `npx cdktf synth` first");
  process.exit(2);
}

if (existsSync(TOOL)) {
  const targets = given.length > 0 ? given : [...synthesized, ...stacksOf("cdktf.out.variants"), ...stacksOf("cdktf.out.validate-only")];
  console.log(`offline: ${TOOL} against aws 6.25.0 (provider-schemas/aws-6.25.0.json)`);
  const run = spawnSync(TOOL, ["--aws-schema", AWS_SCHEMA, ...targets], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  process.stdout.write(run.stdout);
  // A warning fails too: the schema marks the 6.x deprecations (scripts/aws-schema.mjs), which a real plan prints.
  process.exit(run.status !== 0 || /, [1-9]\d* warnings?\)$/m.test(run.stdout) ? 1 : 0);
}

const terraform = (dir, ...args) => spawnSync("terraform", [`-chdir=${dir}`, ...args], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
// A warning fails too, as offline: a deprecated attribute would warn at every plan of a deploy.
const validate = (dir) => {
  const run = terraform(dir, "validate", "-json", "-no-color");
  const result = JSON.parse(run.stdout || '{"valid":false,"error_count":1,"warning_count":0,"diagnostics":[]}');
  for (const d of result.diagnostics ?? [])
    console.log(`${d.severity}: ${d.summary}${d.range ? ` (${d.range.filename}:${d.range.start.line})` : ""}: ${d.detail ?? ""}`);
  console.log(`${dir}: ${result.valid ? "valid" : "INVALID"} (${result.error_count} errors, ${result.warning_count} warnings)`);
  return result.valid && result.warning_count === 0;
};
let ok = true;
for (const dir of given.length > 0 ? given : synthesized) {
  console.log(`== ${dir}`);
  const init = terraform(dir, "init", "-backend=false", "-input=false", "-no-color");
  if (init.status !== 0) console.log(init.stdout);
  ok = init.status === 0 && validate(dir) && ok;
}
process.exit(ok ? 0 : 1);
