import { createHash } from "node:crypto";
import { safeJsonParse } from "aws-jwt-verify/safe-json-parse";
import type { ClientSecret } from "./client-secret";
import { DenyError } from "./deny";
import type { FhirRequest } from "./event";
import { type HttpsRequestOptions, httpsRequest } from "./https-client";
import type { IntrospectionCache } from "./introspection-cache";
import type { TokenAuthenticator, TokenClaims } from "./verifier";

export interface IntrospectionSettings {
  readonly endpoint: string;
  /** This validator's client id at the endpoint. */
  readonly clientId: string;
  /** The issuer whose tokens the endpoint answers for: an answer naming another `iss` is refused. */
  readonly issuer: string;
  /** The claim holding the token's client id: a token without `sub` is its client's (client credentials). */
  readonly clientClaim: string;
}

export type IntrospectionRequestOptions = Pick<HttpsRequestOptions, "timeoutMs" | "freezeLatenessMs" | "maxBytes" | "tls">;

/**
 * Vouches for tokens by asking their issuer (RFC 7662): opaque tokens, or JWTs the issuer alone can
 * revoke. An answer is reused until the token's `exp` at the latest, concurrent requests for one
 * token share one call, and the request itself carries the token only in the POST body.
 */
export class IntrospectionAuthenticator implements TokenAuthenticator {
  private readonly inFlight = new Map<string, Promise<TokenClaims>>();

  constructor(
    private readonly settings: IntrospectionSettings,
    private readonly secret: ClientSecret,
    private readonly cache: IntrospectionCache,
    private readonly request: IntrospectionRequestOptions,
  ) {}

  claimsOf({ token }: FhirRequest): TokenClaims | Promise<TokenClaims> {
    const key = createHash("sha256").update(token).digest("base64url");
    const cached = this.cache.get(key);
    if (cached?.active) return cached.claims;
    if (cached) throw new DenyError("inactive");
    // The secret first: a request waits on the one shared read, bounded by its deadline, and nothing is
    // registered for its token until the call that could take long is about to be made.
    const secret = this.secret.value();
    if (typeof secret !== "string")
      return secret.then(
        (value) => this.introspectOnce(token, key, value),
        () => {
          throw new DenyError("introspection_unavailable");
        },
      );
    return this.introspectOnce(token, key, secret);
  }

  /** One call per token at a time: concurrent requests for it share the call in flight. */
  private introspectOnce(token: string, key: string, secret: string): Promise<TokenClaims> {
    let call = this.inFlight.get(key);
    if (!call) {
      call = this.introspect(token, key, secret).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, call);
    }
    return call;
  }

  private async introspect(token: string, key: string, secret: string): Promise<TokenClaims> {
    // RFC 6749 section 2.3.1: client id and secret form-encoded, then joined for Basic authentication.
    const credentials = Buffer.from(`${encodeURIComponent(this.settings.clientId)}:${encodeURIComponent(secret)}`).toString("base64");
    const response = await httpsRequest(this.settings.endpoint, {
      ...this.request,
      method: "POST",
      headers: { authorization: `Basic ${credentials}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({ token, token_type_hint: "access_token" }).toString(),
    }).catch(() => {
      throw new DenyError("introspection_unavailable");
    });
    if (response.status === 401 || response.status === 403) {
      // Our credentials were refused: the secret may have been rotated.
      this.secret.refused();
      throw new DenyError("introspection_unavailable");
    }
    if (response.status !== 200) throw new DenyError("introspection_unavailable");
    const answer = parseObject(response.body);
    if (!answer) throw new DenyError("introspection_unavailable");
    if (answer.active !== true) {
      this.cache.putInactive(key);
      throw new DenyError("inactive");
    }
    const claims = this.claimsFrom(answer);
    if (typeof claims.exp === "number") this.cache.putActive(key, claims, claims.exp);
    return claims;
  }

  /** The answer as token claims: its issuer checked or supplied, a subject and an issue time always present. */
  private claimsFrom(answer: Readonly<Record<string, unknown>>): TokenClaims {
    const { issuer, clientClaim } = this.settings;
    if (answer.iss !== undefined && answer.iss !== issuer) throw new DenyError("issuer");
    // Its kind (`token_type`, `typ`) is the shared policy's to check, as for every mode (token-kind.ts).
    return {
      ...answer,
      iss: issuer,
      // Client credentials tokens often have no subject but their client (as Okta answers).
      sub: answer.sub ?? answer[clientClaim],
      // HealthLake needs an issue time; RFC 7662 makes it optional.
      iat: answer.iat ?? Math.floor(Date.now() / 1000),
    };
  }
}

/** A JSON object, or undefined for anything else (HTML, an array, invalid UTF-8 or JSON). */
function parseObject(body: Buffer): Readonly<Record<string, unknown>> | undefined {
  try {
    const value = safeJsonParse(new TextDecoder("utf8", { fatal: true }).decode(body)) as unknown;
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
