/**
 * Every default of the configuration, in one place: `./resolve.ts` applies them, the resolved types
 * are derived from them, and docs/configuration.md is tested against them. The reference module's
 * value unless it is unsafe (the docs mark those ★ and say why). Defaults that depend on other
 * values (a remote state key, the Cognito domain prefix) are composed in `./resolve.ts`.
 */
export const DEFAULTS = {
  region: "us-east-1",
  tags: {},
  protectData: true,
  datastore: {
    fhirVersion: "R4",
    preloadSynthea: false,
    createKmsKey: false,
  },
  smart: {
    authorizationStrategy: "SMART_ON_FHIR_V1",
    fineGrainedAuthorization: true,
    serviceRoleName: "healthlake-service-role",
    // The gist's.
    scopes: ["launch/patient", "system/*.*", "patient/*.read"],
    cognito: {
      userPoolName: "smart-on-fhir-healthlake-cognito",
      // What AWS gives a pool created without a plan since 22 November 2024; older pools are LITE and
      // move to ESSENTIALS unless their configuration says LITE (docs/migrating-from-the-gist.md).
      userPoolTier: "ESSENTIALS",
      clientName: "smart-on-fhir-app",
      // ★ The module's INACTIVE lets a destroy delete every user.
      deletionProtection: "ACTIVE",
      mfaConfiguration: "OFF",
      mfaSoftwareToken: true,
      oauthFlows: ["code"],
      callbackUrls: ["https://localhost"],
      logoutUrls: [],
      tokenValidity: { accessToken: 60, idToken: 60, refreshToken: 30 },
      tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
      testUsers: [],
    },
    validator: {
      functionName: "healthlake_token_validator",
      roleName: "healthlake_token_validator_role",
      cognitoPolicyName: "fhir_cognito_access",
      // ★ The module's 256 MB gives a sixth of a vCPU to a cold start inside HealthLake's second.
      memoryMiB: 512,
      // ★ The module's 30 s only lets a hung call bill longer: HealthLake waits 1 s.
      timeoutSeconds: 3,
      logRetentionDays: 365,
      provisionedConcurrency: 0,
      tracing: false,
      // The form AWS's own sample uses; see ValidatorConfig.invokeCondition.
      invokeCondition: "none",
      importExistingLogGroup: false,
    },
    // Names default to `<name>-pre-token-generation`, composed in ./resolve.ts.
    identityClaims: {
      memoryMiB: 256,
      timeoutSeconds: 3,
      logRetentionDays: 365,
      tracing: false,
    },
    // Names default to `<name>-smart-front`, composed in ./resolve.ts.
    smartFront: {
      enabled: true,
      advertiseRefreshTokenGrant: true,
      memoryMiB: 256,
      // Cognito answers in well under a second; 9 s is for a slow one, inside API Gateway's 30.
      timeoutSeconds: 10,
      logRetentionDays: 365,
      tracing: false,
      // A launch is two requests per person; far above a clinic's sign-ins, far below a flood's.
      throttlingRateLimit: 20,
      throttlingBurstLimit: 40,
    },
    // Claim names, algorithms, lifetime and endpoints come from the preset (./authorization-server-presets.ts).
    externalAuthorizationServer: {
      validation: "oidc",
      oauthFlows: ["client_credentials"],
      personClaims: false,
    },
  },
  importExport: {
    roleName: "HealthLakeImportExportRole",
    policyName: "HealthLakeImportExportPolicy",
  },
} as const;
