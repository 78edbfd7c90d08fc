// `npm run smoke` in a process of its own, against loopback stand-ins: oauth2-mock-server as
// the token endpoint, a HealthLake stand-in that calls the real validator bundle, and CloudWatch Logs
// through aws-sdk-client-mock reading what the stand-in logged.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BUILT_VALIDATOR } from "../lambda/bundle";
import { LoopbackAuthorizationServer } from "../testing/authorization-server";
import { HealthLakeStandIn, type Validator } from "../testing/healthlake-stand-in";
import { loopbackCertificate } from "../testing/jwks-server";
import { type ValidatorEvidence, diagnose } from "../smoke/diagnose";
import { BundleChild } from "./support/bundle-child";

const ROOT = path.join(__dirname, "..");
const CLIENT = { client_id: "smoke-machine", client_secret: "smoke-secret-value-never-printed" };

const server = new LoopbackAuthorizationServer();
let dir: string;
const children: BundleChild[] = [];
beforeAll(async () => {
  await server.start();
  await server.addKey("RS256");
  // Client credentials tokens as Cognito issues them: the client in client_id, and as the subject.
  server.oauth.service.on("beforeTokenSigning", (token: { payload: Record<string, unknown> }, req: { headers: Record<string, string | undefined> }) => {
    const [id] = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64")
      .toString()
      .split(":");
    Object.assign(token.payload, { client_id: decodeURIComponent(id), sub: decodeURIComponent(id), aud: undefined });
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "smoke-"));
  fs.writeFileSync(path.join(dir, "ca.pem"), loopbackCertificate().cert);
});
afterAll(async () => {
  for (const child of children) child.stop();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The discovery document a stack with a machine client intends (the `smart_configuration` output). */
const intended = () => ({
  issuer: server.issuer,
  authorization_endpoint: `${server.issuer}/authorize`,
  token_endpoint: `${server.issuer}/token`,
  grant_types_supported: ["client_credentials"],
  scopes_supported: ["system/*.read", "system/*.*"],
  capabilities: ["client-confidential-symmetric", "permission-v1"],
});

/** The validator bundle, configured for the loopback issuer, as the stand-in's validator. */
async function validator(env: Record<string, string> = {}): Promise<Validator> {
  const child = await BundleChild.start(BUILT_VALIDATOR, {
    PATH: process.env.PATH,
    NODE_EXTRA_CA_CERTS: path.join(dir, "ca.pem"),
    AWS_REGION: "us-east-1",
    ISSUER: server.issuer,
    JWKS_URI: server.jwksUri,
    CLIENT_ID: CLIENT.client_id,
    USER_ROLE_ARN: "arn:aws:iam::123456789012:role/healthlake-service-role",
    ...env,
  });
  children.push(child);
  return async (event) => ({ answer: await child.invoke(event), logLines: await child.takeLines() });
}

interface SmokeRun {
  readonly code: number | null;
  readonly report: { steps: { name: string; status: string; detail: string; diagnosis?: { cause: string; fix: string } }[]; failed: number };
  readonly text: string;
}

/** `npm run smoke -- <stack> --json` against a stand-in datastore with these options. */
async function smoke(standIn: Omit<ConstructorParameters<typeof HealthLakeStandIn>[0], "logFile">, outputs: Record<string, unknown> = {}): Promise<SmokeRun> {
  const logFile = path.join(dir, `log-${Date.now()}-${Math.random()}.json`);
  const datastore = new HealthLakeStandIn({ ...standIn, logFile });
  const base = await datastore.start();
  const outputsFile = path.join(dir, "outputs.json");
  fs.writeFileSync(
    outputsFile,
    JSON.stringify({
      datastore_endpoint: { value: base },
      smart_configuration: { value: intended() },
      token_validator_function_name: { value: "healthlake_token_validator" },
      cognito_client_credentials: { value: CLIENT, sensitive: true },
      ...outputs,
    }),
  );
  try {
    return await new Promise((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", path.join(ROOT, "smoke", "main.ts"), "stand-in", "--json", "--outputs-file", outputsFile, "--log-wait-seconds", "1"],
        {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH,
            NODE_EXTRA_CA_CERTS: path.join(dir, "ca.pem"),
            AWS_REGION: "us-east-1",
            AWS_ACCESS_KEY_ID: "AKIASMOKETEST",
            AWS_SECRET_ACCESS_KEY: "smoke-test-aws-secret",
            NODE_OPTIONS: `--require ${path.join(ROOT, "testing", "mock-cloudwatch-logs.cjs")}`,
            NODE_NO_WARNINGS: "1",
            TEST_LOG_EVENTS: logFile,
          },
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? (error.code as number) : 0, report: JSON.parse(stdout || '{"steps":[],"failed":-1}'), text: stdout + stderr }),
      );
    });
  } finally {
    await datastore.stop();
  }
}

const stepOf = (run: SmokeRun, name: string) => run.report.steps.find((step) => step.name === name);

describe("npm run smoke", () => {
  test("a working deployment: every check passes, and no secret or token is printed", async () => {
    const run = await smoke({ metadata: intended(), validator: await validator() });
    expect(run.report.steps.map((step) => [step.name, step.status])).toEqual([
      ["discovery", "pass"],
      ["token", "pass"],
      ["read metadata", "pass"],
      ["search Patient", "pass"],
      ["refuse no token", "pass"],
      ["refuse a tampered token", "pass"],
      ["refuse a write with a read-only scope", "pass"],
    ]);
    expect(run.code).toBe(0);
    expect(run.text).not.toContain(CLIENT.client_secret);
    expect(run.text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  }, 30_000);

  test("stale discovery: the datastore serves another document than the stack intends", async () => {
    const run = await smoke({ metadata: { ...intended(), capabilities: ["permission-v1"] }, validator: await validator() });
    expect(stepOf(run, "discovery")).toMatchObject({ status: "fail", detail: expect.stringMatching(/another capabilities than the stack intends: .* stale/) });
    expect(run.code).toBe(1);
  }, 30_000);

  test("discovery that needs SigV4 is read signed", async () => {
    const run = await smoke({ metadata: intended(), validator: await validator(), signedDiscovery: true });
    expect(stepOf(run, "discovery")?.status).toBe("pass");
  }, 30_000);

  test("HealthLake never calls the validator (an invoke permission it cannot satisfy)", async () => {
    const run = await smoke({ metadata: intended() });
    expect(stepOf(run, "search Patient")).toMatchObject({
      status: "fail",
      diagnosis: { cause: "HealthLake never called the validator", fix: expect.stringMatching(/invokeCondition/) },
    });
  }, 30_000);

  test.each([
    ["claims", { CLIENT_ID: "another-client" }, /accepted client/],
    ["issuer", { ISSUER: "https://issuer.example.org" }, /another issuer/],
    ["scope", { AUTHORIZATION_STRATEGY: "SMART_ON_FHIR_V1" }, /no SMART scope the datastore honours/],
    ["config", { USER_ROLE_ARN: "not-a-role" }, /variable/],
  ])(
    "the validator denies (%s): the reason and what to change",
    async (reason, env, fix) => {
      const scopes = reason === "scope" ? { smart_configuration: { value: { ...intended(), scopes_supported: ["system/*.rs"] } } } : {};
      const run = await smoke(
        { metadata: reason === "scope" ? { ...intended(), scopes_supported: ["system/*.rs"] } : intended(), validator: await validator(env) },
        scopes,
      );
      expect(stepOf(run, "search Patient")).toMatchObject({
        status: "fail",
        diagnosis: { cause: `the validator denied: ${reason}`, fix: expect.stringMatching(fix) },
      });
    },
    30_000,
  );

  test("the validator allows, but HealthLake refuses (the service role)", async () => {
    const run = await smoke({ metadata: intended(), validator: await validator(), roleAllows: false });
    expect(stepOf(run, "search Patient")).toMatchObject({ status: "fail", diagnosis: { cause: "the validator allowed, but HealthLake refused" } });
  }, 30_000);

  test("no machine client: the token checks are skipped, saying how to give one", async () => {
    const run = await smoke({ metadata: intended(), validator: await validator() }, { cognito_client_credentials: undefined });
    expect(stepOf(run, "token")).toMatchObject({ status: "skip", detail: expect.stringMatching(/SMOKE_CLIENT_ID/) });
  }, 30_000);
});

const DENY_REASONS = [
  "config",
  "issuer",
  "claims",
  "scope",
  "time",
  "signature",
  "unknown_key",
  "jwks_unavailable",
  "inactive",
  "introspection_unavailable",
  "timeout",
  "endpoint",
  "malformed",
  "internal",
];

describe("diagnose", () => {
  test.each<[string, ValidatorEvidence, string]>([
    ["never called", { invocations: 0, decisions: [] }, "HealthLake never called the validator"],
    ["called, no decision logged", { invocations: 1, decisions: [] }, "the validator was called but logged no decision"],
    ["allowed", { invocations: 1, decisions: [{ decision: "allow" }] }, "the validator allowed, but HealthLake refused"],
    ...DENY_REASONS.map((reason): [string, ValidatorEvidence, string] => [
      `denied: ${reason}`,
      { invocations: 1, decisions: [{ decision: "deny", reason }] },
      `the validator denied: ${reason}`,
    ]),
  ])("%s", (_name, evidence, cause) => {
    const diagnosis = diagnose(evidence);
    expect(diagnosis.cause).toBe(cause);
    expect(diagnosis.fix).not.toBe("see docs/validator.md for the reason");
  });
});
