import type { ResolvedConfig } from "../../stacks/config";

/**
 * Every rule finding this project accepts, in one place, each with its reason (README: "Waived rules").
 * A waiver names a rule by its first ID and, optionally, the stacks and addresses it covers, or the
 * configuration it covers: a project default a rule flags is waived for every stack that keeps that
 * default, whatever the stack is called, so a new environment passes as the shipped ones do.
 */
export interface Waiver {
  readonly rule: string;
  readonly reason: string;
  /** @default - every stack */
  readonly stacks?: readonly string[];
  /** @default - every address */
  readonly addresses?: readonly string[];
  /** Only where the stack's configuration, at this address, keeps the default this says. @default - always */
  readonly when?: (config: ResolvedConfig, address: string) => boolean;
}

/** The setting behind a function's address, for the waivers of per-function defaults. */
function functionSettings(config: ResolvedConfig, address: string): { reservedConcurrency?: number; tracing?: boolean } | undefined {
  const smart = config.smart;
  if (address === "aws_lambda_function.token_validator" || address === "aws_lambda_function.identity_provider_update") return smart?.validator;
  if (address === "aws_lambda_function.pre_token_generation") return smart?.identityClaims;
  if (address === "aws_lambda_function.smart_front") return smart?.smartFront;
  return undefined;
}

export const WAIVERS: readonly Waiver[] = [
  {
    rule: "CKV_AWS_116",
    reason:
      "HealthLake invokes the validator, Cognito the trigger, API Gateway the SMART front and Terraform the identity provider update, all synchronously; a dead-letter queue only receives failed asynchronous invocations.",
  },
  {
    rule: "CKV_AWS_117",
    reason:
      "The validator reaches only the issuer's public JWKS over HTTPS, the trigger nothing at all, the SMART front Cognito's public token endpoint, the identity provider update HealthLake's API; a VPC adds a NAT dependency, the usual cause of JWKS time-outs, and protects nothing.",
  },
  {
    rule: "CKV_AWS_272",
    reason:
      "Code signing needs an AWS Signer profile outside this stack; the bundle is built reproducibly from the lock file. Adopt it where your organization runs Signer.",
  },
  {
    rule: "CKV_AWS_173",
    reason:
      "The environment holds identifiers only (pool id, client ids, role ARN, the datastore id; CKV_AWS_45 keeps secrets out), encrypted at rest by Lambda's AWS-managed key.",
  },
  {
    rule: "CKV_AWS_158",
    reason:
      "The validator's log lines hold no token, claim or PHI (decision, reason, client id, hashed subject), the trigger's no attribute value, the SMART front's route, status and timing, the identity provider update's which fields changed; CloudWatch encrypts them at rest. `validator.logKmsKeyArn`, `identityClaims.logKmsKeyArn` and `smartFront.logKmsKeyArn` add a customer-managed key.",
  },
  {
    rule: "CKV_AWS_144",
    reason: "Cross-region replication is a cost and data-residency decision for the operator; versioning and prevent_destroy guard the data bucket.",
  },
  { rule: "CKV_AWS_143", reason: "Import/export files are working copies of data kept in the datastore; object lock would block their clean-up." },
  { rule: "CKV2_AWS_62", reason: "Nothing consumes bucket events in this stack." },
  { rule: "CKV_AWS_145", reason: "S3 server access log delivery only writes to SSE-S3 (AES256) buckets.", addresses: ["aws_s3_bucket.access_logs"] },
  {
    rule: "CKV_AWS_18",
    reason: "The access-log bucket cannot log into itself (AWS: an endless loop that never lets the bucket empty); S3 server access logs are its content.",
    addresses: ["aws_s3_bucket.access_logs"],
  },
  {
    rule: "CKV_AWS_364",
    reason:
      "The default: AWS documents no source condition for HealthLake's invocations and its own sample sets none; a condition HealthLake does not satisfy denies every request. `validator.invokeCondition` tightens it once verified (complete has it).",
    addresses: ["aws_lambda_permission.healthlake", "aws_lambda_permission.healthlake_alias"],
    when: (config) => config.smart?.validator.invokeCondition === "none",
  },
  {
    rule: "CKV_AWS_115",
    reason:
      "The default: Lambda refuses a reservation that leaves fewer than 100 unreserved executions, and new accounts often have 10 or 50 in all; `reservedConcurrency` of the validator, the trigger and the SMART front opts in (complete has it).",
    when: (config, address) => {
      const settings = functionSettings(config, address);
      return settings !== undefined && settings.reservedConcurrency === undefined;
    },
  },
  {
    rule: "CKV_AWS_50",
    reason: "The default, as the gist: X-Ray costs per trace; `tracing` of the validator, the trigger and the SMART front turns it on (complete has it).",
    when: (config, address) => functionSettings(config, address)?.tracing === false,
  },
  {
    rule: "AWS-Config-cognito-user-pool-deletion-protection-enabled",
    reason: "The sandbox is a throwaway, like the gist; every other environment defaults to ACTIVE.",
    stacks: ["sandbox"],
  },
  {
    rule: "KICS-Cognito-UserPool-Without-MFA",
    reason:
      'The default, as the gist and the module: MFA OFF, since a pool for machines alone has no person to ask; `cognito.mfaConfiguration` "OPTIONAL" or "ON" for people (complete uses OPTIONAL).',
    when: (config) => config.smart?.cognito?.mfaConfiguration === "OFF",
  },
  {
    rule: "HLS-DATA-PREVENT-DESTROY",
    reason: "The sandbox is a throwaway, like the gist (`protectData: false`); every other environment defaults to prevent_destroy.",
    stacks: ["sandbox"],
  },
];
