import { VALIDATOR_ENVIRONMENT as ENV } from "../smart/validator-environment";
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
    [ENV.issuer]: server.issuer,
    [ENV.clientId]: server.clientIds.join(","),
    [ENV.clientClaim]: server.clientClaim,
    [ENV.scopeClaims]: server.scopeClaims.join(","),
    [ENV.maxTokenLifetimeSeconds]: String(server.maxTokenLifetimeSeconds),
    ...(server.audience === undefined ? {} : { [ENV.audience]: server.audience }),
  };
  if (server.validation === "introspection") {
    return {
      [ENV.authMode]: "introspection",
      ...shared,
      [ENV.introspectionEndpoint]: required(server.introspectionEndpoint, "introspectionEndpoint"),
      [ENV.introspectionClientId]: required(server.introspectionClientId, "introspectionClientId"),
      [ENV.introspectionSecretArn]: required(resolved.introspectionSecretArn, "the introspection secret"),
    };
  }
  return { [ENV.authMode]: "oidc", ...shared, [ENV.jwksUri]: required(resolved.jwksUri, "jwksUri"), [ENV.algorithms]: server.algorithms.join(",") };
}

// The configuration rules refuse a configuration without these before any construct is built.
function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(`externalValidatorEnvironment: ${what} is missing; the configuration rules should have refused this`);
  return value;
}
