/** The parts of API Gateway's HTTP API event (payload format 2.0) the front reads. */
export interface HttpApiEvent {
  readonly routeKey?: string;
  readonly rawPath?: string;
  readonly rawQueryString?: string;
  /** Lower-case names; repeated headers joined with commas. */
  readonly headers?: Readonly<Record<string, string | undefined>>;
  readonly body?: string;
  readonly isBase64Encoded?: boolean;
  readonly requestContext?: { readonly http?: { readonly method?: string } };
}

/** What the front answers: API Gateway's payload format 2.0 response. */
export interface FrontResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The longest query string `/authorize` reads: a SMART request with a long scope list is well under 4 KiB. */
export const MAX_QUERY_BYTES = 8 * 1024;
/** The largest form `/token` forwards: a code, a verifier, a refresh token and a client's credentials. */
export const MAX_BODY_BYTES = 16 * 1024;

/** The route of an event, from API Gateway's route key, else its method and path. */
export function routeOf(event: HttpApiEvent): string {
  if (event.routeKey && event.routeKey !== "$default") return event.routeKey;
  return `${event.requestContext?.http?.method ?? "GET"} ${event.rawPath ?? "/"}`;
}

/** The request body as bytes, or `undefined` when there is none. */
export function bodyOf(event: HttpApiEvent): Buffer | undefined {
  if (event.body === undefined || event.body === "") return undefined;
  return Buffer.from(event.body, event.isBase64Encoded ? "base64" : "utf8");
}

export const header = (event: HttpApiEvent, name: string): string | undefined => event.headers?.[name];

export function json(statusCode: number, body: unknown, headers: Readonly<Record<string, string>> = {}): FrontResponse {
  return { statusCode, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

export function text(statusCode: number, body: string): FrontResponse {
  return { statusCode, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }, body };
}
