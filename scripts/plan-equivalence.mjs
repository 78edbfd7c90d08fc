// Proves an ejected folder plans what its synthesized stack plans: `terraform plan` of each, from the same
// inputs, against the moto emulator (the real aws provider; stand-ins for awscc, archive and http from
// ../shared/tools), compared as `terraform show -json`: every resource change (actions, planned values, what is
// unknown or sensitive), the data sources read, the outputs and the checks. Skips, saying why, where the tools are not.
// Both copies get the 6.x-to-5.100 mappings of scripts/for-aws-5100.mjs first (the binary here is 5.100.0), so
// both sides are planned with the same meaning. The pairs are planned one after the other, each with its own moto
// on a free port and its own scratch folder: several runs of this script can go side by side.
// Usage: node scripts/plan-equivalence.mjs <synthesized stack dir>=<ejected dir> ...
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { adaptFolderFor5100 } from "./for-aws-5100.mjs";
import { startMoto } from "./moto.mjs";
import { TOOL_LIB, offlineProviders } from "./offline-providers.mjs";

const pairs = process.argv.slice(2).map((arg) => arg.split("="));
if (pairs.length === 0 || pairs.some((pair) => pair.length !== 2)) {
  console.error("usage: node scripts/plan-equivalence.mjs <synthesized stack dir>=<ejected dir> ...");
  process.exit(2);
}
const missing = [
  [!existsSync(TOOL_LIB), `${TOOL_LIB} (the offline providers)`],
  [spawnSync("terraform", ["version"]).status !== 0, "terraform"],
  [spawnSync("sh", ["-c", "command -v moto_server"]).status !== 0, "moto_server"],
].filter(([absent]) => absent);
if (missing.length > 0) {
  console.log(`skipping the plan equivalence of ejected folders: ${missing.map(([, what]) => what).join(", ")} not on this machine`);
  process.exit(0);
}

const scratch = mkdtempSync(join(tmpdir(), "plan-equivalence-"));
const { lib, cli, pins } = offlineProviders(scratch);
const rehearse = JSON.parse(readFileSync(join(lib.HERE, "rehearse.json"), "utf8"));
let moto;
process.on("exit", () => {
  moto?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

let failed = false;
for (const [synthesized, ejected] of pairs) {
  const stack = JSON.parse(readFileSync(join(synthesized, "cdk.tf.json"), "utf8"));
  const account = stack.provider?.aws?.[0]?.allowed_account_ids?.[0] ?? "123456789012";
  moto = await startMoto(account);
  const [fromJson, fromHcl] = await Promise.all([plan(synthesized, stack, moto.url, "json"), plan(ejected, stack, moto.url, "hcl")]);
  moto.stop();
  const differences = compare(fromJson, fromHcl);
  const counts = `${fromJson.resource_changes.length} resource changes, ${Object.keys(fromJson.outputs).length} outputs, ${fromJson.data.length} data sources, ${fromJson.checks.length} checks`;
  console.log(`${basename(ejected)}: ${differences.length === 0 ? "same plan" : `${differences.length} difference(s)`} (${counts})`);
  for (const difference of differences.slice(0, 20)) console.log(`  ${difference}`);
  failed ||= differences.length > 0;
}
process.exit(failed ? 1 : 0);

/** The parts of `terraform show -json` of a plan that depend on the configuration's meaning, not its spelling. */
async function plan(dir, stack, motoUrl, label) {
  const work = join(scratch, `${basename(dir)}-${label}`);
  lib.copyConfig({ src: dir, file: false }, work);
  adaptFolderFor5100(work);
  // As tf-rehearse does: the mirror's provider versions, a local state, the aws provider sent to moto.
  const endpoints = { sts: motoUrl };
  for (const kind of ["resource", "data"]) {
    for (const type of Object.keys(stack[kind] ?? {})) {
      const prefix = Object.keys(rehearse.endpoints)
        .filter((p) => p !== "//" && type.startsWith(p))
        .sort((a, b) => b.length - a.length)[0];
      if (prefix) endpoints[rehearse.endpoints[prefix]] = motoUrl;
    }
  }
  const override = {
    terraform: { required_providers: pins, backend: { local: { path: "terraform.tfstate" } } },
    provider: {
      aws: [
        {
          access_key: "testing",
          secret_key: "testing",
          max_retries: 2,
          skip_credentials_validation: true,
          skip_metadata_api_check: true,
          skip_region_validation: true,
          s3_use_path_style: true,
          endpoints: [endpoints],
        },
      ],
    },
  };
  writeFileSync(join(work, "zz_plan_equivalence_override.tf.json"), JSON.stringify(override));
  const env = lib.tfEnv(cli, {
    TF_OFFLINE_STUB_STATE: join(work, ".stand-in-objects.json"),
    TF_OFFLINE_ACCOUNT_ID: "123456789012",
    HTTP_PROXY: "http://127.0.0.1:9",
    HTTPS_PROXY: "http://127.0.0.1:9",
    NO_PROXY: "127.0.0.1,localhost",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_EC2_METADATA_DISABLED: "true",
  });
  for (const key of Object.keys(env))
    if (/^AWS_/.test(key) && !["AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_EC2_METADATA_DISABLED"].includes(key)) delete env[key];
  for (const args of [
    ["init", "-input=false", "-no-color"],
    ["plan", "-input=false", "-no-color", "-out=equivalence.tfplan"],
  ]) {
    const run = await lib.tf(args, work, env, 300_000);
    if (run.code !== 0) throw new Error(`${dir}: terraform ${args[0]} failed:\n${run.out.slice(-3000)}`);
  }
  const shown = await lib.tf(["show", "-json", "equivalence.tfplan"], work, env, 300_000);
  const json = JSON.parse(shown.stdout);
  return {
    resource_changes: (json.resource_changes ?? []).map(({ address, mode, type, name, change }) => ({
      address,
      mode,
      type,
      name,
      actions: change.actions,
      before: change.before,
      after: change.after,
      after_unknown: change.after_unknown,
      after_sensitive: change.after_sensitive,
      importing: change.importing,
    })),
    data: (json.prior_state?.values?.root_module?.resources ?? [])
      .filter((resource) => resource.mode === "data")
      .map(({ address, type, values }) => ({ address, values: standIn(type) ? withoutPlaceholders(values) : values })),
    outputs: json.planned_values?.outputs ?? {},
    output_changes: json.output_changes ?? {},
    checks: (json.checks ?? []).map(({ address, status }) => ({ address: address.to_display, status })),
  };
}

// A stand-in provider (every provider but the real aws and archive) answers each read of a data source with
// fresh placeholders (`<attribute>-<8 hex>`, a 32-hex id), so two plans differ there by construction.
function standIn(type) {
  return !/^(aws|archive)_/.test(type);
}
function withoutPlaceholders(values) {
  const placeholder = (key, item) => typeof item === "string" && (/^[a-z0-9_]+-[0-9a-f]{8}$/.test(item) || (key === "id" && /^[0-9a-f]{32}$/.test(item)));
  return Object.fromEntries(Object.entries(values ?? {}).map(([key, item]) => [key, placeholder(key, item) ? "<stand-in placeholder>" : item]));
}

/** Differences, one line each: what the JSON stack plans that the ejected folder does not, and the other way round. */
function compare(a, b) {
  const lines = [];
  const keyed = (list) => new Map(list.map((entry) => [entry.address, entry]));
  for (const section of ["resource_changes", "data", "checks"]) {
    const [left, right] = [keyed(a[section]), keyed(b[section])];
    for (const address of new Set([...left.keys(), ...right.keys()])) {
      if (!left.has(address)) lines.push(`${section}: ${address} only in the ejected folder`);
      else if (!right.has(address)) lines.push(`${section}: ${address} missing from the ejected folder`);
      else for (const path of diffPaths(left.get(address), right.get(address), "")) lines.push(`${section}: ${address}: ${path}`);
    }
  }
  for (const section of ["outputs", "output_changes"]) for (const path of diffPaths(a[section], b[section], section)) lines.push(path);
  return lines;
}

function diffPaths(x, y, at) {
  if (x && y && typeof x === "object" && typeof y === "object") {
    return [...new Set([...Object.keys(x), ...Object.keys(y)])].flatMap((key) => diffPaths(x[key], y[key], at ? `${at}.${key}` : key));
  }
  return JSON.stringify(x ?? null) === JSON.stringify(y ?? null) ? [] : [`${at}: ${JSON.stringify(x)?.slice(0, 120)} vs ${JSON.stringify(y)?.slice(0, 120)}`];
}
