import { cognitoUrls } from "../stacks/cognito-urls";
import { COGNITO_ACCESS_TOKEN_CLAIMS, buildSmartMetadata, smartCapabilities } from "../stacks/smart-metadata";

describe("cognitoUrls", () => {
  test("issuer and JWKS come from the pool, OAuth endpoints from the hosted UI domain", () => {
    expect(cognitoUrls("smart", "eu-west-2", "eu-west-2_AbC")).toEqual({
      hostedUi: "https://smart.auth.eu-west-2.amazoncognito.com",
      authorize: "https://smart.auth.eu-west-2.amazoncognito.com/oauth2/authorize",
      token: "https://smart.auth.eu-west-2.amazoncognito.com/oauth2/token",
      userInfo: "https://smart.auth.eu-west-2.amazoncognito.com/oauth2/userInfo",
      revoke: "https://smart.auth.eu-west-2.amazoncognito.com/oauth2/revoke",
      issuer: "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbC",
      jwks: "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbC/.well-known/jwks.json",
    });
  });
});

// Cognito's clients, as SmartOnFhir passes them: every one has a secret.
const SECRETS = ["client_secret_basic", "client_secret_post"];
const NO_CLAIMS = { patientClaim: false, fhirUserClaim: false, clientAuthMethods: SECRETS };
const BOTH_CLAIMS = { patientClaim: true, fhirUserClaim: true, clientAuthMethods: SECRETS };
const PEOPLE_SCOPES = ["openid", "launch/patient", "patient/*.read", "user/*.read"];

describe("smartCapabilities: discovery says only what the deployment delivers", () => {
  test.each([
    ["machine, v1 scopes", ["client_credentials"], ["system/*.*"], "SMART_ON_FHIR_V1", NO_CLAIMS, ["client-confidential-symmetric", "permission-v1"]],
    [
      "machine, v2 scopes under SMART_ON_FHIR",
      ["client_credentials"],
      ["system/*.rs"],
      "SMART_ON_FHIR",
      NO_CLAIMS,
      ["client-confidential-symmetric", "permission-v2"],
    ],
    [
      "SMART_ON_FHIR with v1 scopes only: no permission-v2",
      ["client_credentials"],
      ["system/*.*"],
      "SMART_ON_FHIR",
      NO_CLAIMS,
      ["client-confidential-symmetric", "permission-v1"],
    ],
    [
      "v2 scopes under SMART_ON_FHIR_V1: HealthLake honours none of them",
      ["client_credentials"],
      ["system/*.*", "system/*.rs"],
      "SMART_ON_FHIR_V1",
      NO_CLAIMS,
      ["client-confidential-symmetric", "permission-v1"],
    ],
    [
      "a v2.2 filter adds permission-v2.2",
      ["client_credentials"],
      ["system/*.rs", "system/Observation.rs?category=laboratory"],
      "SMART_ON_FHIR",
      NO_CLAIMS,
      ["client-confidential-symmetric", "permission-v2", "permission-v2.2"],
    ],
    [
      "people without identity claims: standalone launch only",
      ["code"],
      PEOPLE_SCOPES,
      "SMART_ON_FHIR_V1",
      NO_CLAIMS,
      ["client-confidential-symmetric", "permission-v1", "launch-standalone"],
    ],
    [
      "people with patient and fhirUser claims",
      ["code"],
      PEOPLE_SCOPES,
      "SMART_ON_FHIR_V1",
      BOTH_CLAIMS,
      [
        "client-confidential-symmetric",
        "permission-v1",
        "launch-standalone",
        "context-standalone-patient",
        "permission-patient",
        "permission-user",
        "sso-openid-connect",
      ],
    ],
    [
      "a patient claim without launch/patient: no standalone patient context",
      ["code"],
      ["openid", "patient/*.read"],
      "SMART_ON_FHIR_V1",
      { patientClaim: true, fhirUserClaim: false, clientAuthMethods: SECRETS },
      ["client-confidential-symmetric", "permission-v1", "launch-standalone", "permission-patient"],
    ],
    [
      "people with claims through Cognito's own endpoints (no SMART front): no launch, no patient context, no OpenID for SMART",
      ["code"],
      PEOPLE_SCOPES,
      "SMART_ON_FHIR_V1",
      { ...BOTH_CLAIMS, smartLaunch: false },
      ["client-confidential-symmetric", "permission-v1", "permission-patient", "permission-user"],
    ],
    [
      "people with claims, through the front, with a public client",
      ["code"],
      PEOPLE_SCOPES,
      "SMART_ON_FHIR_V1",
      { ...BOTH_CLAIMS, clientAuthMethods: [...SECRETS, "none"], publicClients: true },
      [
        "client-confidential-symmetric",
        "permission-v1",
        "launch-standalone",
        "client-public",
        "context-standalone-patient",
        "permission-patient",
        "permission-user",
        "sso-openid-connect",
      ],
    ],
    [
      "a public client without a launch to use it in: no client-public",
      ["code"],
      PEOPLE_SCOPES,
      "SMART_ON_FHIR_V1",
      { ...NO_CLAIMS, smartLaunch: false, publicClients: true },
      ["client-confidential-symmetric", "permission-v1"],
    ],
    [
      "claims without the code flow change nothing",
      ["client_credentials"],
      ["system/*.*"],
      "SMART_ON_FHIR_V1",
      BOTH_CLAIMS,
      ["client-confidential-symmetric", "permission-v1"],
    ],
  ] as const)("%s", (_name, oauthFlows, scopes, authorizationStrategy, claims, expected) => {
    expect(smartCapabilities({ oauthFlows, scopes, authorizationStrategy, ...claims })).toEqual(expected);
  });

  test("never claims EHR launch, nor a public client unless there is one: Cognito cannot issue a bare `launch` scope", () => {
    const all = smartCapabilities({
      oauthFlows: ["code", "client_credentials"],
      scopes: PEOPLE_SCOPES,
      authorizationStrategy: "SMART_ON_FHIR",
      ...BOTH_CLAIMS,
    });
    expect(all).not.toContain("launch-ehr");
    expect(all).not.toContain("client-public");
  });
});

describe("buildSmartMetadata", () => {
  const urls = cognitoUrls("p", "us-east-1", "us-east-1_X");
  const input = {
    urls,
    scopes: ["system/*.*"],
    authorizationStrategy: "SMART_ON_FHIR_V1",
    tokenClaims: COGNITO_ACCESS_TOKEN_CLAIMS,
    responseModes: ["query"],
    ...NO_CLAIMS,
  } as const;

  test("machines only: no authorize-side fields besides the endpoint HealthLake requires", () => {
    expect(buildSmartMetadata({ ...input, oauthFlows: ["client_credentials"] })).toEqual({
      issuer: urls.issuer,
      jwks_uri: urls.jwks,
      authorization_endpoint: urls.authorize,
      token_endpoint: urls.token,
      revocation_endpoint: urls.revoke,
      grant_types_supported: ["client_credentials"],
      scopes_supported: ["system/*.*"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      revocation_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      claims_supported: [
        "sub",
        "iss",
        "client_id",
        "origin_jti",
        "event_id",
        "token_use",
        "scope",
        "auth_time",
        "exp",
        "iat",
        "jti",
        "username",
        "version",
        "cognito:groups",
      ],
      code_challenge_methods_supported: ["S256"],
      capabilities: ["client-confidential-symmetric", "permission-v1"],
    });
  });

  test("with people, issuer and jwks_uri exactly when sso-openid-connect is (SMART: otherwise omitted)", () => {
    const people = { ...input, ...BOTH_CLAIMS, scopes: PEOPLE_SCOPES, oauthFlows: ["code"] } as const;
    expect(buildSmartMetadata(people)).toMatchObject({ issuer: urls.issuer, jwks_uri: urls.jwks });
    expect((buildSmartMetadata(people).capabilities as string[]).includes("sso-openid-connect")).toBe(true);
    const withoutOpenId = buildSmartMetadata({ ...people, smartLaunch: false });
    expect(withoutOpenId).not.toHaveProperty("issuer");
    expect(withoutOpenId).not.toHaveProperty("jwks_uri");
  });

  test("through the front: its scopes advertised, refresh_token among the grants when asked, once each", () => {
    const metadata = buildSmartMetadata({
      ...input,
      oauthFlows: ["code", "client_credentials"],
      scopes: ["openid", "fhirUser"],
      extraScopes: ["fhirUser", "offline_access"],
      refreshTokens: true,
    });
    expect(metadata.scopes_supported).toEqual(["openid", "fhirUser", "offline_access"]);
    expect(metadata.grant_types_supported).toEqual(["authorization_code", "refresh_token", "client_credentials"]);
  });

  test("with people: userinfo, code responses in the query string only (Cognito has no fragment or form_post)", () => {
    const metadata = buildSmartMetadata({ ...input, oauthFlows: ["code", "client_credentials"] });
    expect(metadata).toMatchObject({
      userinfo_endpoint: urls.userInfo,
      response_types_supported: ["code"],
      response_modes_supported: ["query"],
      subject_types_supported: ["public"],
      grant_types_supported: ["authorization_code", "client_credentials"],
    });
  });

  test("lists fhirUser and patient among the claims only when tokens carry them", () => {
    const claims = (extra: object) => buildSmartMetadata({ ...input, oauthFlows: ["code"], ...extra }).claims_supported as string[];
    const cognito = [
      "sub",
      "iss",
      "client_id",
      "origin_jti",
      "event_id",
      "token_use",
      "scope",
      "auth_time",
      "exp",
      "iat",
      "jti",
      "username",
      "version",
      "cognito:groups",
    ];
    expect(claims(NO_CLAIMS)).toEqual(cognito);
    expect(claims(BOTH_CLAIMS)).toEqual([...cognito, "fhirUser", "patient"]);
  });

  test("an external server: only the endpoints it has, no client authentication or claims it did not declare", () => {
    const external = {
      urls: { issuer: "https://idp.example.org", authorize: "https://idp.example.org/authorize", token: "https://idp.example.org/token" },
      scopes: ["system/*.read"],
      authorizationStrategy: "SMART_ON_FHIR_V1",
      oauthFlows: ["client_credentials"],
      patientClaim: false,
      fhirUserClaim: false,
    } as const;
    expect(buildSmartMetadata(external)).toEqual({
      issuer: "https://idp.example.org",
      authorization_endpoint: "https://idp.example.org/authorize",
      token_endpoint: "https://idp.example.org/token",
      grant_types_supported: ["client_credentials"],
      scopes_supported: ["system/*.read"],
      code_challenge_methods_supported: ["S256"],
      capabilities: ["permission-v1"],
    });
  });

  test("issuer is the token issuer, not the hosted UI", () => {
    const metadata = buildSmartMetadata({ ...input, oauthFlows: ["client_credentials"] });
    expect(metadata.issuer).toBe("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_X");
  });
});
