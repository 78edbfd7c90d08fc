// For .ci/run: every stack (environments and variants) ejected to HCL under <dir>/hcl/<name>, and the named ones
// also in JSON syntax under <dir>/json/<name>, as `npm run eject` does, in one process instead of one per folder.
// Usage: npx tsx scripts/eject-all.ts <dir> [json stack name ...]
import * as path from "node:path";
import { ejectStack } from "../eject/eject";
import { ENVIRONMENTS } from "../environments";
import { VALIDATE_ONLY, VARIANTS } from "../environments/variants";

const [dir, ...jsonNames] = process.argv.slice(2);
if (!dir) {
  console.error("usage: npx tsx scripts/eject-all.ts <dir> [json stack name ...]");
  process.exit(2);
}
const configs = [...ENVIRONMENTS, ...VARIANTS, ...VALIDATE_ONLY];
for (const name of jsonNames) if (!configs.some((config) => config.name === name)) throw new Error(`no stack ${name}`);
for (const config of configs) {
  for (const format of jsonNames.includes(config.name) ? (["hcl", "json"] as const) : (["hcl"] as const)) {
    const result = ejectStack(config, path.join(dir, format, config.name), { format });
    if (!result.formatted) throw new Error("terraform is not on the PATH: the ejected HCL would not be formatted");
    console.log(`${config.name}: ${format}, ${result.files.length} files`);
  }
}
