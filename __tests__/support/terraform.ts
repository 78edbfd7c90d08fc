import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Whether terraform is on the PATH; the tests that run it are skipped, with a warning, where it is not. */
export const hasTerraform = spawnSync("terraform", ["version"]).status === 0;

/**
 * What `terraform console` prints for `expression` in a folder holding only `mainTf` (no provider, no
 * CLI configuration): Terraform itself evaluates the stack's expressions against stand-in values.
 */
export function terraformConsole(mainTf: string, expression: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "terraform-console-"));
  try {
    fs.writeFileSync(path.join(dir, "main.tf"), mainTf);
    const run = spawnSync("terraform", ["console"], {
      cwd: dir,
      input: `${expression}\n`,
      encoding: "utf8",
      env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null" },
    });
    if (run.status !== 0) throw new Error(`terraform console failed: ${run.stderr}`);
    return run.stdout.trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The "Plan: ..." line of `terraform plan` in a folder holding only `mainTf` (no provider, no CLI
 * configuration), with `vars` as `-var` values.
 */
export function terraformPlanSummary(mainTf: string, vars: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "terraform-plan-"));
  const env = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1" };
  try {
    fs.writeFileSync(path.join(dir, "main.tf"), mainTf);
    const init = spawnSync("terraform", ["init", "-input=false", "-no-color"], { cwd: dir, encoding: "utf8", env });
    if (init.status !== 0) throw new Error(`terraform init failed: ${init.stderr}`);
    const args = Object.entries(vars).flatMap(([name, value]) => ["-var", `${name}=${value}`]);
    const run = spawnSync("terraform", ["plan", "-input=false", "-no-color", ...args], { cwd: dir, encoding: "utf8", env });
    if (run.status !== 0) throw new Error(`terraform plan failed: ${run.stderr}`);
    return run.stdout.match(/^Plan: .*$/m)?.[0] ?? run.stdout.trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
