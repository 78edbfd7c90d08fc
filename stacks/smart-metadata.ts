import { CognitoUrls } from "./cognito-urls";

/** OAuth flows a Cognito app client can allow that HealthLake accepts in its SMART metadata. */
export type OAuthFlow = "client_credentials" | "code";

/** `SMART_ON_FHIR_V1` honours v1 scopes only; `SMART_ON_FHIR` honours v1 and v2 (c/r/u/d/s) scopes. */
export type SmartAuthorizationStrategy = "SMART_ON_FHIR_V1" | "SMART_ON_FHIR";

export interface SmartMetadataInput {
  readonly urls: CognitoUrls;
  readonly oauthFlows: readonly OAuthFlow[];
  /** Scopes the app client may request, as Cognito renders them (`system/*.*`, `openid`, ...). */
  readonly scopes: readonly string[];
  readonly authorizationStrategy: SmartAuthorizationStrategy;
}

const GRANT_TYPE: Record<OAuthFlow, string> = {
  code: "authorization_code",
  client_credentials: "client_credentials",
};

// Claims Cognito puts in access tokens (Cognito developer guide, "Understanding the access token").
const COGNITO_ACCESS_TOKEN_CLAIMS = [
  "sub", "iss", "client_id", "origin_jti", "event_id", "token_use", "scope",
  "auth_time", "exp", "iat", "jti", "username", "version", "cognito:groups",
];

/**
 * The SMART configuration HealthLake serves at `.well-known/smart-configuration`, describing
 * what this Cognito pool and app client really offer. It only lists endpoints Cognito has
 * (no introspection or registration endpoint) and the grant types HealthLake accepts.
 */
export function buildSmartMetadata(input: SmartMetadataInput): Record<string, unknown> {
  const { urls, oauthFlows, scopes } = input;
  const authMethods = ["client_secret_basic", "client_secret_post"];
  return {
    issuer: urls.issuer,
    authorization_endpoint: urls.authorize,
    token_endpoint: urls.token,
    jwks_uri: urls.jwks,
    revocation_endpoint: urls.revoke,
    userinfo_endpoint: urls.userInfo,
    response_types_supported: ["code"],
    response_modes_supported: ["query", "fragment", "form_post"],
    grant_types_supported: oauthFlows.map((flow) => GRANT_TYPE[flow]),
    subject_types_supported: ["public"],
    scopes_supported: [...scopes],
    token_endpoint_auth_methods_supported: authMethods,
    revocation_endpoint_auth_methods_supported: authMethods,
    claims_supported: COGNITO_ACCESS_TOKEN_CLAIMS,
    code_challenge_methods_supported: ["S256"],
    capabilities: smartCapabilities(input),
  };
}

/** SMART App Launch capabilities that hold for a confidential Cognito client with these flows and scopes. */
export function smartCapabilities(input: Omit<SmartMetadataInput, "urls">): string[] {
  const { oauthFlows, scopes, authorizationStrategy } = input;
  const capabilities = ["client-confidential-symmetric", "permission-v1"];
  if (authorizationStrategy === "SMART_ON_FHIR") capabilities.push("permission-v2");
  if (oauthFlows.includes("code")) {
    capabilities.push("launch-standalone");
    if (scopes.includes("launch/patient")) capabilities.push("context-standalone-patient");
    if (scopes.includes("openid")) capabilities.push("sso-openid-connect");
    if (scopes.some((s) => s.startsWith("patient/"))) capabilities.push("permission-patient");
    if (scopes.some((s) => s.startsWith("user/"))) capabilities.push("permission-user");
  }
  return capabilities;
}
