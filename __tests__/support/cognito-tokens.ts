import type { ClaimsAndScopeOverrideDetails } from "../../lambda/pre-token-generation/identity";
import type { PreTokenGenerationEvent } from "../../lambda/pre-token-generation/event";

/**
 * The access token payload Cognito issues for a `V2_0` event once the trigger answered: its own
 * claims (Cognito developer guide, "Understanding the access token"), the requested scopes less the
 * suppressed ones, and the claims the trigger added. A model of Cognito, for tests only.
 */
export function cognitoAccessTokenClaims(event: PreTokenGenerationEvent, answer: ClaimsAndScopeOverrideDetails, nowSeconds: number): Record<string, unknown> {
  const access = answer.accessTokenGeneration;
  const scopes = (event.request.scopes ?? []).filter((scope) => !access.scopesToSuppress.includes(scope));
  return {
    sub: event.request.userAttributes.sub,
    iss: `https://cognito-idp.${event.region}.amazonaws.com/${event.userPoolId}`,
    client_id: event.callerContext.clientId,
    origin_jti: "00000000-0000-4000-8000-000000000001",
    event_id: "00000000-0000-4000-8000-000000000002",
    token_use: "access",
    scope: scopes.join(" "),
    auth_time: nowSeconds,
    exp: nowSeconds + 900,
    iat: nowSeconds,
    jti: "00000000-0000-4000-8000-000000000003",
    username: event.userName,
    version: 2,
    ...access.claimsToAddOrOverride,
  };
}
