import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { BUILT_VALIDATOR } from "../lambda/bundle";

export interface BundleRun {
  /** Per-request latency inside the process, in milliseconds. */
  readonly latencies: number[];
  /** With `floorJwk`: one verification (RS256, or PS256 for a PS256 key) with node's crypto right after each request, in milliseconds. */
  readonly floor: number[];
  readonly allowed: number;
  /** Whether node's https module was loaded by the end. */
  readonly httpsLoaded: boolean;
  /** From spawning the process to its last answer. */
  readonly wallMs: number;
  /** With `logLines`: what the bundle wrote to standard output, one log line each. */
  readonly logLines: string[];
}

export interface BundleRunOptions {
  /** The Node binary. @default - this process's */
  readonly node?: string;
  /** The bundle to load. @default - the bundle `npm run build` writes */
  readonly bundle?: string;
  /** The public key of the events' tokens: measure the verification floor beside each request. */
  readonly floorJwk?: object;
  /** Keep the bundle's standard output (its log lines). @default false */
  readonly logLines?: boolean;
}

/** Starts a new Node process on a validator bundle, as a Lambda cold start would, and sends it `count` requests. */
export function runBundle(env: NodeJS.ProcessEnv, count: number, events: readonly unknown[], options: BundleRunOptions = {}): Promise<BundleRun> {
  const { node = process.execPath, bundle = BUILT_VALIDATOR, floorJwk } = options;
  // The events go in a file: a thousand tokens exceed what a command line may hold.
  const eventsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bundle-events-")), "events.json");
  fs.writeFileSync(eventsFile, JSON.stringify(events));
  const removeEvents = () => fs.rmSync(path.dirname(eventsFile), { recursive: true, force: true });
  return new Promise<BundleRun>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, [path.join(__dirname, "invoke-bundle.cjs"), bundle, String(count), eventsFile, ...(floorJwk ? [JSON.stringify(floorJwk)] : [])], {
      env,
      stdio: ["ignore", options.logLines ? "pipe" : "ignore", "pipe"],
    });
    let stderr = "";
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk;
      const line = /^RESULT (.*)\n/m.exec(stderr);
      if (line) resolve({ ...JSON.parse(line[1]), wallMs: performance.now() - started, logLines: stdout.split("\n").filter(Boolean) });
    });
    child.on("exit", (code) => reject(new Error(`validator process exited (${code}) without a result: ${stderr.slice(0, 500)}`)));
  }).finally(removeEvents);
}
