import * as errors from "aws-jwt-verify/error";
import { type AuthPayload, type TokenPolicy, authPayload, checkClaims } from "./claims";
import { DenyError, type DenyReason } from "./deny";
import type { FhirRequest } from "./event";

export interface Allowed {
  readonly authPayload: AuthPayload;
  readonly clientId: string;
  readonly droppedScopes: number;
}

/** The claims of a token its authorization server vouched for, under the server's own names. */
export type TokenClaims = Readonly<Record<string, unknown>>;

/** One way of verifying tokens: a JWT's signature (`cognito`, `oidc`), or the issuer's word (`introspection`). */
export interface TokenAuthenticator {
  /** The token's claims once verified; throws (or rejects) when it is not. */
  claimsOf(request: FhirRequest): TokenClaims | Promise<TokenClaims>;
}

/**
 * Turns a bearer token into HealthLake's answer: the mode's authenticator vouches for the token,
 * then one policy, the same for every mode, checks its claims. Synchronous when the authenticator is.
 */
export class TokenVerifier {
  constructor(
    private readonly policy: TokenPolicy,
    private readonly authenticator: TokenAuthenticator,
  ) {}

  validate(request: FhirRequest): Allowed | Promise<Allowed> {
    const claims = this.authenticator.claimsOf(request);
    return claims instanceof Promise ? claims.then((c) => this.allow(request, c)) : this.allow(request, claims);
  }

  private allow(request: FhirRequest, payload: TokenClaims): Allowed {
    const claims = checkClaims(payload, request.datastoreEndpoint, this.policy, Date.now() / 1000);
    return {
      authPayload: authPayload(claims, request.datastoreEndpoint),
      clientId: claims.clientId,
      droppedScopes: claims.scopes.dropped,
    };
  }
}

/** Maps any error to the reason logged for a deny. Error messages echo token content and are never logged. */
export function denyReason(err: unknown): DenyReason {
  if (err instanceof DenyError) return err.reason;
  if (err instanceof errors.JwtParseError) return "malformed";
  if (err instanceof errors.JwtInvalidIssuerError) return "issuer";
  if (err instanceof errors.KidNotFoundInJwksError || err instanceof errors.WaitPeriodNotYetEndedJwkError) return "unknown_key";
  if (err instanceof errors.JwtExpiredError || err instanceof errors.JwtNotBeforeError) return "time";
  if (err instanceof errors.JwtInvalidClaimError) return "claims";
  if (err instanceof errors.FetchError) return "jwks_unavailable";
  if (
    err instanceof errors.JwtInvalidSignatureError ||
    err instanceof errors.JwtInvalidSignatureAlgorithmError ||
    err instanceof errors.JwkValidationError ||
    err instanceof errors.JwkInvalidUseError ||
    err instanceof errors.JwkInvalidKtyError
  )
    return "signature";
  return "internal";
}
