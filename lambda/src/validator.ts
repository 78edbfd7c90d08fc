import { JwtVerifier } from "aws-jwt-verify";
import { SimpleJwksCache, SimplePenaltyBox } from "aws-jwt-verify/jwk";
import * as errors from "aws-jwt-verify/error";
import type { Fetcher } from "aws-jwt-verify/https";
import { AuthPayload, authPayload, checkClaims, checkHeader } from "./claims";
import { ValidatorSettings } from "./config";
import { DenyError, DenyReason } from "./deny";
import { FhirRequest } from "./event";
import { LIMITS } from "./limits";

export interface Allowed {
  readonly authPayload: AuthPayload;
  readonly clientId: string;
  readonly droppedScopes: number;
}

/** Verifies bearer tokens of one issuer against its JWKS, cached for the life of the container. */
export class TokenValidator {
  private readonly verifier;

  constructor(private readonly settings: ValidatorSettings, fetcher: Fetcher) {
    const jwksCache = new SimpleJwksCache({
      fetcher,
      penaltyBox: new SimplePenaltyBox({ waitSeconds: LIMITS.unknownKidWaitSeconds }),
    });
    this.verifier = JwtVerifier.create({
      issuer: settings.issuer,
      jwksUri: settings.jwksUri,
      // Cognito access tokens carry no `aud`; checkClaims checks `client_id`, and `aud` when present.
      audience: null,
      // Lets `nbf` be slightly ahead of our clock; checkClaims still requires `exp` in the future.
      graceSeconds: LIMITS.clockSkewSeconds,
      customJwtCheck: ({ header }) => checkHeader(header),
    }, { jwksCache });
  }

  /** Downloads the issuer's keys ahead of the first request; a failure is retried by that request. */
  preload(): Promise<void> {
    return this.verifier.hydrate();
  }

  async validate(request: FhirRequest): Promise<Allowed> {
    const payload = await this.verifier.verify(request.token);
    const claims = checkClaims(payload, request.datastoreEndpoint, {
      clientIds: this.settings.clientIds,
      requireTokenUse: this.settings.cognito,
    }, Date.now() / 1000);
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
  // aws-jwt-verify reports an `iss` it has no configuration for this way, before any key lookup.
  if (err instanceof errors.ParameterValidationError) return "issuer";
  if (err instanceof errors.JwtInvalidIssuerError) return "issuer";
  if (err instanceof errors.KidNotFoundInJwksError || err instanceof errors.WaitPeriodNotYetEndedJwkError) return "unknown_key";
  if (err instanceof errors.JwtExpiredError || err instanceof errors.JwtNotBeforeError) return "time";
  if (err instanceof errors.JwtInvalidClaimError) return "claims";
  if (err instanceof errors.FetchError || err instanceof errors.JwksValidationError) return "jwks_unavailable";
  if (err instanceof errors.JwtInvalidSignatureError || err instanceof errors.JwtInvalidSignatureAlgorithmError ||
    err instanceof errors.JwtWithoutValidKidError || err instanceof errors.JwkValidationError ||
    err instanceof errors.JwkInvalidUseError || err instanceof errors.JwkInvalidKtyError) return "signature";
  return "internal";
}
