// npm run smoke -- <stack> [--json] [--outputs-file <file>]: does a deployed stack work? (docs/troubleshooting.md)
import * as fs from "node:fs";
import * as client from "openid-client";
import { signedGet, validatorEvidence } from "./aws";
import { type SmokeStep, runSmoke } from "./run";
import { SmokeSetupError, type SmokeTarget, readOutputs, targetOf } from "./target";

const USAGE = "usage: npm run smoke -- <stack> [--json] [--outputs-file <terraform output -json file>] [--log-wait-seconds <n, default 20>]";
const MARK: Record<SmokeStep["status"], string> = { pass: "ok  ", fail: "FAIL", skip: "skip" };

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const json = argv.includes("--json");
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const valued = new Set(["--outputs-file", "--log-wait-seconds"].map((name) => argv.indexOf(name) + 1).filter((i) => i > 0));
  const stack = argv.find((arg, i) => !arg.startsWith("--") && !valued.has(i));
  if (!stack) throw new SmokeSetupError(USAGE);
  const logWaitSeconds = Number(option("--log-wait-seconds") ?? 20);
  if (!(logWaitSeconds >= 0)) throw new SmokeSetupError(USAGE);
  const outputsFile = option("--outputs-file");
  const outputs = outputsFile ? JSON.parse(fs.readFileSync(outputsFile, "utf8")) : readOutputs(stack);
  const target = targetOf(stack, outputs, process.env);

  const steps = await runSmoke(target, {
    token: tokenSource(target),
    request: (url, { method = "GET", token, signed }) =>
      signed
        ? signedGet(url, target.region)
        : fetch(url, { method, headers: { accept: "application/fhir+json", ...(token ? { authorization: `Bearer ${token}` } : {}) } }).then(
            async (response) => ({
              status: response.status,
              body: await response.text(),
            }),
          ),
    evidence: validatorEvidence(target.validatorFunction, target.region, logWaitSeconds * 1000),
    progress: (step) => {
      if (json) return;
      console.log(`${MARK[step.status]} ${step.name}: ${step.detail}`);
      if (step.diagnosis) console.log(`     likely cause: ${step.diagnosis.cause}\n     what to change: ${step.diagnosis.fix}`);
    },
  });
  const count = (status: SmokeStep["status"]) => steps.filter((step) => step.status === status).length;
  if (json) console.log(JSON.stringify({ stack, steps, passed: count("pass"), failed: count("fail"), skipped: count("skip") }, null, 2));
  else console.log(`${stack}: ${count("pass")} passed, ${count("fail")} failed, ${count("skip")} skipped`);
  return count("fail") === 0 ? 0 : 1;
}

/** Client credentials tokens from the discovery document's token endpoint, with HTTP Basic client authentication. */
function tokenSource(target: SmokeTarget) {
  return async (scope: string): Promise<string> => {
    if (!target.client) throw new SmokeSetupError("no machine client");
    const server = { issuer: String(target.intended.issuer), token_endpoint: String(target.intended.token_endpoint) };
    const config = new client.Configuration(server, target.client.id, undefined, client.ClientSecretBasic(target.client.secret));
    return (await client.clientCredentialsGrant(config, { scope })).access_token;
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof SmokeSetupError ? error.message : `smoke test failed to run: ${error instanceof Error ? error.name : "unknown error"}`);
    process.exitCode = 2;
  },
);
