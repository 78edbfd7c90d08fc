/**
 * What four identity providers document about their OAuth 2.0 endpoints and access tokens, as the
 * defaults of `smart.externalAuthorizationServer` (docs/authorization-servers.md cites each source).
 * A preset only fills what the configuration leaves out.
 */

import type { SignatureAlgorithm } from "../../smart/signature-algorithms";

export const AUTHORIZATION_SERVER_PRESET_NAMES = ["okta", "entra-id", "auth0", "keycloak"] as const;
export type AuthorizationServerPreset = (typeof AUTHORIZATION_SERVER_PRESET_NAMES)[number];

/** The endpoints of an authorization server that SMART discovery names. */
export interface AuthorizationServerUrls {
  /** `iss` of its tokens. */
  readonly issuer: string;
  readonly authorize: string;
  readonly token: string;
  readonly jwks?: string;
  readonly revoke?: string;
  readonly userInfo?: string;
}

/** A provider's endpoints below its issuer, and its RFC 7662 endpoint (Entra ID and Auth0 have none). */
export type AuthorizationServerEndpoints = Omit<AuthorizationServerUrls, "issuer"> & { readonly introspection?: string };

/** How a provider's access tokens carry the client and the scopes, and how its endpoints follow from its issuer. */
export interface AuthorizationServerDefaults {
  /** The claim naming the client the token was issued to. */
  readonly clientClaim: string;
  /** Claims holding scopes: a space-separated string or an array of strings each. */
  readonly scopeClaims: readonly string[];
  readonly algorithms: readonly SignatureAlgorithm[];
  /** The longest access token lifetime the provider can be configured to issue. */
  readonly maxTokenLifetimeSeconds: number;
  readonly endpoints?: (issuer: string) => AuthorizationServerEndpoints;
}

/** Without a preset: RFC 9068 claim names (`client_id`, `scope`), RS256, one day; endpoints come from the configuration. */
export const GENERIC_AUTHORIZATION_SERVER: AuthorizationServerDefaults = {
  clientClaim: "client_id",
  scopeClaims: ["scope"],
  algorithms: ["RS256"],
  maxTokenLifetimeSeconds: 86_400,
};

const trim = (issuer: string) => issuer.replace(/\/+$/, "");

export const AUTHORIZATION_SERVER_PRESETS: Readonly<Record<AuthorizationServerPreset, AuthorizationServerDefaults>> = {
  // A custom authorization server, issuer https://<org>.okta.com/oauth2/<id>: `cid`, `scp` as an array,
  // access tokens of 5 minutes to 1 day.
  okta: {
    clientClaim: "cid",
    scopeClaims: ["scp"],
    algorithms: ["RS256"],
    maxTokenLifetimeSeconds: 86_400,
    endpoints: (issuer) => ({
      authorize: `${trim(issuer)}/v1/authorize`,
      token: `${trim(issuer)}/v1/token`,
      jwks: `${trim(issuer)}/v1/keys`,
      introspection: `${trim(issuer)}/v1/introspect`,
      revoke: `${trim(issuer)}/v1/revoke`,
      userInfo: `${trim(issuer)}/v1/userinfo`,
    }),
  },
  // v2.0 access tokens (the API's manifest sets requestedAccessTokenVersion 2), issuer
  // https://login.microsoftonline.com/<tenant>/v2.0: `azp`, delegated scopes in `scp` (a string),
  // application permissions in `roles` (an array); lifetimes of at most 1 day.
  "entra-id": {
    clientClaim: "azp",
    scopeClaims: ["scp", "roles"],
    algorithms: ["RS256"],
    maxTokenLifetimeSeconds: 86_400,
    endpoints: (issuer) => {
      const tenant = trim(issuer).replace(/\/v2\.0$/, "");
      return {
        authorize: `${tenant}/oauth2/v2.0/authorize`,
        token: `${tenant}/oauth2/v2.0/token`,
        jwks: `${tenant}/discovery/v2.0/keys`,
      };
    },
  },
  // Issuer https://<tenant>.auth0.com/ (with its slash): `azp`, `scope` as a string; an API's token
  // lifetime is at most 30 days.
  auth0: {
    clientClaim: "azp",
    scopeClaims: ["scope"],
    algorithms: ["RS256"],
    maxTokenLifetimeSeconds: 2_592_000,
    endpoints: (issuer) => ({
      authorize: `${trim(issuer)}/authorize`,
      token: `${trim(issuer)}/oauth/token`,
      jwks: `${trim(issuer)}/.well-known/jwks.json`,
      revoke: `${trim(issuer)}/oauth/revoke`,
      userInfo: `${trim(issuer)}/userinfo`,
    }),
  },
  // A realm, issuer https://<host>/realms/<realm>: `azp`, `scope` as a string.
  keycloak: {
    clientClaim: "azp",
    scopeClaims: ["scope"],
    algorithms: ["RS256"],
    maxTokenLifetimeSeconds: 86_400,
    endpoints: (issuer) => ({
      authorize: `${trim(issuer)}/protocol/openid-connect/auth`,
      token: `${trim(issuer)}/protocol/openid-connect/token`,
      jwks: `${trim(issuer)}/protocol/openid-connect/certs`,
      introspection: `${trim(issuer)}/protocol/openid-connect/token/introspect`,
      revoke: `${trim(issuer)}/protocol/openid-connect/revoke`,
      userInfo: `${trim(issuer)}/protocol/openid-connect/userinfo`,
    }),
  },
};
