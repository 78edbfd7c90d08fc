import { spawn } from "node:child_process";

// What both benchmarks measure with.

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export const verdict = (ok: boolean): string => (ok ? "ok" : "MISSED");

/** A Node process that does nothing, in the function's environment (an inherited NODE_EXTRA_CA_CERTS alone can cost 35 ms): spawn to exit. */
export function bareNodeMs(node: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, ["-e", ""], { env, stdio: "ignore" });
    child.on("exit", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`node -e "" exited ${code}`))));
  });
}
