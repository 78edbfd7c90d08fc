import { loadSettings } from "../lambda/token-validator/settings";

const BASE = {
  USER_POOL_ID: "us-east-1_AbC123",
  CLIENT_ID: "client-a, client-b",
  USER_ROLE_ARN: "arn:aws:iam::123456789012:role/healthlake-smart",
  AWS_REGION: "us-east-1",
};

describe("loadSettings", () => {
  test("derives issuer and JWKS URI from the pool id", () => {
    expect(loadSettings(BASE)).toEqual({
      ok: true,
      settings: {
        issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123",
        jwksUri: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123/.well-known/jwks.json",
        clientIds: ["client-a", "client-b"],
        roleArn: BASE.USER_ROLE_ARN,
        cognito: true,
        region: "us-east-1",
        strategy: "SMART_ON_FHIR_V1",
        logLevel: "info",
      },
    });
  });

  test("AUTHORIZATION_STRATEGY says which scope versions pass; absent, the stricter SMART_ON_FHIR_V1", () => {
    expect(loadSettings({ ...BASE, AUTHORIZATION_STRATEGY: "SMART_ON_FHIR" })).toMatchObject({ settings: { strategy: "SMART_ON_FHIR" } });
  });

  test("ISSUER and JWKS_URI override the derived values; a non-Cognito issuer needs no pool", () => {
    const result = loadSettings({ ...BASE, USER_POOL_ID: undefined, ISSUER: "https://login.example.org/oauth2", JWKS_URI: "https://keys.example.org/jwks" });
    expect(result).toMatchObject({
      ok: true,
      settings: { issuer: "https://login.example.org/oauth2", jwksUri: "https://keys.example.org/jwks", cognito: false },
    });
    expect(loadSettings({ ...BASE, ISSUER: "https://idp.example.org/" })).toMatchObject({
      settings: { jwksUri: "https://idp.example.org/.well-known/jwks.json" },
    });
  });

  test("an ISSUER in Cognito's global format still requires token_use", () => {
    expect(loadSettings({ ...BASE, ISSUER: "https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123" })).toMatchObject({
      settings: { cognito: true },
    });
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
    ["LOG_LEVEL", { LOG_LEVEL: "verbose" }],
    ["AUTHORIZATION_STRATEGY", { AUTHORIZATION_STRATEGY: "AWS_AUTH" }],
  ])("names %s when it is %j", (variable, change) => {
    expect(loadSettings({ ...BASE, ...change })).toMatchObject({ ok: false, variable });
  });
});
