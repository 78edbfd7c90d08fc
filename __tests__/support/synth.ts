import * as fs from "node:fs";
import { Testing } from "cdktf";
import type { HealthLakeSmartConfig } from "../../stacks/config";
import { HealthLakeSmartStack } from "../../stacks/healthlake-smart-stack";

// The bundle's content hash is part of the asset path; it changes with every validator edit,
// which says nothing about the stack. Snapshots see a placeholder instead.
const ASSET_HASH = /(assets\/[^/"]+\/)[0-9A-F]{32}/g;

export interface TerraformJson {
  resource: Record<string, Record<string, Record<string, any>>>;
  data: Record<string, Record<string, Record<string, any>>>;
  output: Record<string, Record<string, any>>;
  variable?: Record<string, Record<string, any>>;
  check?: Record<string, Record<string, any>>;
  locals?: Record<string, any>;
  import?: Record<string, any>[];
  provider: Record<string, any[]>;
  terraform: Record<string, any>;
}

/** The stack's Terraform JSON as `cdktf synth` writes it, minus metadata, with stable asset paths. */
export function synthJson(config: HealthLakeSmartConfig): TerraformJson {
  const app = Testing.app();
  try {
    const stack = new HealthLakeSmartStack(app, config.name, { config });
    return JSON.parse(Testing.synth(stack).replace(ASSET_HASH, "$1<bundle-hash>"));
  } finally {
    // Testing.app() makes an output folder in the system's temporary folder and leaves it there.
    fs.rmSync(app.outdir, { recursive: true, force: true });
  }
}

/** Terraform addresses (`type.name`, `data.type.name`) of every resource and data source. */
export function addresses(json: TerraformJson): string[] {
  const list = (blocks: TerraformJson["resource"] | undefined, prefix: string) =>
    Object.entries(blocks ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${prefix}${type}.${name}`));
  return [...list(json.resource, ""), ...list(json.data, "data.")].sort();
}
