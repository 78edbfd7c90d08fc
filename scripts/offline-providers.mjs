// The providers of ../shared/tools/tf-offline for scripts that run terraform themselves: the real aws
// provider from the local mirror and stand-ins serving provider-schemas/, in a throwaway mirror and CLI config.
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

export const PROJECT_ROOT = resolve(import.meta.dirname, "..");
/** The shared tools' library; absent on machines without ../shared (users' CI). */
export const TOOL_LIB = join(PROJECT_ROOT, "..", "shared", "tools", "tf-offline", "lib.js");

/**
 * `lib`, the CLI config file using a mirror made in `scratch`, and each provider's version pin. With `awsSchema`
 * (a `providers schema -json` file, e.g. provider-schemas/aws-6.25.0.json) aws too is a stand-in serving it.
 */
export function offlineProviders(scratch, { awsSchema } = {}) {
  const lib = createRequire(import.meta.url)(TOOL_LIB);
  const aws = awsSchema ? null : lib.findAwsProvider();
  const standins = lib.findSchemas([], [{ src: PROJECT_ROOT }], awsSchema ?? null);
  const cli = lib.makeMirror(scratch, aws, standins, lib.ensureDeps());
  return { lib, cli, pins: lib.providerPins(aws, standins) };
}
