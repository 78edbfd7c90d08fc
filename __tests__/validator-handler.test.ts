import * as crypto from "node:crypto";
import { createHandler, type HandlerResult } from "../lambda/token-validator/handler";
import { LIMITS } from "../lambda/token-validator/limits";
import { JwksServer, loopbackCertificate } from "../testing/jwks-server";
import { b64url, nowSeconds, rsaKey, signJwt, signRaw } from "../testing/jwt";

const POOL = "us-east-1_TestPool";
const ISSUER = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;
const ENDPOINT = "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";
const ROLE = "arn:aws:iam::123456789012:role/healthlake-smart";

// Every mode signs with RS256 but `oidc-ps256`, whose issuer signs with PS256 (RSASSA-PSS).
const RS256 = { key: rsaKey("key-1"), attackerKey: rsaKey("key-1") };
const PS256 = { key: rsaKey("key-1", "PS256"), attackerKey: rsaKey("key-1", "PS256") };
let { key, attackerKey } = RS256;
const server = new JwksServer();
let handlers = 0;

beforeAll(async () => {
  server.keys = [key.jwk];
  await server.start();
});
afterAll(() => server.stop());
beforeEach(() => {
  server.keys = [key.jwk];
  server.hang = false;
});

/** The validator mode under test: the hostile-token suite runs in each mode that verifies JWTs, and with each kind of RSA signature. */
type Mode = "cognito" | "oidc" | "oidc-ps256";
let MODE: Mode = "cognito";

const env = (jwksUri: string, extra: Record<string, string> = {}) => ({
  ...(MODE === "cognito" ? { USER_POOL_ID: POOL } : { AUTH_MODE: "oidc", ISSUER }),
  ...(MODE === "oidc-ps256" ? { ALGORITHMS: "PS256" } : {}),
  JWKS_URI: jwksUri,
  CLIENT_ID: "client-a,client-b",
  USER_ROLE_ARN: ROLE,
  AWS_REGION: "us-east-1",
  ...extra,
});

/** A handler as a fresh Lambda container would build it, with a JWKS URL of its own. */
function newHandler(extraEnv: Record<string, string> = {}) {
  const lines: Record<string, unknown>[] = [];
  const jwksUri = server.uri(`container-${++handlers}`);
  const handler = createHandler(env(jwksUri, extraEnv), { tls: { ca: loopbackCertificate().cert }, sink: (line) => lines.push(JSON.parse(line)) });
  return { handler, lines, downloads: () => server.downloads(jwksUri) };
}

const claims = (change: Record<string, unknown> = {}) => {
  const now = nowSeconds();
  return {
    iss: ISSUER,
    sub: "user-1",
    client_id: "client-a",
    token_use: "access",
    iat: now - 10,
    exp: now + 3600,
    scope: "launch/patient system/*.read",
    jti: "j",
    // An oidc issuer's tokens name their audience; by default, the datastore.
    ...(MODE === "cognito" ? {} : { aud: ENDPOINT }),
    ...change,
  };
};
const event = (bearerToken: unknown, datastoreEndpoint: string = ENDPOINT) => ({ datastoreEndpoint, operationName: "SearchWithGet", bearerToken });
const isDeny = (result: HandlerResult) => result.authPayload.isAuthorized === false && Object.keys(result).length === 1;

/** Replaces the payload of a signed token without re-signing it. */
function withPayload(token: string, payload: Record<string, unknown>): string {
  const [header, , signature] = token.split(".");
  return `${header}.${b64url(JSON.stringify(payload))}.${signature}`;
}

describe("token validator handler", () => {
  let shared: ReturnType<typeof newHandler>;
  beforeAll(async () => {
    shared = newHandler();
    while (shared.downloads() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  });

  test("allows a valid Cognito access token with HealthLake's payload and the service role", async () => {
    const token = signJwt(key, claims());
    const result = await shared.handler(event(`Bearer ${token}`));
    const { iat, exp } = claims();
    expect(result).toEqual({
      authPayload: {
        iss: ISSUER,
        aud: ENDPOINT,
        iat: expect.any(Number),
        nbf: expect.any(Number),
        exp: expect.any(Number),
        isAuthorized: true,
        scope: "system/*.read launch/patient",
        sub: "user-1",
      },
      iamRoleARN: ROLE,
    });
    if ("iamRoleARN" in result) {
      expect(result.authPayload.isAuthorized).toBe(true);
      expect(result.authPayload.nbf).toBe(result.authPayload.iat);
      expect(Math.abs(result.authPayload.iat - iat)).toBeLessThanOrEqual(1);
      expect(Math.abs(result.authPayload.exp - exp)).toBeLessThanOrEqual(1);
    }
  });

  test("passes fhirUser and patient through when the token carries them", async () => {
    const result = await shared.handler(event(signJwt(key, claims({ fhirUser: "Practitioner/p1", patient: "p-9", scope: "user/Patient.read" }))));
    expect(result.authPayload).toMatchObject({ isAuthorized: true, fhirUser: "Practitioner/p1", patient: "p-9", scope: "user/Patient.read" });
  });

  // Categories of security-reliability.md §2 (row numbers in brackets); every one must deny, in
  // every mode that verifies JWTs but where marked: token_use is Cognito's alone.
  const COGNITO_ONLY = ["[38] token_use missing"];
  const hostile: [string, () => unknown, string][] = [
    ["[1] empty token", () => "", "malformed"],
    ["[2] a number instead of a token", () => 12345, "malformed"],
    ["[4] Basic scheme", () => `Basic ${signJwt(key, claims())}`, "malformed"],
    ["[5] trailing newline", () => `${signJwt(key, claims())}\n`, "malformed"],
    ["[6] two segments", () => signJwt(key, claims()).split(".").slice(0, 2).join("."), "malformed"],
    ["[6] four segments", () => `${signJwt(key, claims())}.c2ln`, "malformed"],
    ["[7] JWE compact (five segments)", () => "a.b.c.d.e", "malformed"],
    ["[8] standard base64 characters", () => signJwt(key, claims()).replace(/-/g, "+").replace(/_/g, "/").replace(/^(.)/, "+"), "malformed"],
    ["[9] padded segment", () => `${signJwt(key, claims())}=`, "malformed"],
    ["[10] payload a JSON array", () => signRaw(JSON.stringify({ alg: key.alg, kid: key.kid }), "[1]", key), "malformed"],
    ["[11] alg none, empty signature", () => `${b64url('{"alg":"none"}')}.${b64url(JSON.stringify(claims()))}.`, "malformed"],
    ["[12] alg none with a signature", () => `${b64url(JSON.stringify({ alg: "none", kid: key.kid }))}.${b64url(JSON.stringify(claims()))}.c2ln`, "signature"],
    [
      "[13] HS256 keyed with the public key",
      () => {
        const input = `${b64url(JSON.stringify({ alg: "HS256", kid: key.kid }))}.${b64url(JSON.stringify(claims()))}`;
        const pem = crypto.createPublicKey(key.privateKey).export({ type: "spki", format: "pem" });
        return `${input}.${crypto.createHmac("sha256", pem).update(input).digest("base64url")}`;
      },
      "signature",
    ],
    [
      "[14] ES256 on the RSA key",
      () => `${b64url(JSON.stringify({ alg: "ES256", kid: key.kid }))}.${b64url(JSON.stringify(claims()))}.${b64url(Buffer.alloc(64, 1))}`,
      "signature",
    ],
    ["[15] alg as an array", () => `${b64url(JSON.stringify({ alg: ["RS256"], kid: key.kid }))}.${b64url(JSON.stringify(claims()))}.c2ln`, "malformed"],
    [
      "[16] psychic signature (r = s = 0)",
      () => `${b64url(JSON.stringify({ alg: "ES256", kid: key.kid }))}.${b64url(JSON.stringify(claims()))}.${b64url(Buffer.alloc(64))}`,
      "signature",
    ],
    ["[17] no kid", () => signRaw(JSON.stringify({ alg: key.alg }), JSON.stringify(claims()), key), "signature"],
    ["[18] kid path traversal", () => signJwt(key, claims(), { kid: "../../dev/null" }), "unknown_key"],
    [
      "[20] jku and embedded jwk of the attacker",
      () => signJwt(attackerKey, claims(), { jku: "https://evil.example/jwks", jwk: attackerKey.jwk }),
      "signature",
    ],
    ["[21] crit header", () => signJwt(key, claims(), { crit: ["x"], x: 1 }), "signature"],
    ["[22] cty JWT (nested token)", () => signJwt(key, claims(), { cty: "JWT" }), "signature"],
    ["[22] b64 false", () => signJwt(key, claims(), { b64: false }), "signature"],
    ["[23] signed by another key under our kid", () => signJwt(attackerKey, claims()), "signature"],
    [
      "[24] one signature byte flipped",
      () => {
        const [h, p, s] = signJwt(key, claims()).split(".");
        const sig = Buffer.from(s, "base64url");
        sig[10] ^= 1;
        return `${h}.${p}.${sig.toString("base64url")}`;
      },
      "signature",
    ],
    ["[24] payload edited after signing", () => withPayload(signJwt(key, claims()), claims({ scope: "system/*.*" })), "signature"],
    ["[25] an empty signature", () => `${signJwt(key, claims()).split(".").slice(0, 2).join(".")}.`, "malformed"],
    ["[26] expired", () => signJwt(key, claims({ iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 })), "time"],
    ["[27] exp a string", () => signJwt(key, claims({ exp: String(nowSeconds() + 60) })), "malformed"],
    [
      "[27] exp 1e400",
      () => signRaw(JSON.stringify({ alg: key.alg, kid: key.kid }), JSON.stringify(claims()).replace(/"exp":\d+/, '"exp":1e400'), key),
      "malformed",
    ],
    ["[28] exp negative", () => signJwt(key, claims({ exp: -1 })), "time"],
    ["[29] exp missing", () => signJwt(key, claims({ exp: undefined })), "time"],
    ["[30] exp in the year 3000", () => signJwt(key, claims({ exp: 32_503_680_000 })), "time"],
    ["[31] nbf in the future", () => signJwt(key, claims({ nbf: nowSeconds() + 600 })), "time"],
    ["[32] iat in the future", () => signJwt(key, claims({ iat: nowSeconds() + 600 })), "time"],
    ["[33] expired within the library's grace seconds", () => signJwt(key, claims({ exp: nowSeconds() - 2 })), "time"],
    ["[34] another pool", () => signJwt(key, claims({ iss: ISSUER.replace("TestPool", "OtherPool") })), "issuer"],
    ["[34] another region", () => signJwt(key, claims({ iss: ISSUER.replace(/us-east-1/g, "eu-west-2") })), "issuer"],
    ["[34] trailing slash", () => signJwt(key, claims({ iss: `${ISSUER}/` })), "issuer"],
    ["[35] iss missing", () => signJwt(key, claims({ iss: undefined })), "issuer"],
    ["[36] Cognito's global issuer format, not configured", () => signJwt(key, claims({ iss: ISSUER.replace("cognito-idp", "issuer-cognito-idp") })), "issuer"],
    ["[37] an ID token", () => signJwt(key, claims({ token_use: "id", aud: "client-a", client_id: undefined })), "claims"],
    ["[38] token_use missing", () => signJwt(key, claims({ token_use: undefined })), "claims"],
    ["[39] another app client of the pool", () => signJwt(key, claims({ client_id: "client-z" })), "claims"],
    ["[40] client_id as an array", () => signJwt(key, claims({ client_id: ["client-a"] })), "claims"],
    ["[41] scope missing", () => signJwt(key, claims({ scope: undefined })), "scope"],
    ["[41] only launch/patient", () => signJwt(key, claims({ scope: "launch/patient" })), "scope"],
    ["[42] scope as an array", () => signJwt(key, claims({ scope: ["system/*.read"] })), "malformed"],
    ["[43] tab-separated scopes", () => signJwt(key, claims({ scope: "system/*.read\tpatient/*.read" })), "scope"],
    ["[43] case variant", () => signJwt(key, claims({ scope: "System/Patient.Read" })), "scope"],
    ["[43] near miss", () => signJwt(key, claims({ scope: "system/Patient.readx" })), "scope"],
    ["[44] quotes, control characters, non-ASCII", () => signJwt(key, claims({ scope: 'system/Patient.read\u0000 "system/*.read" systém/*.read' })), "scope"],
    ["[47] a 1 MB token", () => signJwt(key, claims({ pad: "x".repeat(1 << 20) })), "malformed"],
    ["lifetime beyond Cognito's one day", () => signJwt(key, claims({ iat: nowSeconds() - 10, exp: nowSeconds() + 86_400 })), "time"],
    ["aud bound to another datastore", () => signJwt(key, claims({ aud: ENDPOINT.replace("0123", "ffff") })), "claims"],
  ];

  describe.each(["cognito", "oidc", "oidc-ps256"] as const)("in %s mode", (mode) => {
    beforeAll(() => {
      MODE = mode;
      ({ key, attackerKey } = mode === "oidc-ps256" ? PS256 : RS256);
    });
    afterAll(() => {
      MODE = "cognito";
      ({ key, attackerKey } = RS256);
    });

    const cases = hostile.filter(([name]) => mode === "cognito" || !COGNITO_ONLY.includes(name)).map(([name, token, reason]) => [name, reason, token] as const);
    test.each(cases)("denies %s: %s", async (_name, reason, token) => {
      const { handler, lines } = newHandler();
      const result = await handler(event(token()));
      expect(isDeny(result)).toBe(true);
      expect(lines.at(-1)).toMatchObject({ decision: "deny", reason });
    });

    test("allows the same valid token, so every deny above is the hostile change", async () => {
      const { handler } = newHandler();
      expect((await handler(event(signJwt(key, claims())))).authPayload.isAuthorized).toBe(true);
    });
  });

  describe("PS256 (RSASSA-PSS), which jose verifies for aws-jwt-verify", () => {
    beforeAll(() => {
      MODE = "oidc-ps256";
    });
    afterAll(() => {
      MODE = "cognito";
    });
    beforeEach(() => {
      server.keys = [PS256.key.jwk];
    });

    const pss: [string, () => string][] = [
      ["RS256 (PKCS#1 v1.5) under a PS256 header", () => signRaw(JSON.stringify({ alg: "PS256", kid: "key-1" }), JSON.stringify(claims()), RS256.key)],
      ["a salt of 0 bytes", () => signRaw(JSON.stringify({ alg: "PS256", kid: "key-1" }), JSON.stringify(claims()), PS256.key, 0)],
      [
        "a salt of 64 bytes (RFC 7518: as long as the hash)",
        () => signRaw(JSON.stringify({ alg: "PS256", kid: "key-1" }), JSON.stringify(claims()), PS256.key, 64),
      ],
      ["an RS256 token, when the issuer is pinned to PS256", () => signJwt(RS256.key, claims())],
      ["signed by another key under our kid", () => signJwt(PS256.attackerKey, claims())],
    ];
    test.each(pss)("denies %s", async (_name, token) => {
      const { handler, lines } = newHandler();
      expect(isDeny(await handler(event(token())))).toBe(true);
      expect(lines.at(-1)).toMatchObject({ decision: "deny", reason: "signature" });
    });

    test("denies a PS256 token whose key the issuer publishes for RS256 only", async () => {
      server.keys = [{ ...PS256.key.jwk, alg: "RS256" }];
      const { handler, lines } = newHandler();
      expect(isDeny(await handler(event(signJwt(PS256.key, claims()))))).toBe(true);
      expect(lines.at(-1)).toMatchObject({ reason: "signature" });
    });

    test("denies a PS256 token whose kid names an EC key (published without alg)", async () => {
      const { publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
      server.keys = [{ ...(publicKey.export({ format: "jwk" }) as Record<string, string>), kid: "key-1", use: "sig" }];
      const { handler, lines } = newHandler();
      expect(isDeny(await handler(event(signJwt(PS256.key, claims()))))).toBe(true);
      expect(lines.at(-1)).toMatchObject({ reason: "signature" });
    });

    test("allows a PS256 token signed with a key published without alg, as aws-jwt-verify does for RS256", async () => {
      const { alg: _alg, ...withoutAlg } = PS256.key.jwk;
      server.keys = [withoutAlg];
      const { handler } = newHandler();
      expect((await handler(event(signJwt(PS256.key, claims())))).authPayload).toMatchObject({ isAuthorized: true, sub: "user-1" });
    });

    test("checks the payload as for every other algorithm: expired, another issuer, not yet valid", async () => {
      const { handler, lines } = newHandler();
      const cases: [Record<string, unknown>, string][] = [
        [{ iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }, "time"],
        [{ iss: `${ISSUER}/` }, "issuer"],
        [{ nbf: nowSeconds() + 600 }, "time"],
      ];
      for (const [change, reason] of cases) {
        expect(isDeny(await handler(event(signJwt(PS256.key, claims(change)))))).toBe(true);
        expect(lines.at(-1)).toMatchObject({ reason });
      }
    });

    test("an issuer pinned to RS256 and PS256 verifies both", async () => {
      server.keys = [PS256.key.jwk, { ...RS256.key.jwk, kid: "key-2" }];
      const { handler } = newHandler({ ALGORITHMS: "RS256,PS256" });
      expect((await handler(event(signJwt(PS256.key, claims())))).authPayload.isAuthorized).toBe(true);
      expect((await handler(event(signJwt(RS256.key, claims(), { kid: "key-2" })))).authPayload.isAuthorized).toBe(true);
    });
  });

  test("[49] denies a valid token sent for an endpoint that is not a HealthLake R4 datastore of this region", async () => {
    const token = signJwt(key, claims());
    for (const endpoint of [ENDPOINT.replace("us-east-1", "eu-west-2"), ENDPOINT.replace("/r4/", "/")]) {
      const { handler, lines } = newHandler();
      expect(isDeny(await handler(event(token, endpoint)))).toBe(true);
      expect(lines.at(-1)).toMatchObject({ reason: "endpoint" });
    }
  });

  test("[44] drops junk scopes but allows on the clinical ones left", async () => {
    const result = await shared.handler(event(signJwt(key, claims({ scope: 'email system/*.read x"y system/Observation.read' }))));
    expect(result.authPayload).toMatchObject({ isAuthorized: true, scope: "system/*.read system/Observation.read" });
  });

  test("[45] duplicate members: the last one wins, as in JSON.parse", async () => {
    const payload = JSON.stringify(claims()).replace('"scope":', '"scope":"launch/patient","scope":');
    const result = await shared.handler(event(signRaw(JSON.stringify({ alg: key.alg, kid: key.kid }), payload, key)));
    expect(result.authPayload).toMatchObject({ isAuthorized: true, scope: "system/*.read launch/patient" });
  });

  test("[46] __proto__ members pollute nothing", async () => {
    const payload = JSON.stringify(claims()).replace("{", '{"__proto__":{"isAuthorized":true,"polluted":1},');
    await shared.handler(event(signRaw(JSON.stringify({ alg: key.alg, kid: key.kid }), payload, key)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("loads the JWKS at init, so the first request downloads nothing", async () => {
    const { handler, downloads } = newHandler();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(downloads()).toBe(1);
    expect((await handler(event(signJwt(key, claims())))).authPayload.isAuthorized).toBe(true);
    expect(downloads()).toBe(1);
  });

  test("follows a key rotation at the issuer without a redeploy", async () => {
    const { handler, downloads } = newHandler();
    expect((await handler(event(signJwt(key, claims())))).authPayload.isAuthorized).toBe(true);
    const next = rsaKey("key-2");
    server.keys = [next.jwk];
    expect((await handler(event(signJwt(next, claims())))).authPayload.isAuthorized).toBe(true);
    expect(downloads()).toBe(2);
  });

  test("[19] a flood of random kids downloads the JWKS once, then denies without fetching", async () => {
    const { handler, lines, downloads } = newHandler();
    await handler(event(signJwt(key, claims())));
    const before = downloads();
    const results = await Promise.all(Array.from({ length: 200 }, () => handler(event(signJwt(key, claims(), { kid: crypto.randomUUID() })))));
    expect(results.every(isDeny)).toBe(true);
    expect(downloads() - before).toBe(1);
    expect(lines.slice(-200).every((l) => l.reason === "unknown_key")).toBe(true);
  });

  test("[50] a JWKS endpoint that never answers yields a deny inside the budget, then fast denies without new downloads", async () => {
    server.hang = true;
    const { handler, lines, downloads } = newHandler();
    const started = Date.now();
    const first = await handler(event(signJwt(key, claims())));
    const firstMs = Date.now() - started;
    expect(isDeny(first)).toBe(true);
    expect(firstMs).toBeLessThan(LIMITS.requestDeadlineMs + 100);
    expect(lines.at(-1)).toMatchObject({ reason: "jwks_unavailable" });

    const downloadsBefore = downloads();
    const again = Date.now();
    expect(isDeny(await handler(event(signJwt(key, claims()))))).toBe(true);
    expect(Date.now() - again).toBeLessThan(50);
    expect(downloads()).toBe(downloadsBefore);
  });

  test("a missing setting denies every request, with one log line naming the variable", async () => {
    const lines: string[] = [];
    const handler = createHandler({ ...env(server.uri("unused")), CLIENT_ID: "" }, { sink: (line) => lines.push(line) });
    const result = await handler(event(signJwt(key, claims())));
    expect(result).toEqual({ authPayload: { isAuthorized: false } });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: "error", decision: "deny", reason: "config", variable: "CLIENT_ID" });
  });

  test("never throws, whatever the event", async () => {
    for (const input of [
      undefined,
      null,
      "x",
      [],
      { bearerToken: {} },
      new Proxy(
        {},
        {
          get: () => {
            throw new Error("boom");
          },
        },
      ),
    ]) {
      await expect(shared.handler(input)).resolves.toEqual({ authPayload: { isAuthorized: false } });
    }
  });

  test("logs one JSON line per request: decision, reason, operation, client, subject reference, latency; never the token", async () => {
    const { handler, lines } = newHandler();
    const token = signJwt(key, claims({ sub: "alice-sub" }));
    await handler(event(token));
    await handler(event(signJwt(key, claims({ client_id: "client-z" }))));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      level: "info",
      decision: "allow",
      operation: "SearchWithGet",
      clientId: "client-a",
      subject: expect.stringMatching(/^[0-9a-f]{16}$/),
      latencyMs: expect.any(Number),
    });
    expect(lines[1]).toEqual({ level: "warn", decision: "deny", reason: "claims", operation: "SearchWithGet", latencyMs: expect.any(Number) });
    const text = JSON.stringify(lines);
    for (const secret of [token, token.split(".")[2], "alice-sub", key.jwk.n]) expect(text).not.toContain(secret);
  });

  test("an unreadable LOG_LEVEL allows as usual, logging at info with one warning line at init", async () => {
    const { handler, lines } = newHandler({ LOG_LEVEL: "Verbose" });
    expect(lines).toEqual([expect.objectContaining({ level: "warn", setting: "LOG_LEVEL" })]);
    const token = signJwt(key, claims());
    await handler({ datastoreEndpoint: ENDPOINT, operationName: "SearchWithGet", bearerToken: token });
    expect((await handler({ datastoreEndpoint: ENDPOINT, operationName: "SearchWithGet", bearerToken: token })).authPayload.isAuthorized).toBe(true);
  });

  test("LOG_LEVEL=error keeps allows and denies out of the log", async () => {
    const { handler, lines } = newHandler({ LOG_LEVEL: "error" });
    await handler(event(signJwt(key, claims())));
    await handler(event("x"));
    expect(lines).toEqual([]);
  });
});
