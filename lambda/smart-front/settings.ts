import { SMART_FRONT_ENVIRONMENT as ENV, allowedOrigins, parseClients } from "../../smart/smart-front";

/** What the front knows of its deployment, read once at init from the environment the stack wrote. */
export interface FrontSettings {
  /** Cognito's `/oauth2/authorize`. */
  readonly authorizeUrl: string;
  /** Cognito's `/oauth2/token`. */
  readonly tokenUrl: string;
  /** The FHIR base URL without its trailing slash: what `aud` must name. */
  readonly fhirBaseUrl: string;
  /** Each client for people and its own callback URLs: a code is only ever sent to the client it is for. */
  readonly clients: ReadonlyMap<string, ReadonlySet<string>>;
  /** Browser origins allowed to call the token endpoint. */
  readonly origins: ReadonlySet<string>;
  readonly upstreamTimeoutMs: number;
}

/** The settings, or an error naming the variable: the stack always sets them, so a missing one is a broken deployment. */
export function readSettings(env: Readonly<Record<string, string | undefined>>): FrontSettings {
  const value = (name: string): string => {
    const text = env[name];
    if (text === undefined || text === "") throw new Error(`the SMART front needs the environment variable ${name}`);
    return text;
  };
  const cognito = new URL(value(ENV.cognitoBaseUrl));
  if (cognito.protocol !== "https:") throw new Error(`${ENV.cognitoBaseUrl} must be an https URL`);
  const base = cognito.href.replace(/\/$/, "");
  const clients = parseClients(value(ENV.clients));
  if (clients.some(({ redirectUris }) => redirectUris.length === 0)) throw new Error(`${ENV.clients} must give every client at least one callback URL`);
  const timeout = Number(value(ENV.upstreamTimeoutMs));
  if (!Number.isInteger(timeout) || timeout < 100 || timeout > 29_000)
    throw new Error(`${ENV.upstreamTimeoutMs} must be a whole number of milliseconds, 100 to 29000`);
  return {
    authorizeUrl: `${base}/oauth2/authorize`,
    tokenUrl: `${base}/oauth2/token`,
    fhirBaseUrl: withoutTrailingSlash(value(ENV.fhirBaseUrl)),
    clients: new Map(clients.map(({ id, redirectUris }) => [id, new Set(redirectUris)])),
    origins: new Set(allowedOrigins(clients.flatMap(({ redirectUris }) => redirectUris))),
    upstreamTimeoutMs: timeout,
  };
}

export const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, "");
