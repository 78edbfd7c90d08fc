import * as fs from "node:fs";
import { Testing } from "cdktf";
import { complete } from "../environments/complete";
import { external } from "../environments/external";
import { sandbox } from "../environments/sandbox";
import { type HealthLakeSmartConfig, resolveConfig } from "../stacks/config";
import { HealthLakeSmartStack } from "../stacks/healthlake-smart-stack";
import { synthJson } from "./support/synth";
import { concurrencyNeeds, concurrencyNote } from "../stacks/lambda-concurrency";

const base: HealthLakeSmartConfig = { name: "quota", datastore: { name: "fhir" }, smart: {} };
const withValidator = (validator: NonNullable<HealthLakeSmartConfig["smart"]>["validator"], identityClaims?: { reservedConcurrency?: number }) =>
  resolveConfig({ ...base, smart: { validator, ...(identityClaims && { identityClaims }) } });

describe("what a stack takes from the account's Lambda concurrency", () => {
  test.each([
    ["nothing reserved or provisioned", withValidator({}), { reserved: 0, provisionedUnreserved: 0, accountQuota: 100 }],
    ["the validator's 50 and the update's 1", withValidator({ reservedConcurrency: 50 }), { reserved: 51, provisionedUnreserved: 0, accountQuota: 151 }],
    [
      "provisioned inside the validator's reservation",
      withValidator({ reservedConcurrency: 5, provisionedConcurrency: 2 }),
      { reserved: 6, provisionedUnreserved: 0, accountQuota: 106 },
    ],
    ["provisioned without a reservation", withValidator({ provisionedConcurrency: 2 }), { reserved: 0, provisionedUnreserved: 2, accountQuota: 102 }],
    ["the trigger alone", withValidator({}, { reservedConcurrency: 10 }), { reserved: 10, provisionedUnreserved: 0, accountQuota: 110 }],
    ["complete: 50, 10, 10 and 1", resolveConfig(complete), { reserved: 71, provisionedUnreserved: 0, accountQuota: 171 }],
    ["external: 20 and 1", resolveConfig(external), { reserved: 21, provisionedUnreserved: 0, accountQuota: 121 }],
  ])("%s", (_name, config, needs) => {
    expect(concurrencyNeeds(config)).toEqual(needs);
  });

  test("the note names the quota, the minimum and how to check; a stack that takes nothing gets none", () => {
    expect(concurrencyNote("complete", concurrencyNeeds(resolveConfig(complete)))).toBe(
      "stack complete reserves 71 Lambda executions: the account's concurrency quota must be at least 171 (Lambda keeps 100 unreserved); check with `aws lambda get-account-settings`",
    );
    expect(concurrencyNote("p", { reserved: 0, provisionedUnreserved: 2, accountQuota: 102 })).toMatch(
      /^stack p provisions 2 unreserved Lambda executions: .* at least 102/,
    );
    expect(concurrencyNote("sandbox", concurrencyNeeds(resolveConfig(sandbox)))).toBeUndefined();
  });

  test("the figure counts what the stack reserves: the synthesized reservations of complete add up to it", () => {
    const functions = Object.values(synthJson(complete).resource.aws_lambda_function) as { reserved_concurrent_executions?: number }[];
    const reserved = functions.reduce((sum, fn) => sum + (fn.reserved_concurrent_executions ?? 0), 0);
    expect(reserved).toBe(concurrencyNeeds(resolveConfig(complete)).reserved);
  });

  test("synth prints it as an info annotation of the stack", () => {
    const infos = (config: HealthLakeSmartConfig) => {
      const app = Testing.app();
      try {
        const stack = new HealthLakeSmartStack(app, config.name, { config });
        return stack.node.metadata.filter((entry) => entry.type === "@cdktf/info").map((entry) => entry.data);
      } finally {
        fs.rmSync(app.outdir, { recursive: true, force: true });
      }
    };
    expect(infos(complete)).toEqual([expect.stringMatching(/at least 171 \(Lambda keeps 100 unreserved\)/)]);
    expect(infos(sandbox)).toEqual([]);
  });
});
