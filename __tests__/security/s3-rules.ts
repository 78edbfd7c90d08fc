import { policy, r, type Rule, isPublicPrincipal, refersTo, resources, statements, type Block } from "./rule";
import type { TerraformJson } from "../support/synth";

/** For each bucket, the settings resource of a type that targets it (or undefined). */
function settingsOf(stack: TerraformJson, type: string): [string, Block | undefined][] {
  const settings = resources(stack, type);
  return resources(stack, "aws_s3_bucket").map(([address]) => [address, settings.find(([, s]) => refersTo(s.bucket, address))?.[1]]);
}

const PUBLIC_ACCESS_FLAGS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];

export const S3_RULES: Rule[] = [
  {
    ids: ["CKV2_AWS_6", "AVD-AWS-0094"],
    description: "every bucket has a public access block",
    breaks: (j) => delete j.resource.aws_s3_bucket_public_access_block.data,
    check: (stack) =>
      settingsOf(stack, "aws_s3_bucket_public_access_block")
        .filter(([, pab]) => !pab)
        .map(([address]) => ({ address, message: "no public access block" })),
  },
  {
    ids: ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "AVD-AWS-0086", "AVD-AWS-0087", "AVD-AWS-0091", "AVD-AWS-0093"],
    description: "every public access block blocks and ignores public ACLs and policies",
    breaks: (j) => {
      r(j, "aws_s3_bucket_public_access_block", "data").block_public_acls = false;
    },
    check: (stack) =>
      resources(stack, "aws_s3_bucket_public_access_block").flatMap(([address, pab]) =>
        PUBLIC_ACCESS_FLAGS.filter((flag) => pab[flag] !== true).map((flag) => ({ address, message: `${flag} is not true` })),
      ),
  },
  {
    ids: ["CKV_AWS_19", "AVD-AWS-0088"],
    description: "every bucket encrypts at rest by default",
    breaks: (j) => delete j.resource.aws_s3_bucket_server_side_encryption_configuration.data,
    check: (stack) =>
      settingsOf(stack, "aws_s3_bucket_server_side_encryption_configuration")
        .filter(([, sse]) => !sse)
        .map(([address]) => ({ address, message: "no default encryption" })),
  },
  {
    ids: ["CKV_AWS_145", "AVD-AWS-0132"],
    description: "every bucket encrypts with a customer-managed KMS key",
    breaks: (j) => {
      r(j, "aws_s3_bucket_server_side_encryption_configuration", "data").rule = [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }];
    },
    keeps: (j) => {
      r(j, "aws_s3_bucket_server_side_encryption_configuration", "access_logs").rule = r(j, "aws_s3_bucket_server_side_encryption_configuration", "data").rule;
    },
    check: (stack) =>
      settingsOf(stack, "aws_s3_bucket_server_side_encryption_configuration")
        .filter(([, sse]) => {
          const rule = sse?.rule?.[0]?.apply_server_side_encryption_by_default;
          return !(rule?.sse_algorithm === "aws:kms" && rule.kms_master_key_id);
        })
        .map(([address]) => ({ address, message: "not SSE-KMS with a customer-managed key" })),
  },
  {
    ids: ["CKV_AWS_21", "AVD-AWS-0090"],
    description: "every bucket is versioned",
    breaks: (j) => {
      r(j, "aws_s3_bucket_versioning", "data").versioning_configuration.status = "Suspended";
    },
    check: (stack) =>
      settingsOf(stack, "aws_s3_bucket_versioning")
        .filter(([, v]) => v?.versioning_configuration?.status !== "Enabled")
        .map(([address]) => ({ address, message: "versioning not enabled" })),
  },
  {
    ids: ["CKV_AWS_18", "AVD-AWS-0089"],
    description: "every bucket logs access",
    breaks: (j) => delete j.resource.aws_s3_bucket_logging.data,
    keeps: (j) => {
      j.resource.aws_s3_bucket_logging.access_logs = {
        bucket: "${aws_s3_bucket.access_logs.id}",
        target_bucket: "${aws_s3_bucket.other.id}",
        target_prefix: "logs/",
      };
    },
    check: (stack) =>
      settingsOf(stack, "aws_s3_bucket_logging")
        .filter(([, log]) => !log?.target_bucket)
        .map(([address]) => ({ address, message: "no access logging" })),
  },
  {
    ids: ["HLS-S3-NO-SELF-LOGGING"],
    description: "no bucket writes its access logs into itself (an endless loop; the bucket never empties)",
    breaks: (j) => {
      j.resource.aws_s3_bucket_logging.access_logs = {
        bucket: "${aws_s3_bucket.access_logs.id}",
        target_bucket: "${aws_s3_bucket.access_logs.id}",
        target_prefix: "self/",
      };
    },
    check: (stack) =>
      resources(stack, "aws_s3_bucket_logging")
        .filter(([, log]) => log.target_bucket === log.bucket)
        .map(([address]) => ({ address, message: "target_bucket is the bucket itself" })),
  },
  {
    ids: ["HLS-S3-NONCURRENT-EXPIRY"],
    description: "every versioned bucket expires noncurrent versions",
    breaks: (j) => {
      r(j, "aws_s3_bucket_lifecycle_configuration", "access_logs").rule[1].noncurrent_version_expiration = undefined;
    },
    check: (stack) => {
      const lifecycles = resources(stack, "aws_s3_bucket_lifecycle_configuration");
      return settingsOf(stack, "aws_s3_bucket_versioning")
        .filter(([, v]) => v?.versioning_configuration?.status === "Enabled")
        .filter(
          ([address]) =>
            !lifecycles.some(
              ([, lc]) =>
                refersTo(lc.bucket, address) &&
                (lc.rule ?? []).some((r: Block) => r.status === "Enabled" && r.noncurrent_version_expiration?.[0]?.noncurrent_days > 0),
            ),
        )
        .map(([address]) => ({ address, message: "versioned, but noncurrent versions are kept forever" }));
    },
  },
  {
    ids: ["CKV2_AWS_61", "CKV_AWS_300"],
    description: "every bucket has a lifecycle that aborts incomplete multipart uploads",
    breaks: (j) => delete j.resource.aws_s3_bucket_lifecycle_configuration.data,
    check: (stack) =>
      settingsOf(stack, "aws_s3_bucket_lifecycle_configuration")
        .filter(([, lc]) => !(lc?.rule ?? []).some((r: Block) => r.status === "Enabled" && r.abort_incomplete_multipart_upload?.[0]?.days_after_initiation > 0))
        .map(([address]) => ({ address, message: "no lifecycle rule aborting incomplete multipart uploads" })),
  },
  {
    ids: ["CKV_AWS_379", "HLS-S3-TLS12"],
    description: "every bucket policy denies requests without TLS and with TLS below 1.2",
    breaks: (j) => {
      r(j, "aws_s3_bucket_policy", "data").policy = policy();
    },
    check: (stack) =>
      settingsOf(stack, "aws_s3_bucket_policy").flatMap(([address, policy]) => {
        const denies = statements(policy?.policy).filter((s) => s.Effect === "Deny");
        const findings = [];
        if (!denies.some((s) => (s.Condition?.Bool as Record<string, unknown>)?.["aws:SecureTransport"] === "false"))
          findings.push({ address, message: "no deny of aws:SecureTransport false" });
        if (!denies.some((s) => (s.Condition?.NumericLessThan as Record<string, unknown>)?.["s3:TlsVersion"] === "1.2"))
          findings.push({ address, message: "no deny of s3:TlsVersion below 1.2" });
        return findings;
      }),
  },
  {
    ids: ["CKV_AWS_70"],
    description: "no bucket policy allows every principal",
    breaks: (j) => {
      r(j, "aws_s3_bucket_policy", "data").policy = policy({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" });
    },
    check: (stack) =>
      resources(stack, "aws_s3_bucket_policy").flatMap(([address, policy]) =>
        statements(policy.policy)
          .filter((s) => s.Effect === "Allow" && isPublicPrincipal(s.Principal))
          .map(() => ({ address, message: "Allow for principal *" })),
      ),
  },
  {
    ids: ["CKV_AWS_144"],
    description: "every bucket replicates to another region",
    keeps: (j) => {
      j.resource.aws_s3_bucket_replication_configuration = {
        data: { bucket: "${aws_s3_bucket.data.id}" },
        access_logs: { bucket: "${aws_s3_bucket.access_logs.id}" },
      };
    },
    check: (stack) =>
      settingsOf(stack, "aws_s3_bucket_replication_configuration")
        .filter(([, r]) => !r)
        .map(([address]) => ({ address, message: "no cross-region replication" })),
  },
  {
    ids: ["CKV_AWS_143"],
    description: "every bucket has object lock",
    keeps: (j) => {
      for (const b of Object.values(j.resource.aws_s3_bucket)) b.object_lock_enabled = true;
    },
    check: (stack) =>
      resources(stack, "aws_s3_bucket")
        .filter(([, b]) => b.object_lock_enabled !== true)
        .map(([address]) => ({ address, message: "no object lock" })),
  },
  {
    ids: ["CKV2_AWS_62"],
    description: "every bucket sends event notifications",
    keeps: (j) => {
      j.resource.aws_s3_bucket_notification = { data: { bucket: "${aws_s3_bucket.data.id}" }, access_logs: { bucket: "${aws_s3_bucket.access_logs.id}" } };
    },
    check: (stack) =>
      settingsOf(stack, "aws_s3_bucket_notification")
        .filter(([, n]) => !n)
        .map(([address]) => ({ address, message: "no event notifications" })),
  },
];
