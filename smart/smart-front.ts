/**
 * The SMART front for Cognito: the contract between the stack (stacks/constructs/smart-front.ts),
 * which writes the function's environment, and the function (lambda/smart-front/), which reads it.
 */

/** The function's environment variables. */
export const SMART_FRONT_ENVIRONMENT = {
  /** Cognito's hosted UI, `https://<prefix>.auth.<region>.amazoncognito.com`: `/oauth2/authorize` and `/oauth2/token` below it. */
  cognitoBaseUrl: "COGNITO_BASE_URL",
  /** The datastore's FHIR base URL: the `aud` a SMART app must send. */
  fhirBaseUrl: "FHIR_BASE_URL",
  /** The app clients people sign in with, comma-separated: the only ones the front sends to Cognito. */
  clientIds: "CLIENT_IDS",
  /** Their registered callback URLs, space-separated (a URL has no space): the only places an error is sent back to. */
  redirectUris: "REDIRECT_URIS",
  /** How long the token endpoint waits for Cognito, in milliseconds. */
  upstreamTimeoutMs: "UPSTREAM_TIMEOUT_MS",
} as const;

/** The front's routes, below the API's base URL; discovery advertises the first two. */
export const SMART_FRONT_ROUTES = {
  authorize: "GET /authorize",
  token: "POST /token",
  /** A browser's CORS preflight before it posts to the token endpoint. */
  tokenPreflight: "OPTIONS /token",
} as const;

/** The path of a route key (`"GET /authorize"` → `/authorize`). */
export const routePath = (routeKey: string): string => routeKey.slice(routeKey.indexOf(" ") + 1);

/**
 * SMART scopes Cognito cannot hold (a Cognito custom scope is always `<resource server>/<name>`):
 * the front drops them from the authorization request and delivers them otherwise. `fhirUser` is the
 * ID token's claim (so the front asks for `openid`); `offline_access` and `online_access` are Cognito's
 * refresh token, issued on every authorization code grant.
 */
export const SCOPES_THE_FRONT_DELIVERS = ["fhirUser", "offline_access", "online_access"] as const;

/** What the front adds to Cognito's discovery: the scopes above that discovery may advertise. */
export const SCOPES_THE_FRONT_ADVERTISES = ["fhirUser", "offline_access"] as const;

/**
 * The origins a browser app may call the token endpoint from: those of the registered callback URLs,
 * each exactly (scheme, host and port), never a wildcard.
 */
export function allowedOrigins(redirectUris: readonly string[]): string[] {
  const origins = redirectUris.flatMap((uri) => {
    try {
      const { origin } = new URL(uri);
      return origin === "null" ? [] : [origin];
    } catch {
      return [];
    }
  });
  return [...new Set(origins)];
}
