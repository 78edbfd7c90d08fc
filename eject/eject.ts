import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { App } from "cdktf";
import type { HealthLakeSmartConfig } from "../stacks/config";
import { HealthLakeSmartStack } from "../stacks/healthlake-smart-stack";
import providerBlocks from "./provider-blocks.json";
import { type ProviderBlocks, terraformFiles } from "./terraform-files";

const PROJECT_ROOT = path.resolve(__dirname, "..");
// Where `cdktf synth` puts a stack; the app's backend paths are relative to it.
const SYNTH_FOLDER = (name: string) => path.join(PROJECT_ROOT, "cdktf.out", "stacks", name);

export interface EjectOptions {
  /** Terraform's JSON syntax (`main.tf.json`): the synthesized stack as it is, relocated. @default "hcl" */
  readonly format?: "hcl" | "json";
}

export interface EjectResult {
  readonly dir: string;
  /** Files written, relative to `dir`. */
  readonly files: readonly string[];
  /** Whether `terraform fmt` formatted them (it is not on every machine). */
  readonly formatted: boolean;
}

/**
 * Writes one stack as a plain Terraform folder that runs with `terraform` alone: the same addresses,
 * values and bundles as `cdktf deploy` of the same configuration, in HCL (docs/leaving-cdktf.md).
 * The stack is synthesized afresh, so the folder matches the code, not an older `cdktf.out`.
 */
export function ejectStack(config: HealthLakeSmartConfig, dir: string, options: EjectOptions = {}): EjectResult {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "eject-synth-"));
  try {
    const app = new App({ outdir });
    new HealthLakeSmartStack(app, config.name, { config });
    app.synth();
    const synthesized = path.join(outdir, "stacks", config.name);
    let text = fs.readFileSync(path.join(synthesized, "cdk.tf.json"), "utf8");

    // Bundles move from cdktf's hashed asset folders to bundles/<function>/, with the same bytes.
    const files: string[] = [];
    for (const [from, to] of bundleFolders(synthesized)) {
      text = text.replaceAll(`${from}/`, `${to}/`);
      fs.cpSync(path.join(synthesized, from), path.join(dir, to), { recursive: true });
      files.push(...fs.readdirSync(path.join(dir, to)).map((file) => path.join(to, file)));
    }
    const stack = JSON.parse(text);
    relocateLocalState(stack, SYNTH_FOLDER(config.name), dir);

    fs.mkdirSync(dir, { recursive: true });
    const written =
      options.format === "json" ? { "main.tf.json": `${JSON.stringify(stack, null, 2)}\n` } : terraformFiles(stack, providerBlocks as ProviderBlocks);
    for (const [file, content] of Object.entries(written)) {
      fs.writeFileSync(path.join(dir, file), content);
      files.push(file);
    }
    fs.writeFileSync(path.join(dir, ".gitignore"), ".terraform/\n*.zip\n*.tfstate\n*.tfstate.backup\n");
    files.push(".gitignore");
    const formatted = options.format === "json" || spawnSync("terraform", ["fmt", "-list=false", dir], { stdio: "ignore" }).status === 0;
    return { dir, files: files.sort(), formatted };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** `assets/<id>_bundle_<hash>/<hash>` → `bundles/<id>`, for each bundle cdktf staged. */
function bundleFolders(synthesized: string): [string, string][] {
  const assets = path.join(synthesized, "assets");
  if (!fs.existsSync(assets)) return [];
  return fs
    .readdirSync(assets)
    .flatMap((asset) =>
      fs
        .readdirSync(path.join(assets, asset))
        .map((hash): [string, string] => [`assets/${asset}/${hash}`, `bundles/${asset.replace(/_bundle_[0-9A-F]+$/, "")}`]),
    );
}

/** A local backend's path, relative to the synthesized stack's folder, made relative to the new folder. */
function relocateLocalState(stack: { terraform?: { backend?: { local?: { path?: string } } } }, synthFolder: string, dir: string): void {
  const local = stack.terraform?.backend?.local;
  if (!local?.path) return;
  local.path = path.relative(path.resolve(dir), path.resolve(synthFolder, local.path)).split(path.sep).join("/");
}
