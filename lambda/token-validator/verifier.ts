import * as errors from "aws-jwt-verify/error";
import { verifyJwtSync } from "aws-jwt-verify/jwt-verifier";
import { type AuthPayload, authPayload, checkClaims } from "./claims";
import type { ValidatorSettings } from "./settings";
import { DenyError, type DenyReason } from "./deny";
import type { FhirRequest } from "./event";
import type { IssuerKeys } from "./issuer-keys";
import type { IssuerKey } from "./jwks-fetcher";
import { LIMITS } from "./limits";
import { peekToken, precheckToken } from "./unverified-token";

export interface Allowed {
  readonly authPayload: AuthPayload;
  readonly clientId: string;
  readonly droppedScopes: number;
}

// Cognito signs access tokens with RS256 only.
const ALGORITHMS = ["RS256"];

/**
 * Verifies bearer tokens of one issuer: cheap checks first, then the issuer's key, the signature
 * (aws-jwt-verify) and the claims. Synchronous unless the token's key must be downloaded first.
 */
export class TokenVerifier {
  constructor(
    private readonly settings: ValidatorSettings,
    private readonly keys: IssuerKeys,
  ) {}

  validate(request: FhirRequest): Allowed | Promise<Allowed> {
    const kid = precheckToken(peekToken(request.token), { issuer: this.settings.issuer, algorithms: ALGORITHMS });
    const key = this.keys.lookup(kid);
    return key instanceof Promise ? key.then((k) => this.verify(request, k)) : this.verify(request, key);
  }

  private verify(request: FhirRequest, key: IssuerKey): Allowed {
    const payload = verifyJwtSync(
      request.token,
      key.jwk,
      {
        issuer: this.settings.issuer,
        // Cognito access tokens carry no `aud`; checkClaims checks `client_id`, and `aud` when present.
        audience: null,
        // Lets `nbf` be slightly ahead of our clock; checkClaims still requires `exp` in the future.
        graceSeconds: LIMITS.clockSkewSeconds,
      },
      () => key.keyObject,
    );
    const claims = checkClaims(
      payload,
      request.datastoreEndpoint,
      {
        clientIds: this.settings.clientIds,
        requireTokenUse: this.settings.cognito,
        strategy: this.settings.strategy,
      },
      Date.now() / 1000,
    );
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
