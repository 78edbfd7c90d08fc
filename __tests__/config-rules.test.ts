import {
  type CognitoTestUser,
  type HealthLakeSmartConfig,
  type SignatureAlgorithm,
  type InvokeCondition,
  type OAuthFlow,
  type SingleTestUser,
  type UserPoolTier,
  resolveConfig,
} from "../stacks/config";
import * as rules from "../stacks/config/rules";
import { complete } from "../environments/complete";
import { ENVIRONMENTS } from "../environments";
import { sandbox } from "../environments/sandbox";

const base: HealthLakeSmartConfig = { name: "test", datastore: { name: "fhir" } };
const OKTA = { preset: "okta", issuer: "https://example.okta.com/oauth2/default", clientIds: ["0oa-machine"], audience: "api://default" } as const;
const ENTRA = { preset: "entra-id", issuer: "https://login.microsoftonline.com/tenant-id/v2.0", clientIds: ["app-id"] } as const;
const OKTA_ENV: HealthLakeSmartConfig = { ...base, smart: { externalAuthorizationServer: OKTA } };
const HEALTHLAKE_BASE = "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";
const smart = (cognito: NonNullable<HealthLakeSmartConfig["smart"]>["cognito"]): HealthLakeSmartConfig => ({ ...base, smart: { cognito } });

describe("configuration rules: each fails on a bad value, names field and value, and passes a good one", () => {
  test.each([
    ["stackName", rules.stackName, { ...base, name: "Prod_1" }, /^name "Prod_1" is not a valid stack name/, { ...base, name: "prod-1" }],
    [
      "healthLakeRegion",
      rules.healthLakeRegion,
      { ...base, region: "eu-central-1" },
      /^region "eu-central-1" does not offer HealthLake: use one of us-east-1/,
      { ...base, region: "eu-west-2" },
    ],
    [
      "bucketPrefixes",
      rules.bucketPrefixes,
      { ...base, importExport: { dataBucketPrefix: "Data_Bucket", logsBucketPrefix: "logs-" } },
      /^importExport.dataBucketPrefix "Data_Bucket" breaks S3 bucket naming/,
      { ...base, importExport: { dataBucketPrefix: "data-", logsBucketPrefix: "logs-" } },
    ],
    [
      "bucketPrefixes (length)",
      rules.bucketPrefixes,
      { ...base, importExport: { dataBucketPrefix: "d".repeat(38), logsBucketPrefix: "logs-" } },
      /dataBucketPrefix "d{38}" breaks S3 bucket naming/,
      { ...base, importExport: { dataBucketPrefix: "d".repeat(37), logsBucketPrefix: "xlogs" } },
    ],
    [
      "cognitoDomainPrefix",
      rules.cognitoDomainPrefix,
      smart({ domainPrefix: "my-cognito-login" }),
      /^smart.cognito.domainPrefix "my-cognito-login" breaks Cognito's domain prefix rules/,
      smart({ domainPrefix: "my-smart-login" }),
    ],
    ["cognitoDomainPrefix (hyphen)", rules.cognitoDomainPrefix, smart({ domainPrefix: "-login" }), /"-login" breaks/, smart({ domainPrefix: "login" })],
    [
      "cognitoDomainPrefix (the default of a stack name with a reserved word is made safe)",
      rules.cognitoDomainPrefix,
      { ...smart({ domainPrefix: "aws-dev-login" }), name: "aws-dev" },
      /^smart.cognito.domainPrefix "aws-dev-login" breaks Cognito's domain prefix rules: it contains "aws", which Cognito reserves/,
      { ...smart({}), name: "aws-dev" },
    ],
    [
      "redirectUrls",
      rules.redirectUrls,
      smart({ callbackUrls: ["http://app.example.org/cb"] }),
      /^smart.cognito.callbackUrls\[0\] "http:\/\/app.example.org\/cb" is not HTTPS/,
      smart({ callbackUrls: ["https://app.example.org/cb", "http://localhost:3000/cb"] }),
    ],
    [
      "redirectUrls (logout)",
      rules.redirectUrls,
      smart({ logoutUrls: ["https://app.example.org/#out"] }),
      /^smart.cognito.logoutUrls\[0\] .* has a fragment/,
      smart({ logoutUrls: ["https://app.example.org/out"] }),
    ],
    [
      "tokenValidity",
      rules.tokenValidity,
      smart({ tokenValidity: { accessToken: 2, idToken: 60, refreshToken: 30 } }),
      /^smart.cognito.tokenValidity.accessToken 2 minutes is outside Cognito's limits: use a whole number between 5 minutes and 1 day/,
      smart({ tokenValidity: { accessToken: 5, idToken: 60, refreshToken: 30 } }),
    ],
    [
      "tokenValidity (units)",
      rules.tokenValidity,
      smart({
        tokenValidityUnits: { accessToken: "days", idToken: "minutes", refreshToken: "days" },
        tokenValidity: { accessToken: 2, idToken: 60, refreshToken: 30 },
      }),
      /accessToken 2 days is outside/,
      smart({
        tokenValidityUnits: { accessToken: "days", idToken: "minutes", refreshToken: "days" },
        tokenValidity: { accessToken: 1, idToken: 60, refreshToken: 30 },
      }),
    ],
    [
      "passwordsOutOfConfig",
      rules.passwordsOutOfConfig,
      smart({ testUsers: [{ username: "alice", email: "a@example.org", password: "Str0ng!pass" } as CognitoTestUser] }),
      /^smart.cognito.testUsers\[0\].password is set \(value not shown\): a password in the configuration would be written into cdk.tf.json; remove it and pass it at deploy instead: TF_VAR_test_user_passwords='\{"alice":"..."\}'$/,
      smart({ testUsers: [{ username: "alice", email: "a@example.org" }] }),
    ],
    [
      "passwordsOutOfConfig (gist user)",
      rules.passwordsOutOfConfig,
      smart({ singleTestUser: { username: "test", email: "t@x.org", preferredUsername: "t", password: "x" } as SingleTestUser }),
      /^smart.cognito.singleTestUser.password is set .* TF_VAR_test_user_password='...'$/,
      smart({ singleTestUser: { username: "test", email: "t@x.org", preferredUsername: "t" } }),
    ],
    [
      "uniqueTestUsers",
      rules.uniqueTestUsers,
      smart({
        testUsers: [
          { username: "a", email: "a@x.org" },
          { username: "a", email: "b@x.org" },
        ],
      }),
      /^smart.cognito.testUsers has user "a" more than once/,
      smart({
        testUsers: [
          { username: "a", email: "a@x.org" },
          { username: "b", email: "b@x.org" },
        ],
      }),
    ],
    [
      "oauthFlows (repeated)",
      rules.oauthFlows,
      smart({ oauthFlows: ["code", "code"] }),
      /^smart.cognito.oauthFlows \["code","code"\] repeats a flow/,
      smart({ oauthFlows: ["code", "client_credentials"] }),
    ],
    [
      "oauthFlows (unknown)",
      rules.oauthFlows,
      smart({ oauthFlows: ["implicit" as OAuthFlow] }),
      /^smart.cognito.oauthFlows \["implicit"\] holds \["implicit"\]: use "client_credentials" and\/or "code"/,
      smart({ oauthFlows: ["client_credentials"] }),
    ],
    [
      "oauthFlows (machine without system scope)",
      rules.oauthFlows,
      { ...base, smart: { scopes: ["patient/*.read"], cognito: { oauthFlows: ["client_credentials"] } } },
      /^smart.cognito.oauthFlows includes "client_credentials", but smart.scopes \["patient\/\*.read"\] has no system\/ scope/,
      { ...base, smart: { scopes: ["patient/*.read"], cognito: { oauthFlows: ["code"] } } },
    ],
    [
      "oauthFlows (people without patient or user scope)",
      rules.oauthFlows,
      { ...base, smart: { scopes: ["system/*.read"], cognito: { oauthFlows: ["code"] } } },
      /^smart.cognito.oauthFlows includes "code", but smart.scopes \["system\/\*.read"\] has no patient\/ or user\/ scope/,
      { ...base, smart: { scopes: ["system/*.read", "user/*.read"], cognito: { oauthFlows: ["code"] } } },
    ],
    [
      "mfaFactor",
      rules.mfaFactor,
      smart({ mfaConfiguration: "OPTIONAL", mfaSoftwareToken: false }),
      /^smart.cognito.mfaConfiguration "OPTIONAL" needs a second factor, but smart.cognito.mfaSoftwareToken is false and smart.cognito.sms is not set/,
      smart({ mfaConfiguration: "OPTIONAL", mfaSoftwareToken: false, sms: { snsCallerArn: "arn:aws:iam::111122223333:role/sms", externalId: "x" } }),
    ],
    [
      "smsRole",
      rules.smsRole,
      smart({ sms: { snsCallerArn: "sms-role", externalId: "x" } }),
      /^smart.cognito.sms.snsCallerArn "sms-role" is not an IAM role ARN/,
      smart({ sms: { snsCallerArn: "arn:aws:iam::111122223333:role/sms", externalId: "x" } }),
    ],
    [
      "smartScopes (grammar)",
      rules.smartScopes,
      { ...base, smart: { scopes: ["system/*.*", "system/Patients.read"] } },
      /^smart.scopes "system\/Patients.read" is not a SMART scope Cognito can issue/,
      { ...base, smart: { scopes: ["system/*.*", "system/Patient.read"] } },
    ],
    [
      "smartScopes (launch)",
      rules.smartScopes,
      { ...base, smart: { scopes: ["system/*.*", "launch/encounter"] } },
      /^smart.scopes "launch\/encounter" is not a SMART scope/,
      { ...base, smart: { scopes: ["system/*.*", "launch/patient"] } },
    ],
    [
      "smartScopes (no clinical scope)",
      rules.smartScopes,
      { ...base, smart: { scopes: ["launch/patient"] } },
      /^smart.scopes \["launch\/patient"\] holds no clinical scope/,
      { ...base, smart: { scopes: ["launch/patient", "patient/*.read"] } },
    ],
    [
      "smartScopes (v2 under V1)",
      rules.smartScopes,
      { ...base, smart: { scopes: ["system/*.rs"] } },
      /^smart.scopes "system\/\*.rs" is a SMART v2 scope, which SMART_ON_FHIR_V1 does not honour/,
      { ...base, smart: { scopes: ["system/*.rs"], authorizationStrategy: "SMART_ON_FHIR" } },
    ],
    [
      "accountGuard (format)",
      rules.accountGuard,
      { ...base, allowedAccountIds: ["1111-2222-3333"] },
      /^allowedAccountIds \["1111-2222-3333"\] are not 12-digit AWS account ids/,
      { ...base, allowedAccountIds: ["111122223333"] },
    ],
    ["accountGuard (empty)", rules.accountGuard, { ...base, allowedAccountIds: [] }, /^allowedAccountIds is empty/, base],
    [
      "accountGuard (ARN of another account)",
      rules.accountGuard,
      { ...base, allowedAccountIds: ["111122223333"], kmsAdminArn: "arn:aws:iam::444455556666:role/Admin" },
      /^kmsAdminArn "arn:aws:iam::444455556666:role\/Admin" is in account 444455556666, which allowedAccountIds \["111122223333"\] does not list/,
      { ...base, allowedAccountIds: ["111122223333"], kmsAdminArn: "arn:aws:iam::111122223333:role/Admin" },
    ],
    [
      "oauthFlows (callbacks)",
      rules.oauthFlows,
      smart({ oauthFlows: ["code"], callbackUrls: [] }),
      /^smart.cognito.callbackUrls is empty/,
      smart({ oauthFlows: ["client_credentials"], callbackUrls: [] }),
    ],
    [
      "datastoreKey",
      rules.datastoreKey,
      { ...base, datastore: { name: "f", createKmsKey: true, kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/abc" } },
      /^datastore.kmsKeyArn "arn:aws:kms:us-east-1:111122223333:key\/abc" contradicts datastore.createKmsKey: true/,
      { ...base, datastore: { name: "f", kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/abc" } },
    ],
    [
      "kmsAdmin",
      rules.kmsAdmin,
      { ...base, datastore: { name: "f", createKmsKey: true } },
      /^kmsAdminArn is missing, but a KMS key is created/,
      { ...base, datastore: { name: "f", createKmsKey: true }, kmsAdminArn: "arn:aws:iam::111122223333:role/KeyAdmin" },
    ],
    [
      "kmsAdmin (format)",
      rules.kmsAdmin,
      { ...base, kmsAdminArn: "KeyAdmin" },
      /^kmsAdminArn "KeyAdmin" is not an IAM user, role or root ARN/,
      { ...base, kmsAdminArn: "arn:aws:iam::111122223333:user/alice" },
    ],
    [
      "validatorLimits",
      rules.validatorLimits,
      { ...base, smart: { validator: { memoryMiB: 64 } } },
      /^smart.validator.memoryMiB 64 is outside Lambda's limits/,
      { ...base, smart: { validator: { memoryMiB: 128, timeoutSeconds: 3 } } },
    ],
    [
      "validatorLimits (provisioned above reserved)",
      rules.validatorLimits,
      { ...base, smart: { validator: { reservedConcurrency: 2, provisionedConcurrency: 3 } } },
      /^smart.validator.provisionedConcurrency 3 exceeds smart.validator.reservedConcurrency 2, which Lambda refuses/,
      { ...base, smart: { validator: { provisionedConcurrency: 3 } } },
    ],
    [
      "validatorLimits (invoke condition)",
      rules.validatorLimits,
      { ...base, smart: { validator: { invokeCondition: "sourceArn" as InvokeCondition } } },
      /^smart.validator.invokeCondition "sourceArn" is not one of "none", "account", "datastore"/,
      { ...base, smart: { validator: { invokeCondition: "account" } } },
    ],
    [
      "userPoolTier (identity claims on LITE)",
      rules.userPoolTier,
      { ...base, smart: { identityClaims: {}, cognito: { userPoolTier: "LITE" } } },
      /^smart.identityClaims needs access token customization, which Cognito refuses on smart.cognito.userPoolTier "LITE": set userPoolTier "ESSENTIALS"/,
      { ...base, smart: { identityClaims: {}, cognito: { userPoolTier: "PLUS" } } },
    ],
    [
      "userPoolTier (unknown)",
      rules.userPoolTier,
      smart({ userPoolTier: "FREE" as UserPoolTier }),
      /^smart.cognito.userPoolTier "FREE" is not one of "LITE", "ESSENTIALS", "PLUS"/,
      smart({ userPoolTier: "LITE", oauthFlows: ["client_credentials"] }),
    ],
    [
      "peopleNeedIdentityClaims (fine-grained authorization, the default)",
      rules.peopleNeedIdentityClaims,
      { ...base, smart: {} },
      /^smart.cognito.oauthFlows includes "code" \(a client for people\), but smart.identityClaims is not set: Cognito.s tokens then carry no patient or fhirUser \(the claims smart.fineGrainedAuthorization narrows access by\), so .* add smart.identityClaims: \{\}/,
      { ...base, smart: { identityClaims: {} } },
    ],
    [
      "peopleNeedIdentityClaims (without fine-grained authorization too)",
      rules.peopleNeedIdentityClaims,
      { ...base, smart: { fineGrainedAuthorization: false, cognito: { oauthFlows: ["client_credentials", "code"] } } },
      /but smart.identityClaims is not set: Cognito's tokens then carry no patient or fhirUser, so the validator refuses every person's token/,
      { ...base, smart: { fineGrainedAuthorization: false, cognito: { oauthFlows: ["client_credentials"] } } },
    ],
    [
      "identityClaimsFunction (timeout past Cognito's 5 s)",
      rules.identityClaimsFunction,
      { ...base, smart: { identityClaims: { timeoutSeconds: 6 } } },
      /^smart.identityClaims.timeoutSeconds 6 is outside its limits: use a whole number from 1 to 5 \(Cognito waits 5 s for the trigger\)/,
      { ...base, smart: { identityClaims: { timeoutSeconds: 5 } } },
    ],
    [
      "identityClaimsFunction (memory)",
      rules.identityClaimsFunction,
      { ...base, smart: { identityClaims: { memoryMiB: 100 } } },
      /^smart.identityClaims.memoryMiB 100 is outside Lambda's limits/,
      { ...base, smart: { identityClaims: { memoryMiB: 128 } } },
    ],
    [
      "identityClaimsFunction (name)",
      rules.identityClaimsFunction,
      { ...base, smart: { identityClaims: { functionName: "pre token", roleName: "pre-token" } } },
      /^smart.identityClaims.functionName "pre token" is not a Lambda function name/,
      { ...base, smart: { identityClaims: { functionName: "pre-token", roleName: "pre-token@x" } } },
    ],
    [
      "testUserIdentities (no attributes on the pool)",
      rules.testUserIdentities,
      smart({ testUsers: [{ username: "p", email: "p@x.org", patientId: "1" }] }),
      /^smart.cognito.testUsers\[0\] sets fhirUser or patientId, but smart.identityClaims is not set/,
      smart({ testUsers: [{ username: "p", email: "p@x.org" }] }),
    ],
    [
      "testUserIdentities (fhirUser)",
      rules.testUserIdentities,
      { ...base, smart: { identityClaims: {}, cognito: { testUsers: [{ username: "p", email: "p@x.org", fhirUser: "Organization/1" }] } } },
      /^smart.cognito.testUsers\[0\].fhirUser "Organization\/1" is not a person the trigger accepts/,
      { ...base, smart: { identityClaims: {}, cognito: { testUsers: [{ username: "p", email: "p@x.org", fhirUser: `${HEALTHLAKE_BASE}Practitioner/1` }] } } },
    ],
    [
      "testUserIdentities (fhirUser in another region)",
      rules.testUserIdentities,
      {
        ...base,
        region: "us-west-2",
        smart: { identityClaims: {}, cognito: { testUsers: [{ username: "p", email: "p@x.org", fhirUser: `${HEALTHLAKE_BASE}Patient/1` }] } },
      },
      /fhirUser ".*" is not a person the trigger accepts: .* of us-west-2/,
      { ...base, smart: { identityClaims: {}, cognito: { testUsers: [{ username: "p", email: "p@x.org", fhirUser: "Patient/1" }] } } },
    ],
    [
      "testUserIdentities (patientId)",
      rules.testUserIdentities,
      { ...base, smart: { identityClaims: {}, cognito: { testUsers: [{ username: "p", email: "p@x.org", patientId: "1/2" }] } } },
      /^smart.cognito.testUsers\[0\].patientId "1\/2" is not a FHIR id/,
      { ...base, smart: { identityClaims: {}, cognito: { testUsers: [{ username: "p", email: "p@x.org", patientId: "p-1.2" }] } } },
    ],
    [
      "externalReplacesCognito",
      rules.externalReplacesCognito,
      { ...base, smart: { externalAuthorizationServer: OKTA, cognito: { userPoolName: "pool" } } },
      /^smart.cognito is set, but smart.externalAuthorizationServer replaces the Cognito user pool: remove one of them/,
      { ...base, smart: { externalAuthorizationServer: OKTA } },
    ],
    [
      "externalReplacesCognito (identity claims)",
      rules.externalReplacesCognito,
      { ...base, smart: { externalAuthorizationServer: OKTA, identityClaims: {} } },
      /^smart.identityClaims is a Cognito trigger, but smart.externalAuthorizationServer replaces Cognito/,
      { ...base, smart: { externalAuthorizationServer: { ...OKTA, oauthFlows: ["code"], personClaims: true }, scopes: ["patient/*.read"] } },
    ],
    [
      "externalEndpoints (no preset, no endpoints)",
      rules.externalEndpoints,
      {
        ...base,
        smart: { externalAuthorizationServer: { issuer: "https://idp.example.org", clientIds: ["c"], tokenEndpoint: "https://idp.example.org/token" } },
      },
      /^smart.externalAuthorizationServer.authorizationEndpoint is missing: set it, or a preset \(okta, entra-id, auth0, keycloak\)/,
      {
        ...base,
        smart: {
          externalAuthorizationServer: {
            issuer: "https://idp.example.org",
            clientIds: ["c"],
            tokenEndpoint: "https://idp.example.org/token",
            authorizationEndpoint: "https://idp.example.org/authorize",
          },
        },
      },
    ],
    [
      "externalEndpoints (http)",
      rules.externalEndpoints,
      { ...base, smart: { externalAuthorizationServer: { ...OKTA, jwksUri: "http://example.okta.com/keys" } } },
      /^smart.externalAuthorizationServer.jwksUri "http:\/\/example.okta.com\/keys" is not an https URL/,
      { ...base, smart: { externalAuthorizationServer: { ...OKTA, jwksUri: "https://example.okta.com/keys" } } },
    ],
    [
      "externalEndpoints (introspection on a provider without it)",
      rules.externalEndpoints,
      { ...base, smart: { externalAuthorizationServer: { ...ENTRA, validation: "introspection", introspectionClientId: "v" } } },
      /^smart.externalAuthorizationServer.validation is "introspection", but entra-id documents no introspection endpoint: use validation "oidc"/,
      { ...base, smart: { externalAuthorizationServer: ENTRA } },
    ],
    [
      "externalEndpoints (introspection client)",
      rules.externalEndpoints,
      { ...base, smart: { externalAuthorizationServer: { ...OKTA, validation: "introspection" } } },
      /^smart.externalAuthorizationServer.introspectionClientId is missing/,
      { ...base, smart: { externalAuthorizationServer: { ...OKTA, validation: "introspection", introspectionClientId: "0oa-validator" } } },
    ],
    [
      "externalTokens (an algorithm the validator does not verify)",
      rules.externalTokens,
      { ...base, smart: { externalAuthorizationServer: { ...OKTA, algorithms: ["RS256", "HS256" as SignatureAlgorithm] } } },
      /^smart.externalAuthorizationServer.algorithms \["RS256","HS256"\] must list algorithms of RS256, PS256, ES256 \(those the validator verifies\)/,
      { ...base, smart: { externalAuthorizationServer: { ...OKTA, algorithms: ["RS256", "PS256", "ES256"] } } },
    ],
    [
      "externalTokens (people without person claims)",
      rules.externalTokens,
      { ...base, smart: { externalAuthorizationServer: { ...OKTA, oauthFlows: ["code"] } } },
      /^smart.externalAuthorizationServer.oauthFlows includes "code" \(people\), but personClaims is false/,
      { ...base, smart: { externalAuthorizationServer: { ...OKTA, oauthFlows: ["code"], personClaims: true } } },
    ],
    [
      "externalTokens (clients)",
      rules.externalTokens,
      { ...base, smart: { externalAuthorizationServer: { ...OKTA, clientIds: [] } } },
      /^smart.externalAuthorizationServer.clientIds \[\] must list the accepted app clients/,
      OKTA_ENV,
    ],
    [
      "externalTokens (lifetime)",
      rules.externalTokens,
      { ...base, smart: { externalAuthorizationServer: { ...OKTA, maxTokenLifetimeSeconds: 30 } } },
      /^smart.externalAuthorizationServer.maxTokenLifetimeSeconds 30 must be a whole number from 60 to 2592000/,
      { ...base, smart: { externalAuthorizationServer: { ...OKTA, maxTokenLifetimeSeconds: 60 } } },
    ],
    [
      "oauthFlows (external, machine without a system scope)",
      rules.oauthFlows,
      { ...base, smart: { externalAuthorizationServer: OKTA, scopes: ["patient/*.read"] } },
      /^smart.externalAuthorizationServer.oauthFlows includes "client_credentials", but smart.scopes \["patient\/\*.read"\] has no system\/ scope/,
      OKTA_ENV,
    ],
    [
      "smartFrontSettings (with an external server)",
      rules.smartFrontSettings,
      { ...base, smart: { externalAuthorizationServer: OKTA, smartFront: {} } },
      /^smart.smartFront is the SMART front for Cognito, but smart.externalAuthorizationServer replaces Cognito/,
      { ...base, smart: { externalAuthorizationServer: OKTA, smartFront: { enabled: false } } },
    ],
    [
      "smartFrontSettings (no client for people)",
      rules.smartFrontSettings,
      { ...base, smart: { cognito: { oauthFlows: ["client_credentials"] }, smartFront: {} } },
      /^smart.smartFront serves people's SMART apps, but smart.cognito.oauthFlows has no "code" client/,
      { ...base, smart: { cognito: { oauthFlows: ["client_credentials"] } } },
    ],
    [
      "smartFrontSettings (timeout)",
      rules.smartFrontSettings,
      { ...base, smart: { identityClaims: {}, smartFront: { timeoutSeconds: 30 } } },
      /^smart.smartFront.timeoutSeconds 30 is outside its limits: use a whole number from 1 to 29 \(API Gateway waits at most 30 s\)/,
      { ...base, smart: { identityClaims: {}, smartFront: { timeoutSeconds: 29 } } },
    ],
    [
      "smartFrontSettings (a rate that refuses almost everything)",
      rules.smartFrontSettings,
      { ...base, smart: { identityClaims: {}, smartFront: { throttlingRateLimit: 0.001 } } },
      /^smart.smartFront.throttlingRateLimit 0.001 would refuse every request/,
      { ...base, smart: { identityClaims: {}, smartFront: { throttlingRateLimit: 1 } } },
    ],
    [
      "smartFrontSettings (burst)",
      rules.smartFrontSettings,
      { ...base, smart: { identityClaims: {}, smartFront: { throttlingBurstLimit: 0 } } },
      /^smart.smartFront.throttlingBurstLimit 0 would refuse every request/,
      { ...base, smart: { identityClaims: {}, smartFront: { throttlingBurstLimit: 1 } } },
    ],
    [
      "smartFrontSettings (name)",
      rules.smartFrontSettings,
      { ...base, smart: { identityClaims: {}, smartFront: { functionName: "f".repeat(51) } } },
      /^smart.smartFront.functionName "f{51}" is not a name for the function and its API/,
      { ...base, smart: { identityClaims: {}, smartFront: { functionName: "f".repeat(50) } } },
    ],
    [
      "smartFrontSettings (reservation)",
      rules.smartFrontSettings,
      { ...base, smart: { identityClaims: {}, smartFront: { reservedConcurrency: 0 } } },
      /^smart.smartFront.reservedConcurrency 0 would stop every launch/,
      { ...base, smart: { identityClaims: {}, smartFront: { reservedConcurrency: 1 } } },
    ],
    [
      "redirectUrls (a public client's callback shared with the confidential client)",
      rules.redirectUrls,
      {
        ...base,
        smart: { identityClaims: {}, cognito: { callbackUrls: ["https://a.example/cb"] }, smartFront: { publicClientCallbackUrls: ["https://a.example/cb"] } },
      },
      /^smart.smartFront.publicClientCallbackUrls \["https:\/\/a.example\/cb"\] are also smart.cognito.callbackUrls/,
      {
        ...base,
        smart: { identityClaims: {}, cognito: { callbackUrls: ["https://a.example/cb"] }, smartFront: { publicClientCallbackUrls: ["https://a.example/spa"] } },
      },
    ],
    [
      "redirectUrls (a public client's callback that is the confidential one's, spelt otherwise)",
      rules.redirectUrls,
      {
        ...base,
        smart: {
          identityClaims: {},
          cognito: { callbackUrls: ["https://app.example.org/cb"] },
          smartFront: { publicClientCallbackUrls: ["https://APP.example.org:443/cb"] },
        },
      },
      /^smart.smartFront.publicClientCallbackUrls \["https:\/\/APP.example.org:443\/cb"\] are also smart.cognito.callbackUrls/,
      {
        ...base,
        smart: {
          identityClaims: {},
          cognito: { callbackUrls: ["https://app.example.org/cb"] },
          smartFront: { publicClientCallbackUrls: ["https://app.example.org/spa"] },
        },
      },
    ],
    [
      "smartFrontSettings (a public client without the front)",
      rules.smartFrontSettings,
      { ...base, smart: { identityClaims: {}, smartFront: { enabled: false, publicClientCallbackUrls: ["https://spa.example.org/cb"] } } },
      /^smart.smartFront.publicClientCallbackUrls is set, but smart.smartFront.enabled is false/,
      { ...base, smart: { identityClaims: {}, smartFront: { enabled: false } } },
    ],
    [
      "smartFrontSettings (a stack name too long for the default function name)",
      rules.smartFrontSettings,
      { ...base, name: "a".repeat(40), smart: { identityClaims: {} } },
      /^the SMART front's default function name "a{40}-smart-front" \(from name "a{40}"\) is over 50 characters: set smart.smartFront.functionName, or shorten name to 38/,
      { ...base, name: "a".repeat(38), smart: { identityClaims: {} } },
    ],
    [
      "redirectUrls (a public client's callback over plain HTTP)",
      rules.redirectUrls,
      { ...base, smart: { identityClaims: {}, smartFront: { publicClientCallbackUrls: ["http://spa.example/cb"] } } },
      /^smart.smartFront.publicClientCallbackUrls\[0\] "http:\/\/spa.example\/cb" is not HTTPS/,
      { ...base, smart: { identityClaims: {}, smartFront: { publicClientCallbackUrls: ["http://localhost:5173/cb"] } } },
    ],
    [
      "remoteStateBucket",
      rules.remoteStateBucket,
      { ...base, remoteState: { bucket: "State_Bucket" } },
      /^remoteState.bucket "State_Bucket" is not an S3 bucket name/,
      { ...base, remoteState: { bucket: "state-bucket" } },
    ],
  ] as const)("%s", (_name, rule, bad, message, good) => {
    const problems = rule(resolveConfig(bad as HealthLakeSmartConfig));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(rule(resolveConfig(good as HealthLakeSmartConfig))).toEqual([]);
  });

  test("every rule is run", () => {
    const exported = Object.values(rules).filter((value): value is rules.ConfigRule => typeof value === "function" && !["configProblems"].includes(value.name));
    expect([...rules.CONFIG_RULES].sort((a, b) => a.name.localeCompare(b.name))).toEqual(exported.sort((a, b) => a.name.localeCompare(b.name)));
  });

  test("a password in the configuration is never printed", () => {
    const [problem] = rules.passwordsOutOfConfig(
      resolveConfig(smart({ testUsers: [{ username: "bob", email: "b@x.org", password: "s3cretNoSymbol" } as CognitoTestUser] })),
    );
    expect(problem).toMatch(/^smart.cognito.testUsers\[0\].password is set/);
    expect(problem).not.toContain("s3cret");
  });
});

describe("the shipped environments", () => {
  test("the shipped environments are valid and uniquely named", () => {
    for (const env of [sandbox, complete]) expect(rules.configProblems(resolveConfig(env))).toEqual([]);
    const names = ENVIRONMENTS.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
