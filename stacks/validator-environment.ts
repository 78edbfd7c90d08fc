import type { ResolvedExternalAuthorizationServer } from "./config";

/**
 * The token validator's variables for an external authorization server (lambda/token-validator/settings.ts
 * reads them; docs/validator.md lists them). Identifiers and URLs only: the introspection client
 * secret stays in Secrets Manager, and only its ARN is here.
 */
export function externalValidatorEnvironment(
  server: ResolvedExternalAuthorizationServer,
  resolved: { readonly jwksUri?: string; readonly introspectionSecretArn?: string },
): Record<string, string> {
  const shared = {
    ISSUER: server.issuer,
    CLIENT_ID: server.clientIds.join(","),
    CLIENT_CLAIM: server.clientClaim,
    SCOPE_CLAIMS: server.scopeClaims.join(","),
    MAX_TOKEN_LIFETIME_SECONDS: String(server.maxTokenLifetimeSeconds),
    ...(server.audience === undefined ? {} : { AUDIENCE: server.audience }),
  };
  if (server.validation === "introspection") {
    return {
      AUTH_MODE: "introspection",
      ...shared,
      INTROSPECTION_ENDPOINT: required(server.introspectionEndpoint, "introspectionEndpoint"),
      INTROSPECTION_CLIENT_ID: required(server.introspectionClientId, "introspectionClientId"),
      INTROSPECTION_SECRET_ARN: required(resolved.introspectionSecretArn, "the introspection secret"),
    };
  }
  return { AUTH_MODE: "oidc", ...shared, JWKS_URI: required(resolved.jwksUri, "jwksUri"), ALGORITHMS: server.algorithms.join(",") };
}

// The configuration rules refuse a configuration without these before any construct is built.
function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(`externalValidatorEnvironment: ${what} is missing; the configuration rules should have refused this`);
  return value;
}
