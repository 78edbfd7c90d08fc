import { corsHeaders } from "./cors";
import { type FrontResponse, type HttpApiEvent, MAX_BODY_BYTES, bodyOf, header, json } from "./http";
import type { FrontSettings } from "./settings";
import { smartTokenResponse } from "./token-response";
import type { PostForm } from "./upstream";

export interface TokenOutcome {
  readonly response: FrontResponse;
  /** Cognito's status, when it answered. */
  readonly upstreamStatus?: number;
  /** How long Cognito took, when it was called. */
  readonly upstreamMs?: number;
  /** Why the front answered itself: a fixed word, never a value of the request. */
  readonly refused?: "content_type" | "header" | "body" | "timeout" | "unreachable" | "too_large";
}

// What may be forwarded as a header value: visible ASCII and spaces, nothing that could end a header.
const HEADER_VALUE = /^[\x20-\x7E]*$/;

// RFC 6749 section 5.1: token responses are never cached.
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

/**
 * SMART's token request, passed to Cognito as it came (the form and the client's authentication
 * untouched), and Cognito's answer with what SMART adds to a successful one. An error passes through
 * with Cognito's status.
 */
export async function token(event: HttpApiEvent, settings: FrontSettings, post: PostForm): Promise<TokenOutcome> {
  const headers = { ...NO_STORE, ...corsHeaders(header(event, "origin"), settings) };
  const contentType = header(event, "content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded"))
    return {
      response: json(400, { error: "invalid_request", error_description: "the body must be application/x-www-form-urlencoded" }, headers),
      refused: "content_type",
    };
  const body = bodyOf(event);
  if (body === undefined || body.byteLength > MAX_BODY_BYTES)
    return {
      response: json(400, { error: "invalid_request", error_description: `the body must hold a form of at most ${MAX_BODY_BYTES} bytes` }, headers),
      refused: "body",
    };

  const authorization = header(event, "authorization");
  if (!HEADER_VALUE.test(contentType) || (authorization !== undefined && !HEADER_VALUE.test(authorization)))
    return { response: json(400, { error: "invalid_request", error_description: "a header holds a character it may not" }, headers), refused: "header" };
  const forwarded: Record<string, string> = { "content-type": contentType };
  if (authorization !== undefined) forwarded.authorization = authorization;
  const called = performance.now();
  const answer = await post(settings.tokenUrl, body, forwarded);
  const upstreamMs = Math.round((performance.now() - called) * 100) / 100;
  if ("failure" in answer) {
    const status = answer.failure === "timeout" ? 504 : 502;
    return {
      response: json(status, { error: "temporarily_unavailable", error_description: "the authorization server did not answer; try again" }, headers),
      refused: answer.failure,
      upstreamMs,
    };
  }
  const passThrough: TokenOutcome = {
    response: { statusCode: answer.status, headers: { "content-type": answer.contentType, ...headers }, body: answer.body },
    upstreamStatus: answer.status,
    upstreamMs,
  };
  if (answer.status !== 200) return passThrough;
  let cognito: unknown;
  try {
    cognito = JSON.parse(answer.body);
  } catch {
    return passThrough;
  }
  if (cognito === null || typeof cognito !== "object" || Array.isArray(cognito)) return passThrough;
  const grantType = new URLSearchParams(body.toString("utf8")).get("grant_type") ?? undefined;
  return { response: json(200, smartTokenResponse(cognito as Record<string, unknown>, grantType), headers), upstreamStatus: 200, upstreamMs };
}
