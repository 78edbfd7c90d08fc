import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Testing } from "cdktf";
import { ENVIRONMENTS } from "../environments";
import { sandbox } from "../environments/sandbox";
import { VALIDATE_ONLY, VARIANTS } from "../environments/variants";
import { ejectStack } from "../eject/eject";
import { PRE_TOKEN_GENERATION_BUNDLE, VALIDATOR_BUNDLE } from "../lambda/bundle";
import { stagedBundle } from "../stacks/bundling";
import type { HealthLakeSmartConfig } from "../stacks/config";
import { HealthLakeSmartStack } from "../stacks/healthlake-smart-stack";
import { addresses, synthJson } from "./support/synth";
import { hasTerraform } from "./support/terraform";

const CONFIGS = [...ENVIRONMENTS, ...VARIANTS, ...VALIDATE_ONLY];
const withTerraform = hasTerraform ? test : test.skip;
if (!hasTerraform) console.warn("skipping the terraform fmt checks of ejected folders: terraform is not on the PATH");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "eject-test-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");
const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe.each(CONFIGS.map((config) => ({ name: config.name, config })))("npm run eject -- $name", ({ config }) => {
  const dir = path.join(root, config.name);
  const result = ejectStack(config, dir);
  const all = ["versions.tf", "providers.tf", "variables.tf", "main.tf", "outputs.tf"]
    .filter((file) => fs.existsSync(path.join(dir, file)))
    .map((file) => read(dir, file))
    .join("\n");
  const json = synthJson(config);

  test("writes the plain Terraform files and the bundles", () => {
    for (const file of ["versions.tf", "providers.tf", "main.tf", "outputs.tf", ".gitignore"]) expect(result.files).toContain(file);
    expect(result.files).toContain(path.join("bundles", "token-validator", "index.js"));
  });

  test("keeps every address of the app", () => {
    const headers = [...all.matchAll(/^(resource|data) "([\w-]+)" "([\w-]+)" \{/gm)].map(
      ([, kind, type, name]) => `${kind === "data" ? "data." : ""}${type}.${name}`,
    );
    expect(headers.sort()).toEqual(addresses(json));
    expect([...all.matchAll(/^output "([\w-]+)"/gm)].map(([, name]) => name).sort()).toEqual(Object.keys(json.output).sort());
    expect([...all.matchAll(/^check "([\w-]+)"/gm)].map(([, name]) => name)).toEqual(Object.keys(json.check ?? {}));
  });

  test("quotes no reference in depends_on or ignore_changes, and keeps policies as jsonencode", () => {
    expect(all).not.toMatch(/(depends_on|ignore_changes)\s*=\s*\[[^\]]*"/);
    expect(all).toMatch(/ignore_changes\s*=\s*\[identity_provider_configuration, preload_data_config, sse_configuration\]/);
    const policies = [...all.matchAll(/^\s*(policy|assume_role_policy)\s*=\s*(.*)$/gm)];
    expect(policies.length).toBeGreaterThan(0);
    for (const [, , policy] of policies) expect(policy).toMatch(/^jsonencode\(/);
  });

  test("writes the awscc datastore's nested attributes as attributes, not blocks", () => {
    expect(all).toMatch(/^ {2}sse_configuration = \{/m);
    expect(all).not.toMatch(/^ {2}(identity_provider_configuration|sse_configuration|preload_data_config) \{/m);
  });

  withTerraform("is formatted as terraform fmt wants it", () => {
    expect(result.formatted).toBe(true);
    expect(spawnSync("terraform", ["fmt", "-check", "-recursive", dir], { env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null" } }).status).toBe(0);
  });
});

test("the bundles are byte for byte the ones the app deploys, so source_code_hash is the same", () => {
  const dir = path.join(root, "complete");
  expect(sha256(path.join(dir, "bundles", "token-validator", "index.js"))).toBe(sha256(path.join(stagedBundle(VALIDATOR_BUNDLE), "index.js")));
  expect(sha256(path.join(dir, "bundles", "pre-token-generation", "index.js"))).toBe(sha256(path.join(stagedBundle(PRE_TOKEN_GENERATION_BUNDLE), "index.js")));
  expect(read(dir, "main.tf")).toContain('content  = file("bundles/token-validator/index.js")');
});

test("a local state path resolves from the new folder to the state the app uses", () => {
  const dir = path.join(root, "sandbox");
  const statePath = /backend "local" \{\s*path = "([^"]+)"/.exec(read(dir, "versions.tf"))?.[1];
  expect(statePath && path.resolve(dir, statePath)).toBe(path.resolve(__dirname, "..", "terraform.sandbox.tfstate"));
});

test("remote state is kept as configured", () => {
  expect(read(path.join(root, "complete"), "versions.tf")).toMatch(
    /backend "s3" \{[^}]*bucket\s*=\s*"example-terraform-state-bucket"[^}]*use_lockfile\s*=\s*true/s,
  );
});

test("a null output stays null", () => {
  expect(read(path.join(root, "sandbox-import-export"), "outputs.tf")).toMatch(/output "datastore_kms_key_arn" \{[^}]*value\s*=\s*null/s);
});

test("an import block is written as one, with bare expressions and address", () => {
  const config: HealthLakeSmartConfig = {
    ...sandbox,
    name: "migrating",
    smart: { ...sandbox.smart, validator: { ...sandbox.smart?.validator, importExistingLogGroup: true } },
  };
  const dir = path.join(root, "migrating");
  ejectStack(config, dir);
  expect(read(dir, "main.tf")).toMatch(
    /import \{\s*for_each\s*=\s*toset\(\[for id in data\.aws_cloudwatch_log_groups\.token_validator\.log_group_names : id if id == "\/aws\/lambda\/smart-fhir-auth-lambda"\]\)\s*id\s*=\s*each\.value\s*to\s*=\s*aws_cloudwatch_log_group\.token_validator\s*\}/,
  );
});

test("the JSON form is the synthesized stack, with only the bundle paths and the state path moved", () => {
  const dir = path.join(root, "sandbox-json");
  ejectStack(sandbox, dir, { format: "json" });
  // cdktf's metadata ("//") is left out on both sides: synthJson drops it.
  const withoutMetadata = (text: string) =>
    JSON.stringify(
      JSON.parse(text, (key, item) => (key === "//" ? undefined : item)),
      null,
      2,
    );
  const ejected = withoutMetadata(read(dir, "main.tf.json"));
  const synthesized = withoutMetadata(JSON.stringify(synthJson(sandbox)));
  const normalize = (text: string) =>
    text
      .replace(/assets\/([\w-]+)_bundle_[0-9A-F]+\/(<bundle-hash>|[0-9A-F]{32})/g, "bundles/$1")
      .replace(/"path": "[^"]*terraform\.sandbox\.tfstate"/, '"path": "<state>"');
  expect(normalize(ejected).trim()).toBe(normalize(synthesized).trim());
});

describe("cdktf synth --hcl renders every environment and variant", () => {
  test.each(CONFIGS.map((config) => [config.name, config] as const))("%s", (_name, config) => {
    const app = Testing.app();
    try {
      const hcl = Testing.synthHcl(new HealthLakeSmartStack(app, config.name, { config }));
      expect(hcl).toContain('resource "awscc_healthlake_fhir_datastore" "this"');
    } finally {
      fs.rmSync(app.outdir, { recursive: true, force: true });
    }
  });
});
