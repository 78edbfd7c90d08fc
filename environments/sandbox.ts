import type { HealthLakeSmartConfig } from "../stacks/config";

/** The reference gist's deployment, value for value (README: "Differences from the reference Terraform"). */
export const sandbox: HealthLakeSmartConfig = {
  name: "sandbox",
  region: "us-east-1",
  datastore: { name: "my-fhir-datastore", preloadSynthea: true },
  // A throwaway, like the gist: `cdktf destroy sandbox` deletes the datastore and its data.
  protectData: false,
  smart: {
    authorizationStrategy: "SMART_ON_FHIR_V1",
    fineGrainedAuthorization: true,
    serviceRoleName: "my-healthlake-service-role",
    cognito: {
      userPoolName: "my-cognito-user-pool",
      // The gist's "smart-fhir-test" is taken (prefixes are unique across all accounts): the default
      // `sandbox-fhir-<account id>` is free. Moving from the gist, set yours here.
      clientName: "my-cognito-client",
      deletionProtection: "INACTIVE",
      mfaConfiguration: "OFF",
      oauthFlows: ["client_credentials"],
      callbackUrls: ["https://localhost"],
      logoutUrls: [],
      tokenValidity: { accessToken: 60, idToken: 60, refreshToken: 60 },
      tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "minutes" },
      singleTestUser: { username: "test", email: "test@test.com", preferredUsername: "testadmin" },
    },
    validator: {
      functionName: "smart-fhir-auth-lambda",
      roleName: "smart-fhir-auth-lambda-role",
      cognitoPolicyName: "smart-fhir-auth-lambda-cognito-access",
      memoryMiB: 512,
      timeoutSeconds: 3,
    },
  },
};
