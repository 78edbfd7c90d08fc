// The validator against a real OAuth 2.0 / OpenID server on loopback (oauth2-mock-server),
// configured exactly as the stack configures it for an external authorization server.
import type { ExternalAuthorizationServerConfig } from "../stacks/config";
import { resolveConfig } from "../stacks/config";
import { externalValidatorEnvironment } from "../stacks/validator-environment";
import { createHandler, type HandlerResult } from "../lambda/token-validator/handler";
import { LIMITS } from "../lambda/token-validator/limits";
import { LoopbackAuthorizationServer } from "../testing/authorization-server";
import { loopbackCertificate } from "../testing/jwks-server";
import { nowSeconds } from "../testing/jwt";

const ENDPOINT = "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";
const ROLE = "arn:aws:iam::123456789012:role/healthlake-smart";
const SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:external/introspection-client-secret-AbCdEf";

const server = new LoopbackAuthorizationServer();
const kids: Record<"RS256" | "PS256" | "ES256", string> = { RS256: "", PS256: "", ES256: "" };
beforeAll(async () => {
  await server.start();
  // The newest key signs by default: RS256, as most providers do.
  kids.ES256 = await server.addKey("ES256");
  kids.PS256 = await server.addKey("PS256");
  kids.RS256 = await server.addKey("RS256");
});
afterAll(() => server.stop());

/** The validator a stack with this external server deploys: the environment the stack computes, keys and introspection on loopback. */
function validatorFor(external: Omit<ExternalAuthorizationServerConfig, "issuer">, deps: { now?: () => number; secret?: () => string } = {}) {
  const config = resolveConfig({
    name: "external",
    datastore: { name: "fhir" },
    smart: { externalAuthorizationServer: { issuer: server.issuer, ...external } },
  });
  const resolved = config.smart!.externalAuthorizationServer!;
  const environment = externalValidatorEnvironment(
    { ...resolved, jwksUri: server.jwksUri, introspectionEndpoint: server.introspectionEndpoint },
    { jwksUri: server.jwksUri, introspectionSecretArn: SECRET_ARN },
  );
  const lines: Record<string, unknown>[] = [];
  const handler = createHandler(
    { ...environment, USER_ROLE_ARN: ROLE, AWS_REGION: "us-east-1" },
    {
      tls: { ca: loopbackCertificate().cert },
      sink: (line) => lines.push(JSON.parse(line)),
      secretSource: async () => deps.secret?.() ?? server.client.secret,
      now: deps.now,
    },
  );
  return { handler, lines, environment };
}

/** HealthLake's answer for an allowed token of this issuer: the datastore is always the audience. */
const allowed = (scope: unknown, sub: string) => ({
  authPayload: { iss: server.issuer, aud: ENDPOINT, iat: expect.any(Number), nbf: expect.any(Number), exp: expect.any(Number), isAuthorized: true, scope, sub },
  iamRoleARN: ROLE,
});
const request = (bearerToken: string) => ({ datastoreEndpoint: ENDPOINT, operationName: "SearchWithGet", bearerToken });
const denied = (result: HandlerResult) => result.authPayload.isAuthorized === false;

describe("oidc: each preset's machine token, shaped as the provider documents it, is allowed", () => {
  test.each([
    [
      "okta",
      { preset: "okta", clientIds: ["0oa-machine"], audience: "api://default" },
      { aud: "api://default", cid: "0oa-machine", scp: ["system/*.read"], ver: 1, sub: "0oa-machine", scope: undefined },
    ],
    [
      "entra-id",
      { preset: "entra-id", clientIds: ["11111111-2222-3333-4444-555555555555"], audience: "api://healthlake" },
      {
        aud: "api://healthlake",
        azp: "11111111-2222-3333-4444-555555555555",
        azpacr: "1",
        roles: ["system/*.read"],
        ver: "2.0",
        sub: "app-object-id",
        scope: undefined,
      },
    ],
    [
      "auth0",
      { preset: "auth0", clientIds: ["auth0-machine"], audience: "https://fhir.example.org" },
      {
        aud: ["https://fhir.example.org", "https://tenant.auth0.com/userinfo"],
        azp: "auth0-machine",
        gty: "client-credentials",
        scope: "system/*.read",
        sub: "auth0-machine@clients",
      },
    ],
    [
      "keycloak",
      { preset: "keycloak", clientIds: ["smart-machine"], audience: "healthlake" },
      { aud: ["healthlake", "account"], azp: "smart-machine", typ: "Bearer", scope: "profile email system/*.read", sub: "service-account-id" },
    ],
  ] as const)("%s", async (_preset, external, claims) => {
    const { handler } = validatorFor(external);
    const result = await handler(request(await server.token(claims)));
    expect(result).toEqual(allowed(expect.stringMatching(/^system\/\*\.read( profile)?$/), claims.sub));
  });
});

describe("oidc: what is refused", () => {
  const okta = { preset: "okta", clientIds: ["0oa-machine"], audience: "api://default" } as const;
  const machine = { aud: "api://default", cid: "0oa-machine", scp: ["system/*.read"], sub: "0oa-machine" };

  test.each([
    ["another audience", { aud: "api://other" }, "claims"],
    ["no audience", { aud: undefined }, "claims"],
    ["the client in another claim than the preset's (client_id, not cid)", { cid: undefined, client_id: "0oa-machine" }, "claims"],
    ["a client not accepted", { cid: "0oa-other" }, "claims"],
    ["a scope array item with a space in it", { scp: ["system/*.read patient/*.read"] }, "scope"],
    ["scopes of another shape", { scp: { read: true } }, "scope"],
    ["no scope claim", { scp: undefined }, "scope"],
    ["another issuer", { iss: "https://evil.example.org" }, "issuer"],
  ])("%s", async (_name, change, reason) => {
    const { handler, lines } = validatorFor(okta);
    expect(denied(await handler(request(await server.token({ ...machine, ...change }))))).toBe(true);
    expect(lines.at(-1)).toMatchObject({ decision: "deny", reason });
  });

  test("without an audience configured, tokens must name the datastore", async () => {
    const { handler } = validatorFor({ preset: "okta", clientIds: ["0oa-machine"] });
    expect(denied(await handler(request(await server.token({ ...machine, aud: ENDPOINT }))))).toBe(false);
    expect(denied(await handler(request(await server.token({ ...machine, aud: "api://default" }))))).toBe(true);
  });

  test("algorithms are pinned per configuration: ES256 and PS256 only where allowed", async () => {
    const es256 = await server.token(machine, { kid: kids.ES256 });
    const ps256 = await server.token(machine, { kid: kids.PS256 });
    const rsOnly = validatorFor(okta);
    for (const token of [es256, ps256]) {
      expect(denied(await rsOnly.handler(request(token)))).toBe(true);
      expect(rsOnly.lines.at(-1)).toMatchObject({ reason: "signature" });
    }
    const withEs256 = validatorFor({ ...okta, algorithms: ["RS256", "ES256"] });
    expect(denied(await withEs256.handler(request(es256)))).toBe(false);
    expect(denied(await withEs256.handler(request(ps256)))).toBe(true);
    expect(withEs256.lines.at(-1)).toMatchObject({ reason: "signature" });
    // The server signs PS256 with its own library (jose 5, through oauth2-mock-server); the validator verifies with jose 6.
    const withPs256 = validatorFor({ ...okta, algorithms: ["PS256"] });
    expect(denied(await withPs256.handler(request(ps256)))).toBe(false);
    expect(denied(await withPs256.handler(request(es256)))).toBe(true);
    expect(withPs256.lines.at(-1)).toMatchObject({ reason: "signature" });
  });

  test("the longest lifetime is the preset's: Auth0 may issue tokens for days, a generic server not past one", async () => {
    const twoDays = { aud: "https://fhir.example.org", azp: "auth0-machine", scope: "system/*.read", sub: "auth0-machine@clients" };
    const token = await server.token(twoDays, { expiresIn: 2 * 86_400 });
    expect(denied(await validatorFor({ preset: "auth0", clientIds: ["auth0-machine"], audience: "https://fhir.example.org" }).handler(request(token)))).toBe(
      false,
    );
    const generic = validatorFor({
      clientIds: ["auth0-machine"],
      clientClaim: "azp",
      audience: "https://fhir.example.org",
      authorizationEndpoint: `${server.issuer}/authorize`,
      tokenEndpoint: `${server.issuer}/token`,
    });
    expect(denied(await generic.handler(request(token)))).toBe(true);
    expect(generic.lines.at(-1)).toMatchObject({ reason: "time" });
  });

  test("a person's token with fhirUser and patient, from a server that adds them", async () => {
    const { handler } = validatorFor({ ...okta, clientIds: ["0oa-app"], oauthFlows: ["code"], personClaims: true });
    const token = await server.token({
      aud: "api://default",
      cid: "0oa-app",
      scp: ["openid", "launch/patient", "patient/*.read"],
      sub: "00u-jane",
      fhirUser: "Patient/123",
      patient: "123",
    });
    expect((await handler(request(token))).authPayload).toMatchObject({
      isAuthorized: true,
      patient: "123",
      fhirUser: "Patient/123",
      scope: "patient/*.read openid launch/patient",
    });
  });
});

describe("introspection", () => {
  const keycloak = { preset: "keycloak", validation: "introspection", clientIds: ["smart-machine"], introspectionClientId: "healthlake-validator" } as const;
  const active = (change: Record<string, unknown> = {}) => ({
    active: true,
    scope: "profile system/*.read",
    client_id: "smart-machine",
    azp: "smart-machine",
    sub: "service-account-id",
    typ: "Bearer",
    iat: nowSeconds() - 5,
    exp: nowSeconds() + 300,
    ...change,
  });
  let opaque = 0;
  const newToken = () => `opaque-${++opaque}-${"x".repeat(20)}`;

  beforeEach(() => {
    server.introspection = (_token, response) => {
      response.body = active();
    };
    server.delayMs = 0;
    server.html = undefined;
    server.client.secret = "first-secret";
  });

  test("an active token: the answer becomes HealthLake's payload, with the datastore as its audience", async () => {
    const { handler } = validatorFor(keycloak);
    const result = await handler(request(newToken()));
    expect(result).toEqual(allowed("system/*.read profile", "service-account-id"));
  });

  test("the validator authenticates as its own client, with the secret from Secrets Manager, and sends the token in the body", async () => {
    const seen: string[] = [];
    server.introspection = (token, response) => {
      seen.push(token);
      response.body = active();
    };
    const before = server.calls.authenticated;
    const token = newToken();
    await validatorFor(keycloak).handler(request(`Bearer ${token}`));
    expect(server.calls.authenticated - before).toBe(1);
    expect(seen).toEqual([token]);
  });

  test.each([
    ["inactive", { active: false }, "inactive"],
    ["active as the string 'true'", { active: "true" }, "inactive"],
    ["another issuer in the answer", active({ iss: "https://evil.example.org" }), "issuer"],
    ["a refresh token", active({ typ: "Refresh" }), "claims"],
    ["no exp", active({ exp: undefined }), "time"],
    ["a client not accepted", active({ azp: "other", client_id: "other" }), "claims"],
    ["no usable scope", active({ scope: "profile email" }), "scope"],
  ])("%s: denied (%s)", async (_name, body, reason) => {
    server.introspection = (_token, response) => {
      response.body = body as Record<string, unknown>;
    };
    const { handler, lines } = validatorFor(keycloak);
    expect(denied(await handler(request(newToken())))).toBe(true);
    expect(lines.at(-1)).toMatchObject({ decision: "deny", reason });
  });

  test("a token without a subject is its client's (client credentials)", async () => {
    server.introspection = (_token, response) => {
      response.body = active({ sub: undefined });
    };
    expect((await validatorFor(keycloak).handler(request(newToken()))).authPayload).toMatchObject({ isAuthorized: true, sub: "smart-machine" });
  });

  test.each([
    [
      "answers 500",
      () =>
        (server.introspection = (_t, r) => {
          r.statusCode = 500;
          r.body = { error: "server_error" };
        }),
    ],
    [
      "answers HTML",
      () => {
        server.html = "<html>maintenance</html>";
      },
    ],
    [
      "answers a JSON string, not an object",
      () =>
        (server.introspection = (_t, r) => {
          r.body = "";
        }),
    ],
    [
      "answers 20 KB",
      () =>
        (server.introspection = (_t, r) => {
          r.body = active({ pad: "x".repeat(20_000) });
        }),
    ],
  ])("an endpoint that %s: denied, and nothing cached", async (_name, arrange) => {
    arrange();
    const { handler, lines } = validatorFor(keycloak);
    const token = newToken();
    const before = server.calls.introspection;
    for (let i = 0; i < 2; i++) {
      expect(denied(await handler(request(token)))).toBe(true);
      expect(lines.at(-1)).toMatchObject({ reason: "introspection_unavailable" });
    }
    expect(server.calls.introspection - before).toBe(2);
  });

  test("a slow endpoint: denied inside HealthLake's second, at the introspection deadline", async () => {
    server.delayMs = 900;
    const { handler, lines } = validatorFor(keycloak);
    const started = Date.now();
    expect(denied(await handler(request(newToken())))).toBe(true);
    expect(Date.now() - started).toBeLessThan(LIMITS.requestDeadlineMs + 100);
    expect(lines.at(-1)).toMatchObject({ reason: expect.stringMatching(/^(introspection_unavailable|timeout)$/) });
  });

  test("cache: an active answer is reused, an inactive one too, and expires with the token", async () => {
    const clock = { now: Date.now() };
    const { handler } = validatorFor(keycloak, { now: () => clock.now });
    const exp = nowSeconds() + 120;
    server.introspection = (token, response) => {
      response.body = token.startsWith("dead") ? { active: false } : active({ exp });
    };
    const good = newToken();
    const dead = `dead-${newToken()}`;
    const before = server.calls.introspection;
    for (let i = 0; i < 3; i++) {
      expect(denied(await handler(request(good)))).toBe(false);
      expect(denied(await handler(request(dead)))).toBe(true);
    }
    expect(server.calls.introspection - before).toBe(2);
    // Past the token's exp (and the cache's own bound), the issuer is asked again.
    clock.now = exp * 1000;
    await handler(request(good));
    expect(server.calls.introspection - before).toBe(3);
  });

  test("concurrent requests with one token make one call", async () => {
    server.delayMs = 100;
    const { handler } = validatorFor(keycloak);
    const token = newToken();
    const before = server.calls.introspection;
    const results = await Promise.all(Array.from({ length: 5 }, () => handler(request(token))));
    expect(results.every((result) => !denied(result))).toBe(true);
    expect(server.calls.introspection - before).toBe(1);
  });

  test("a rotated secret: the endpoint refuses the old one, the validator reads the new one, without a redeploy", async () => {
    let stored = "first-secret";
    const { handler, lines } = validatorFor(keycloak, { secret: () => stored });
    expect(denied(await handler(request(newToken())))).toBe(false);
    // The operator rotates the client secret at the server and in Secrets Manager.
    server.client.secret = "second-secret";
    stored = "second-secret";
    expect(denied(await handler(request(newToken())))).toBe(true);
    expect(lines.at(-1)).toMatchObject({ reason: "introspection_unavailable" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(denied(await handler(request(newToken())))).toBe(false);
  });

  test.each([
    ["a token with a space", "opaque token"],
    ["a token with a quote", 'opaque"token'],
    ["a token longer than any access token", "x".repeat(LIMITS.maxTokenLength + 1)],
    ["an empty token", ""],
  ])("never sent to the endpoint: %s", async (_name, token) => {
    const { handler, lines } = validatorFor(keycloak);
    const before = server.calls.introspection;
    expect(denied(await handler(request(token)))).toBe(true);
    expect(lines.at(-1)).toMatchObject({ reason: "malformed" });
    expect(server.calls.introspection).toBe(before);
  });
});
