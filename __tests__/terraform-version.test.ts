import { complete } from "../environments/complete";
import { sandbox } from "../environments/sandbox";
import { VARIANTS } from "../environments/variants";
import { requiredTerraformVersion } from "../stacks/terraform-version";
import { synthJson } from "./support/synth";

describe("the Terraform version a stack requires", () => {
  test.each([
    [{ s3NativeLocking: false, conditionalImport: false }, ">= 1.5"],
    [{ s3NativeLocking: false, conditionalImport: true }, ">= 1.7"],
    [{ s3NativeLocking: true, conditionalImport: false }, ">= 1.10"],
    [{ s3NativeLocking: true, conditionalImport: true }, ">= 1.10"],
  ])("%j: %s", (features, version) => {
    expect(requiredTerraformVersion(features)).toBe(version);
  });

  const importing = VARIANTS.find((config) => config.name === "sandbox-import-export");
  if (!importing) throw new Error("the sandbox-import-export variant is missing");
  test.each([
    ["sandbox: check blocks", sandbox, ">= 1.5"],
    ["sandbox-import-export: an import with for_each", importing, ">= 1.7"],
    ["complete: the S3 backend's use_lockfile", complete, ">= 1.10"],
  ])("is set on every stack: %s", (_name, config, version) => {
    const { terraform } = synthJson(config);
    expect(terraform.required_version).toBe(version);
  });
});
