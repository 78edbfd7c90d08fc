// The documented way back for a protected introspection secret (docs/introspection.md), run as documented against
// the moto emulator with the real aws provider: the stack's secret, as `protectData: true` writes it (a 7-day
// recovery window), is created, destroyed and created again, which AWS refuses while the name waits for deletion;
// then `aws secretsmanager restore-secret` and `terraform import` hand it back, and a deploy after that plans clean.
// Unprotected (`recovery_window_in_days = 0`) the same destroy and create again simply pass.
// Usage: node scripts/secret-way-back.mjs <synthesized introspection stack dir>. Skips, saying why, where the
// offline providers (../shared/tools), terraform, moto_server or the aws CLI are missing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMoto } from "./moto.mjs";
import { TOOL_LIB, offlineProviders } from "./offline-providers.mjs";

const [stackDir] = process.argv.slice(2);
if (!stackDir) {
  console.error("usage: node scripts/secret-way-back.mjs <synthesized introspection stack dir>");
  process.exit(2);
}
const missing = [
  [!existsSync(TOOL_LIB), "the offline providers"],
  ...["terraform", "moto_server", "aws"].map((command) => [spawnSync("sh", ["-c", `command -v ${command}`]).status !== 0, command]),
].filter(([absent]) => absent);
if (missing.length > 0) {
  console.log(`skipping the introspection secret's way back: ${missing.map(([, what]) => what).join(", ")} not on this machine`);
  process.exit(0);
}

const ADDRESS = "aws_secretsmanager_secret.introspection_client_secret";
const stack = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"));
const secret = stack.resource?.aws_secretsmanager_secret?.introspection_client_secret;
if (!secret) throw new Error(`${stackDir} has no ${ADDRESS}`);

const scratch = mkdtempSync(join(tmpdir(), "secret-way-back-"));
const { lib, cli, pins } = offlineProviders(scratch);
const moto = await startMoto("123456789012");
process.on("exit", () => {
  moto.stop();
  rmSync(scratch, { recursive: true, force: true });
});
const env = {
  ...lib.tfEnv(cli),
  AWS_ACCESS_KEY_ID: "testing",
  AWS_SECRET_ACCESS_KEY: "testing",
  AWS_REGION: "us-east-1",
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_ENDPOINT_URL: moto.url,
};
for (const key of ["AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_SESSION_TOKEN"]) delete env[key];

/** A folder holding only the stack's secret with this recovery window, its aws provider sent to moto. */
function configuration(name, recoveryWindowInDays) {
  const dir = join(scratch, name);
  lib.copyConfig({ src: stackDir, file: false }, dir);
  rmSync(join(dir, "cdk.tf.json"));
  const provider = { region: "us-east-1", skip_credentials_validation: true, skip_metadata_api_check: true, skip_requesting_account_id: true };
  const config = {
    terraform: { required_providers: { aws: pins.aws }, backend: { local: { path: "terraform.tfstate" } } },
    provider: { aws: [{ ...provider, endpoints: [{ secretsmanager: moto.url, sts: moto.url }] }] },
    resource: { aws_secretsmanager_secret: { introspection_client_secret: { ...secret, recovery_window_in_days: recoveryWindowInDays } } },
  };
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify(config, null, 1));
  return dir;
}
const run = (dir, command, ...args) => {
  const result = spawnSync(command, args, { cwd: dir, env, encoding: "utf8" });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
};
// Options before the arguments: `terraform import` takes them only there.
const terraform = (dir, command, ...args) =>
  run(dir, "terraform", command, "-no-color", "-input=false", ...(["apply", "destroy"].includes(command) ? ["-auto-approve"] : []), ...args);
let failed = false;
const expect = (what, ok, out) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) {
    failed = true;
    console.log(out.slice(-2000));
  }
};

// Protected: 7 days, as `protectData: true` synthesizes it (__tests__/external-stack.test.ts asserts both windows).
const protectedDir = configuration("protected", 7);
for (const step of [["init"], ["apply"], ["destroy"]]) {
  const result = terraform(protectedDir, ...step);
  expect(`protected: terraform ${step[0]}`, result.code === 0, result.out);
}
const again = terraform(protectedDir, "apply");
// AWS: "... already scheduled for deletion"; moto answers ResourceExistsException "... already exists".
expect("protected: a create within the recovery window is refused", again.code !== 0 && /scheduled for deletion|already exists/i.test(again.out), again.out);
const restored = run(protectedDir, "aws", "secretsmanager", "restore-secret", "--secret-id", secret.name, "--query", "ARN", "--output", "text");
expect("protected: aws secretsmanager restore-secret", restored.code === 0, restored.out);
const imported = terraform(protectedDir, "import", ADDRESS, restored.out.trim());
expect(`protected: terraform import ${ADDRESS}`, imported.code === 0, imported.out);
const deploy = terraform(protectedDir, "apply");
expect("protected: the deploy after the import", deploy.code === 0, deploy.out);
const plan = terraform(protectedDir, "plan", "-detailed-exitcode");
expect("protected: then an empty plan", plan.code === 0, plan.out);

// Unprotected: deleted at once, so the same name is free again. On an emulator without the protected secret.
await fetch(`${moto.url}/moto-api/reset`, { method: "POST" });
const unprotectedDir = configuration("unprotected", 0);
for (const step of [["init"], ["apply"], ["destroy"], ["apply"], ["destroy"]]) {
  const result = terraform(unprotectedDir, ...step);
  expect(`unprotected: terraform ${step[0]}`, result.code === 0, result.out);
}
// moto is a child process that would keep this one running.
process.exit(failed ? 1 : 0);
