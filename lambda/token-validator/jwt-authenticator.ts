import { verifyJwtSync } from "aws-jwt-verify/jwt-verifier";
import type { FhirRequest } from "./event";
import type { IssuerKeys } from "./issuer-keys";
import type { IssuerKey } from "./jwks-fetcher";
import { LIMITS } from "./limits";
import { type PayloadChecks, loadJose, verifyPs256Jwt } from "./rsassa-pss";
import { peekToken, precheckToken } from "./unverified-token";
import type { TokenAuthenticator, TokenClaims } from "./verifier";

/**
 * Vouches for JWT access tokens of one issuer (`cognito` and `oidc`): cheap checks first, then the
 * issuer's key and the signature (aws-jwt-verify; jose for PS256, which aws-jwt-verify does not
 * verify). Synchronous unless the token's key must be downloaded first or the token is PS256.
 */
export class JwtAuthenticator implements TokenAuthenticator {
  private readonly checks: PayloadChecks;

  constructor(
    private readonly issuer: string,
    private readonly algorithms: readonly string[],
    private readonly keys: IssuerKeys,
  ) {
    this.checks = {
      issuer,
      // The token policy checks `aud`, the client and the scopes, with the same rules for every mode.
      audience: null,
      // Lets `nbf` be slightly ahead of our clock; the policy still requires `exp` in the future.
      graceSeconds: LIMITS.clockSkewSeconds,
    };
    // Loaded now, so the first PS256 token does not wait for it; a failure would resurface (and deny) then.
    if (algorithms.includes("PS256")) loadJose().catch(() => {});
  }

  claimsOf(request: FhirRequest): TokenClaims | Promise<TokenClaims> {
    const unverified = peekToken(request.token);
    const kid = precheckToken(unverified, { issuer: this.issuer, algorithms: this.algorithms });
    const verify = unverified.header.alg === "PS256" ? this.verifyPs256 : this.verify;
    const key = this.keys.lookup(kid);
    return key instanceof Promise ? key.then((k) => verify(request.token, k)) : verify(request.token, key);
  }

  private readonly verify = (token: string, key: IssuerKey): TokenClaims => verifyJwtSync(token, key.jwk, this.checks, () => key.keyObject);

  private readonly verifyPs256 = (token: string, key: IssuerKey): Promise<TokenClaims> => verifyPs256Jwt(token, key, this.checks);
}
