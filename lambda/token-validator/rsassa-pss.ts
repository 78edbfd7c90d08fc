import { decomposeUnverifiedJwt, validateJwtFields } from "aws-jwt-verify/jwt";
import type { JwtPayload } from "aws-jwt-verify/jwt-model";
import { DenyError } from "./deny";
import type { IssuerKey } from "./jwks-fetcher";

/** What aws-jwt-verify checks in a verified token's payload, whatever the algorithm: `exp` and `nbf` (with grace), `iss`. */
export interface PayloadChecks {
  readonly issuer: string;
  readonly audience: null;
  readonly graceSeconds: number;
}

let jose: Promise<typeof import("./jws-verify")> | undefined;

/**
 * jose, loaded once: it stays out of a cold start unless PS256 is allowed (the bundle evaluates it on
 * first use only), and a validator that allows PS256 loads it at init, before the first request.
 */
export const loadJose = () => {
  jose ??= import("./jws-verify");
  return jose;
};

/**
 * Verifies a PS256 (RSASSA-PSS, SHA-256) JWT, which aws-jwt-verify does not: aws-jwt-verify parses
 * the token and checks its payload exactly as for the other algorithms; jose checks the signature
 * alone. Rejects with the payload's problem, or a DenyError("signature").
 */
export async function verifyPs256Jwt(token: string, key: IssuerKey, checks: PayloadChecks): Promise<JwtPayload> {
  const { payload } = decomposeUnverifiedJwt(token);
  // aws-jwt-verify's rule for every other algorithm: a key that names its algorithm signs with that one only.
  if (key.jwk.alg !== undefined && key.jwk.alg !== "PS256") throw new DenyError("signature");
  const { compactVerify } = await loadJose();
  try {
    // jose also refuses a key that is not RSA or is shorter than 2048 bits.
    await compactVerify(token, key.keyObject, { algorithms: ["PS256"] });
  } catch {
    throw new DenyError("signature");
  }
  validateJwtFields(payload, checks);
  return payload;
}
