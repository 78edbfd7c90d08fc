import type { AuthorizationStrategy } from "../smart/scope-grammar";
import { OAuthFlow } from "./smart-metadata";

/**
 * One environment: everything one stack deploys. Each file under `environments/` exports one.
 * Defaults are the reference module's unless its value is unsafe; the README's configuration
 * reference lists every field and each default that differs from the module.
 */
export interface HealthLakeSmartConfig {
  /** Stack name: `cdktf deploy <name>` and the folder under `cdktf.out/stacks/`. Lower case, digits, hyphens. */
  readonly name: string;
  /** @default "us-east-1" */
  readonly region?: string;
  /**
   * The AWS accounts this stack may run in (the aws provider's `allowed_account_ids`): any plan in
   * another account stops before it changes anything. @default - any account
   */
  readonly allowedAccountIds?: readonly string[];
  /** Tags on every taggable resource (aws provider default tags, and the datastore). @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /** Keep state in S3. @default - local state in `terraform.<name>.tfstate` at the project root */
  readonly remoteState?: RemoteStateConfig;
  readonly datastore: DatastoreConfig;
  /** Principal that administers the KMS keys (module: `kms_admin_iam_arn`). Required when a key is created. */
  readonly kmsAdminArn?: string;
  /** SMART on FHIR with Cognito and the token validator (module: `smart_on_fhir`). @default false */
  readonly smartOnFhir?: boolean;
  /** Only with `smartOnFhir`. */
  readonly smart?: SmartConfig;
  /** Only with `smartOnFhir`. */
  readonly cognito?: CognitoConfig;
  /** Only with `smartOnFhir`. */
  readonly validator?: ValidatorConfig;
  /** S3 buckets, KMS key and role for `StartFHIRImportJob`/`StartFHIRExportJob`. @default - none */
  readonly importExport?: ImportExportConfig;
  /**
   * `prevent_destroy` on the datastore and the data bucket: Terraform refuses any plan that would
   * delete them. Turn it off, and deploy, only to tear an environment down on purpose. @default true
   */
  readonly protectData?: boolean;
}

export interface RemoteStateConfig {
  /** An existing, versioned bucket. */
  readonly bucket: string;
  /** @default "healthlake-smart/<name>.tfstate" */
  readonly key?: string;
  /** @default - the environment's region */
  readonly region?: string;
  /** Customer-managed key for the state object. @default - SSE-S3 */
  readonly kmsKeyId?: string;
}

export interface DatastoreConfig {
  /** Module: `datastore_name`. Changing it replaces the datastore. */
  readonly name: string;
  /** Module: `fhir_version`. @default "R4" */
  readonly fhirVersion?: "R4";
  /** Load Synthea sample data at creation (module: `preload_data`). @default false */
  readonly preloadSynthea?: boolean;
  /** Create `aws_kms_key.datastore` and encrypt with it (module: `create_kms_key`). @default false */
  readonly createKmsKey?: boolean;
  /** An existing customer-managed key instead. @default - an AWS-owned key unless `createKmsKey` */
  readonly kmsKeyArn?: string;
}

export interface SmartConfig {
  /** `SMART_ON_FHIR` also honours SMART v2 scopes (c/r/u/d/s). @default "SMART_ON_FHIR_V1" */
  readonly authorizationStrategy?: AuthorizationStrategy;
  /**
   * The SMART scopes Cognito can issue, each `<level>/<name>` becoming scope `<name>` of the resource
   * server `<level>` (`system`, `patient`, `user`, `launch`). `system/` scopes go to the machine client
   * only, the others to the client people sign in with.
   * @default ["launch/patient", "system/*.*", "patient/*.read"] (the gist's)
   */
  readonly scopes?: readonly string[];
  /** @default true */
  readonly fineGrainedAuthorization?: boolean;
  /** The role HealthLake assumes for allowed requests. @default "healthlake-service-role" */
  readonly serviceRoleName?: string;
}

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
export interface GistTestUser {
  readonly username: string;
  readonly email: string;
  readonly preferredUsername: string;
}

/** A user at `aws_cognito_user.test_users["<username>"]` (module: `cognito_test_users`). */
export interface CognitoTestUser {
  readonly username: string;
  readonly email: string;
  /** @default - the username */
  readonly preferredUsername?: string;
  /** @default true */
  readonly emailVerified?: boolean;
}

export interface CognitoConfig {
  /** @default "smart-on-fhir-healthlake-cognito" */
  readonly userPoolName?: string;
  /**
   * Hosted UI `https://<domainPrefix>.auth.<region>.amazoncognito.com` (module: `cognito_domain`).
   * Prefixes are unique per region across all AWS accounts.
   * @default - `<name>-fhir-<account id>`, unique to the account (module: "smart-fhir", taken)
   */
  readonly domainPrefix?: string;
  /** @default "smart-on-fhir-app" */
  readonly clientName?: string;
  /** @default "ACTIVE" (module: "INACTIVE") */
  readonly deletionProtection?: "ACTIVE" | "INACTIVE";
  /** @default "OFF" */
  readonly mfaConfiguration?: "OFF" | "ON" | "OPTIONAL";
  /** TOTP authenticator apps as a second factor whenever MFA is not OFF. @default true */
  readonly mfaSoftwareToken?: boolean;
  /** SMS as a second factor (and for SMS messages): Cognito sends through SNS with this role. @default - no SMS */
  readonly sms?: SmsConfig;
  /**
   * `client_credentials` (machine to machine, `system/` scopes) and/or `code` (authorization code with
   * PKCE, for people: OIDC, launch, patient and user scopes). One app client per flow: the first keeps
   * the reference address `aws_cognito_user_pool_client.client`, a second is
   * `aws_cognito_user_pool_client.<flow>` (module: `grant_type`). @default ["code"]
   */
  readonly oauthFlows?: readonly OAuthFlow[];
  /** HTTPS, or http://localhost. @default ["https://localhost"] */
  readonly callbackUrls?: readonly string[];
  /** @default [] */
  readonly logoutUrls?: readonly string[];
  /** @default { accessToken: 60, idToken: 60, refreshToken: 30 } */
  readonly tokenValidity?: TokenValidity;
  /** @default { accessToken: "minutes", idToken: "minutes", refreshToken: "days" } */
  readonly tokenValidityUnits?: TokenValidityUnits;
  /** @default [] */
  readonly testUsers?: readonly CognitoTestUser[];
  /** Only for parity with the gist's state. @default - none */
  readonly gistTestUser?: GistTestUser;
}

export interface SmsConfig {
  /** Role Cognito assumes to publish SMS through SNS. */
  readonly snsCallerArn: string;
  /** External id the role's trust policy requires. */
  readonly externalId: string;
  /** @default - the pool's region */
  readonly snsRegion?: string;
}

/** Which HealthLake requests may invoke the validator (`aws_lambda_permission` conditions). */
export type InvokeCondition = "none" | "account" | "datastore";

export interface ValidatorConfig {
  /** @default "healthlake_token_validator" */
  readonly functionName?: string;
  /** @default "healthlake_token_validator_role" */
  readonly roleName?: string;
  /** Name of `aws_iam_role_policy.cognito_access` (module: `lambda_cognito_access_role`). @default "fhir_cognito_access" */
  readonly cognitoPolicyName?: string;
  /** Lambda CPU grows with memory; 512 MB keeps a cold start well inside HealthLake's 1 s. @default 512 (module: 256) */
  readonly memoryMiB?: number;
  /** HealthLake stops waiting after 1 s. @default 3 (module: 30) */
  readonly timeoutSeconds?: number;
  /** Retention of `aws_cloudwatch_log_group.token_validator`, a CloudWatch Logs value. @default 365 */
  readonly logRetentionDays?: number;
  /** Customer-managed key for the log group; its policy must allow `logs.<region>.amazonaws.com`. @default - CloudWatch Logs' own encryption */
  readonly logKmsKeyArn?: string;
  /**
   * Executions kept for the validator, so other functions cannot starve it. Lambda refuses a
   * reservation that leaves the account fewer than 10 unreserved executions, and new accounts
   * often have 10 or 50 in all. @default - none (the account's unreserved pool)
   */
  readonly reservedConcurrency?: number;
  /**
   * Warm environments behind the alias `live`; HealthLake then calls the alias, and a code change
   * rolls out by moving the alias, without touching the datastore. @default 0 (none, no alias)
   */
  readonly provisionedConcurrency?: number;
  /** AWS X-Ray active tracing. @default false */
  readonly tracing?: boolean;
  /**
   * Conditions on HealthLake's invoke permission: `account` adds `source_account`, `datastore` also
   * `source_arn`. AWS documents neither for HealthLake, and a condition HealthLake does not satisfy
   * denies every request with no validator log line: verify on your account before tightening.
   * @default "none" (AWS's own sample: the service principal alone)
   */
  readonly invokeCondition?: InvokeCondition;
  /**
   * Emit a Terraform `import` block for `/aws/lambda/<functionName>`: the log group a function
   * creates on its first call. Turn it on when moving from the gist, whose Lambda made it.
   * @default false
   */
  readonly importExistingLogGroup?: boolean;
}

export interface ImportExportConfig {
  /** `bucket_prefix` of `aws_s3_bucket.data` (module: `data_bucket_name`). */
  readonly dataBucketPrefix: string;
  /** `bucket_prefix` of `aws_s3_bucket.access_logs` (module: `logs_bucket_name`). */
  readonly logsBucketPrefix: string;
  /** @default "HealthLakeImportExportRole" */
  readonly roleName?: string;
  /** @default "HealthLakeImportExportPolicy" */
  readonly policyName?: string;
}
