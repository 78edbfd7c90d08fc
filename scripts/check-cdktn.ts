// npm run check:cdktn: does this app move to CDK Terrain, the community fork of CDKTF? In a temporary copy of the
// tracked files it swaps the packages for the fork's, rewrites the imports, regenerates .gen/ offline, synthesizes,
// runs the jest suite, and compares each stack's JSON with this project's: only provider version pins may differ.
// The fork's CLI needs Node 22.19 or later; an older Node gets one from the npm registry (scripts/lambda-node.ts).
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { nodeBinary } from "./lambda-node";

/** The fork's packages, pinned; `@cdktn/provider-http` does not exist, so http is generated like awscc. */
const FORK = {
  dependencies: { cdktn: "0.24.0", "@cdktn/provider-aws": "25.7.0", "@cdktn/provider-archive": "14.0.1", constructs: "10.6.0" },
  devDependencies: { "cdktn-cli": "0.24.0" },
  removed: ["cdktf", "cdktf-cli", "@cdktf/provider-aws", "@cdktf/provider-archive", "@cdktf/provider-http"],
  generated: ["hashicorp/http@3.5.0"],
};

const root = path.resolve(__dirname, "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "check-cdktn-"));
const ours = fs.mkdtempSync(path.join(os.tmpdir(), "check-cdktn-ours-"));
const node22 = nodeBinary(22, "22.19.0");
const env = { ...process.env, PATH: `${path.dirname(node22)}${path.delimiter}${process.env.PATH}`, CHECKPOINT_DISABLE: "1" };
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 }).toString();
const step = (text: string) => console.log(`check:cdktn: ${text}`);

try {
  step(`Node ${run(node22, ["--version"], root).trim()}; copying the tracked files to ${work}`);
  const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root }).toString().split("\0").filter(Boolean);
  for (const file of tracked) fs.cpSync(path.join(root, file), path.join(work, file), { recursive: true });
  // The suite asks git what it ignores.
  run("git", ["init", "-q"], work);

  step(
    `installing ${Object.entries({ ...FORK.dependencies, ...FORK.devDependencies })
      .map(([name, version]) => `${name}@${version}`)
      .join(", ")}`,
  );
  const pkg = JSON.parse(fs.readFileSync(path.join(work, "package.json"), "utf8"));
  for (const name of FORK.removed) {
    delete pkg.dependencies[name];
    delete pkg.devDependencies[name];
  }
  Object.assign(pkg.dependencies, FORK.dependencies);
  Object.assign(pkg.devDependencies, FORK.devDependencies);
  pkg.scripts.gen = pkg.scripts.gen.replace("cdktf get", "cdktn get");
  pkg.scripts.synth = pkg.scripts.synth.replace("cdktf synth", "cdktn synth");
  fs.writeFileSync(path.join(work, "package.json"), JSON.stringify(pkg, null, 2));
  fs.rmSync(path.join(work, "package-lock.json"));
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], work);

  const rewritten = rewriteImports(work);
  step(`rewrote the imports of ${rewritten} files; generating .gen/ offline`);
  const cdktfJson = JSON.parse(fs.readFileSync(path.join(work, "cdktf.json"), "utf8"));
  cdktfJson.terraformProviders.push(...FORK.generated);
  fs.writeFileSync(path.join(work, "cdktf.json"), JSON.stringify(cdktfJson, null, 2));
  addForkCacheNames(path.join(work, "provider-schemas"));
  fs.rmSync(path.join(work, ".gen"), { recursive: true, force: true });
  run("npx", ["cdktn", "get", "--experimental-provider-schema-cache-path", "provider-schemas"], work);

  step("synthesizing with cdktn and with this project's cdktf");
  run("npx", ["cdktn", "synth"], work);
  run("npx", ["cdktf", "synth", "--output", ours], root);
  const pins = new Map<string, string>();
  let compared = 0;
  for (const stack of fs.readdirSync(path.join(ours, "stacks")).sort()) {
    const [mine, theirs] = [path.join(ours, "stacks", stack), path.join(work, "cdktf.out", "stacks", stack)].map((dir) =>
      JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")),
    );
    for (const [name, requirement] of Object.entries<{ version: string }>(mine.terraform.required_providers)) {
      pins.set(`${name} ${requirement.version}`, theirs.terraform.required_providers[name]?.version);
    }
    const differences = differencesBesidesPins(mine, theirs);
    if (differences.length > 0) throw new Error(`${stack}: cdktn synthesizes more than other provider pins:\n  ${differences.slice(0, 20).join("\n  ")}`);
    compared += 1;
  }
  step(`${compared} stacks: the same JSON but the provider pins (${[...pins].map(([from, to]) => `${from} -> ${to}`).join(", ")})`);

  // The reviewed snapshots hold the pins; the fork's are the only change allowed.
  for (const snapshot of fs.readdirSync(path.join(work, "__tests__", "__snapshots__"))) {
    const file = path.join(work, "__tests__", "__snapshots__", snapshot);
    let text = fs.readFileSync(file, "utf8");
    text = text.replace(/("source": )"(aws|http)"/g, '$1"hashicorp/$2"');
    for (const [from, to] of pins) text = text.replaceAll(`"version": "${from.split(" ")[1]}"`, `"version": "${to}"`);
    fs.writeFileSync(file, text);
  }
  step("running the jest suite on the fork");
  const jest = spawnSync("npx", ["jest", "--ci"], { cwd: work, env, encoding: "utf8", maxBuffer: 1 << 28 });
  const tests = /^Tests:.*$/m.exec(jest.stderr)?.[0] ?? "no summary";
  if (jest.status !== 0) throw new Error(`the jest suite fails on the fork (${tests}):\n${jest.stderr.slice(-6000)}`);
  step(`jest on the fork: ${tests}`);
  step("passed");
} catch (error) {
  const failure = error as Error & { stdout?: Buffer; stderr?: Buffer };
  console.error(`check:cdktn failed: ${failure.message}\n${failure.stdout?.toString().slice(-4000) ?? ""}${failure.stderr?.toString().slice(-4000) ?? ""}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(ours, { recursive: true, force: true });
}

/** `cdktf` → `cdktn`, `@cdktf/provider-{aws,archive}` → `@cdktn/…`, `@cdktf/provider-http` → the generated `.gen/providers/http`. */
function rewriteImports(dir: string): number {
  let count = 0;
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (![".gen", "node_modules", ".git"].includes(entry.name)) visit(file);
        continue;
      }
      if (!/\.(ts|mjs|cjs|js)$/.test(entry.name)) continue;
      const before = fs.readFileSync(file, "utf8");
      const http = path
        .relative(folder, path.join(dir, ".gen", "providers", "http"))
        .split(path.sep)
        .join("/");
      const after = before
        .replaceAll('from "cdktf"', 'from "cdktn"')
        .replace(/"@cdktf\/provider-(aws|archive)\/lib\//g, '"@cdktn/provider-$1/lib/')
        .replace(/"@cdktf\/provider-http\/lib\/([\w-]+)"/g, (_match, module: string) => `"${http.startsWith(".") ? http : `./${http}`}/${module}"`)
        .replace('join(root, "node_modules", ".bin", "cdktf")', 'join(root, "node_modules", ".bin", "cdktn")');
      if (after !== before) {
        fs.writeFileSync(file, after);
        count += 1;
      }
    }
  };
  visit(dir);
  return count;
}

/**
 * cdktn names its schema cache files `<provider>@<constraint>@<CLI>-<major.minor>.json` (cdktf: without the
 * CLI part), after the Terraform CLI on the PATH or `unknown-cli`: each schema gets both names.
 */
function addForkCacheNames(cache: string): void {
  let suffix = "unknown-cli";
  try {
    const version = JSON.parse(execFileSync("terraform", ["version", "-json"], { env, stdio: ["ignore", "pipe", "ignore"] }).toString())
      .terraform_version as string;
    suffix = `terraform-${version.split(".").slice(0, 2).join(".")}`;
  } catch {
    // No terraform here: cdktn falls back to unknown-cli.
  }
  for (const file of fs.readdirSync(cache).filter((name) => name.endsWith(".json"))) {
    for (const name of new Set([suffix, "unknown-cli"])) fs.copyFileSync(path.join(cache, file), path.join(cache, file.replace(/\.json$/, `@${name}.json`)));
  }
}

/** Every difference between two stacks but the provider pins (`version`, and `source` spelled in full) and cdktf's own version. */
// biome-ignore lint/suspicious/noExplicitAny: cdk.tf.json of any shape
type Stack = Record<string, any>;

function differencesBesidesPins(mine: Stack, theirs: Stack): string[] {
  const strip = (stack: Stack) => {
    const copy = structuredClone(stack);
    for (const requirement of Object.values<Record<string, unknown>>(copy.terraform.required_providers)) {
      delete requirement.version;
      requirement.source = String(requirement.source).replace(/^(?!.*\/)/, "hashicorp/");
    }
    delete copy["//"]?.metadata?.version;
    return copy;
  };
  const lines: string[] = [];
  const walk = (a: unknown, b: unknown, at: string) => {
    if (a && b && typeof a === "object" && typeof b === "object") {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
        walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
    } else if (JSON.stringify(a) !== JSON.stringify(b)) lines.push(`${at}: ${JSON.stringify(a)?.slice(0, 100)} vs ${JSON.stringify(b)?.slice(0, 100)}`);
  };
  walk(strip(mine), strip(theirs), "");
  return lines;
}
