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
  /**
   * A download deadline that fires this much later than scheduled means the process did not run
   * meanwhile (Lambda froze it): the attempt is restarted instead of counted as a failure.
   */
  jwksFreezeLatenessMs: 100,
  /** Largest JWKS document read; Cognito's is under 2 KiB. */
  jwksMaxBytes: 65_536,
  /** After a failed download no new one starts for this long, so an outage cannot cause a fetch storm. */
  jwksFailureBackoffMs: 5_000,
  /** The key set is downloaded again in the background this often: a withdrawn or replaced key stops working within it. */
  jwksRefreshMs: 300_000,
  /** After a download that lacked the token's `kid`, unknown kids are refused without a fetch this long. */
  unknownKidWaitMs: 10_000,
  /** Whatever is still pending then, the answer is a deny (target: inside 700 ms end to end). */
  requestDeadlineMs: 600,
  /** One introspection call, connection to last byte: inside the request deadline, with room for the checks. */
  introspectionTimeoutMs: 450,
  /** Largest introspection answer read. */
  introspectionMaxBytes: 16_384,
  /** Introspection answers kept of each kind, active and inactive. */
  introspectionCacheEntries: 1000,
  /** An active answer is reused at most this long: a token revoked at the issuer stops working within it. */
  introspectionActiveCacheMs: 30_000,
  /** An inactive answer is reused this long. */
  introspectionInactiveCacheMs: 5_000,
  /** The introspection client secret is read again this often. */
  secretRefreshMs: 300_000,
  /** After a failed read of the secret, or one caused by a refusal, no new read for this long. */
  secretRetryMs: 5_000,
  /**
   * One read of the secret, loading the SDK included. Requests waiting on it are denied at the request
   * deadline anyway; the read itself gets the time a cold SDK and TLS need, then fails (and is aborted).
   */
  secretReadTimeoutMs: 3_000,
} as const;
