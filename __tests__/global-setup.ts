import { buildAll } from "../lambda/bundle";

// The bundles some tests run in a child process, built once per run, so that any single test file
// runs on a clean checkout (`npx jest __tests__/validator-bundle.test.ts`).
export default function globalSetup(): void {
  buildAll();
}
