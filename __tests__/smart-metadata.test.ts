import { cognitoUrls } from "../stacks/cognito-urls";
import { buildSmartMetadata, smartCapabilities } from "../stacks/smart-metadata";

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

describe("smartCapabilities", () => {
  test.each([
    ["client credentials, v1", ["client_credentials"], ["system/*.*"], "SMART_ON_FHIR_V1",
      ["client-confidential-symmetric", "permission-v1"]],
    ["client credentials, v2", ["client_credentials"], ["system/*.rs"], "SMART_ON_FHIR",
      ["client-confidential-symmetric", "permission-v1", "permission-v2"]],
    ["code with patient launch and openid", ["code"], ["openid", "launch/patient", "patient/*.read"], "SMART_ON_FHIR_V1",
      ["client-confidential-symmetric", "permission-v1", "launch-standalone", "context-standalone-patient", "sso-openid-connect", "permission-patient"]],
    ["code with user scopes only", ["code"], ["user/*.read"], "SMART_ON_FHIR_V1",
      ["client-confidential-symmetric", "permission-v1", "launch-standalone", "permission-user"]],
  ] as const)("%s", (_name, oauthFlows, scopes, authorizationStrategy, expected) => {
    expect(smartCapabilities({ oauthFlows, scopes, authorizationStrategy })).toEqual(expected);
  });

  test("never claims EHR launch or a public client: Cognito cannot issue a bare `launch` scope and the client has a secret", () => {
    const all = smartCapabilities({ oauthFlows: ["code", "client_credentials"], scopes: ["openid", "launch/patient"], authorizationStrategy: "SMART_ON_FHIR" });
    expect(all).not.toContain("launch-ehr");
    expect(all).not.toContain("client-public");
  });
});

describe("buildSmartMetadata", () => {
  const urls = cognitoUrls("p", "us-east-1", "us-east-1_X");

  test("grant types follow the client's flows, in HealthLake's spelling", () => {
    const both = buildSmartMetadata({ urls, oauthFlows: ["code", "client_credentials"], scopes: [], authorizationStrategy: "SMART_ON_FHIR_V1" });
    expect(both.grant_types_supported).toEqual(["authorization_code", "client_credentials"]);
  });

  test("issuer is the token issuer, not the hosted UI", () => {
    const metadata = buildSmartMetadata({ urls, oauthFlows: ["client_credentials"], scopes: [], authorizationStrategy: "SMART_ON_FHIR_V1" });
    expect(metadata.issuer).toBe("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_X");
    expect(metadata.code_challenge_methods_supported).toEqual(["S256"]);
  });
});
