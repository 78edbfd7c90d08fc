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
    // Paths in the output stay relative to this folder, whatever the checkout's location.
    absWorkingDir: __dirname,
    logLevel: "warning",
  });
  return outfile;
}

if (require.main === module) {
  console.log(path.relative(process.cwd(), buildValidatorBundle()));
}
