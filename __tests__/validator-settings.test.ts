import { loadSettings, logLevelOf } from "../lambda/token-validator/settings";

const BASE = {
  USER_POOL_ID: "us-east-1_AbC123",
  CLIENT_ID: "client-a, client-b",
  USER_ROLE_ARN: "arn:aws:iam::123456789012:role/healthlake-smart",
  AWS_REGION: "us-east-1",
};

const OIDC = {
  AUTH_MODE: "oidc",
  ISSUER: "https://example.okta.com/oauth2/default",
  JWKS_URI: "https://example.okta.com/oauth2/default/v1/keys",
  CLIENT_ID: "0oa1",
  USER_ROLE_ARN: BASE.USER_ROLE_ARN,
  AWS_REGION: "us-east-1",
};
const INTROSPECTION = {
  AUTH_MODE: "introspection",
  ISSUER: "https://keycloak.example.org/realms/fhir",
  INTROSPECTION_ENDPOINT: "https://keycloak.example.org/realms/fhir/protocol/openid-connect/token/introspect",
  INTROSPECTION_CLIENT_ID: "healthlake-validator",
  INTROSPECTION_SECRET_ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:healthlake/introspection-AbCdEf",
  CLIENT_ID: "smart-app",
  USER_ROLE_ARN: BASE.USER_ROLE_ARN,
  AWS_REGION: "us-east-1",
};

describe("loadSettings", () => {
  test("cognito (the default): derives issuer and JWKS URI from the pool id; Cognito's claim names, no audience, token_use, one day", () => {
    expect(loadSettings(BASE)).toEqual({
      ok: true,
      settings: {
        mode: "cognito",
        issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123",
        roleArn: BASE.USER_ROLE_ARN,
        region: "us-east-1",
        logLevel: "info",
        keys: { jwksUri: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123/.well-known/jwks.json", algorithms: ["RS256"] },
        introspection: undefined,
        policy: {
          clientIds: ["client-a", "client-b"],
          clientClaim: "client_id",
          scopeClaims: ["scope"],
          audienceRequired: false,
          requireTokenUse: true,
          maxLifetimeSeconds: 86_400,
          strategy: "SMART_ON_FHIR_V1",
        },
      },
    });
  });

  test("AUTHORIZATION_STRATEGY says which scope versions pass; absent, the stricter SMART_ON_FHIR_V1", () => {
    expect(loadSettings({ ...BASE, AUTHORIZATION_STRATEGY: "SMART_ON_FHIR" })).toMatchObject({ settings: { policy: { strategy: "SMART_ON_FHIR" } } });
  });

  test("ISSUER and JWKS_URI override the derived values; a non-Cognito issuer needs no pool and no token_use", () => {
    const result = loadSettings({ ...BASE, USER_POOL_ID: undefined, ISSUER: "https://login.example.org/oauth2", JWKS_URI: "https://keys.example.org/jwks" });
    expect(result).toMatchObject({
      ok: true,
      settings: { issuer: "https://login.example.org/oauth2", keys: { jwksUri: "https://keys.example.org/jwks" }, policy: { requireTokenUse: false } },
    });
    expect(loadSettings({ ...BASE, ISSUER: "https://idp.example.org/" })).toMatchObject({
      settings: { keys: { jwksUri: "https://idp.example.org/.well-known/jwks.json" } },
    });
  });

  test("an ISSUER in Cognito's global format still requires token_use", () => {
    expect(loadSettings({ ...BASE, ISSUER: "https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123" })).toMatchObject({
      settings: { policy: { requireTokenUse: true } },
    });
  });

  test("oidc: issuer, keys and algorithms as given; claim names, audience and lifetime from the environment; an audience is required", () => {
    const env = {
      ...OIDC,
      AUDIENCE: "api://healthlake",
      CLIENT_CLAIM: "cid",
      SCOPE_CLAIMS: "scp, roles",
      ALGORITHMS: "RS256,PS256,ES256",
      MAX_TOKEN_LIFETIME_SECONDS: "3600",
    };
    expect(loadSettings(env)).toMatchObject({
      ok: true,
      settings: {
        mode: "oidc",
        issuer: OIDC.ISSUER,
        keys: { jwksUri: OIDC.JWKS_URI, algorithms: ["RS256", "PS256", "ES256"] },
        policy: {
          clientClaim: "cid",
          scopeClaims: ["scp", "roles"],
          audience: "api://healthlake",
          audienceRequired: true,
          requireTokenUse: false,
          maxLifetimeSeconds: 3600,
        },
      },
    });
    // Without AUDIENCE, the audience is the datastore endpoint, still required.
    expect(loadSettings(OIDC)).toMatchObject({
      settings: { policy: { audience: undefined, audienceRequired: true, clientClaim: "client_id", scopeClaims: ["scope"] } },
    });
  });

  test("introspection: endpoint, client and secret ARN; an audience only when configured", () => {
    expect(loadSettings(INTROSPECTION)).toMatchObject({
      ok: true,
      settings: {
        mode: "introspection",
        issuer: INTROSPECTION.ISSUER,
        keys: undefined,
        introspection: { endpoint: INTROSPECTION.INTROSPECTION_ENDPOINT, clientId: "healthlake-validator", secretArn: INTROSPECTION.INTROSPECTION_SECRET_ARN },
        policy: { audienceRequired: false },
      },
    });
    expect(loadSettings({ ...INTROSPECTION, AUDIENCE: "fhir" })).toMatchObject({ settings: { policy: { audience: "fhir", audienceRequired: true } } });
  });

  test.each([
    ["AUTH_MODE", { AUTH_MODE: "saml" }],
    ["ISSUER", { ISSUER: undefined }],
    ["JWKS_URI", { JWKS_URI: undefined }],
    ["JWKS_URI", { JWKS_URI: "http://keys.example.org/jwks" }],
    ["ALGORITHMS", { ALGORITHMS: "HS256" }],
    ["ALGORITHMS", { ALGORITHMS: "RS256,PS384" }],
    ["ALGORITHMS", { ALGORITHMS: "none" }],
    ["CLIENT_CLAIM", { CLIENT_CLAIM: "cid,azp" }],
    ["CLIENT_CLAIM", { CLIENT_CLAIM: "client id" }],
    ["SCOPE_CLAIMS", { SCOPE_CLAIMS: `scp, ${"x".repeat(65)}` }],
    ["AUDIENCE", { AUDIENCE: "a,b" }],
    ["MAX_TOKEN_LIFETIME_SECONDS", { MAX_TOKEN_LIFETIME_SECONDS: "59" }],
    ["MAX_TOKEN_LIFETIME_SECONDS", { MAX_TOKEN_LIFETIME_SECONDS: "2592001" }],
    ["MAX_TOKEN_LIFETIME_SECONDS", { MAX_TOKEN_LIFETIME_SECONDS: "1h" }],
  ])("oidc: names %s when it is %j", (variable, change) => {
    expect(loadSettings({ ...OIDC, ...change })).toMatchObject({ ok: false, variable });
  });

  test.each([
    ["INTROSPECTION_ENDPOINT", { INTROSPECTION_ENDPOINT: undefined }],
    ["INTROSPECTION_ENDPOINT", { INTROSPECTION_ENDPOINT: "http://idp.example.org/introspect" }],
    ["INTROSPECTION_CLIENT_ID", { INTROSPECTION_CLIENT_ID: undefined }],
    ["INTROSPECTION_SECRET_ARN", { INTROSPECTION_SECRET_ARN: undefined }],
    ["INTROSPECTION_SECRET_ARN", { INTROSPECTION_SECRET_ARN: "arn:aws:ssm:us-east-1:123456789012:parameter/secret" }],
    ["ISSUER", { ISSUER: undefined }],
  ])("introspection: names %s when it is %j", (variable, change) => {
    expect(loadSettings({ ...INTROSPECTION, ...change })).toMatchObject({ ok: false, variable });
  });

  test.each([
    ["USER_POOL_ID", { USER_POOL_ID: undefined }],
    ["USER_POOL_ID", { USER_POOL_ID: "AbC123" }],
    ["USER_POOL_ID", { USER_POOL_ID: "us-east-1_AbC123/x" }],
    ["ISSUER", { ISSUER: "http://login.example.org" }],
    ["ISSUER", { ISSUER: "not a url" }],
    ["JWKS_URI", { JWKS_URI: "http://127.0.0.1/jwks.json" }],
    ["CLIENT_ID", { CLIENT_ID: undefined }],
    ["CLIENT_ID", { CLIENT_ID: " , " }],
    ["CLIENT_ID", { CLIENT_ID: "client a" }],
    ["USER_ROLE_ARN", { USER_ROLE_ARN: undefined }],
    ["USER_ROLE_ARN", { USER_ROLE_ARN: "arn:aws:iam::123456789012:user/alice" }],
    ["AUTHORIZATION_STRATEGY", { AUTHORIZATION_STRATEGY: "AWS_AUTH" }],
  ])("names %s when it is %j", (variable, change) => {
    expect(loadSettings({ ...BASE, ...change })).toMatchObject({ ok: false, variable });
  });
});

// Logging decides nobody's access: a value it cannot read never denies, it logs at info and says so.
describe("LOG_LEVEL", () => {
  test.each([
    [undefined, "info", false],
    ["", "info", false],
    ["ERROR", "error", false],
    [" Warn ", "warn", false],
    ["WARNING", "warn", false],
    ["TRACE", "debug", false],
    ["FATAL", "error", false],
    ["debug", "debug", false],
    ["verbose", "info", true],
    ["5", "info", true],
  ])("%p logs at %s (unreadable: %p)", (given, level, unreadable) => {
    expect(logLevelOf(given)).toEqual({ level, unreadable });
  });

  test("an unreadable level loads the settings, never a configuration deny", () => {
    expect(loadSettings({ ...BASE, LOG_LEVEL: "verbose" })).toMatchObject({ ok: true, settings: { logLevel: "info", logLevelUnreadable: true } });
  });
});
