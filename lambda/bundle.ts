import * as path from "node:path";
import { type NodejsBundleOptions, bundleNodejs } from "../stacks/bundling";

/** How the token validator is bundled: the stack bundles it at synth, `npm run build` into `lambda/dist`. */
export const VALIDATOR_BUNDLE: NodejsBundleOptions = {
  entry: path.join(__dirname, "token-validator", "index.ts"),
  // aws-jwt-verify requires "https" when it loads, though this validator never uses its fetcher; it
  // gets a stand-in that loads the real module on first use. Our own code asks for "node:https".
  alias: { https: "./https-on-demand.ts" },
};

/** Where `npm run build` writes the bundle, for tests and the benchmark. */
export const BUILT_VALIDATOR = path.join(__dirname, "dist", "token-validator", "index.js");

if (require.main === module) {
  console.log(path.relative(process.cwd(), bundleNodejs(VALIDATOR_BUNDLE, BUILT_VALIDATOR)));
}
