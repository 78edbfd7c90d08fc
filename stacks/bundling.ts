import { createHash } from "node:crypto";
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
    // The runtime's own AWS SDK v3, as aws-lambda-nodejs leaves it out for nodejs18.x and later.
    external: ["@aws-sdk/*"],
    absWorkingDir: path.dirname(entry),
    logLevel: "warning",
  });
  return outfile;
}

const staged = new Map<string, string>();

/**
 * The bundle in a folder of its own, for a `TerraformAsset` to copy at synth: built once per entry
 * and options in this process, into a folder named after the bundle's content in a folder only this
 * user may write. The same bundle always lands in the same folder, so repeated synths (every test
 * file) reuse it rather than leave one folder each behind, and parallel processes never clash.
 */
export function stagedBundle(options: NodejsBundleOptions): string {
  const key = JSON.stringify([path.resolve(options.entry), options.alias]);
  let dir = staged.get(key);
  if (!dir) {
    const parent = privateFolder();
    const building = fs.mkdtempSync(path.join(parent ?? os.tmpdir(), "nodejs-bundle-"));
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(bundleNodejs(options, path.join(building, "index.js")));
    } catch (error) {
      fs.rmSync(building, { recursive: true, force: true });
      throw error;
    }
    dir = building;
    if (parent) {
      const named = path.join(parent, createHash("sha256").update(bytes).digest("hex").slice(0, 32));
      try {
        fs.renameSync(building, named);
      } catch {
        // Another process of this user staged the same bytes first.
        fs.rmSync(building, { recursive: true, force: true });
      }
      dir = named;
    }
    staged.set(key, dir);
  }
  return dir;
}

/**
 * `<temporary folder>/nodejs-bundles-<uid>`, made private to this user; undefined where that cannot be
 * ensured (another owner, other permissions, no uid), and then each process stages in a fresh folder.
 * Anyone able to write there could change what is deployed.
 */
function privateFolder(): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  const folder = path.join(os.tmpdir(), `nodejs-bundles-${uid}`);
  try {
    fs.mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") return undefined;
  }
  const stat = fs.lstatSync(folder);
  return stat.isDirectory() && stat.uid === uid && (stat.mode & 0o077) === 0 ? folder : undefined;
}
