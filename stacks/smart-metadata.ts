import { type AuthorizationStrategy, parseClinicalScope } from "../smart/scope-grammar";
import type { CognitoUrls } from "./cognito-urls";
import type { OAuthFlow } from "./config";

export interface SmartMetadataInput {
  readonly urls: CognitoUrls;
  readonly oauthFlows: readonly OAuthFlow[];
  /** Scopes the app clients may request, as Cognito renders them (`system/*.*`, `openid`, ...). */
  readonly scopes: readonly string[];
  readonly authorizationStrategy: AuthorizationStrategy;
  /** Access tokens of people carry a `patient` claim, the patient in context. */
  readonly patientClaim: boolean;
  /** Access and ID tokens of people carry a `fhirUser` claim. */
  readonly fhirUserClaim: boolean;
}

const GRANT_TYPE: Record<OAuthFlow, string> = {
  code: "authorization_code",
  client_credentials: "client_credentials",
};

// Claims Cognito puts in access tokens (Cognito developer guide, "Understanding the access token").
const COGNITO_ACCESS_TOKEN_CLAIMS = [
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
  const { urls, oauthFlows, scopes } = input;
  const code = oauthFlows.includes("code");
  const authMethods = ["client_secret_basic", "client_secret_post"];
  const identityClaims = [...(input.fhirUserClaim ? ["fhirUser"] : []), ...(input.patientClaim ? ["patient"] : [])];
  return {
    issuer: urls.issuer,
    jwks_uri: urls.jwks,
    // HealthLake requires an authorization endpoint even when only client credentials are offered.
    authorization_endpoint: urls.authorize,
    token_endpoint: urls.token,
    revocation_endpoint: urls.revoke,
    ...(code
      ? {
          userinfo_endpoint: urls.userInfo,
          response_types_supported: ["code"],
          // Cognito's authorize endpoint answers in the query string only: no fragment, no form_post.
          response_modes_supported: ["query"],
          subject_types_supported: ["public"],
        }
      : {}),
    grant_types_supported: oauthFlows.map((flow) => GRANT_TYPE[flow]),
    scopes_supported: [...scopes],
    token_endpoint_auth_methods_supported: authMethods,
    revocation_endpoint_auth_methods_supported: authMethods,
    claims_supported: [...COGNITO_ACCESS_TOKEN_CLAIMS, ...identityClaims],
    code_challenge_methods_supported: ["S256"],
    capabilities: smartCapabilities(input),
  };
}

/** SMART App Launch capabilities that hold for confidential Cognito clients with these flows, scopes and claims. */
export function smartCapabilities(input: Omit<SmartMetadataInput, "urls">): string[] {
  const { oauthFlows, scopes, authorizationStrategy, patientClaim, fhirUserClaim } = input;
  const clinical = scopes.map(parseClinicalScope).filter((scope) => scope !== undefined);
  const capabilities = ["client-confidential-symmetric"];
  if (clinical.some((scope) => scope.version === 1)) capabilities.push("permission-v1");
  if (authorizationStrategy === "SMART_ON_FHIR" && clinical.some((scope) => scope.version === 2)) {
    capabilities.push("permission-v2");
    // HealthLake ignores v2.2 filters unless discovery also says permission-v2.2.
    if (clinical.some((scope) => scope.filtered)) capabilities.push("permission-v2.2");
  }
  if (oauthFlows.includes("code")) {
    capabilities.push("launch-standalone");
    // A patient scope means nothing without the patient it is bound to, and the same for user and fhirUser.
    if (patientClaim && scopes.includes("launch/patient")) capabilities.push("context-standalone-patient");
    if (patientClaim && clinical.some((scope) => scope.level === "patient")) capabilities.push("permission-patient");
    if (fhirUserClaim && clinical.some((scope) => scope.level === "user")) capabilities.push("permission-user");
    if (fhirUserClaim && scopes.includes("openid")) capabilities.push("sso-openid-connect");
  }
  return capabilities;
}
