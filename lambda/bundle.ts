import * as path from "node:path";
import { type NodejsBundleOptions, bundleNodejs } from "../stacks/bundling";

/** How the token validator is bundled: the stack bundles it at synth, `npm run build` into `lambda/dist`. */
export const VALIDATOR_BUNDLE: NodejsBundleOptions = {
  entry: path.join(__dirname, "token-validator", "index.ts"),
  // aws-jwt-verify requires "https" when it loads, though this validator never uses its fetcher; it
  // gets a stand-in that loads the real module on first use. Our own code asks for "node:https".
  alias: { https: "./https-on-demand.ts" },
};

/** How Cognito's pre token generation trigger is bundled. */
export const PRE_TOKEN_GENERATION_BUNDLE: NodejsBundleOptions = {
  entry: path.join(__dirname, "pre-token-generation", "index.ts"),
};

/** How the function that updates the datastore's identity provider configuration is bundled. */
export const IDENTITY_PROVIDER_UPDATE_BUNDLE: NodejsBundleOptions = {
  entry: path.join(__dirname, "identity-provider-update", "index.ts"),
};

/** How the SMART front for Cognito (`/authorize` and `/token` behind API Gateway) is bundled. */
export const SMART_FRONT_BUNDLE: NodejsBundleOptions = {
  entry: path.join(__dirname, "smart-front", "index.ts"),
};

/** Where `npm run build` writes the bundles, for tests and the benchmark. */
export const BUILT_VALIDATOR = path.join(__dirname, "dist", "token-validator", "index.js");
export const BUILT_PRE_TOKEN_GENERATION = path.join(__dirname, "dist", "pre-token-generation", "index.js");
export const BUILT_IDENTITY_PROVIDER_UPDATE = path.join(__dirname, "dist", "identity-provider-update", "index.js");
export const BUILT_SMART_FRONT = path.join(__dirname, "dist", "smart-front", "index.js");

/** Builds every bundle into `lambda/dist`. */
export function buildAll(): string[] {
  return [
    bundleNodejs(VALIDATOR_BUNDLE, BUILT_VALIDATOR),
    bundleNodejs(PRE_TOKEN_GENERATION_BUNDLE, BUILT_PRE_TOKEN_GENERATION),
    bundleNodejs(IDENTITY_PROVIDER_UPDATE_BUNDLE, BUILT_IDENTITY_PROVIDER_UPDATE),
    bundleNodejs(SMART_FRONT_BUNDLE, BUILT_SMART_FRONT),
  ];
}

if (require.main === module) {
  for (const file of buildAll()) console.log(path.relative(process.cwd(), file));
}
