import type { HealthLakeSmartConfig } from "../stacks/config";

/**
 * An authorization server you already run, here an Okta custom authorization server: no Cognito
 * resource is created, the validator verifies Okta's JWT access tokens, and discovery names Okta's
 * endpoints. The issuer, client ids and account are examples: `allowedAccountIds` stops any plan
 * outside the example account until you replace them (docs/authorization-servers.md).
 */
export const external: HealthLakeSmartConfig = {
  name: "external",
  region: "us-east-2",
  allowedAccountIds: ["111122223333"],
  tags: { Project: "healthlake-smart", Environment: "external" },
  datastore: { name: "fhir-external" },
  protectData: true,
  smart: {
    authorizationStrategy: "SMART_ON_FHIR",
    fineGrainedAuthorization: true,
    serviceRoleName: "healthlake-smart-external-service-role",
    scopes: ["launch/patient", "patient/*.rs", "user/*.rs", "system/*.rs"],
    externalAuthorizationServer: {
      preset: "okta",
      issuer: "https://example.okta.com/oauth2/default",
      // The SMART app people sign in with, and a service (client credentials).
      clientIds: ["0oa-smart-app", "0oa-smart-service"],
      // The authorization server's audience; absent, tokens would have to name the datastore endpoint.
      audience: "api://healthlake",
      oauthFlows: ["code", "client_credentials"],
      // Okta adds fhirUser and patient as custom claims from the user's profile (docs/oidc.md).
      personClaims: true,
    },
    validator: {
      functionName: "healthlake-smart-external-validator",
      roleName: "healthlake-smart-external-validator",
      cognitoPolicyName: "healthlake-smart-external-no-cognito",
      tracing: true,
      // With the identity provider update's 1, needs an account concurrency quota of at least 121: Lambda keeps 100 unreserved.
      reservedConcurrency: 20,
      // Verify on your account before tightening: AWS documents no condition for HealthLake's calls.
      invokeCondition: "datastore",
    },
  },
};
