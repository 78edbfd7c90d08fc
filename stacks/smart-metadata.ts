import { type AuthorizationStrategy, parseClinicalScope } from "../smart/scope-grammar";
import type { AuthorizationServerUrls, OAuthFlow } from "./config";

export interface SmartMetadataInput {
  readonly urls: AuthorizationServerUrls;
  readonly oauthFlows: readonly OAuthFlow[];
  /** Scopes the app clients may request, as Cognito renders them (`system/*.*`, `openid`, ...). */
  readonly scopes: readonly string[];
  readonly authorizationStrategy: AuthorizationStrategy;
  /** Access tokens of people carry a `patient` claim, the patient in context. */
  readonly patientClaim: boolean;
  /** Access and ID tokens of people carry a `fhirUser` claim. */
  readonly fhirUserClaim: boolean;
  /**
   * How confidential clients authenticate at the token endpoint, when this deployment knows (its own
   * Cognito clients all have secrets). @default - not advertised (an external server's own discovery says)
   */
  readonly clientAuthMethods?: readonly string[];
  /** Claims the server puts in every access token. @default - none listed */
  readonly tokenClaims?: readonly string[];
  /** How the authorize endpoint returns its answer, when the server allows only some. @default - not advertised */
  readonly responseModes?: readonly string[];
  /**
   * The authorize and token endpoints speak SMART App Launch, so a standalone launch completes: an
   * external server's do; Cognito's only through the SMART front (`scope` and `patient` in the token
   * response, SMART's scopes accepted). @default true
   */
  readonly smartLaunch?: boolean;
  /** Public clients (no secret, PKCE) may launch: `client-public`. @default false */
  readonly publicClients?: boolean;
  /** People's clients get refresh tokens: `refresh_token` among the grant types. @default false */
  readonly refreshTokens?: boolean;
  /** Scopes the endpoints accept beyond the app clients' own (`fhirUser`, `offline_access` through the front). @default - none */
  readonly extraScopes?: readonly string[];
}

const GRANT_TYPE: Record<OAuthFlow, string> = {
  code: "authorization_code",
  client_credentials: "client_credentials",
};

// Claims Cognito puts in access tokens (Cognito developer guide, "Understanding the access token").
export const COGNITO_ACCESS_TOKEN_CLAIMS = [
  "sub",
  "iss",
  "client_id",
  "origin_jti",
  "event_id",
  "token_use",
  "scope",
  "auth_time",
  "exp",
  "iat",
  "jti",
  "username",
  "version",
  "cognito:groups",
];

/**
 * The SMART configuration HealthLake serves at `.well-known/smart-configuration`. Every field says
 * only what this deployment delivers: endpoints Cognito has (no introspection or registration),
 * the grant types HealthLake accepts, the response modes Cognito offers, and capabilities the
 * clients, scopes and token claims really support.
 */
export function buildSmartMetadata(input: SmartMetadataInput): Record<string, unknown> {
  const { urls, oauthFlows, scopes, clientAuthMethods } = input;
  const code = oauthFlows.includes("code");
  const identityClaims = [...(input.fhirUserClaim ? ["fhirUser"] : []), ...(input.patientClaim ? ["patient"] : [])];
  const claims = [...(input.tokenClaims ?? []), ...identityClaims];
  const capabilities = smartCapabilities(input);
  // SMART: issuer and jwks_uri are required with sso-openid-connect and otherwise omitted. A deployment
  // for machines only keeps the reference gist's, which no SMART app for people reads.
  const openId = !code || capabilities.includes("sso-openid-connect");
  const grantTypes = oauthFlows.flatMap((flow) => (flow === "code" && input.refreshTokens ? [GRANT_TYPE[flow], "refresh_token"] : [GRANT_TYPE[flow]]));
  return {
    ...(openId ? { issuer: urls.issuer } : {}),
    ...(openId && urls.jwks !== undefined ? { jwks_uri: urls.jwks } : {}),
    // HealthLake requires an authorization endpoint even when only client credentials are offered.
    authorization_endpoint: urls.authorize,
    token_endpoint: urls.token,
    ...(urls.revoke === undefined ? {} : { revocation_endpoint: urls.revoke }),
    ...(code
      ? {
          ...(urls.userInfo === undefined ? {} : { userinfo_endpoint: urls.userInfo }),
          response_types_supported: ["code"],
          ...(input.responseModes === undefined ? {} : { response_modes_supported: [...input.responseModes] }),
          subject_types_supported: ["public"],
        }
      : {}),
    grant_types_supported: grantTypes,
    scopes_supported: [...new Set([...scopes, ...(input.extraScopes ?? [])])],
    ...(clientAuthMethods === undefined
      ? {}
      : {
          token_endpoint_auth_methods_supported: [...clientAuthMethods],
          ...(urls.revoke === undefined ? {} : { revocation_endpoint_auth_methods_supported: [...clientAuthMethods] }),
        }),
    ...(claims.length === 0 ? {} : { claims_supported: claims }),
    code_challenge_methods_supported: ["S256"],
    capabilities,
  };
}

/** SMART App Launch capabilities that hold for these clients, flows, scopes, claims and endpoints. */
export function smartCapabilities(input: Omit<SmartMetadataInput, "urls">): string[] {
  const { oauthFlows, scopes, authorizationStrategy, patientClaim, fhirUserClaim, clientAuthMethods } = input;
  const launch = input.smartLaunch ?? true;
  const clinical = scopes.map(parseClinicalScope).filter((scope) => scope !== undefined);
  const capabilities = clientAuthMethods?.some((method) => method.startsWith("client_secret")) ? ["client-confidential-symmetric"] : [];
  if (clinical.some((scope) => scope.version === 1)) capabilities.push("permission-v1");
  if (authorizationStrategy === "SMART_ON_FHIR" && clinical.some((scope) => scope.version === 2)) {
    capabilities.push("permission-v2");
    // HealthLake ignores v2.2 filters unless discovery also says permission-v2.2.
    if (clinical.some((scope) => scope.filtered)) capabilities.push("permission-v2.2");
  }
  if (oauthFlows.includes("code")) {
    if (launch) capabilities.push("launch-standalone");
    if (launch && input.publicClients) capabilities.push("client-public");
    // A patient scope means nothing without the patient it is bound to, and the same for user and fhirUser.
    if (launch && patientClaim && scopes.includes("launch/patient")) capabilities.push("context-standalone-patient");
    if (patientClaim && clinical.some((scope) => scope.level === "patient")) capabilities.push("permission-patient");
    if (fhirUserClaim && clinical.some((scope) => scope.level === "user")) capabilities.push("permission-user");
    if (launch && fhirUserClaim && scopes.includes("openid")) capabilities.push("sso-openid-connect");
  }
  return capabilities;
}
