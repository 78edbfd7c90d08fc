// A Node.js binary of a given major version: this process's own when it matches, else the official build
// published on the npm registry (node-<platform>-<arch>), installed once into ~/.cache/healthlake-smart.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The major version of the validator's Lambda runtime (`nodejs22.x`). */
export const LAMBDA_NODE_MAJOR = 22;

export function nodeBinary(major: number = LAMBDA_NODE_MAJOR, minimum = `${major}.0.0`): string {
  if (satisfies(process.versions.node, major, minimum)) return process.execPath;
  const pkg = `node-${os.platform()}-${os.arch()}`;
  const dir = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "healthlake-smart", `node-${major}`);
  const binary = path.join(dir, "node_modules", pkg, "bin", "node");
  const installed = () =>
    fs.existsSync(binary) && satisfies(execFileSync(binary, ["-p", "process.versions.node"], { encoding: "utf8" }).trim(), major, minimum);
  if (!installed()) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync("npm", ["install", "--prefix", dir, "--no-save", "--no-package-lock", "--ignore-scripts", "--no-audit", "--no-fund", `${pkg}@${major}`], {
      stdio: "ignore",
    });
    if (!installed()) throw new Error(`could not obtain Node ${minimum} or later ${major}.x from the npm registry (${pkg})`);
  }
  return binary;
}

function satisfies(version: string, major: number, minimum: string): boolean {
  const [have, want] = [version, minimum].map((v) => v.split(".").map(Number));
  return have[0] === major && (have[1] > want[1] || (have[1] === want[1] && have[2] >= want[2]));
}
