// The validator under attack and through Lambda's lifecycle (memory under forged tokens is in
// validator-memory.test.ts). Each case runs the handler against a real HTTPS JWKS server on loopback.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createHandler, type HandlerResult } from "../lambda/token-validator/handler";
import { BUILT_VALIDATOR } from "../lambda/bundle";
import { BundleChild } from "./support/bundle-child";
import { JwksServer, loopbackCertificate } from "../testing/jwks-server";
import { b64url, nowSeconds, rsaKey, signJwt } from "../testing/jwt";

const POOL = "us-east-1_LifePool";
const ISSUER = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;
const ENDPOINT = "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";
const ROLE = "arn:aws:iam::123456789012:role/healthlake-smart";

const server = new JwksServer();
const key = rsaKey("key-1");
let containers = 0;

beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  server.keys = [key.jwk];
  server.body = undefined;
  server.hang = false;
});

const env = (jwksUri: string) => ({ USER_POOL_ID: POOL, JWKS_URI: jwksUri, CLIENT_ID: "client-a", USER_ROLE_ARN: ROLE, AWS_REGION: "us-east-1" });
const claims = (change: Record<string, unknown> = {}) => {
  const now = nowSeconds();
  return { iss: ISSUER, sub: "user-1", client_id: "client-a", token_use: "access", iat: now - 10, exp: now + 3600, scope: "system/*.read", ...change };
};
const event = (bearerToken: unknown) => ({ datastoreEndpoint: ENDPOINT, operationName: "SearchWithGet", bearerToken });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A handler as a fresh Lambda container would build it, with a JWKS URL of its own. */
function newContainer(options: { jwksRefreshMs?: number; bundledKeySet?: Uint8Array } = {}) {
  const lines: Record<string, unknown>[] = [];
  const jwksUri = server.uri(`life-${++containers}`);
  const handler = createHandler(env(jwksUri), { tls: { ca: loopbackCertificate().cert }, sink: (line) => lines.push(JSON.parse(line)), ...options });
  const downloads = () => server.downloads(jwksUri);
  const settled = async () => {
    while (downloads() === 0) await sleep(5);
    await sleep(20);
  };
  return { handler, lines, downloads, settled };
}
const allowed = (result: HandlerResult) => result.authPayload.isAuthorized === true;

describe("2. a freeze at init does not become an outage", () => {
  let caDir: string;
  beforeAll(() => {
    caDir = fs.mkdtempSync(path.join(os.tmpdir(), "freeze-ca-"));
    fs.writeFileSync(path.join(caDir, "ca.pem"), loopbackCertificate().cert);
  });
  afterAll(() => fs.rmSync(caDir, { recursive: true, force: true }));

  test("the built bundle, stopped (SIGSTOP) while its init download is in flight and thawed after its deadline, allows the first request", async () => {
    // The init download's answer is held back past the freeze, as a connection lost to a freeze would be.
    server.delayNextMs = 1500;
    const child = await BundleChild.start(BUILT_VALIDATOR, {
      PATH: process.env.PATH,
      NODE_EXTRA_CA_CERTS: path.join(caDir, "ca.pem"),
      ...env(server.uri("frozen")),
    });
    try {
      while (server.downloads(server.uri("frozen")) === 0) await sleep(2); // the request is in flight, its answer held
      child.freeze();
      await sleep(1000); // past the 300 ms download deadline, well inside the 5 s back-off
      child.thaw();
      const result = await child.invoke(event(signJwt(key, claims())));
      expect(result.authPayload.isAuthorized).toBe(true);
      expect(server.downloads(server.uri("frozen"))).toBe(2);
    } finally {
      child.stop();
    }
  });
});

describe("3. a 200 that is not a key set is a failed download", () => {
  test.each([
    ["an HTML page", "<html><body>Service Unavailable</body></html>"],
    ["an empty body", ""],
    ["JSON that is not a key set", '{"error":"throttled"}'],
    ["a key set whose only key lacks its modulus", JSON.stringify({ keys: [{ kty: "RSA", kid: "key-1", e: "AQAB" }] })],
    ["a key set whose only key has a 0-bit modulus", JSON.stringify({ keys: [{ kty: "RSA", kid: "key-1", n: "AA", e: "AQAB" }] })],
  ])("%s: 30 requests cause no download beyond the first, each denied as jwks_unavailable", async (_name, body) => {
    server.body = body;
    const { handler, lines, downloads, settled } = newContainer();
    await settled();
    const results = await Promise.all(Array.from({ length: 30 }, () => handler(event(signJwt(key, claims())))));
    expect(results.filter(allowed)).toEqual([]);
    expect(downloads()).toBe(1);
    expect(new Set(lines.filter((l) => l.decision === "deny").map((l) => l.reason))).toEqual(new Set(["jwks_unavailable"]));
  });

  test("50 random kids against an HTML answer cause one download", async () => {
    server.body = "<html></html>";
    const { handler, downloads, settled } = newContainer();
    await settled();
    for (let i = 0; i < 50; i++) await handler(event(signJwt(key, claims(), { kid: `random-${i}` })));
    expect(downloads()).toBe(1);
  });

  test("a malformed key beside good ones is left out; the good ones verify", async () => {
    server.keys = [{ kty: "RSA", kid: "broken", n: "AA", e: "AQAB" }, key.jwk];
    const { handler, lines, settled } = newContainer();
    await settled();
    expect(allowed(await handler(event(signJwt(key, claims()))))).toBe(true);
    expect(allowed(await handler(event(signJwt(key, claims(), { kid: "broken" }))))).toBe(false);
    expect(lines.at(-1)).toMatchObject({ reason: "unknown_key" });
  });
});

describe("4. a key replaced under the same kid", () => {
  test("after the background refresh the new key verifies and the old one no longer does, with no download on the request path", async () => {
    const { handler, lines, downloads, settled } = newContainer({ jwksRefreshMs: 100 });
    await settled();
    expect(allowed(await handler(event(signJwt(key, claims()))))).toBe(true);

    const replacement = rsaKey("key-1");
    server.keys = [replacement.jwk];
    const before = downloads();
    while (downloads() === before) await sleep(10); // the timer downloads, no request does
    await sleep(20);
    const during = downloads();
    expect(allowed(await handler(event(signJwt(replacement, claims()))))).toBe(true);
    expect(allowed(await handler(event(signJwt(key, claims()))))).toBe(false);
    expect(lines.at(-1)).toMatchObject({ reason: "signature" });
    expect(downloads()).toBe(during);
  });

  test("a withdrawn key stops working within the refresh period", async () => {
    const { handler, lines, downloads, settled } = newContainer({ jwksRefreshMs: 100 });
    await settled();
    server.keys = [rsaKey("key-2").jwk];
    const before = downloads();
    while (downloads() === before) await sleep(10);
    await sleep(20);
    expect(allowed(await handler(event(signJwt(key, claims()))))).toBe(false);
    expect(lines.at(-1)).toMatchObject({ reason: "unknown_key" });
  });

  test("a failed refresh keeps the keys held", async () => {
    const { handler, downloads, settled } = newContainer({ jwksRefreshMs: 100 });
    await settled();
    server.body = "<html></html>";
    const before = downloads();
    while (downloads() === before) await sleep(10);
    await sleep(20);
    expect(allowed(await handler(event(signJwt(key, claims()))))).toBe(true);
  });
});

describe("keys shipped with the deployment", () => {
  const keySet = (keys: object[]) => Buffer.from(JSON.stringify({ keys }));

  test("the first request is allowed without any download; the background refresh still runs", async () => {
    const { handler, downloads } = newContainer({ jwksRefreshMs: 100, bundledKeySet: keySet([key.jwk]) });
    expect(allowed(await handler(event(signJwt(key, claims()))))).toBe(true);
    expect(downloads()).toBe(0);
    while (downloads() === 0) await sleep(10);
  });

  test("a key the bundled set lacks is downloaded on demand", async () => {
    const rotated = rsaKey("key-rotated");
    server.keys = [key.jwk, rotated.jwk];
    const { handler, downloads } = newContainer({ bundledKeySet: keySet([key.jwk]) });
    expect(allowed(await handler(event(signJwt(rotated, claims()))))).toBe(true);
    expect(downloads()).toBe(1);
  });

  test.each([
    ["not JSON", Buffer.from("<html>")],
    ["no usable key", keySet([{ kty: "RSA", kid: "k", n: "AA", e: "AQAB" }])],
  ])("an unusable bundled set (%s) is logged and the keys are downloaded at init instead", async (_name, bundledKeySet) => {
    const { handler, lines, downloads } = newContainer({ bundledKeySet });
    expect(allowed(await handler(event(signJwt(key, claims()))))).toBe(true);
    expect(downloads()).toBe(1);
    expect(lines[0]).toEqual({ level: "warn", event: "bundled_keys", reason: "not a key set with a usable signature key" });
  });
});

describe("5. never rejects, whatever the event", () => {
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const throwing = (value: () => unknown) => ({
    datastoreEndpoint: ENDPOINT,
    operationName: "SearchWithGet",
    get bearerToken(): string {
      throw value();
    },
  });
  const hostileError = () => {
    const err = new Error("boom");
    Object.defineProperty(err, "constructor", {
      get() {
        throw new Error("constructor getter");
      },
    });
    return err;
  };

  test.each([
    ["a revoked Proxy as the event", () => revoked()],
    ["a getter that throws a revoked Proxy", () => throwing(revoked)],
    ["a getter that throws an error whose constructor getter throws", () => throwing(hostileError)],
    [
      "a getter that throws a Proxy whose getPrototypeOf throws",
      () =>
        throwing(
          () =>
            new Proxy(
              {},
              {
                getPrototypeOf() {
                  throw new Error("no prototype");
                },
              },
            ),
        ),
    ],
    ["a getter that throws a Symbol", () => throwing(() => Symbol("s"))],
    ["a getter that throws null", () => throwing(() => null)],
    [
      "a Proxy whose every trap throws",
      () =>
        new Proxy(
          {},
          {
            get() {
              throw revoked();
            },
            has() {
              throw revoked();
            },
            getPrototypeOf() {
              throw revoked();
            },
          },
        ),
    ],
  ])("%s: a deny, logged as internal", async (_name, makeEvent) => {
    const { handler, lines } = newContainer();
    await expect(handler(makeEvent())).resolves.toEqual({ authPayload: { isAuthorized: false } });
    expect(lines.at(-1)).toMatchObject({ decision: "deny" });
  });
});

describe("1. what an unsigned token can make the validator do", () => {
  test("a forged token with our kid and another issuer is refused before any key is touched", async () => {
    const { handler, lines, downloads, settled } = newContainer();
    await settled();
    const forged = `${b64url(JSON.stringify({ alg: "RS256", kid: key.kid }))}.${b64url(JSON.stringify(claims({ iss: `${ISSUER}-other` })))}.${b64url("junk")}`;
    expect(allowed(await handler(event(forged)))).toBe(false);
    expect(lines.at(-1)).toMatchObject({ reason: "issuer" });
    expect(downloads()).toBe(1);
  });
});
