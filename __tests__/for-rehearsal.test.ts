// scripts/for-rehearsal.mjs and scripts/for-aws-5100.mjs: the copies run against the real aws provider 5.100.0 map
// back what 6.x changed (data.aws_region's `region`, the SSE rules' `blocked_encryption_types`), and are a no-op
// for a stack without them. Runs the scripts themselves, as .ci/run does.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { complete } from "../environments/complete";
import { ejectStack } from "../eject/eject";
import { synthJson } from "./support/synth";

const ROOT = path.resolve(__dirname, "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "for-rehearsal-test-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let counter = 0;
/** Runs `node scripts/<script> <out> <stack dir>` on a stack folder holding `files`; returns the copy's files. */
function copied(script: string, files: Record<string, string>): Record<string, string> {
  const stack = path.join(work, `in-${++counter}`, "stack");
  fs.mkdirSync(stack, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(stack, file), text);
  const out = path.join(work, `out-${counter}`);
  const printed = execFileSync("node", [path.join(ROOT, "scripts", script), out, stack], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  expect(printed).toBe(path.join(out, "stack"));
  return Object.fromEntries(fs.readdirSync(printed).map((file) => [file, fs.readFileSync(path.join(printed, file), "utf8")]));
}

const stack = (body: Record<string, unknown>) => ({ terraform: { required_providers: { aws: { source: "aws", version: "6.25.0" } } }, ...body });
const sse = (rule: Record<string, unknown>) => ({
  resource: { aws_s3_bucket_server_side_encryption_configuration: { data: { bucket: "${aws_s3_bucket.data.id}", rule: [rule] } } },
});
const byDefault = { apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms" }, bucket_key_enabled: true };

describe.each(["for-rehearsal.mjs", "for-aws-5100.mjs"])("scripts/%s: cdk.tf.json for aws 5.100", (script) => {
  test.each([
    [
      "a region reference becomes name",
      stack({ output: { region: { value: "${data.aws_region.current.region}" } } }),
      stack({ output: { region: { value: "${data.aws_region.current.name}" } } }),
    ],
    [
      "every reference in every string, at any depth, of any data.aws_region",
      stack({
        resource: {
          aws_iam_policy: { p: { policy: '${jsonencode({"r" = "arn:aws:s3:${data.aws_region.current.region}:${data.aws_region.other-1.region}"})}' } },
        },
      }),
      stack({
        resource: { aws_iam_policy: { p: { policy: '${jsonencode({"r" = "arn:aws:s3:${data.aws_region.current.name}:${data.aws_region.other-1.name}"})}' } } },
      }),
    ],
    [
      "name, other attributes, other types and region arguments stay",
      stack({
        data: { aws_region: { current: {} } },
        resource: { aws_s3_bucket: { b: { region: "eu-west-1", bucket: "${data.aws_region.current.name}-${data.aws_region.current.region_x}" } } },
        output: { o: { value: "${data.aws_regions.all.region}" } },
      }),
      null,
    ],
    [
      "blocked_encryption_types leaves each SSE rule, the rest of the rule stays",
      stack(sse({ ...byDefault, blocked_encryption_types: ["SSE-C"] })),
      stack(sse(byDefault)),
    ],
    ["an SSE rule without it is unchanged", stack(sse(byDefault)), null],
  ])("%s", (_, input, expected) => {
    const files = copied(script, { "cdk.tf.json": JSON.stringify(input, null, 2) });
    expect(JSON.parse(files["cdk.tf.json"])).toEqual(expected ?? input);
  });
});

describe("scripts/for-aws-5100.mjs: HCL for aws 5.100", () => {
  test.each([
    [
      "a reference in an expression and in a template",
      'a = data.aws_region.current.region\nb = "x-${data.aws_region.main.region}"\n',
      'a = data.aws_region.current.name\nb = "x-${data.aws_region.main.name}"\n',
    ],
    [
      "blocked_encryption_types in an SSE rule, on one line or several",
      'resource "aws_s3_bucket_server_side_encryption_configuration" "d" {\n  rule {\n    blocked_encryption_types = ["SSE-C"]\n    bucket_key_enabled = true\n  }\n  rule {\n    blocked_encryption_types = [\n      "SSE-C",\n    ]\n  }\n}\n',
      'resource "aws_s3_bucket_server_side_encryption_configuration" "d" {\n  rule {\n    bucket_key_enabled = true\n  }\n  rule {\n  }\n}\n',
    ],
    ["the same argument name in another resource stays", 'resource "x_other" "o" {\n  blocked_encryption_types = ["SSE-C"]\n}\n', null],
  ])("%s", (_, input, expected) => {
    expect(copied("for-aws-5100.mjs", { "main.tf": input })["main.tf"]).toBe(expected ?? input);
  });
});

// The change to the stacks, simulated on the complete stack by hand: its copies are what today's stack gives.
describe("the complete stack written for aws 6.25", () => {
  const to625 = (json: string) => json.replaceAll(/data\.aws_region\.(\w+)\.name\b/g, "data.aws_region.$1.region");
  test("cdk.tf.json: the rehearsal copy is today's", () => {
    const today = synthJson(complete);
    const changed = JSON.parse(to625(JSON.stringify(today)));
    const rules = Object.values<any>(changed.resource.aws_s3_bucket_server_side_encryption_configuration);
    expect(rules.length).toBeGreaterThan(0);
    for (const body of rules) for (const rule of body.rule) rule.blocked_encryption_types = ["SSE-C"];
    expect(JSON.stringify(changed)).toContain(".region}");
    const [fromToday, fromChanged] = [today, changed].map((json) =>
      JSON.parse(copied("for-rehearsal.mjs", { "cdk.tf.json": JSON.stringify(json) })["cdk.tf.json"]),
    );
    expect(fromChanged).toEqual(fromToday);
  });

  test("ejected HCL: the copy's main.tf is today's", () => {
    const dir = path.join(work, "ejected-complete");
    ejectStack(complete, dir);
    const today = fs.readFileSync(path.join(dir, "main.tf"), "utf8");
    // As the renderer writes it: the rule's attributes first (sorted), then its blocks.
    const changed = to625(today).replaceAll(/^resource "aws_s3_bucket_server_side_encryption_configuration" [\s\S]*?^\}$/gm, (block) =>
      block.replaceAll(/^( *)rule \{$/gm, (line, indent: string) => `${line}\n${indent}  blocked_encryption_types = ["SSE-C"]\n`),
    );
    expect(changed).toContain('blocked_encryption_types = ["SSE-C"]');
    expect(changed).toContain("data.aws_region.current.region");
    // The same HCL but for `terraform fmt`'s alignment and blank lines.
    const layout = (text: string) => text.replace(/[ \t]+/g, " ").replace(/\n( ?\n)+/g, "\n");
    expect(layout(copied("for-aws-5100.mjs", { "main.tf": changed })["main.tf"])).toBe(layout(copied("for-aws-5100.mjs", { "main.tf": today })["main.tf"]));
  });
});
