import { Construct } from "constructs";
import type { ITerraformDependable } from "cdktf";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration, type S3BucketLifecycleConfigurationRule } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { type PolicyStatement, policyDocument } from "../iam-policy";

export interface SecureBucketProps {
  /** Terraform name of the bucket and of each of its settings resources (`aws_s3_bucket.<terraformName>`, ...). */
  readonly terraformName: string;
  readonly bucketPrefix: string;
  /** A KMS key ARN for SSE-KMS, or SSE-S3 (needed where S3 delivers server access logs). */
  readonly encryption: { readonly kmsKeyArn: string } | "AES256";
  readonly lifecycleRules: S3BucketLifecycleConfigurationRule[];
  /**
   * Where S3 writes this bucket's access logs. `after`: what must exist first, such as the target's
   * policy letting S3 deliver logs (PutBucketLogging checks it). Never the bucket itself: AWS calls
   * that an endless loop, and the bucket never empties. @default - no access logging
   */
  readonly accessLogs?: { readonly bucket: string; readonly prefix: string; readonly after?: ITerraformDependable[] };
  /** Terraform refuses to plan the bucket's deletion. @default false */
  readonly preventDestroy?: boolean;
  /** A destroy deletes every object and version first, instead of failing with BucketNotEmpty. @default false */
  readonly forceDestroy?: boolean;
  /** Allow statements added to the bucket policy besides the TLS guards. @default - none */
  readonly policyStatements?: (bucketArn: string) => PolicyStatement[];
}

/**
 * A private, versioned, encrypted S3 bucket that only answers TLS 1.2+ requests and logs access:
 * the bucket and its settings resources, each at `<type>.<terraformName>`.
 */
export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const pin = <T extends { overrideLogicalId(id: string): void }>(resource: T): T => {
      resource.overrideLogicalId(props.terraformName);
      return resource;
    };

    this.bucket = pin(
      new S3Bucket(this, "bucket", {
        bucketPrefix: props.bucketPrefix,
        forceDestroy: props.forceDestroy || undefined,
        lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
      }),
    );
    const bucket = this.bucket.id;

    const publicAccess = pin(
      new S3BucketPublicAccessBlock(this, "public-access-block", {
        bucket,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      }),
    );
    pin(new S3BucketVersioningA(this, "versioning", { bucket, versioningConfiguration: { status: "Enabled" } }));
    pin(
      new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
        bucket,
        rule: [
          {
            ...(props.encryption === "AES256"
              ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
              : { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.encryption.kmsKeyArn }, bucketKeyEnabled: true }),
            // What S3 sets on every new bucket since April 2026. aws 6.22 to 6.39 read it back but do not
            // treat it as computed, so left unset every plan would want to remove it.
            blockedEncryptionTypes: ["SSE-C"],
          },
        ],
      }),
    );
    pin(new S3BucketLifecycleConfiguration(this, "lifecycle", { bucket, rule: props.lifecycleRules }));
    if (props.accessLogs) {
      const { bucket: targetBucket, prefix: targetPrefix, after } = props.accessLogs;
      pin(new S3BucketLoggingA(this, "logging", { bucket, targetBucket, targetPrefix, dependsOn: after }));
    }

    const arn = this.bucket.arn;
    const denyEveryRequest = (Sid: string, Condition: PolicyStatement["Condition"]): PolicyStatement => ({
      Sid,
      Effect: "Deny",
      Principal: { AWS: "*" },
      Action: "s3:*",
      Resource: [arn, `${arn}/*`],
      Condition,
    });
    this.policy = pin(
      new S3BucketPolicy(this, "policy", {
        bucket,
        policy: policyDocument([
          ...(props.policyStatements?.(arn) ?? []),
          denyEveryRequest("DenyInsecureTransport", { Bool: { "aws:SecureTransport": "false" } }),
          denyEveryRequest("DenyTlsBelow12", { NumericLessThan: { "s3:TlsVersion": "1.2" } }),
        ]),
        // S3 rejects concurrent changes to a bucket's policy and its public access block.
        dependsOn: [publicAccess],
      }),
    );
  }
}
