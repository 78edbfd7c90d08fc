import { spawn } from "node:child_process";
import * as path from "node:path";
import { BUILT_VALIDATOR } from "../lambda/bundle";

export interface Retained {
  readonly heapBytes: number;
  readonly rssBytes: number;
  readonly externalBytes: number;
}

/**
 * Memory a fresh validator process still holds after `count` tokens of one kind and forced garbage
 * collection: "forged" tokens carry the issuer's real kid, a junk signature and a unique `iss` each;
 * "opaque" tokens are distinct opaque tokens sent all at once, for introspection while its secret
 * cannot be read. `preload` modules load first (`node -r`).
 */
export function retainedAfter(
  mode: "forged" | "valid" | "opaque",
  count: number,
  env: NodeJS.ProcessEnv,
  token: { valid: string; kid: string; endpoint: string },
  node = process.execPath,
  preload: readonly string[] = [],
): Promise<Retained> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      node,
      [
        "--expose-gc",
        ...preload.flatMap((module) => ["-r", module]),
        path.join(__dirname, "memory-probe-main.cjs"),
        BUILT_VALIDATOR,
        mode,
        String(count),
        token.valid,
        token.kid,
        token.endpoint,
      ],
      { env, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
      const line = /^RESULT (.*)\n/m.exec(stderr);
      if (line) resolve(JSON.parse(line[1]));
    });
    child.on("exit", (code) => reject(new Error(`memory probe exited (${code}) without a result: ${stderr.slice(0, 500)}`)));
  });
}
