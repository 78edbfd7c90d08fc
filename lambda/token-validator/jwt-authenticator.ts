import { verifyJwtSync } from "aws-jwt-verify/jwt-verifier";
import type { FhirRequest } from "./event";
import type { IssuerKeys } from "./issuer-keys";
import type { IssuerKey } from "./jwks-fetcher";
import { LIMITS } from "./limits";
import { peekToken, precheckToken } from "./unverified-token";
import type { TokenAuthenticator, TokenClaims } from "./verifier";

/**
 * Vouches for JWT access tokens of one issuer (`cognito` and `oidc`): cheap checks first, then the
 * issuer's key and the signature (aws-jwt-verify). Synchronous unless the token's key must be
 * downloaded first.
 */
export class JwtAuthenticator implements TokenAuthenticator {
  constructor(
    private readonly issuer: string,
    private readonly algorithms: readonly string[],
    private readonly keys: IssuerKeys,
  ) {}

  claimsOf(request: FhirRequest): TokenClaims | Promise<TokenClaims> {
    const kid = precheckToken(peekToken(request.token), { issuer: this.issuer, algorithms: this.algorithms });
    const key = this.keys.lookup(kid);
    return key instanceof Promise ? key.then((k) => this.verify(request.token, k)) : this.verify(request.token, key);
  }

  private verify(token: string, key: IssuerKey): TokenClaims {
    return verifyJwtSync(
      token,
      key.jwk,
      {
        issuer: this.issuer,
        // The token policy checks `aud`, the client and the scopes, with the same rules for every mode.
        audience: null,
        // Lets `nbf` be slightly ahead of our clock; the policy still requires `exp` in the future.
        graceSeconds: LIMITS.clockSkewSeconds,
      },
      () => key.keyObject,
    );
  }
}
