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
  /**
   * The app clients people sign in with, each with its own callback URLs (`clientsEnvironment`): the only
   * clients the front sends to Cognito, and the only places it sends a browser back to.
   */
  clients: "CLIENTS",
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

/** An app client for people and the callback URLs registered for it. */
export interface FrontClient {
  readonly id: string;
  readonly redirectUris: readonly string[];
}

/**
 * `CLIENTS`: one client per line, its id then its callback URLs, separated by spaces (neither an id nor
 * a URL holds a space or a line break). Values may be Terraform references: the text is only joined.
 */
export const clientsEnvironment = (clients: readonly FrontClient[]): string =>
  clients.map(({ id, redirectUris }) => [id, ...redirectUris].join(" ")).join("\n");

/** The clients `clientsEnvironment` wrote. */
export function parseClients(text: string): FrontClient[] {
  return text
    .split("\n")
    .map((line) => line.split(" ").filter(Boolean))
    .filter((words) => words.length > 0)
    .map(([id, ...redirectUris]) => ({ id, redirectUris }));
}

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
