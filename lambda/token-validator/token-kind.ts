/**
 * One rule for what kind of token a resource server may accept, the same in every mode: an access
 * token, never an ID token or a refresh token, whichever field says so. Each field is checked when
 * present; one that names anything but an access token refuses the token, whatever the others say.
 *
 * - Cognito's `token_use`: `access`, or `id` for an ID token (required of a Cognito pool's tokens).
 * - The `typ` claim (Keycloak: `Bearer`, `ID`, `Refresh`, `Offline`, `Logout`).
 * - `token_type` (RFC 7662 introspection answers: Okta `access_token`/`refresh_token`, others `Bearer`).
 * - The JWT header's `typ` (RFC 9068 `at+jwt`; most issuers write the generic `JWT`, RFC 7515 allows `JOSE`).
 */

// Lower-cased names of an access token in the payload's `typ` and in `token_type`.
const ACCESS_TOKEN_TYPES = ["bearer", "access_token", "at+jwt", "application/at+jwt", "urn:ietf:params:oauth:token-type:access_token"];
// Lower-cased header `typ` values of an access token: RFC 9068's, and the generic JWT and JWS ones.
const ACCESS_TOKEN_HEADER_TYPES = ["jwt", "application/jwt", "at+jwt", "application/at+jwt", "jose"];

// Case is ignored in ASCII only: no other character may stand in for a letter (U+212A KELVIN SIGN lower-cases to "k").
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
const names = (value: unknown, accepted: readonly string[]) => typeof value === "string" && accepted.includes(asciiLower(value));

/** Whether the claims (a JWT's payload or an introspection answer) say anything but "access token". `tokenUseRequired`: a Cognito pool's. */
export function claimsNameOtherTokenKind(claims: Readonly<Record<string, unknown>>, tokenUseRequired: boolean): boolean {
  const { token_use: tokenUse, typ, token_type: tokenType } = claims;
  if (tokenUseRequired ? tokenUse !== "access" : tokenUse !== undefined && tokenUse !== "access") return true;
  if (typ !== undefined && !names(typ, ACCESS_TOKEN_TYPES)) return true;
  if (tokenType !== undefined && !names(tokenType, ACCESS_TOKEN_TYPES)) return true;
  return false;
}

/** Whether a JWT header's `typ` names anything but an access token (absent: nothing said). */
export function headerNamesOtherTokenKind(header: Readonly<Record<string, unknown>>): boolean {
  return header.typ !== undefined && !names(header.typ, ACCESS_TOKEN_HEADER_TYPES);
}
