import { authPayload, checkClaims, checkHeader } from "../lambda/src/claims";
import { DenyError } from "../lambda/src/deny";
import { LIMITS } from "../lambda/src/limits";

const NOW = 1_800_000_000;
const ENDPOINT = "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";
const RULES = { clientIds: ["client-a", "client-b"], requireTokenUse: true };
const VALID = {
  iss: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool",
  sub: "7c1d", client_id: "client-a", token_use: "access",
  iat: NOW - 60, exp: NOW + 3540, scope: "launch/patient system/*.read",
};

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
    return "allowed";
  } catch (err) {
    return err instanceof DenyError ? err.reason : `threw ${String(err)}`;
  }
};

describe("checkClaims", () => {
  test.each([
    ["a valid Cognito access token", {}, "allowed"],
    ["exp missing", { exp: undefined }, "time"],
    ["exp now", { exp: NOW }, "time"],
    ["exp a second ago", { exp: NOW - 1 }, "time"],
    ["iat missing", { iat: undefined }, "time"],
    ["iat within the clock skew", { iat: NOW + LIMITS.clockSkewSeconds }, "allowed"],
    ["iat beyond the clock skew", { iat: NOW + LIMITS.clockSkewSeconds + 1, exp: NOW + 600 }, "time"],
    ["nbf beyond the clock skew", { nbf: NOW + LIMITS.clockSkewSeconds + 1 }, "time"],
    ["nbf not a number", { nbf: "0" }, "time"],
    ["lifetime exactly one day", { iat: NOW - 10, exp: NOW - 10 + 86_400 }, "allowed"],
    ["lifetime one day and a second", { iat: NOW - 10, exp: NOW - 9 + 86_400 }, "time"],
    ["exp in the year 3000", { exp: 32_503_680_000 }, "time"],
    ["an ID token", { token_use: "id", aud: "client-a" }, "claims"],
    ["token_use missing", { token_use: undefined }, "claims"],
    ["another app client", { client_id: "client-z" }, "claims"],
    ["client_id as an array", { client_id: ["client-a"] }, "claims"],
    ["client_id missing, aud naming the client", { client_id: undefined, aud: "client-a" }, "claims"],
    ["aud bound to this datastore", { aud: ENDPOINT }, "allowed"],
    ["aud bound to another datastore", { aud: ENDPOINT.replace("0123", "ffff") }, "claims"],
    ["sub missing", { sub: undefined }, "claims"],
    ["fhirUser a Practitioner URL", { fhirUser: "https://ehr.example.org/fhir/Practitioner/p-1" }, "allowed"],
    ["fhirUser relative", { fhirUser: "Patient/123" }, "allowed"],
    ["fhirUser an Organization", { fhirUser: "Organization/1" }, "claims"],
    ["fhirUser over http", { fhirUser: "http://ehr.example.org/Patient/1" }, "claims"],
    ["patient a FHIR id", { patient: "abc-123.4" }, "allowed"],
    ["patient with a slash", { patient: "Patient/1" }, "claims"],
    ["scope missing", { scope: undefined }, "scope"],
    ["only launch and identity scopes", { scope: "launch/patient openid" }, "scope"],
    ["only malformed scopes", { scope: "System/Patient.Read patient/*.readx" }, "scope"],
  ])("%s: %s", (_name, change, expected) => {
    expect(reasonOf(() => checkClaims({ ...VALID, ...change }, ENDPOINT, RULES, NOW))).toBe(expected);
  });

  test("token_use may be absent for an issuer that is not Cognito, but never be anything but access", () => {
    const rules = { ...RULES, requireTokenUse: false };
    expect(reasonOf(() => checkClaims({ ...VALID, token_use: undefined }, ENDPOINT, rules, NOW))).toBe("allowed");
    expect(reasonOf(() => checkClaims({ ...VALID, token_use: "id" }, ENDPOINT, rules, NOW))).toBe("claims");
  });
});

describe("authPayload", () => {
  test("maps a token to what HealthLake reads: boolean isAuthorized, aud = endpoint, nbf = iat without nbf", () => {
    const claims = checkClaims({ ...VALID, scope: "openid junk patient/*.read", fhirUser: "Patient/9", patient: "9" }, ENDPOINT, RULES, NOW);
    expect(authPayload(claims, ENDPOINT)).toEqual({
      iss: VALID.iss, aud: ENDPOINT, iat: VALID.iat, nbf: VALID.iat, exp: VALID.exp,
      isAuthorized: true, scope: "patient/*.read openid", sub: "7c1d", fhirUser: "Patient/9", patient: "9",
    });
  });

  test("nbf is the token's own when it has one; no identity claims unless the token carries them", () => {
    const payload = authPayload(checkClaims({ ...VALID, nbf: NOW - 30 }, ENDPOINT, RULES, NOW), ENDPOINT);
    expect(payload.nbf).toBe(NOW - 30);
    expect(payload).not.toHaveProperty("fhirUser");
    expect(payload).not.toHaveProperty("patient");
  });
});

describe("checkHeader", () => {
  test.each([
    [{ alg: "RS256", kid: "k" }, "allowed"],
    [{ alg: "RS512", kid: "k" }, "signature"],
    [{ alg: "RS256", kid: "k", crit: ["exp"] }, "signature"],
    [{ alg: "RS256", kid: "k", cty: "JWT" }, "signature"],
    [{ alg: "RS256", kid: "k", b64: false }, "signature"],
  ])("%j: %s", (header, expected) => {
    expect(reasonOf(() => checkHeader(header))).toBe(expected);
  });
});
