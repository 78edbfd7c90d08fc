/**
 * The token validator's environment: the contract between the stack (stacks/validator-environment.ts,
 * stacks/constructs/smart-on-fhir.ts), which writes it, and the validator (lambda/token-validator/settings.ts),
 * which reads it. docs/validator.md lists every variable; a test holds the two to each other.
 */
export const VALIDATOR_ENVIRONMENT = {
  /** `cognito` (default), `oidc` or `introspection`. */
  authMode: "AUTH_MODE",
  /** `cognito`: the pool, `<region>_<id>`. */
  userPoolId: "USER_POOL_ID",
  /** The exact `iss` of the tokens. */
  issuer: "ISSUER",
  jwksUri: "JWKS_URI",
  /** The accepted app clients, comma-separated. */
  clientId: "CLIENT_ID",
  /** The claim naming the client. */
  clientClaim: "CLIENT_CLAIM",
  /** Claims holding scopes, comma-separated. */
  scopeClaims: "SCOPE_CLAIMS",
  /** The `aud` tokens must name. */
  audience: "AUDIENCE",
  maxTokenLifetimeSeconds: "MAX_TOKEN_LIFETIME_SECONDS",
  /** `oidc`: signature algorithms accepted, comma-separated. */
  algorithms: "ALGORITHMS",
  introspectionEndpoint: "INTROSPECTION_ENDPOINT",
  introspectionClientId: "INTROSPECTION_CLIENT_ID",
  introspectionSecretArn: "INTROSPECTION_SECRET_ARN",
  /** The role HealthLake assumes for an allowed request. */
  userRoleArn: "USER_ROLE_ARN",
  authorizationStrategy: "AUTHORIZATION_STRATEGY",
  logLevel: "LOG_LEVEL",
} as const;

/**
 * What a value the stack writes must look like for the validator to read it, checked by both: by the
 * stack's configuration rules at synth, and by the validator at init.
 */
export const VALIDATOR_PATTERNS = {
  /** A client id, or an audience: printable ASCII without commas (the lists are comma-separated), at most 256 characters. */
  clientId: /^[\x21-\x2b\x2d-\x7e]{1,256}$/,
  audience: /^[\x21-\x2b\x2d-\x7e]{1,256}$/,
  /** A JSON member name a token may use for the client id or scopes. */
  claimName: /^[A-Za-z_][\w:.-]{0,63}$/,
  /** The range of `MAX_TOKEN_LIFETIME_SECONDS`: a minute to 30 days (Auth0's longest access token lifetime). */
  lifetimeSeconds: [60, 2_592_000] as const,
} as const;
