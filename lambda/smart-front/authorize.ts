import { SCOPES_THE_FRONT_DELIVERS } from "../../smart/smart-front";
import { type FrontResponse, MAX_QUERY_BYTES, text } from "./http";
import { type FrontSettings, withoutTrailingSlash } from "./settings";

/** Why `/authorize` refused a request, for the log: a fixed word, never the request's values. */
export type AuthorizeRefusal = "query" | "client" | "redirect_uri" | "repeated" | "response_type" | "state" | "launch" | "aud" | "pkce" | "scope";

export interface AuthorizeOutcome {
  readonly response: FrontResponse;
  readonly refused?: AuthorizeRefusal;
}

/**
 * The parameters of Cognito's `/oauth2/authorize` (Cognito developer guide, "Authorize endpoint")
 * the front passes on; `scope` is translated, `aud` checked and dropped. Anything else is not sent:
 * Cognito would not read it.
 */
const FORWARDED = [
  "response_type",
  "client_id",
  "redirect_uri",
  "state",
  "code_challenge",
  "code_challenge_method",
  "nonce",
  "identity_provider",
  "idp_identifier",
  "lang",
  "login_hint",
  "prompt",
] as const;

// RFC 7636: a base64url SHA-256 digest, 43 characters.
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
// RFC 6749 section 3.3: a scope token is printable ASCII without space, `"` and `\`; scopes are separated by single spaces.
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** The scopes to ask Cognito for: SMART's own dropped, `openid` added for `fhirUser` (it lives in the ID token). */
export function cognitoScopes(requested: string): { readonly scope: string } | { readonly error: string } {
  const scopes = [...new Set(requested.split(" ").filter(Boolean))];
  if (!scopes.every((scope) => SCOPE_TOKEN.test(scope))) return { error: "scope holds a character no scope may have" };
  if (scopes.includes("launch")) return { error: "scope launch is an EHR launch, which needs an EHR: use a standalone launch (launch/patient)" };
  const delivered: readonly string[] = SCOPES_THE_FRONT_DELIVERS;
  const kept = scopes.filter((scope) => !delivered.includes(scope));
  if (scopes.includes("fhirUser") && !kept.includes("openid")) kept.unshift("openid");
  if (kept.length === 0) return { error: "no scope Cognito can issue was requested" };
  return { scope: kept.join(" ") };
}

/**
 * SMART's authorization request (App Launch 2.x, standalone): checked, translated for Cognito, and
 * redirected there. Until the client and its redirect URI are known to be registered, a refusal is
 * a plain 400: an error is never sent to a URI nobody registered (no open redirect).
 */
export function authorize(rawQuery: string, settings: FrontSettings): AuthorizeOutcome {
  const refuse = (refused: AuthorizeRefusal, message: string): AuthorizeOutcome => ({ response: text(400, `invalid_request: ${message}\n`), refused });
  if (Buffer.byteLength(rawQuery) > MAX_QUERY_BYTES) return refuse("query", `the query string is longer than ${MAX_QUERY_BYTES} bytes`);
  const params = new URLSearchParams(rawQuery);
  const once = (name: string) => params.getAll(name).length <= 1;
  const clientId = params.get("client_id");
  const redirectUri = params.get("redirect_uri");
  const registered = clientId === null ? undefined : settings.clients.get(clientId);
  if (!once("client_id") || registered === undefined) return refuse("client", "client_id is missing or is not an app client for people of this server");
  if (!once("redirect_uri") || redirectUri === null || !registered.has(redirectUri))
    return refuse("redirect_uri", "redirect_uri is missing or is not a callback URL registered for this client");

  // From here on the app hears of a refusal at its own callback, with its state (RFC 6749 section 4.1.2.1).
  const state = params.get("state");
  const back = (refused: AuthorizeRefusal, error: string, description: string): AuthorizeOutcome => {
    const location = new URL(redirectUri);
    location.searchParams.set("error", error);
    location.searchParams.set("error_description", description);
    if (state !== null && once("state")) location.searchParams.set("state", state);
    return { response: { statusCode: 302, headers: { location: location.href, "cache-control": "no-store" }, body: "" }, refused };
  };
  const repeated = [...new Set(params.keys())].find((name) => !once(name));
  // A fixed description: the app's callback may show it, and a parameter's name is the caller's text.
  if (repeated !== undefined) return back("repeated", "invalid_request", "a parameter appears more than once");
  if (params.get("response_type") !== "code") return back("response_type", "unsupported_response_type", "response_type must be code");
  if (!state) return back("state", "invalid_request", "state is required");
  if (params.has("launch")) return back("launch", "invalid_request", "an EHR launch (launch) needs an EHR: use a standalone launch");
  const aud = params.get("aud");
  if (aud === null || withoutTrailingSlash(aud) !== settings.fhirBaseUrl) return back("aud", "invalid_request", "aud must be this server's FHIR base URL");
  const challenge = params.get("code_challenge");
  if (params.get("code_challenge_method") !== "S256" || challenge === null || !S256_CHALLENGE.test(challenge))
    return back("pkce", "invalid_request", "PKCE is required: code_challenge with code_challenge_method S256");
  const scopes = cognitoScopes(params.get("scope") ?? "");
  if ("error" in scopes) return back("scope", "invalid_scope", scopes.error);

  const cognito = new URL(settings.authorizeUrl);
  for (const name of FORWARDED) {
    const value = params.get(name);
    if (value !== null) cognito.searchParams.set(name, value);
  }
  cognito.searchParams.set("scope", scopes.scope);
  return { response: { statusCode: 302, headers: { location: cognito.href, "cache-control": "no-store" }, body: "" } };
}
