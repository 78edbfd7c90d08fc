import { type TokenPolicy, authPayload, checkClaims } from "../lambda/token-validator/claims";
import { DenyError } from "../lambda/token-validator/deny";
import { LIMITS } from "../lambda/token-validator/limits";
import { peekToken, precheckToken } from "../lambda/token-validator/unverified-token";
import { b64url } from "../testing/jwt";

const NOW = 1_800_000_000;
const ENDPOINT = "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";
// Cognito's policy (settings.ts): client_id, scope, no audience required, token_use required, one day.
const RULES: TokenPolicy = {
  clientIds: ["client-a", "client-b"],
  clientClaim: "client_id",
  scopeClaims: ["scope"],
  audienceRequired: false,
  requireTokenUse: true,
  maxLifetimeSeconds: LIMITS.maxTokenLifetimeSeconds,
  strategy: "SMART_ON_FHIR_V1",
};
const VALID = {
  iss: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool",
  sub: "7c1d",
  client_id: "client-a",
  token_use: "access",
  iat: NOW - 60,
  exp: NOW + 3540,
  scope: "launch/patient system/*.read",
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
    // a validity window that exists
    ["exp equal to iat", { iat: NOW - 60, exp: NOW - 60 }, "time"],
    ["exp before iat", { iat: NOW + 3, exp: NOW + 2 }, "time"],
    ["nbf at exp", { nbf: NOW + 3540 }, "time"],
    ["nbf after exp", { nbf: NOW + 4000 }, "time"],
    ["nbf before exp", { nbf: NOW - 60 }, "allowed"],
    // fhirUser pinned to this datastore, without dot segments
    ["fhirUser relative", { fhirUser: "Practitioner/456", scope: "user/*.read" }, "allowed"],
    ["fhirUser under this datastore's FHIR base URL", { fhirUser: `${ENDPOINT}Practitioner/p-1`, scope: "user/*.read" }, "allowed"],
    ["fhirUser on another host", { fhirUser: "https://ehr.example.org/fhir/Practitioner/p-1" }, "claims"],
    ["fhirUser under another datastore", { fhirUser: `${ENDPOINT.replace("0123", "ffff")}Practitioner/p-1` }, "claims"],
    ["fhirUser with dot segments", { fhirUser: "https://x/a/../Practitioner/1" }, "claims"],
    ["fhirUser climbing out of this datastore", { fhirUser: `${ENDPOINT}../Practitioner/1` }, "claims"],
    ["fhirUser whose id is a dot segment", { fhirUser: "Practitioner/.." }, "claims"],
    ["fhirUser with a query", { fhirUser: "Practitioner/1?x=y" }, "claims"],
    ["fhirUser an Organization", { fhirUser: "Organization/1" }, "claims"],
    // only the types HealthLake's fine-grained authorization documents
    ["fhirUser a Person", { fhirUser: "Person/1" }, "claims"],
    ["fhirUser a RelatedPerson", { fhirUser: "RelatedPerson/r-1", scope: "user/*.read" }, "allowed"],
    ["fhirUser nested under a relative path", { fhirUser: "Patient/Patient/1" }, "claims"],
    ["fhirUser over http", { fhirUser: "http://ehr.example.org/Patient/1" }, "claims"],
    ["fhirUser not a string", { fhirUser: ["Patient/1"] }, "claims"],
    ["patient a FHIR id", { patient: "abc-123.4", scope: "patient/*.read" }, "allowed"],
    ["patient a dot segment", { patient: ".." }, "claims"],
    ["patient with a slash", { patient: "Patient/1" }, "claims"],
    // no patient or user scope without its bound; no system scope with a person
    ["patient scope without a patient", { scope: "patient/*.read" }, "scope"],
    ["patient scope with a Patient fhirUser", { scope: "patient/*.read", fhirUser: "Patient/9" }, "allowed"],
    ["patient scope with a Practitioner fhirUser only", { scope: "patient/*.read", fhirUser: "Practitioner/9" }, "scope"],
    ["user scope without fhirUser", { scope: "user/*.read", patient: "9" }, "scope"],
    ["system scope with a patient in context", { scope: "system/*.read patient/*.read", patient: "9" }, "scope"],
    ["system scope with a fhirUser", { scope: "system/*.read", fhirUser: "Practitioner/1" }, "scope"],
    // v2 scopes under SMART_ON_FHIR_V1 are dropped
    ["only v2 scopes under SMART_ON_FHIR_V1", { scope: "system/*.rs" }, "scope"],
    ["scope missing", { scope: undefined }, "scope"],
    ["only launch and identity scopes", { scope: "launch/patient openid" }, "scope"],
    ["only malformed scopes", { scope: "System/Patient.Read patient/*.readx" }, "scope"],
  ])("%s: %s", (_name, change, expected) => {
    expect(reasonOf(() => checkClaims({ ...VALID, ...change }, ENDPOINT, RULES, NOW))).toBe(expected);
  });

  test("under SMART_ON_FHIR, v2 scopes pass", () => {
    const claims = checkClaims({ ...VALID, scope: "system/*.rs system/*.read" }, ENDPOINT, { ...RULES, strategy: "SMART_ON_FHIR" }, NOW);
    expect(claims.scopes.clinical).toEqual(["system/*.rs", "system/*.read"]);
    expect(checkClaims({ ...VALID, scope: "system/*.rs system/*.read" }, ENDPOINT, RULES, NOW).scopes.clinical).toEqual(["system/*.read"]);
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
      iss: VALID.iss,
      aud: ENDPOINT,
      iat: VALID.iat,
      nbf: VALID.iat,
      exp: VALID.exp,
      isAuthorized: true,
      scope: "patient/*.read openid",
      sub: "7c1d",
      fhirUser: "Patient/9",
      patient: "9",
    });
  });

  test("nbf is the token's own when it has one; no identity claims unless the token carries them", () => {
    const payload = authPayload(checkClaims({ ...VALID, nbf: NOW - 30 }, ENDPOINT, RULES, NOW), ENDPOINT);
    expect(payload.nbf).toBe(NOW - 30);
    expect(payload).not.toHaveProperty("fhirUser");
    expect(payload).not.toHaveProperty("patient");
  });
});

describe("precheckToken: what is refused before any key is touched", () => {
  const ISSUER = VALID.iss;
  const token = (header: object, payload: object) => peekToken(`${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.c2ln`);
  test.each([
    ["the configured issuer, RS256, a kid", { alg: "RS256", kid: "k" }, { iss: ISSUER }, "allowed"],
    ["another issuer", { alg: "RS256", kid: "k" }, { iss: `${ISSUER}x` }, "issuer"],
    ["no issuer", { alg: "RS256", kid: "k" }, {}, "issuer"],
    ["RS512", { alg: "RS512", kid: "k" }, { iss: ISSUER }, "signature"],
    ["alg as an array", { alg: ["RS256"], kid: "k" }, { iss: ISSUER }, "malformed"],
    ["crit", { alg: "RS256", kid: "k", crit: ["exp"] }, { iss: ISSUER }, "signature"],
    ["cty", { alg: "RS256", kid: "k", cty: "JWT" }, { iss: ISSUER }, "signature"],
    ["b64", { alg: "RS256", kid: "k", b64: false }, { iss: ISSUER }, "signature"],
    ["no kid", { alg: "RS256" }, { iss: ISSUER }, "signature"],
    ["a kid of 129 characters", { alg: "RS256", kid: "k".repeat(129) }, { iss: ISSUER }, "malformed"],
    ["a kid with a control character", { alg: "RS256", kid: "k\u0001" }, { iss: ISSUER }, "malformed"],
    ["a kid that is a number", { alg: "RS256", kid: 7 }, { iss: ISSUER }, "malformed"],
  ])("%s: %s", (_name, header, payload, expected) => {
    expect(reasonOf(() => precheckToken(token(header, payload), { issuer: ISSUER, algorithms: ["RS256"] }))).toBe(expected);
  });

  test.each([
    ["a header that is not JSON", `${b64url("{alg")}.${b64url("{}")}.c2ln`],
    ["a payload that is a JSON array", `${b64url("{}")}.${b64url("[1]")}.c2ln`],
    ["a payload that is null", `${b64url("{}")}.${b64url("null")}.c2ln`],
  ])("peekToken refuses %s as malformed", (_name, raw) => {
    expect(reasonOf(() => peekToken(raw))).toBe("malformed");
  });
});
