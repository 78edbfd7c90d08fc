import * as fs from "node:fs";
import * as path from "node:path";
import { complete } from "../environments/complete";
import { ENVIRONMENTS } from "../environments";
import { ALL_RULES } from "./security";
import type { Change, Finding, Rule } from "./security/rule";
import { WAIVERS } from "./security/waivers";
import { type HealthLakeSmartConfig, type ResolvedConfig, resolveConfig } from "../stacks/config";
import { type TerraformJson, synthJson } from "./support/synth";

/** The README's "Adding an environment" example, as a new user copies it. */
function readmeEnvironment(): HealthLakeSmartConfig {
  const readme = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Adding an environment"));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  const literal = code
    .slice(code.indexOf("= {") + 2)
    .trim()
    .replace(/;$/, "");
  return new Function(`return (${literal});`)() as HealthLakeSmartConfig;
}

const stacks = [...ENVIRONMENTS, readmeEnvironment()].map((config) => ({ name: config.name, config: resolveConfig(config), json: synthJson(config) }));
const completeJson = stacks.find(({ name }) => name === complete.name)!.json;

const waived = (rule: Rule, stack: { name: string; config: ResolvedConfig }, finding: Finding) =>
  WAIVERS.some(
    (w) =>
      w.rule === rule.ids[0] &&
      (!w.stacks || w.stacks.includes(stack.name)) &&
      (!w.addresses || w.addresses.includes(finding.address)) &&
      (!w.when || w.when(stack.config, finding.address)),
  );

/** The complete stack with one change applied. */
function changed(change: Change | undefined): TerraformJson {
  const json: TerraformJson = JSON.parse(JSON.stringify(completeJson));
  change?.(json);
  return json;
}

const title = (rule: Rule) => `${rule.ids.join(", ")}: ${rule.description}`;

// The README's example too: a new environment copied from it passes `npm test` unchanged.
describe.each(stacks)("stack $name passes every rule (waivers aside)", (stack) => {
  test.each(ALL_RULES.map((rule) => [title(rule), rule] as const))("%s", (_title, rule) => {
    expect(rule.check(stack.json).filter((finding) => !waived(rule, stack, finding))).toEqual([]);
  });
});

test("the README's example is the environment it shows", () => {
  expect(stacks.at(-1)).toMatchObject({ name: "staging", config: { region: "eu-west-2", datastore: { name: "fhir-staging" } } });
});

describe("every rule fails on the complete stack changed to break it, and passes it changed to keep it", () => {
  test.each(ALL_RULES.map((rule) => [title(rule), rule] as const))("%s", (_title, rule) => {
    expect(rule.check(changed(rule.breaks)).length).toBeGreaterThan(0);
    expect(rule.check(changed(rule.keeps))).toEqual([]);
  });
});

describe("waivers", () => {
  test("each names a rule and waives at least one finding of a shipped stack", () => {
    for (const waiver of WAIVERS) {
      const rule = ALL_RULES.find((candidate) => candidate.ids[0] === waiver.rule);
      expect({ waiver: waiver.rule, known: rule !== undefined }).toEqual({ waiver: waiver.rule, known: true });
      const used = stacks.some((stack) => rule!.check(stack.json).some((finding) => waived(rule!, stack, finding)));
      expect({ waiver: waiver.rule, used }).toEqual({ waiver: waiver.rule, used: true });
    }
  });

  test("docs/security.md lists every waiver", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "docs", "security.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Waived rules"));
    for (const waiver of WAIVERS)
      expect({ waiver: waiver.rule, listed: section.includes(`\`${waiver.rule}\``) }).toEqual({ waiver: waiver.rule, listed: true });
  });
});
