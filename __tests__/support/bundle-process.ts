import { spawn } from "child_process";
import * as path from "path";

export const VALIDATOR_BUNDLE = path.join(__dirname, "..", "..", "lambda", "dist", "index.js");

export interface BundleRun {
  /** Per-request latency inside the process, in milliseconds. */
  readonly latencies: number[];
  readonly allowed: number;
  /** From spawning the process to its last answer. */
  readonly wallMs: number;
}

/** Starts a new Node process on the validator bundle, as a Lambda cold start would, and sends it `count` requests. */
export function runBundle(env: NodeJS.ProcessEnv, count: number, events: readonly unknown[]): Promise<BundleRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(__dirname, "invoke-bundle.cjs"), VALIDATOR_BUNDLE, String(count), JSON.stringify(events)],
      { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
      const line = /^RESULT (.*)\n/m.exec(stderr);
      if (line) resolve({ ...JSON.parse(line[1]), wallMs: performance.now() - started });
    });
    child.on("exit", (code) => reject(new Error(`validator process exited (${code}) without a result: ${stderr.slice(0, 500)}`)));
  });
}
