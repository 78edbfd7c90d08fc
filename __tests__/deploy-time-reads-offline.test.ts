import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { complete } from "../environments/complete";
import { external } from "../environments/external";
import { VALIDATE_ONLY } from "../environments/variants";
import { synthJson } from "./support/synth";
import { hasTerraform } from "./support/terraform";

// Every document a stack reads from an issuer at plan (data.http) is retried and bounded, so one dropped
// connection does not fail a plan; and a destroy after the issuer is gone for good has a path that reads
// nothing (`terraform destroy -refresh=false`, docs/operations.md), proven here with terraform itself.
const discovery = VALIDATE_ONLY.find((config) => config.name === "external-discovery");
if (!discovery) throw new Error("the external-discovery variant is missing");

describe("documents read at plan", () => {
  test.each([
    ["complete", complete],
    ["external", external],
    ["external-discovery", discovery],
  ])("%s: every data.http retries and has a request timeout", (_name, config) => {
    const reads = Object.entries(synthJson(config).data.http ?? {});
    expect(reads.length).toBeGreaterThan(0);
    for (const [, read] of reads as [string, { retry?: unknown; request_timeout_ms?: number }][]) {
      expect(read.retry).toEqual({ attempts: 2, min_delay_ms: 1000, max_delay_ms: 4000 });
      expect(read.request_timeout_ms).toBe(10_000);
    }
  });
});

const describeWithTerraform = hasTerraform ? describe : describe.skip;
if (!hasTerraform) console.warn("skipping the destroy-without-issuer proof: terraform is not on the PATH");

/** `terraform <args>` in `dir` with no CLI configuration; its exit code and output. */
function terraform(dir: string, ...args: string[]) {
  const run = spawnSync("terraform", args, {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1" },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describeWithTerraform("a destroy once the issuer is gone", () => {
  // A resource that depends on a document read at plan, as the validator's zip depends on data.http.jwks.
  // Terraform's own data source stands in for hashicorp/http, which cannot be installed offline: here its
  // source answers at apply, then is a closed port, as an issuer that was shut down.
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "destroy-without-issuer-"));
    fs.writeFileSync(
      path.join(dir, "issuer.tfstate"),
      JSON.stringify({
        version: 4,
        terraform_version: "1.5.0",
        serial: 1,
        lineage: "issuer",
        outputs: { keys: { value: "{}", type: "string" } },
        resources: [],
      }),
    );
    fs.writeFileSync(
      path.join(dir, "main.tf"),
      `variable "issuer_gone" { default = false }
data "terraform_remote_state" "issuer" {
  backend = var.issuer_gone ? "http" : "local"
  config  = var.issuer_gone ? { address = "http://127.0.0.1:9/keys" } : { path = "issuer.tfstate" }
}
resource "terraform_data" "validator" { input = data.terraform_remote_state.issuer.outputs.keys }
`,
    );
    expect(terraform(dir, "init", "-input=false", "-no-color").status).toBe(0);
    expect(terraform(dir, "apply", "-auto-approve", "-input=false", "-no-color").status).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("a plain destroy fails at refresh, reading the issuer", () => {
    const run = terraform(dir, "destroy", "-auto-approve", "-no-color", "-var", "issuer_gone=true");
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/connection refused/);
  });

  test("destroy -refresh=false reads nothing and leaves an empty state", () => {
    const run = terraform(dir, "destroy", "-auto-approve", "-no-color", "-refresh=false", "-var", "issuer_gone=true");
    expect(run.output).toMatch(/Destroy complete! Resources: 1 destroyed/);
    expect(run.status).toBe(0);
    expect(terraform(dir, "state", "list").output.trim()).toBe("");
  });
});
