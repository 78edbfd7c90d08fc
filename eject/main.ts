// npm run eject -- <stack> [dir] [--force]: the stack as a plain Terraform folder (docs/leaving-cdktf.md).
import * as fs from "node:fs";
import * as path from "node:path";
import { ENVIRONMENTS } from "../environments";
import { VALIDATE_ONLY, VARIANTS } from "../environments/variants";
import { ejectStack } from "./eject";

const USAGE =
  "usage: npm run eject -- <stack> [dir, default ejected/<stack>] [--json: Terraform's JSON syntax instead of HCL] [--force: write into a folder that has files]";

function main(argv: readonly string[]): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const force = argv.includes("--force");
  const [name, dir] = argv.filter((arg) => !arg.startsWith("--"));
  const configs = [...ENVIRONMENTS, ...VARIANTS, ...VALIDATE_ONLY];
  const config = configs.find((candidate) => candidate.name === name);
  if (!config) {
    console.error(
      `${name === undefined ? "no stack named" : `no stack ${JSON.stringify(name)}`}: use one of ${configs.map((c) => c.name).join(", ")}\n${USAGE}`,
    );
    return 2;
  }
  const target = path.resolve(dir ?? path.join("ejected", config.name));
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0 && !force) {
    console.error(`${target} has files: eject into an empty folder, or pass --force to overwrite the files it writes`);
    return 2;
  }
  const result = ejectStack(config, target, { format: argv.includes("--json") ? "json" : "hcl" });
  for (const file of result.files) console.log(path.relative(process.cwd(), path.join(result.dir, file)));
  if (!result.formatted) console.error("terraform is not on the PATH: run `terraform fmt` in the folder before you commit it");
  return 0;
}

process.exitCode = main(process.argv.slice(2));
