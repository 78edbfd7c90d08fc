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
