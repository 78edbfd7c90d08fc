import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { complete } from "../environments/complete";
import { synthJson } from "./support/synth";
import { hasTerraform } from "./support/terraform";

// Switching provisioned concurrency off deletes the alias `live` and its invoke permission, while the
// datastore still calls the alias until the identity provider update (aws_lambda_invocation, replaced
// when its input changes) points it at the function. The deletions must wait for that invocation.
const json = synthJson(complete);
const alias = json.resource.aws_lambda_alias.token_validator;
const aliasPermission = json.resource.aws_lambda_permission.healthlake_alias;
const invocation = json.resource.aws_lambda_invocation.identity_provider_update;

describe("the alias and its permission, as synthesized", () => {
  test("the invocation depends on the alias's permission and names the alias in its input", () => {
    expect(invocation.depends_on).toContain("aws_lambda_permission.healthlake_alias");
    expect(invocation.input).toContain("aws_lambda_alias.token_validator.arn");
  });

  test("the alias's permission takes a fresh statement id, so it can exist twice while it is replaced", () => {
    expect(aliasPermission).not.toHaveProperty("statement_id");
    expect(aliasPermission.statement_id_prefix).toBe("healthlake_alias-");
    expect(json.resource.aws_lambda_permission.healthlake.statement_id).toBe("healthlake");
  });
});

const describeWithTerraform = hasTerraform ? describe : describe.skip;
if (!hasTerraform) console.warn("skipping the provisioned-concurrency switch's ordering: terraform is not on the PATH");

/**
 * The three objects as terraform_data with the stack's own lifecycle settings, recording when each is
 * created or deleted; `count` switches the alias and its permission off as the stack leaves them out.
 */
function model(lifecycle: { alias: unknown; permission: unknown }): string {
  const cbd = (block: unknown) =>
    `lifecycle { create_before_destroy = ${(block as { create_before_destroy?: boolean } | undefined)?.create_before_destroy === true} }`;
  const deleted = (name: string) => `provisioner "local-exec" {\n    when    = destroy\n    command = "echo ${name}-deleted >> events"\n  }`;
  return `variable "provisioned" { default = true }
resource "terraform_data" "alias" {
  count = var.provisioned ? 1 : 0
  ${cbd(lifecycle.alias)}
  ${deleted("alias")}
}
resource "terraform_data" "alias_permission" {
  count = var.provisioned ? 1 : 0
  input = terraform_data.alias[0].id
  ${cbd(lifecycle.permission)}
  ${deleted("permission")}
}
resource "terraform_data" "invocation" {
  triggers_replace = var.provisioned ? "alias \${terraform_data.alias[0].id}" : "function"
  depends_on       = [terraform_data.alias_permission]
  provisioner "local-exec" { command = "echo datastore-moved-to-\${split(" ", self.triggers_replace)[0]} >> events" }
}
`;
}

/** The events of switching provisioned concurrency off, after a deploy with it on. */
function switchOff(mainTf: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "provisioned-switch-"));
  const terraform = (...args: string[]) => {
    const run = spawnSync("terraform", args, { cwd: dir, encoding: "utf8", env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1" } });
    if (run.status !== 0) throw new Error(`terraform ${args.join(" ")} failed: ${run.stderr}`);
  };
  try {
    fs.writeFileSync(path.join(dir, "main.tf"), mainTf);
    terraform("init", "-input=false", "-no-color");
    terraform("apply", "-auto-approve", "-input=false", "-no-color");
    fs.writeFileSync(path.join(dir, "events"), "");
    terraform("apply", "-auto-approve", "-input=false", "-no-color", "-var", "provisioned=false");
    return fs.readFileSync(path.join(dir, "events"), "utf8").trim().split("\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeWithTerraform("switching provisioned concurrency off, ordered by terraform", () => {
  test("with the stack's lifecycle, the alias and its permission are deleted only after the datastore moved", () => {
    expect(switchOff(model({ alias: alias.lifecycle, permission: aliasPermission.lifecycle }))).toEqual([
      "datastore-moved-to-function",
      "permission-deleted",
      "alias-deleted",
    ]);
  });

  test("without it, terraform deletes them first: the datastore calls a deleted alias until it moves", () => {
    expect(switchOff(model({ alias: undefined, permission: undefined }))).toEqual(["permission-deleted", "alias-deleted", "datastore-moved-to-function"]);
  });
});
