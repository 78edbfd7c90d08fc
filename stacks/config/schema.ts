import { z } from "zod";
import type { AuthorizationStrategy } from "../../smart/scope-grammar";
import { SIGNATURE_ALGORITHMS } from "../../smart/signature-algorithms";
import { AUTHORIZATION_SERVER_PRESET_NAMES } from "./authorization-server-presets";

// What an environment file under `environments/` writes, as a schema: its shape and types (strict: an
// unknown key is an error), from which the TypeScript types are inferred (./types.ts). Every optional
// field with a default has it in `./defaults.ts` (one value, used by `./resolve.ts`, checked in
// docs/configuration.md); a field without one says here what leaving it out means. `./rules.ts` checks
// the values of the resolved configuration.

// Every strategy of the shared grammar, no other (the grammar is the validator's too, so it stays a type).
const AUTHORIZATION_STRATEGIES = ["SMART_ON_FHIR_V1", "SMART_ON_FHIR"] as const satisfies readonly AuthorizationStrategy[];
const AuthorizationStrategySchema = z.enum(AUTHORIZATION_STRATEGIES) satisfies z.ZodType<
  AuthorizationStrategy,
  AuthorizationStrategy extends (typeof AUTHORIZATION_STRATEGIES)[number] ? AuthorizationStrategy : never
>;
const SignatureAlgorithmSchema = z.enum(SIGNATURE_ALGORITHMS);
const AuthorizationServerPresetSchema = z.enum(AUTHORIZATION_SERVER_PRESET_NAMES);

/** OAuth flows a Cognito app client can allow that HealthLake accepts in its SMART metadata. */
export const OAuthFlowSchema = z.enum(["client_credentials", "code"]);

/** How the validator verifies an external server's tokens. */
export const TokenValidationSchema = z.enum(["oidc", "introspection"]);

/** Cognito's feature plans (`user_pool_tier`), priced per monthly active user. */
export const UserPoolTierSchema = z.enum(["LITE", "ESSENTIALS", "PLUS"]);

export const TokenValidityUnitSchema = z.enum(["seconds", "minutes", "hours", "days"]);

/** Which HealthLake requests may invoke the validator (`aws_lambda_permission` conditions). */
export const InvokeConditionSchema = z.enum(["none", "account", "datastore"]);

export const RemoteStateSchema = z.strictObject({
  /** An existing, versioned bucket. */
  bucket: z.string(),
  /** The state object's key. */
  key: z.string().optional(),
  /** The bucket's region. */
  region: z.string().optional(),
  /** Customer-managed key for the state object. Absent: SSE-S3. */
  kmsKeyId: z.string().optional(),
});

export const DatastoreSchema = z.strictObject({
  /** Module: `datastore_name`. Changing it replaces the datastore. */
  name: z.string(),
  /** Module: `fhir_version`. */
  fhirVersion: z.enum(["R4"]).optional(),
  /** Load Synthea sample data at creation (module: `preload_data`). */
  preloadSynthea: z.boolean().optional(),
  /** Create `aws_kms_key.datastore` and encrypt with it (module: `create_kms_key`). */
  createKmsKey: z.boolean().optional(),
  /** An existing customer-managed key instead. Absent: an AWS-owned key unless `createKmsKey`. */
  kmsKeyArn: z.string().optional(),
});

export const SmartFrontSchema = z.strictObject({
  /**
   * `false`: no front. Discovery then names Cognito's endpoints and withdraws what only the front
   * delivers: `launch-standalone`, `context-standalone-patient`, `sso-openid-connect`, `client-public`,
   * the scopes `fhirUser` and `offline_access`, and the grant `refresh_token`.
   */
  enabled: z.boolean().optional(),
  /**
   * A public app client (no secret; the front requires PKCE) for browser and mobile apps, at
   * `aws_cognito_user_pool_client.public`, with these callback URLs, none of them one of
   * `cognito.callbackUrls`: an authorization code is then only ever sent to the app of the client it was
   * issued to. HTTPS, or http://localhost. Absent: no public client, and no `client-public`.
   */
  publicClientCallbackUrls: z.array(z.string()).optional(),
  /**
   * `refresh_token` in discovery's `grant_types_supported`, as SMART asks. HealthLake's documentation
   * names only `authorization_code` and `client_credentials` as valid there, while the reference gist
   * deploys more: turn this off if `CreateFHIRDatastore` or `UpdateFHIRDatastore` refuses the metadata.
   * Refresh works either way.
   */
  advertiseRefreshTokenGrant: z.boolean().optional(),
  /** Absent: `<name>-smart-front`. Also names the API. */
  functionName: z.string().optional(),
  /** Absent: the function name. */
  roleName: z.string().optional(),
  memoryMiB: z.number().optional(),
  /** Lambda timeout; the front waits for Cognito 1 s less. API Gateway waits at most 30 s. */
  timeoutSeconds: z.number().optional(),
  /** Retention of the function's and the API's access log groups, a CloudWatch Logs value. */
  logRetentionDays: z.number().optional(),
  /** Customer-managed key for both log groups; its policy must allow `logs.<region>.amazonaws.com`. Absent: CloudWatch Logs' own encryption. */
  logKmsKeyArn: z.string().optional(),
  /**
   * Executions kept for the front, and its ceiling: a flood of launches then cannot take the account's
   * unreserved pool from other functions. Lambda keeps 100 of the account's executions unreserved.
   * Absent: none (the account's unreserved pool; API Gateway's throttling still applies).
   */
  reservedConcurrency: z.number().optional(),
  /** AWS X-Ray active tracing. */
  tracing: z.boolean().optional(),
  /** Requests per second each route accepts in the steady state (API Gateway stage throttling). */
  throttlingRateLimit: z.number().optional(),
  /** Requests each route accepts at once above the steady rate. */
  throttlingBurstLimit: z.number().optional(),
});

export const ExternalAuthorizationServerSchema = z.strictObject({
  /** Defaults for the endpoints and token claims from the provider's documentation; every field below overrides them. Absent: none. */
  preset: AuthorizationServerPresetSchema.optional(),
  /** The `iss` of its tokens, exactly (Auth0's ends with a slash). */
  issuer: z.string(),
  /** `oidc`: JWT access tokens, signatures checked with the issuer's keys; `introspection`: RFC 7662 (opaque tokens). */
  validation: TokenValidationSchema.optional(),
  /** The app clients whose tokens the datastore accepts. */
  clientIds: z.array(z.string()),
  /** The `aud` tokens must name (an API identifier). Absent: the datastore's FHIR endpoint, as SMART's `aud` parameter asks. */
  audience: z.string().optional(),
  /** Absent: the preset's, else read from the issuer's discovery document at deploy. */
  jwksUri: z.string().optional(),
  /** Absent: the preset's; required without one. */
  authorizationEndpoint: z.string().optional(),
  /** Absent: the preset's; required without one. */
  tokenEndpoint: z.string().optional(),
  /** RFC 7662 endpoint for `introspection`. Absent: the preset's (Okta, Keycloak). */
  introspectionEndpoint: z.string().optional(),
  /** The validator's own client id at the introspection endpoint; its secret goes in the Secrets Manager secret the stack creates. */
  introspectionClientId: z.string().optional(),
  /** The claim naming the client. Absent: the preset's, else `client_id`. */
  clientClaim: z.string().optional(),
  /** Claims holding scopes. Absent: the preset's, else `["scope"]`. */
  scopeClaims: z.array(z.string()).optional(),
  /** Signature algorithms accepted (`oidc`): RS256, PS256, ES256. Absent: the preset's, else `["RS256"]`. */
  algorithms: z.array(SignatureAlgorithmSchema).optional(),
  /** Longest `exp - iat` accepted. Absent: the preset's, else one day. */
  maxTokenLifetimeSeconds: z.number().optional(),
  /** What discovery advertises: `client_credentials` (machines) and/or `code` (people). */
  oauthFlows: z.array(OAuthFlowSchema).optional(),
  /** The server puts `fhirUser` and `patient` into people's tokens (needed for `code`: SMART for people). */
  personClaims: z.boolean().optional(),
});

export const IdentityClaimsSchema = z.strictObject({
  /** Absent: `<name>-pre-token-generation`. */
  functionName: z.string().optional(),
  /** Absent: the function name. */
  roleName: z.string().optional(),
  memoryMiB: z.number().optional(),
  /** Cognito waits 5 s for the trigger, then fails the sign-in. */
  timeoutSeconds: z.number().optional(),
  /** Retention of `aws_cloudwatch_log_group.pre_token_generation`, a CloudWatch Logs value. */
  logRetentionDays: z.number().optional(),
  /** Customer-managed key for the log group; its policy must allow `logs.<region>.amazonaws.com`. Absent: CloudWatch Logs' own encryption. */
  logKmsKeyArn: z.string().optional(),
  /**
   * Executions kept for the trigger: when it is throttled, sign-ins fail. Lambda keeps 100 of the
   * account's executions unreserved. Absent: none (the account's unreserved pool).
   */
  reservedConcurrency: z.number().optional(),
  /** AWS X-Ray active tracing. */
  tracing: z.boolean().optional(),
});

export const TokenValiditySchema = z.strictObject({
  accessToken: z.number(),
  idToken: z.number(),
  refreshToken: z.number(),
});

export const TokenValidityUnitsSchema = z.strictObject({
  accessToken: TokenValidityUnitSchema,
  idToken: TokenValidityUnitSchema,
  refreshToken: TokenValidityUnitSchema,
});

/**
 * The reference gist's single user at `aws_cognito_user.test_user`. Its first password is the
 * optional variable `test_user_password`; without it Cognito gives the user a temporary password
 * and sends no invitation (the gist's address is not yours).
 */
export const SingleTestUserSchema = z.strictObject({
  username: z.string(),
  email: z.string(),
  preferredUsername: z.string(),
});

/** A user at `aws_cognito_user.test_users["<username>"]` (module: `cognito_test_users`). */
export const CognitoTestUserSchema = z.strictObject({
  username: z.string(),
  email: z.string(),
  /** Absent: the username. */
  preferredUsername: z.string().optional(),
  /** Whether the email counts as verified. Absent: true. */
  emailVerified: z.boolean().optional(),
  /** `custom:fhir_user`, the `fhirUser` of the user's tokens (needs `smart.identityClaims`). Absent: none. */
  fhirUser: z.string().optional(),
  /** `custom:patient_id`, the `patient` of the user's tokens (needs `smart.identityClaims`). Absent: none. */
  patientId: z.string().optional(),
});

export const SmsSchema = z.strictObject({
  /** Role Cognito assumes to publish SMS through SNS. */
  snsCallerArn: z.string(),
  /** External id the role's trust policy requires. */
  externalId: z.string(),
  /** Absent: the pool's region. */
  snsRegion: z.string().optional(),
});

export const CognitoSchema = z.strictObject({
  userPoolName: z.string().optional(),
  /**
   * The pool's feature plan. ESSENTIALS is what AWS gives a new pool and what `identityClaims` needs;
   * LITE costs less per active user; PLUS adds threat protection (docs/configuration.md, prices).
   */
  userPoolTier: UserPoolTierSchema.optional(),
  /**
   * Hosted UI `https://<domainPrefix>.auth.<region>.amazoncognito.com` (module: `cognito_domain`).
   * Prefixes are unique per region across all AWS accounts. Absent: `<name>-fhir-<account id>`,
   * composed by Terraform, unique to the account (the module's "smart-fhir" is taken).
   */
  domainPrefix: z.string().optional(),
  clientName: z.string().optional(),
  deletionProtection: z.enum(["ACTIVE", "INACTIVE"]).optional(),
  mfaConfiguration: z.enum(["OFF", "ON", "OPTIONAL"]).optional(),
  /** TOTP authenticator apps as a second factor whenever MFA is not OFF. */
  mfaSoftwareToken: z.boolean().optional(),
  /** SMS as a second factor (and for SMS messages): Cognito sends through SNS with this role. Absent: no SMS. */
  sms: SmsSchema.optional(),
  /**
   * `client_credentials` (machine to machine, `system/` scopes) and/or `code` (authorization code with
   * PKCE, for people: OIDC, launch, patient and user scopes). One app client per flow: the first keeps
   * the reference address `aws_cognito_user_pool_client.client`, a second is
   * `aws_cognito_user_pool_client.machine` or `.people` (module: `grant_type`).
   */
  oauthFlows: z.array(OAuthFlowSchema).optional(),
  /** HTTPS, or http://localhost. */
  callbackUrls: z.array(z.string()).optional(),
  logoutUrls: z.array(z.string()).optional(),
  tokenValidity: TokenValiditySchema.optional(),
  tokenValidityUnits: TokenValidityUnitsSchema.optional(),
  testUsers: z.array(CognitoTestUserSchema).optional(),
  /** Only for parity with the gist's state. Absent: none. */
  singleTestUser: SingleTestUserSchema.optional(),
});

export const ValidatorSchema = z.strictObject({
  functionName: z.string().optional(),
  roleName: z.string().optional(),
  /** Name of `aws_iam_role_policy.cognito_access` (module: `lambda_cognito_access_role`). */
  cognitoPolicyName: z.string().optional(),
  /** Lambda CPU grows with memory. */
  memoryMiB: z.number().optional(),
  /** HealthLake stops waiting after 1 s. */
  timeoutSeconds: z.number().optional(),
  /** Retention of `aws_cloudwatch_log_group.token_validator`, a CloudWatch Logs value. */
  logRetentionDays: z.number().optional(),
  /** Customer-managed key for the log group; its policy must allow `logs.<region>.amazonaws.com`. Absent: CloudWatch Logs' own encryption. */
  logKmsKeyArn: z.string().optional(),
  /**
   * Executions kept for the validator, so other functions cannot starve it. Lambda refuses a
   * reservation that leaves the account fewer than 100 unreserved executions, and new accounts
   * often have 10 or 50 in all. Absent: none (the account's unreserved pool).
   */
  reservedConcurrency: z.number().optional(),
  /**
   * Warm environments behind the alias `live`; a new datastore then calls the alias, and a code
   * change rolls out by moving it, without touching the datastore. 0: none, no alias.
   */
  provisionedConcurrency: z.number().optional(),
  /** AWS X-Ray active tracing. */
  tracing: z.boolean().optional(),
  /**
   * Conditions on HealthLake's invoke permission: `account` adds `source_account`, `datastore` also
   * `source_arn`. AWS documents neither for HealthLake, and a condition HealthLake does not satisfy
   * denies every request with no validator log line: verify on your account before tightening.
   */
  invokeCondition: InvokeConditionSchema.optional(),
  /**
   * Emit a Terraform `import` block for `/aws/lambda/<functionName>`: the log group a function
   * creates on its first call. Turn it on when moving from the gist, whose Lambda made it.
   */
  importExistingLogGroup: z.boolean().optional(),
});

export const ImportExportSchema = z.strictObject({
  /** `bucket_prefix` of `aws_s3_bucket.data` (module: `data_bucket_name`). */
  dataBucketPrefix: z.string(),
  /** `bucket_prefix` of `aws_s3_bucket.access_logs` (module: `logs_bucket_name`). */
  logsBucketPrefix: z.string(),
  roleName: z.string().optional(),
  policyName: z.string().optional(),
});

export const SmartSchema = z.strictObject({
  /** `SMART_ON_FHIR` also honours SMART v2 scopes (c/r/u/d/s). */
  authorizationStrategy: AuthorizationStrategySchema.optional(),
  /** HealthLake narrows `user/` and `patient/` access to the `fhirUser` compartment. */
  fineGrainedAuthorization: z.boolean().optional(),
  /** The role HealthLake assumes for allowed requests. */
  serviceRoleName: z.string().optional(),
  /**
   * The SMART scopes Cognito can issue, each `<level>/<name>` becoming scope `<name>` of the resource
   * server `<level>` (`system`, `patient`, `user`, `launch`). `system/` scopes go to the machine client
   * only, the others to the client people sign in with.
   */
  scopes: z.array(z.string()).optional(),
  /** The Cognito user pool that issues the tokens. */
  cognito: CognitoSchema.optional(),
  /** The Lambda HealthLake calls to validate each token. */
  validator: ValidatorSchema.optional(),
  /**
   * People's identity in their tokens: Cognito's pre token generation trigger adds `fhirUser` and
   * `patient` from the user attributes `custom:fhir_user` and `custom:patient_id`, and suppresses the
   * scopes a person cannot hold. Needs `cognito.userPoolTier` ESSENTIALS or PLUS. Absent: off, and a
   * client for people (`cognito.oauthFlows` "code") would issue no token the validator accepts, so the
   * configuration is refused. Cognito never deletes a custom attribute: once deployed, keep it on.
   */
  identityClaims: IdentityClaimsSchema.optional(),
  /**
   * An authorization server you already run (Okta, Entra ID, Auth0, Keycloak, any OpenID provider)
   * instead of the Cognito user pool: no Cognito resource is created, discovery is built from its
   * endpoints, and the validator verifies its tokens. Absent: Cognito. Not with `cognito` or `identityClaims`.
   */
  externalAuthorizationServer: ExternalAuthorizationServerSchema.optional(),
  /**
   * The SMART front for Cognito: `/authorize` and `/token` as SMART apps expect them (API Gateway and a
   * Lambda), advertised in discovery instead of Cognito's own, with a public app client beside the
   * confidential one. On whenever Cognito has a client for people (`cognito.oauthFlows` "code").
   */
  smartFront: SmartFrontSchema.optional(),
});

/** One environment: everything one stack deploys. */
export const HealthLakeSmartSchema = z.strictObject({
  /** Stack name: `cdktf deploy <name>` and the folder under `cdktf.out/stacks/`. Lower case, digits, hyphens. */
  name: z.string(),
  /** The region of every resource; one HealthLake offers. */
  region: z.string().optional(),
  /**
   * The AWS accounts this stack may run in (the aws provider's `allowed_account_ids`): any plan in
   * another account stops before it changes anything. Absent: any account.
   */
  allowedAccountIds: z.array(z.string()).optional(),
  /** Tags on every taggable resource (aws provider default tags, and the datastore). */
  tags: z.record(z.string(), z.string()).optional(),
  /** Keep state in S3. Absent: local state in `terraform.<name>.tfstate` at the project root. */
  remoteState: RemoteStateSchema.optional(),
  datastore: DatastoreSchema,
  /** Principal that administers the KMS keys (module: `kms_admin_iam_arn`). Required when a key is created. */
  kmsAdminArn: z.string().optional(),
  /** SMART on FHIR: Cognito, the token validator and the service role (module: `smart_on_fhir`). Absent: an AWS_AUTH datastore. */
  smart: SmartSchema.optional(),
  /** S3 buckets, KMS key and role for `StartFHIRImportJob`/`StartFHIRExportJob`. Absent: none. */
  importExport: ImportExportSchema.optional(),
  /**
   * `prevent_destroy` on the datastore and the data bucket: Terraform refuses any plan that would
   * delete them. Off, a destroy also empties the buckets. Turn it off, and deploy, only to tear down.
   */
  protectData: z.boolean().optional(),
});
