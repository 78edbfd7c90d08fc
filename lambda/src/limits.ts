/** Bounds that keep every answer inside HealthLake's 1 second and every token small and short-lived. */
export const LIMITS = {
  /** Longest bearer token accepted; Cognito access tokens are 1–4 KiB. */
  maxTokenLength: 8192,
  /** Tolerance for an issuer clock slightly ahead of ours, on `iat` and `nbf`. */
  clockSkewSeconds: 5,
  /** Longest `exp - iat` accepted: Cognito's maximum access token validity (1 day). */
  maxTokenLifetimeSeconds: 86_400,
  /** One JWKS download attempt, connection to last byte. */
  jwksFetchTimeoutMs: 300,
  /** Largest JWKS document read; Cognito's is under 2 KiB. */
  jwksMaxBytes: 65_536,
  /** After a failed download no new one starts for this long, so an outage cannot cause a fetch storm. */
  jwksFailureBackoffMs: 5_000,
  /** After a download that lacked the token's `kid`, unknown kids are refused without a fetch this long. */
  unknownKidWaitSeconds: 10,
  /** Whatever is still pending then, the answer is a deny (target: inside 700 ms end to end). */
  requestDeadlineMs: 600,
} as const;
