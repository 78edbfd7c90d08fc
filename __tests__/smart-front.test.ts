import { allowedOrigins, clientsEnvironment, parseClients } from "../smart/smart-front";
import { authorize, cognitoScopes } from "../lambda/smart-front/authorize";
import { corsHeaders, preflight } from "../lambda/smart-front/cors";
import { frontHandler } from "../lambda/smart-front/handler";
import type { HttpApiEvent } from "../lambda/smart-front/http";
import { readSettings } from "../lambda/smart-front/settings";
import { token } from "../lambda/smart-front/token";
import { smartTokenResponse } from "../lambda/smart-front/token-response";
import type { PostForm, UpstreamAnswer } from "../lambda/smart-front/upstream";

const FHIR = "https://healthlake.us-west-2.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";
const CALLBACK = "https://app.example.org/callback";
const ENV = {
  COGNITO_BASE_URL: "https://smart.auth.us-west-2.amazoncognito.com",
  FHIR_BASE_URL: FHIR,
  CLIENTS: `people-client https://server.example.org/callback\npublic-client ${CALLBACK} http://localhost:3000/callback`,
  UPSTREAM_TIMEOUT_MS: "5000",
};
const settings = readSettings(ENV);
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

const smartRequest = (change: Record<string, string | undefined> = {}) => {
  const params: Record<string, string | undefined> = {
    response_type: "code",
    client_id: "public-client",
    redirect_uri: CALLBACK,
    scope: "openid fhirUser launch/patient patient/*.rs offline_access",
    state: "abc123",
    aud: FHIR.replace(/\/$/, ""),
    code_challenge: CHALLENGE,
    code_challenge_method: "S256",
    ...change,
  };
  return new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
};
const location = (query: string) => new URL(authorize(query, settings).response.headers.location ?? "about:blank");

describe("the front's settings", () => {
  test.each([
    ["COGNITO_BASE_URL", undefined, /COGNITO_BASE_URL/],
    ["COGNITO_BASE_URL", "http://smart.auth.us-west-2.amazoncognito.com", /https/],
    ["CLIENTS", "", /CLIENTS/],
    ["CLIENTS", "people-client", /CLIENTS must give every client at least one callback URL/],
    ["UPSTREAM_TIMEOUT_MS", "30000", /UPSTREAM_TIMEOUT_MS/],
    ["UPSTREAM_TIMEOUT_MS", "soon", /UPSTREAM_TIMEOUT_MS/],
  ])("%s = %p is refused at init", (name, value, message) => {
    expect(() => readSettings({ ...ENV, [name]: value })).toThrow(message);
  });

  test("Cognito's endpoints hang below the hosted UI, and the FHIR base loses its trailing slash", () => {
    expect(settings).toMatchObject({
      authorizeUrl: "https://smart.auth.us-west-2.amazoncognito.com/oauth2/authorize",
      tokenUrl: "https://smart.auth.us-west-2.amazoncognito.com/oauth2/token",
      fhirBaseUrl: FHIR.replace(/\/$/, ""),
    });
  });

  test.each([
    [["https://app.example.org/callback", "https://app.example.org/other"], ["https://app.example.org"]],
    [
      ["http://localhost:3000/cb", "https://a.example:8443/x"],
      ["http://localhost:3000", "https://a.example:8443"],
    ],
    [["com.example.app:/callback", "not a url"], []],
  ])("allowed origins of %p are %p", (uris, origins) => {
    expect(allowedOrigins(uris)).toEqual(origins);
  });
});

test("CLIENTS pairs each client with its own callback URLs, as the stack writes them", () => {
  const clients = [
    { id: "a", redirectUris: ["https://a.example/cb", "http://localhost:1/cb"] },
    { id: "b", redirectUris: ["https://b.example/cb"] },
  ];
  expect(parseClients(clientsEnvironment(clients))).toEqual(clients);
  expect(settings.clients.get("public-client")?.has("https://server.example.org/callback")).toBe(false);
});

describe("translating SMART scopes for Cognito", () => {
  test.each([
    ["openid fhirUser launch/patient patient/*.rs offline_access", "openid launch/patient patient/*.rs"],
    ["fhirUser patient/*.read", "openid patient/*.read"],
    ["launch/patient patient/*.read online_access", "launch/patient patient/*.read"],
    ["openid  openid profile", "openid profile"],
    ["user/*.rs", "user/*.rs"],
  ])("%p asks Cognito for %p", (requested, sent) => {
    expect(cognitoScopes(requested)).toEqual({ scope: sent });
  });

  test.each([
    [""],
    ["offline_access"],
    ["online_access offline_access"],
    ["launch patient/*.read"],
    ["launch\tpatient/*.rs"],
    ["openid\u00a0launch"],
    ['openid "x"'],
  ])("%p is refused", (requested) => {
    expect(cognitoScopes(requested)).toHaveProperty("error");
  });
});

describe("GET /authorize", () => {
  test("a SMART request goes to Cognito with SMART's own scopes dropped and aud removed, the rest unchanged", () => {
    const outcome = authorize(`${smartRequest({ nonce: "n-1", login_hint: "jane" })}&unknown=x`, settings);
    expect(outcome.response.statusCode).toBe(302);
    expect(outcome.refused).toBeUndefined();
    const sent = new URL(outcome.response.headers.location);
    expect(`${sent.origin}${sent.pathname}`).toBe(settings.authorizeUrl);
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      response_type: "code",
      client_id: "public-client",
      redirect_uri: CALLBACK,
      state: "abc123",
      code_challenge: CHALLENGE,
      code_challenge_method: "S256",
      nonce: "n-1",
      login_hint: "jane",
      scope: "openid launch/patient patient/*.rs",
    });
  });

  test("aud with or without its trailing slash is this server", () => {
    expect(authorize(smartRequest({ aud: FHIR }), settings).refused).toBeUndefined();
  });

  // Never an open redirect: without a registered client and callback, the answer is a plain 400.
  test.each([
    ["no client_id", { client_id: undefined }, "client"],
    ["an unknown client", { client_id: "machine-client" }, "client"],
    ["no redirect_uri", { redirect_uri: undefined }, "redirect_uri"],
    ["an unregistered redirect_uri", { redirect_uri: "https://attacker.example/steal" }, "redirect_uri"],
    ["a registered URI with a different path", { redirect_uri: `${CALLBACK}/../evil` }, "redirect_uri"],
    ["a registered URI plus a query", { redirect_uri: `${CALLBACK}?next=https://attacker.example` }, "redirect_uri"],
    ["another client's callback", { redirect_uri: "https://server.example.org/callback" }, "redirect_uri"],
  ])("%s: a plain 400, no redirect", (_name, change, refused) => {
    const outcome = authorize(smartRequest(change), settings);
    expect(outcome.response.statusCode).toBe(400);
    expect(outcome.response.headers.location).toBeUndefined();
    expect(outcome.refused).toBe(refused);
  });

  test("a repeated client_id or redirect_uri is a plain 400", () => {
    expect(authorize(`${smartRequest()}&redirect_uri=${encodeURIComponent("https://attacker.example/")}`, settings).response.statusCode).toBe(400);
    expect(authorize(`${smartRequest()}&client_id=public-client`, settings).response.statusCode).toBe(400);
  });

  test("an overlong query string is a plain 400", () => {
    expect(authorize(smartRequest({ nonce: "n".repeat(9000) }), settings)).toMatchObject({ response: { statusCode: 400 }, refused: "query" });
  });

  test.each([
    ["response_type token", { response_type: "token" }, "unsupported_response_type", "response_type"],
    ["no state", { state: undefined }, "invalid_request", "state"],
    ["an EHR launch", { launch: "xyz" }, "invalid_request", "launch"],
    ["no aud", { aud: undefined }, "invalid_request", "aud"],
    ["another server's aud", { aud: "https://fhir.example.org/r4" }, "invalid_request", "aud"],
    ["aud of another datastore", { aud: FHIR.replace("0123", "9999") }, "invalid_request", "aud"],
    ["no PKCE", { code_challenge: undefined, code_challenge_method: undefined }, "invalid_request", "pkce"],
    ["PKCE plain", { code_challenge_method: "plain" }, "invalid_request", "pkce"],
    ["a challenge without its method", { code_challenge_method: undefined }, "invalid_request", "pkce"],
    ["a challenge that is no S256 digest", { code_challenge: "short" }, "invalid_request", "pkce"],
    ["only scopes the front delivers", { scope: "offline_access" }, "invalid_scope", "scope"],
    ["the EHR launch scope", { scope: "launch openid" }, "invalid_scope", "scope"],
  ])("%s: back to the registered callback with %s", (_name, change: Record<string, string | undefined>, error, refused) => {
    const outcome = authorize(smartRequest(change), settings);
    expect(outcome.refused).toBe(refused);
    const back = location(smartRequest(change));
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.get("error")).toBe(error);
    expect(back.searchParams.get("error_description")).toBeTruthy();
    expect(back.searchParams.get("state")).toBe(change.state === undefined && "state" in change ? null : "abc123");
  });

  test("any other repeated parameter is refused at the callback", () => {
    const back = location(`${smartRequest()}&scope=system/*.*`);
    expect(back.searchParams.get("error")).toBe("invalid_request");
    // A fixed text: the parameter's name is the caller's, and the app may show the description.
    expect(back.searchParams.get("error_description")).toBe("a parameter appears more than once");
  });
});

describe("the token response", () => {
  const jwt = (claims: Record<string, unknown>) => `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;
  const cognito = {
    access_token: jwt({ token_use: "access", scope: "openid launch/patient patient/*.rs", patient: "123" }),
    id_token: jwt({ token_use: "id", fhirUser: "Patient/123" }),
    refresh_token: "opaque-refresh",
    expires_in: 900,
    token_type: "Bearer",
  };

  test.each([
    [
      "a patient's code grant",
      cognito,
      "authorization_code",
      { scope: "openid launch/patient patient/*.rs fhirUser offline_access", patient: "123", need_patient_banner: true },
    ],
    [
      "a practitioner: no patient",
      { ...cognito, access_token: jwt({ scope: "openid user/*.rs" }), id_token: jwt({ fhirUser: "Practitioner/9" }) },
      "authorization_code",
      { scope: "openid user/*.rs fhirUser offline_access" },
    ],
    [
      "a refresh grant: no new refresh token, still offline",
      { ...cognito, refresh_token: undefined },
      "refresh_token",
      { scope: "openid launch/patient patient/*.rs fhirUser offline_access", patient: "123" },
    ],
    [
      "a machine's token",
      { access_token: jwt({ scope: "system/*.rs" }), expires_in: 3600, token_type: "Bearer" },
      "client_credentials",
      { scope: "system/*.rs" },
    ],
    [
      "no ID token: no fhirUser",
      { ...cognito, id_token: undefined },
      "authorization_code",
      { scope: "openid launch/patient patient/*.rs offline_access", patient: "123" },
    ],
    ["an access token that is no JWT", { access_token: "opaque", token_type: "Bearer" }, "client_credentials", { scope: "" }],
  ])("%s", (_name, answer, grant, expected) => {
    const response = smartTokenResponse(answer, grant);
    expect(response).toMatchObject({ ...expected, token_type: "Bearer" });
    expect(response.access_token).toBe(answer.access_token);
    if (!("patient" in expected)) {
      expect(response).not.toHaveProperty("patient");
      expect(response).not.toHaveProperty("need_patient_banner");
    }
  });
});

describe("POST /token", () => {
  const form = "grant_type=authorization_code&code=c-1&redirect_uri=https%3A%2F%2Fapp.example.org%2Fcallback&code_verifier=v&client_id=public-client";
  const event = (change: Partial<HttpApiEvent> = {}, headers: Record<string, string> = {}): HttpApiEvent => ({
    routeKey: "POST /token",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://app.example.org", ...headers },
    body: Buffer.from(form).toString("base64"),
    isBase64Encoded: true,
    ...change,
  });
  const answering = (answer: UpstreamAnswer) => {
    const calls: { url: string; body: string; headers: Readonly<Record<string, string>> }[] = [];
    const post: PostForm = async (url, body, headers) => {
      calls.push({ url, body: body.toString("utf8"), headers });
      return answer;
    };
    return { post, calls };
  };
  const ok = {
    status: 200,
    contentType: "application/json;charset=UTF-8",
    body: JSON.stringify({ access_token: "a.e30.s", token_type: "Bearer", expires_in: 60 }),
  };

  test("the form and the client's authentication reach Cognito untouched, and nothing else of the request", async () => {
    const { post, calls } = answering(ok);
    await token(event({}, { authorization: "Basic cGVvcGxlOnNlY3JldA==", cookie: "session=1", "x-forwarded-for": "1.2.3.4" }), settings, post);
    expect(calls).toEqual([
      { url: settings.tokenUrl, body: form, headers: { "content-type": "application/x-www-form-urlencoded", authorization: "Basic cGVvcGxlOnNlY3JldA==" } },
    ]);
  });

  test("a success is SMART's, never cached, with CORS for a registered origin", async () => {
    const { response, upstreamStatus } = await token(event(), settings, answering(ok).post);
    expect(upstreamStatus).toBe(200);
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({ "cache-control": "no-store", pragma: "no-cache", "access-control-allow-origin": "https://app.example.org" });
    expect(JSON.parse(response.body)).toHaveProperty("scope");
  });

  test("Cognito's error passes through with its status", async () => {
    const error = { status: 400, contentType: "application/json;charset=UTF-8", body: '{"error":"invalid_grant"}' };
    const { response } = await token(event(), settings, answering(error).post);
    expect(response).toMatchObject({ statusCode: 400, body: '{"error":"invalid_grant"}' });
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  test.each([
    ["timeout", 504],
    ["unreachable", 502],
    ["too_large", 502],
  ] as const)("Cognito %s: %i with an OAuth error the app can read", async (failure, status) => {
    const { response, refused } = await token(event(), settings, answering({ failure }).post);
    expect(refused).toBe(failure);
    expect(response.statusCode).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ error: "temporarily_unavailable" });
  });

  test.each([
    ["a JSON body", event({}, { "content-type": "application/json" }), "content_type"],
    ["no body", event({ body: undefined }), "body"],
    ["a body over 16 KiB", event({ body: "a".repeat(17_000), isBase64Encoded: false }), "body"],
  ])("%s is refused without calling Cognito", async (_name, request, refused) => {
    const { post, calls } = answering(ok);
    const outcome = await token(request, settings, post);
    expect(outcome).toMatchObject({ response: { statusCode: 400 }, refused });
    expect(calls).toHaveLength(0);
  });

  test.each([
    ["a line break in the client's authentication", { authorization: "Basic abc\r\nx-injected: 1" }],
    ["a non-ASCII content type", { "content-type": "application/x-www-form-urlencoded; charset=\u00e9" }],
  ])("%s is refused as the caller's error, not Cognito's", async (_name, headers) => {
    const { post, calls } = answering(ok);
    const outcome = await token(event({}, headers), settings, post);
    expect(outcome).toMatchObject({ response: { statusCode: 400 }, refused: "header" });
    expect(calls).toHaveLength(0);
  });

  test("an answer from another origin carries no CORS permission", async () => {
    const { response } = await token(event({}, { origin: "https://attacker.example" }), settings, answering(ok).post);
    expect(response.headers).not.toHaveProperty("access-control-allow-origin");
  });
});

describe("CORS", () => {
  test.each([
    ["https://app.example.org", 204],
    ["http://localhost:3000", 204],
    ["https://app.example.org.attacker.example", 403],
    ["null", 403],
    [undefined, 403],
  ])("a preflight from %p: %i", (origin, status) => {
    const response = preflight(origin, settings);
    expect(response.statusCode).toBe(status);
    if (status === 204) expect(response.headers).toMatchObject({ "access-control-allow-origin": origin, "access-control-allow-methods": "POST" });
    expect(response.headers["access-control-allow-origin"]).not.toBe("*");
    expect(response.headers).not.toHaveProperty("access-control-allow-credentials");
  });

  test("every answer varies by origin", () => {
    expect(corsHeaders("https://app.example.org", settings).vary).toBe("origin");
    expect(corsHeaders(undefined, settings).vary).toBe("origin");
  });
});

describe("the handler", () => {
  test("routes by API Gateway's route key and logs no value of the request", async () => {
    const lines: string[] = [];
    const handler = frontHandler(
      settings,
      async () => ({ failure: "unreachable" }),
      (line) => lines.push(line),
    );
    const query = smartRequest();
    expect((await handler({ routeKey: "GET /authorize", rawQueryString: query })).statusCode).toBe(302);
    expect((await handler({ routeKey: "OPTIONS /token", headers: { origin: "https://app.example.org" } })).statusCode).toBe(204);
    expect((await handler({ routeKey: "$default", rawPath: "/admin", requestContext: { http: { method: "GET" } } })).statusCode).toBe(404);
    const secretForm = "grant_type=authorization_code&code=SECRET-CODE&code_verifier=SECRET-VERIFIER";
    await handler({
      routeKey: "POST /token",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: "Basic U0VDUkVU" },
      body: secretForm,
    });
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ route: "GET /authorize", status: 302 }),
      expect.objectContaining({ route: "OPTIONS /token", status: 204 }),
      expect.objectContaining({ route: "other", status: 404, refused: "route" }),
      expect.objectContaining({ route: "POST /token", status: 502, refused: "unreachable" }),
    ]);
    const logged = lines.join("\n");
    for (const secret of ["SECRET-CODE", "SECRET-VERIFIER", "U0VDUkVU", CHALLENGE, "abc123", "public-client"]) expect(logged).not.toContain(secret);
  });
});
