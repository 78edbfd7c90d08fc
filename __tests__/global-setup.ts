import { BUILT_VALIDATOR, VALIDATOR_BUNDLE } from "../lambda/bundle";
import { bundleNodejs } from "../stacks/bundling";

// The validator bundle some tests run in a child process, built once per run, so that any single test
// file runs on a clean checkout (`npx jest __tests__/validator-bundle.test.ts`).
export default function globalSetup(): void {
  bundleNodejs(VALIDATOR_BUNDLE, BUILT_VALIDATOR);
}
