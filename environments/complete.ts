import type { HealthLakeSmartConfig } from "../stacks/config";

/**
 * Every option on: SMART v2 with a machine client and a client for people, customer-managed keys,
 * import/export storage, test users, tags and remote state. The account, role and bucket names are
 * examples: `allowedAccountIds` stops any plan outside the example account until you replace them.
 */
export const complete: HealthLakeSmartConfig = {
  name: "complete",
  region: "us-west-2",
  allowedAccountIds: ["111122223333"],
  tags: { Project: "healthlake-smart", Environment: "complete", DataClassification: "phi" },
  remoteState: { bucket: "example-terraform-state-bucket", key: "healthlake-smart/complete.tfstate" },
  datastore: { name: "fhir-complete", fhirVersion: "R4", preloadSynthea: true, createKmsKey: true },
  kmsAdminArn: "arn:aws:iam::111122223333:role/KeyAdministrator",
  smart: {
    authorizationStrategy: "SMART_ON_FHIR",
    fineGrainedAuthorization: true,
    serviceRoleName: "healthlake-smart-complete-service-role",
    scopes: [
      "launch/patient",
      "patient/*.read",
      "patient/*.rs",
      "patient/Observation.rs?category=laboratory",
      "user/*.read",
      "user/*.rs",
      "system/*.*",
      "system/*.rs",
    ],
    cognito: {
      userPoolName: "healthlake-smart-complete",
      // Access token customization (identityClaims) needs ESSENTIALS or PLUS.
      userPoolTier: "ESSENTIALS",
      domainPrefix: "healthlake-smart-complete",
      clientName: "smart-on-fhir-app",
      deletionProtection: "ACTIVE",
      mfaConfiguration: "OPTIONAL",
      oauthFlows: ["code", "client_credentials"],
      callbackUrls: ["https://app.example.org/callback"],
      logoutUrls: ["https://app.example.org/"],
      tokenValidity: { accessToken: 15, idToken: 15, refreshToken: 1 },
      tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
      // Passwords come at deploy: TF_VAR_test_user_passwords='{"clinician":"..."}', or Cognito emails a temporary one.
      testUsers: [
        { username: "clinician", email: "clinician@example.org", preferredUsername: "Dr. Example", fhirUser: "Practitioner/example-practitioner" },
        { username: "patient", email: "patient@example.org", emailVerified: true, fhirUser: "Patient/example-patient", patientId: "example-patient" },
      ],
    },
    validator: {
      functionName: "healthlake-smart-complete-validator",
      roleName: "healthlake-smart-complete-validator",
      cognitoPolicyName: "healthlake-smart-complete-cognito-access",
      memoryMiB: 512,
      timeoutSeconds: 3,
      logRetentionDays: 365,
      // With the trigger's 10, the SMART front's 10 and the identity provider update's 1, needs an account concurrency quota of at least 171: Lambda keeps 100 unreserved.
      reservedConcurrency: 50,
      provisionedConcurrency: 2,
      tracing: true,
      // Verify on your account before tightening: AWS documents no condition for HealthLake's calls.
      invokeCondition: "datastore",
    },
    // People's tokens carry fhirUser and patient from custom:fhir_user and custom:patient_id.
    identityClaims: {
      functionName: "healthlake-smart-complete-pre-token-generation",
      roleName: "healthlake-smart-complete-pre-token-generation",
      memoryMiB: 256,
      timeoutSeconds: 3,
      logRetentionDays: 365,
      // With the validator's 50, the SMART front's 10 and the identity provider update's 1, the account needs a concurrency quota of at least 171.
      reservedConcurrency: 10,
      tracing: true,
    },
    // SMART apps launch through /authorize and /token in front of Cognito, with a public client for browser apps.
    smartFront: {
      // The public client's own: none may be a callback URL of the confidential client.
      publicClientCallbackUrls: ["https://app.example.org/browser-callback", "http://localhost:3000/callback"],
      functionName: "healthlake-smart-complete-front",
      roleName: "healthlake-smart-complete-front",
      memoryMiB: 256,
      timeoutSeconds: 10,
      logRetentionDays: 365,
      // With the validator's 50, the trigger's 10 and the identity provider update's 1: a quota of at least 171.
      reservedConcurrency: 10,
      tracing: true,
      throttlingRateLimit: 20,
      throttlingBurstLimit: 40,
    },
  },
  protectData: true,
  importExport: {
    dataBucketPrefix: "healthlake-complete-data-",
    logsBucketPrefix: "healthlake-complete-logs-",
    roleName: "HealthLakeImportExportRole",
    policyName: "HealthLakeImportExportPolicy",
  },
};
