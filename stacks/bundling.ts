import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildSync } from "esbuild";

export interface NodejsBundleOptions {
  /** The handler's source, e.g. `lambda/token-validator/index.ts`; the bundle exports what it exports. */
  readonly entry: string;
  /** Module substitutions, resolved in the entry's folder (esbuild `alias`). @default - none */
  readonly alias?: Readonly<Record<string, string>>;
}

/**
 * Bundles a Node.js Lambda handler into one minified CommonJS `index.js` for the `nodejs22.x` runtime,
 * as aws-lambda-nodejs does: the same bytes for the same sources and options, wherever the checkout
 * is (a minified bundle names no path). Returns the file written.
 */
export function bundleNodejs(options: NodejsBundleOptions, outfile: string): string {
  const entry = path.resolve(options.entry);
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    minify: true,
    alias: options.alias && { ...options.alias },
    absWorkingDir: path.dirname(entry),
    logLevel: "warning",
  });
  return outfile;
}

const staged = new Map<string, string>();
const removeStaged = () => {
  for (const folder of staged.values()) fs.rmSync(folder, { recursive: true, force: true });
};

/**
 * The bundle in a folder of its own, for a `TerraformAsset` to copy at synth: built once per entry
 * and options in this process, in a temporary folder removed when the process ends.
 */
export function stagedBundle(options: NodejsBundleOptions): string {
  const key = JSON.stringify([path.resolve(options.entry), options.alias]);
  let dir = staged.get(key);
  if (!dir) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nodejs-bundle-"));
    bundleNodejs(options, path.join(dir, "index.js"));
    staged.set(key, dir);
    if (staged.size === 1) process.once("exit", removeStaged);
  }
  return dir;
}
