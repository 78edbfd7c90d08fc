import type { AuthorizationStrategy } from "../../smart/scope-grammar";
import type { SignatureAlgorithm } from "../../smart/signature-algorithms";
import type { AuthorizationServerPreset } from "./authorization-server-presets";

// What an environment file under `environments/` writes. Every optional field with a default has
// it in `./defaults.ts` (one value, used by `./resolve.ts`, checked in docs/configuration.md); a field
// without one says here what leaving it out means. `./rules.ts` checks the resolved configuration.

/** One environment: everything one stack deploys. */
export interface HealthLakeSmartConfig {
  /** Stack name: `cdktf deploy <name>` and the folder under `cdktf.out/stacks/`. Lower case, digits, hyphens. */
  readonly name: string;
  /** The region of every resource; one HealthLake offers. */
  readonly region?: string;
  /**
   * The AWS accounts this stack may run in (the aws provider's `allowed_account_ids`): any plan in
   * another account stops before it changes anything. Absent: any account.
   */
  readonly allowedAccountIds?: readonly string[];
  /** Tags on every taggable resource (aws provider default tags, and the datastore). */
  readonly tags?: Readonly<Record<string, string>>;
  /** Keep state in S3. Absent: local state in `terraform.<name>.tfstate` at the project root. */
  readonly remoteState?: RemoteStateConfig;
  readonly datastore: DatastoreConfig;
  /** Principal that administers the KMS keys (module: `kms_admin_iam_arn`). Required when a key is created. */
  readonly kmsAdminArn?: string;
  /** SMART on FHIR: Cognito, the token validator and the service role (module: `smart_on_fhir`). Absent: an AWS_AUTH datastore. */
  readonly smart?: SmartConfig;
  /** S3 buckets, KMS key and role for `StartFHIRImportJob`/`StartFHIRExportJob`. Absent: none. */
  readonly importExport?: ImportExportConfig;
  /**
   * `prevent_destroy` on the datastore and the data bucket: Terraform refuses any plan that would
   * delete them. Off, a destroy also empties the buckets. Turn it off, and deploy, only to tear down.
   */
  readonly protectData?: boolean;
}

export interface RemoteStateConfig {
  /** An existing, versioned bucket. */
  readonly bucket: string;
  /** The state object's key. */
  readonly key?: string;
  /** The bucket's region. */
  readonly region?: string;
  /** Customer-managed key for the state object. Absent: SSE-S3. */
  readonly kmsKeyId?: string;
}

export interface DatastoreConfig {
  /** Module: `datastore_name`. Changing it replaces the datastore. */
  readonly name: string;
  /** Module: `fhir_version`. */
  readonly fhirVersion?: "R4";
  /** Load Synthea sample data at creation (module: `preload_data`). */
  readonly preloadSynthea?: boolean;
  /** Create `aws_kms_key.datastore` and encrypt with it (module: `create_kms_key`). */
  readonly createKmsKey?: boolean;
  /** An existing customer-managed key instead. Absent: an AWS-owned key unless `createKmsKey`. */
  readonly kmsKeyArn?: string;
}

/** OAuth flows a Cognito app client can allow that HealthLake accepts in its SMART metadata. */
export type OAuthFlow = "client_credentials" | "code";

export interface SmartConfig {
  /** `SMART_ON_FHIR` also honours SMART v2 scopes (c/r/u/d/s). */
  readonly authorizationStrategy?: AuthorizationStrategy;
  /** HealthLake narrows `user/` and `patient/` access to the `fhirUser` compartment. */
  readonly fineGrainedAuthorization?: boolean;
  /** The role HealthLake assumes for allowed requests. */
  readonly serviceRoleName?: string;
  /**
   * The SMART scopes Cognito can issue, each `<level>/<name>` becoming scope `<name>` of the resource
   * server `<level>` (`system`, `patient`, `user`, `launch`). `system/` scopes go to the machine client
   * only, the others to the client people sign in with.
   */
  readonly scopes?: readonly string[];
  /** The Cognito user pool that issues the tokens. */
  readonly cognito?: CognitoConfig;
  /** The Lambda HealthLake calls to validate each token. */
  readonly validator?: ValidatorConfig;
  /**
   * People's identity in their tokens: Cognito's pre token generation trigger adds `fhirUser` and
   * `patient` from the user attributes `custom:fhir_user` and `custom:patient_id`, and suppresses the
   * scopes a person cannot hold. Needs `cognito.userPoolTier` ESSENTIALS or PLUS. Absent: off, and a
   * client for people (`cognito.oauthFlows` "code") would issue no token the validator accepts, so the
   * configuration is refused. Cognito never deletes a custom attribute: once deployed, keep it on.
   */
  readonly identityClaims?: IdentityClaimsConfig;
  /**
   * An authorization server you already run (Okta, Entra ID, Auth0, Keycloak, any OpenID provider)
   * instead of the Cognito user pool: no Cognito resource is created, discovery is built from its
   * endpoints, and the validator verifies its tokens. Absent: Cognito. Not with `cognito` or `identityClaims`.
   */
  readonly externalAuthorizationServer?: ExternalAuthorizationServerConfig;
  /**
   * The SMART front for Cognito: `/authorize` and `/token` as SMART apps expect them (API Gateway and a
   * Lambda), advertised in discovery instead of Cognito's own, with a public app client beside the
   * confidential one. On whenever Cognito has a client for people (`cognito.oauthFlows` "code").
   */
  readonly smartFront?: SmartFrontConfig;
}

export interface SmartFrontConfig {
  /**
   * `false`: no front. Discovery then names Cognito's endpoints and withdraws what only the front
   * delivers: `launch-standalone`, `context-standalone-patient`, `sso-openid-connect`, `client-public`,
   * and the scopes `fhirUser` and `offline_access`.
   */
  readonly enabled?: boolean;
  /**
   * A public app client (no secret; the front requires PKCE) for browser and mobile apps, at
   * `aws_cognito_user_pool_client.public`, with these callback URLs, none of them one of
   * `cognito.callbackUrls`: an authorization code is then only ever sent to the app of the client it was
   * issued to. HTTPS, or http://localhost. Absent: no public client, and no `client-public`.
   */
  readonly publicClientCallbackUrls?: readonly string[];
  /**
   * `refresh_token` in discovery's `grant_types_supported`, as SMART asks. HealthLake's documentation
   * names only `authorization_code` and `client_credentials` as valid there, while the reference gist
   * deploys more: turn this off if `CreateFHIRDatastore` or `UpdateFHIRDatastore` refuses the metadata.
   * Refresh works either way.
   */
  readonly advertiseRefreshTokenGrant?: boolean;
  /** Absent: `<name>-smart-front`. Also names the API. */
  readonly functionName?: string;
  /** Absent: the function name. */
  readonly roleName?: string;
  readonly memoryMiB?: number;
  /** Lambda timeout; the front waits for Cognito 1 s less. API Gateway waits at most 30 s. */
  readonly timeoutSeconds?: number;
  /** Retention of the function's and the API's access log groups, a CloudWatch Logs value. */
  readonly logRetentionDays?: number;
  /** Customer-managed key for both log groups; its policy must allow `logs.<region>.amazonaws.com`. Absent: CloudWatch Logs' own encryption. */
  readonly logKmsKeyArn?: string;
  /**
   * Executions kept for the front, and its ceiling: a flood of launches then cannot take the account's
   * unreserved pool from other functions. Lambda keeps 100 of the account's executions unreserved.
   * Absent: none (the account's unreserved pool; API Gateway's throttling still applies).
   */
  readonly reservedConcurrency?: number;
  /** AWS X-Ray active tracing. */
  readonly tracing?: boolean;
  /** Requests per second each route accepts in the steady state (API Gateway stage throttling). */
  readonly throttlingRateLimit?: number;
  /** Requests each route accepts at once above the steady rate. */
  readonly throttlingBurstLimit?: number;
}

/** How the validator verifies an external server's tokens. */
export type TokenValidation = "oidc" | "introspection";

export interface ExternalAuthorizationServerConfig {
  /** Defaults for the endpoints and token claims from the provider's documentation; every field below overrides them. Absent: none. */
  readonly preset?: AuthorizationServerPreset;
  /** The `iss` of its tokens, exactly (Auth0's ends with a slash). */
  readonly issuer: string;
  /** `oidc`: JWT access tokens, signatures checked with the issuer's keys; `introspection`: RFC 7662 (opaque tokens). */
  readonly validation?: TokenValidation;
  /** The app clients whose tokens the datastore accepts. */
  readonly clientIds: readonly string[];
  /** The `aud` tokens must name (an API identifier). Absent: the datastore's FHIR endpoint, as SMART's `aud` parameter asks. */
  readonly audience?: string;
  /** Absent: the preset's, else read from the issuer's discovery document at deploy. */
  readonly jwksUri?: string;
  /** Absent: the preset's; required without one. */
  readonly authorizationEndpoint?: string;
  /** Absent: the preset's; required without one. */
  readonly tokenEndpoint?: string;
  /** RFC 7662 endpoint for `introspection`. Absent: the preset's (Okta, Keycloak). */
  readonly introspectionEndpoint?: string;
  /** The validator's own client id at the introspection endpoint; its secret goes in the Secrets Manager secret the stack creates. */
  readonly introspectionClientId?: string;
  /** The claim naming the client. Absent: the preset's, else `client_id`. */
  readonly clientClaim?: string;
  /** Claims holding scopes. Absent: the preset's, else `["scope"]`. */
  readonly scopeClaims?: readonly string[];
  /** Signature algorithms accepted (`oidc`): RS256, ES256. Absent: the preset's, else `["RS256"]`. */
  readonly algorithms?: readonly SignatureAlgorithm[];
  /** Longest `exp - iat` accepted. Absent: the preset's, else one day. */
  readonly maxTokenLifetimeSeconds?: number;
  /** What discovery advertises: `client_credentials` (machines) and/or `code` (people). */
  readonly oauthFlows?: readonly OAuthFlow[];
  /** The server puts `fhirUser` and `patient` into people's tokens (needed for `code`: SMART for people). */
  readonly personClaims?: boolean;
}

export interface IdentityClaimsConfig {
  /** Absent: `<name>-pre-token-generation`. */
  readonly functionName?: string;
  /** Absent: the function name. */
  readonly roleName?: string;
  readonly memoryMiB?: number;
  /** Cognito waits 5 s for the trigger, then fails the sign-in. */
  readonly timeoutSeconds?: number;
  /** Retention of `aws_cloudwatch_log_group.pre_token_generation`, a CloudWatch Logs value. */
  readonly logRetentionDays?: number;
  /** Customer-managed key for the log group; its policy must allow `logs.<region>.amazonaws.com`. Absent: CloudWatch Logs' own encryption. */
  readonly logKmsKeyArn?: string;
  /**
   * Executions kept for the trigger: when it is throttled, sign-ins fail. Lambda keeps 100 of the
   * account's executions unreserved. Absent: none (the account's unreserved pool).
   */
  readonly reservedConcurrency?: number;
  /** AWS X-Ray active tracing. */
  readonly tracing?: boolean;
}

/** Cognito's feature plans (`user_pool_tier`), priced per monthly active user. */
export type UserPoolTier = "LITE" | "ESSENTIALS" | "PLUS";

export type TokenValidityUnit = "seconds" | "minutes" | "hours" | "days";

export interface TokenValidity {
  readonly accessToken: number;
  readonly idToken: number;
  readonly refreshToken: number;
}

export interface TokenValidityUnits {
  readonly accessToken: TokenValidityUnit;
  readonly idToken: TokenValidityUnit;
  readonly refreshToken: TokenValidityUnit;
}

/**
 * The reference gist's single user at `aws_cognito_user.test_user`. Its first password is the
 * optional variable `test_user_password`; without it Cognito gives the user a temporary password
 * and sends no invitation (the gist's address is not yours).
 */
export interface SingleTestUser {
  readonly username: string;
  readonly email: string;
  readonly preferredUsername: string;
}

/** A user at `aws_cognito_user.test_users["<username>"]` (module: `cognito_test_users`). */
export interface CognitoTestUser {
  readonly username: string;
  readonly email: string;
  /** Absent: the username. */
  readonly preferredUsername?: string;
  /** Whether the email counts as verified. Absent: true. */
  readonly emailVerified?: boolean;
  /** `custom:fhir_user`, the `fhirUser` of the user's tokens (needs `smart.identityClaims`). Absent: none. */
  readonly fhirUser?: string;
  /** `custom:patient_id`, the `patient` of the user's tokens (needs `smart.identityClaims`). Absent: none. */
  readonly patientId?: string;
}

export interface CognitoConfig {
  readonly userPoolName?: string;
  /**
   * The pool's feature plan. ESSENTIALS is what AWS gives a new pool and what `identityClaims` needs;
   * LITE costs less per active user; PLUS adds threat protection (docs/configuration.md, prices).
   */
  readonly userPoolTier?: UserPoolTier;
  /**
   * Hosted UI `https://<domainPrefix>.auth.<region>.amazoncognito.com` (module: `cognito_domain`).
   * Prefixes are unique per region across all AWS accounts. Absent: `<name>-fhir-<account id>`,
   * composed by Terraform, unique to the account (the module's "smart-fhir" is taken).
   */
  readonly domainPrefix?: string;
  readonly clientName?: string;
  readonly deletionProtection?: "ACTIVE" | "INACTIVE";
  readonly mfaConfiguration?: "OFF" | "ON" | "OPTIONAL";
  /** TOTP authenticator apps as a second factor whenever MFA is not OFF. */
  readonly mfaSoftwareToken?: boolean;
  /** SMS as a second factor (and for SMS messages): Cognito sends through SNS with this role. Absent: no SMS. */
  readonly sms?: SmsConfig;
  /**
   * `client_credentials` (machine to machine, `system/` scopes) and/or `code` (authorization code with
   * PKCE, for people: OIDC, launch, patient and user scopes). One app client per flow: the first keeps
   * the reference address `aws_cognito_user_pool_client.client`, a second is
   * `aws_cognito_user_pool_client.machine` or `.people` (module: `grant_type`).
   */
  readonly oauthFlows?: readonly OAuthFlow[];
  /** HTTPS, or http://localhost. */
  readonly callbackUrls?: readonly string[];
  readonly logoutUrls?: readonly string[];
  readonly tokenValidity?: TokenValidity;
  readonly tokenValidityUnits?: TokenValidityUnits;
  readonly testUsers?: readonly CognitoTestUser[];
  /** Only for parity with the gist's state. Absent: none. */
  readonly singleTestUser?: SingleTestUser;
}

export interface SmsConfig {
  /** Role Cognito assumes to publish SMS through SNS. */
  readonly snsCallerArn: string;
  /** External id the role's trust policy requires. */
  readonly externalId: string;
  /** Absent: the pool's region. */
  readonly snsRegion?: string;
}

/** Which HealthLake requests may invoke the validator (`aws_lambda_permission` conditions). */
export type InvokeCondition = "none" | "account" | "datastore";

export interface ValidatorConfig {
  readonly functionName?: string;
  readonly roleName?: string;
  /** Name of `aws_iam_role_policy.cognito_access` (module: `lambda_cognito_access_role`). */
  readonly cognitoPolicyName?: string;
  /** Lambda CPU grows with memory. */
  readonly memoryMiB?: number;
  /** HealthLake stops waiting after 1 s. */
  readonly timeoutSeconds?: number;
  /** Retention of `aws_cloudwatch_log_group.token_validator`, a CloudWatch Logs value. */
  readonly logRetentionDays?: number;
  /** Customer-managed key for the log group; its policy must allow `logs.<region>.amazonaws.com`. Absent: CloudWatch Logs' own encryption. */
  readonly logKmsKeyArn?: string;
  /**
   * Executions kept for the validator, so other functions cannot starve it. Lambda refuses a
   * reservation that leaves the account fewer than 100 unreserved executions, and new accounts
   * often have 10 or 50 in all. Absent: none (the account's unreserved pool).
   */
  readonly reservedConcurrency?: number;
  /**
   * Warm environments behind the alias `live`; a new datastore then calls the alias, and a code
   * change rolls out by moving it, without touching the datastore. 0: none, no alias.
   */
  readonly provisionedConcurrency?: number;
  /** AWS X-Ray active tracing. */
  readonly tracing?: boolean;
  /**
   * Conditions on HealthLake's invoke permission: `account` adds `source_account`, `datastore` also
   * `source_arn`. AWS documents neither for HealthLake, and a condition HealthLake does not satisfy
   * denies every request with no validator log line: verify on your account before tightening.
   */
  readonly invokeCondition?: InvokeCondition;
  /**
   * Emit a Terraform `import` block for `/aws/lambda/<functionName>`: the log group a function
   * creates on its first call. Turn it on when moving from the gist, whose Lambda made it.
   */
  readonly importExistingLogGroup?: boolean;
}

export interface ImportExportConfig {
  /** `bucket_prefix` of `aws_s3_bucket.data` (module: `data_bucket_name`). */
  readonly dataBucketPrefix: string;
  /** `bucket_prefix` of `aws_s3_bucket.access_logs` (module: `logs_bucket_name`). */
  readonly logsBucketPrefix: string;
  readonly roleName?: string;
  readonly policyName?: string;
}
