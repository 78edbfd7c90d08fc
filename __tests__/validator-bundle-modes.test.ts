// The oidc and introspection modes through the built bundle, in a process of its own, as
// Lambda runs it, against a real OAuth server on loopback (the cognito mode: validator-bundle.test.ts).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BUILT_VALIDATOR } from "../lambda/bundle";
import { type SignatureAlgorithm, resolveConfig } from "../stacks/config";
import { externalValidatorEnvironment } from "../stacks/validator-environment";
import { LoopbackAuthorizationServer } from "../testing/authorization-server";
import { loopbackCertificate } from "../testing/jwks-server";
import { nowSeconds } from "../testing/jwt";
import { BundleChild } from "./support/bundle-child";

const ENDPOINT = "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";
const SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:bundle/introspection-client-secret-AbCdEf";

const server = new LoopbackAuthorizationServer();
let dir: string;
const children: BundleChild[] = [];
beforeAll(async () => {
  await server.start();
  await server.addKey("RS256");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-modes-"));
  fs.writeFileSync(path.join(dir, "ca.pem"), loopbackCertificate().cert);
});
afterAll(async () => {
  for (const child of children) child.stop();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The bundle with the environment the stack computes for this server, the loopback CA trusted. */
async function bundleFor(
  preset: "okta" | "keycloak",
  validation: "oidc" | "introspection",
  preload: string[] = [],
  extraEnv: Record<string, string> = {},
  algorithms: SignatureAlgorithm[] = ["RS256"],
) {
  const config = resolveConfig({
    name: "bundle",
    datastore: { name: "fhir" },
    smart: {
      externalAuthorizationServer: {
        preset,
        issuer: server.issuer,
        validation,
        clientIds: ["machine"],
        audience: "healthlake",
        introspectionClientId: server.client.id,
        algorithms,
      },
    },
  });
  const resolved = { ...config.smart!.externalAuthorizationServer!, introspectionEndpoint: server.introspectionEndpoint };
  const environment = externalValidatorEnvironment(resolved, { jwksUri: server.jwksUri, introspectionSecretArn: SECRET_ARN });
  const child = await BundleChild.start(
    BUILT_VALIDATOR,
    {
      PATH: process.env.PATH,
      NODE_EXTRA_CA_CERTS: path.join(dir, "ca.pem"),
      AWS_REGION: "us-east-1",
      USER_ROLE_ARN: "arn:aws:iam::123456789012:role/r",
      ...environment,
      ...extraEnv,
    },
    preload,
  );
  children.push(child);
  return child;
}

const request = (bearerToken: string) => ({ datastoreEndpoint: ENDPOINT, operationName: "ReadResource", bearerToken });

test("oidc: an Okta-shaped token is allowed, the same token for another audience denied", async () => {
  const child = await bundleFor("okta", "oidc");
  const claims = { aud: "healthlake", cid: "machine", scp: ["system/*.read"], sub: "machine" };
  expect((await child.invoke(request(await server.token(claims)))).authPayload).toMatchObject({ isAuthorized: true, scope: "system/*.read", aud: ENDPOINT });
  expect((await child.invoke(request(await server.token({ ...claims, aud: "other" })))).authPayload).toEqual({ isAuthorized: false });
});

test("oidc: a PS256 token is allowed where PS256 is configured (jose, loaded at init), an RS256 one then denied", async () => {
  const ps256 = await server.addKey("PS256");
  const child = await bundleFor("okta", "oidc", [], {}, ["PS256"]);
  const claims = { aud: "healthlake", cid: "machine", scp: ["system/*.read"], sub: "machine" };
  expect((await child.invoke(request(await server.token(claims, { kid: ps256 })))).authPayload).toMatchObject({ isAuthorized: true, scope: "system/*.read" });
  const rs256 = (await server.token(claims)).split(".");
  expect(JSON.parse(Buffer.from(rs256[0], "base64url").toString())).toMatchObject({ alg: "RS256" });
  expect((await child.invoke(request(rs256.join(".")))).authPayload).toEqual({ isAuthorized: false });
});

test("introspection: the secret comes from Secrets Manager through the runtime's SDK; active allowed, inactive denied", async () => {
  server.introspection = (token, response) => {
    response.body = token.startsWith("dead")
      ? { active: false }
      : { active: true, aud: "healthlake", azp: "machine", scope: "system/*.read", sub: "machine", typ: "Bearer", iat: nowSeconds(), exp: nowSeconds() + 300 };
  };
  const child = await bundleFor("keycloak", "introspection", [path.join(__dirname, "..", "testing", "mock-secrets-manager.cjs")], {
    TEST_INTROSPECTION_SECRET: server.client.secret,
    // The SDK warns on Node 20 (the machine running the tests), not on the runtime's Node 22.
    NODE_NO_WARNINGS: "1",
  });
  const before = server.calls.authenticated;
  expect((await child.invoke(request("live-opaque-token"))).authPayload).toMatchObject({ isAuthorized: true, scope: "system/*.read", sub: "machine" });
  expect((await child.invoke(request("dead-opaque-token"))).authPayload).toEqual({ isAuthorized: false });
  expect(server.calls.authenticated - before).toBe(2);
});

test("oidc: one token-kind rule for every mode: a Keycloak ID token with the audience and a scope is denied, its access token allowed", async () => {
  const child = await bundleFor("keycloak", "oidc");
  const claims = { aud: "healthlake", azp: "machine", scope: "system/*.read", sub: "machine" };
  expect((await child.invoke(request(await server.token({ ...claims, typ: "Bearer" })))).authPayload).toMatchObject({ isAuthorized: true });
  for (const typ of ["ID", "Refresh", "Offline"])
    expect((await child.invoke(request(await server.token({ ...claims, typ })))).authPayload).toEqual({ isAuthorized: false });
});

describe("introspection through the bundle", () => {
  const preload = [path.join(__dirname, "..", "testing", "mock-secrets-manager.cjs")];
  const answer = (extra: Record<string, unknown>) => ({
    active: true,
    aud: "healthlake",
    azp: "machine",
    scope: "system/*.read",
    sub: "machine",
    iat: nowSeconds(),
    exp: nowSeconds() + 300,
    ...extra,
  });

  test("every kind field of an answer counts: token_type Bearer does not hide typ Refresh", async () => {
    server.introspection = (token, response) => {
      response.body = token === "refresh" ? answer({ token_type: "Bearer", typ: "Refresh" }) : answer({ token_type: "Bearer", typ: "Bearer" });
    };
    const child = await bundleFor("keycloak", "introspection", preload, { TEST_INTROSPECTION_SECRET: server.client.secret, NODE_NO_WARNINGS: "1" });
    expect((await child.invoke(request("access"))).authPayload).toMatchObject({ isAuthorized: true });
    expect((await child.invoke(request("refresh"))).authPayload).toEqual({ isAuthorized: false });
  });

  test("a Secrets Manager that never answers: denied inside the budget, then at once once the read's deadline passed, and the endpoint is never called", async () => {
    const child = await bundleFor("keycloak", "introspection", preload, { TEST_SECRETS_MANAGER_HANGS: "1", NODE_NO_WARNINGS: "1" });
    const started = performance.now();
    const before = server.calls.introspection;
    const timed = async (token: string) => {
      const at = performance.now();
      const result = await child.invoke(request(token));
      return { result, ms: performance.now() - at };
    };
    // While the read hangs, each request is denied at the request deadline.
    const waiting = await timed("first-opaque-token");
    expect(waiting.result.authPayload).toEqual({ isAuthorized: false });
    expect(waiting.ms).toBeLessThan(1000);
    // The read failed at its deadline (3 s after init): until the retry period ends, requests fail at once.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 3300 - (performance.now() - started))));
    const failedFast = await timed("second-opaque-token");
    expect(failedFast.result.authPayload).toEqual({ isAuthorized: false });
    expect(failedFast.ms).toBeLessThan(100);
    expect(server.calls.introspection - before).toBe(0);
    const denies = (await child.takeLines(2)).map((l) => JSON.parse(l)).filter((l) => l.decision === "deny");
    expect(denies.map((l) => l.reason)).toEqual(["timeout", "introspection_unavailable"]);
  }, 10_000);
});
