import { claimsNameOtherTokenKind, headerNamesOtherTokenKind } from "../lambda/token-validator/token-kind";

// What each authorization server puts in the fields that say a token's kind (docs/authorization-servers.md,
// "Token kinds"): a header `typ`, and in the payload `token_use`, `typ` or (introspection) `token_type`.
// Where an issuer's ID token says nothing of its kind, its audience (the client, not the API) refuses it.
const KINDS = [
  // issuer, token, header, claims, refused
  ["cognito", "access token", {}, { token_use: "access" }, false],
  ["cognito", "ID token", {}, { token_use: "id" }, true],
  ["cognito", "a token without token_use", {}, {}, true],
  ["okta", "access token", { typ: "JWT" }, {}, false],
  ["okta", "introspected access token", {}, { token_type: "Bearer" }, false],
  ["okta", "introspected refresh token", {}, { token_type: "refresh_token" }, true],
  ["entra-id", "access token", { typ: "JWT" }, {}, false],
  ["auth0", "access token (RFC 9068 profile)", { typ: "at+jwt" }, {}, false],
  ["auth0", "access token (Auth0 profile)", { typ: "JWT" }, {}, false],
  ["keycloak", "access token", { typ: "JWT" }, { typ: "Bearer" }, false],
  ["keycloak", "ID token", { typ: "JWT" }, { typ: "ID" }, true],
  ["keycloak", "refresh token", { typ: "JWT" }, { typ: "Refresh" }, true],
  ["keycloak", "offline token", { typ: "JWT" }, { typ: "Offline" }, true],
  ["keycloak", "introspected access token", {}, { typ: "Bearer", token_type: "Bearer" }, false],
  ["keycloak", "introspected refresh token behind token_type Bearer", {}, { typ: "Refresh", token_type: "Bearer" }, true],
  ["any", "a header naming an ID token", { typ: "id+jwt" }, {}, true],
  ["any", "a logout token (RFC 8417 profile)", { typ: "logout+jwt" }, {}, true],
  ["any", "a typ that is not a string", {}, { typ: ["Bearer"] }, true],
  ["any", "token_type in another case", {}, { token_type: "BEARER" }, false],
  ["any", "the RFC 8693 access token type", {}, { token_type: "urn:ietf:params:oauth:token-type:access_token" }, false],
  ["any", "a JWS header type (RFC 7515 JOSE)", { typ: "JOSE" }, {}, false],
  ["any", "a KELVIN SIGN standing in for k", {}, { token_type: "access_to\u212Aen" }, true],
] as const;

test.each(KINDS)("%s, %s: refused %p", (issuer, _token, header, claims, refused) => {
  const cognito = issuer === "cognito";
  expect(headerNamesOtherTokenKind(header) || claimsNameOtherTokenKind(claims, cognito)).toBe(refused);
});

test("every kind field is checked: one that names another kind refuses the token whatever the others say", () => {
  expect(claimsNameOtherTokenKind({ token_use: "access", typ: "ID" }, true)).toBe(true);
  expect(claimsNameOtherTokenKind({ token_type: "Bearer", typ: "Refresh" }, false)).toBe(true);
  expect(claimsNameOtherTokenKind({ typ: "Bearer", token_type: "refresh_token" }, false)).toBe(true);
});
