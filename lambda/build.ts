import * as path from "path";
import { buildSync } from "esbuild";

/** Bundles `lambda/src/index.ts` into `lambda/dist/index.js`: the same bytes for the same source. */
export function buildValidatorBundle(): string {
  const outfile = path.join(__dirname, "dist", "index.js");
  buildSync({
    entryPoints: [path.join(__dirname, "src", "index.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    minify: true,
    // aws-jwt-verify requires "https" when it loads, though this validator never uses its fetcher; it
    // gets a stand-in that loads the real module on first use. Our own code asks for "node:https".
    alias: { https: "./src/https-on-demand.ts" },
    // Paths in the output stay relative to this folder, whatever the checkout's location.
    absWorkingDir: __dirname,
    logLevel: "warning",
  });
  return outfile;
}

if (require.main === module) {
  console.log(path.relative(process.cwd(), buildValidatorBundle()));
}
