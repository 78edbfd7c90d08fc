/**
 * The JWT signature algorithms an `oidc` issuer may be pinned to, as the stack's configuration rules
 * and the validator's settings both read them. Cognito signs with RS256 only. aws-jwt-verify verifies
 * RS256 and ES256; PS256 (RSASSA-PSS), which it does not, is verified with jose.
 */
export const SIGNATURE_ALGORITHMS = ["RS256", "PS256", "ES256"] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

export const isSignatureAlgorithm = (value: unknown): value is SignatureAlgorithm => SIGNATURE_ALGORITHMS.includes(value as SignatureAlgorithm);
