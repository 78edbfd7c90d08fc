import { Construct } from "constructs";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { healthLakeTrustPolicy, policyDocument } from "../iam-policy";
import { EncryptionKey } from "./encryption-key";
import { SecureBucket } from "./secure-bucket";

export interface ImportExportProps {
  readonly dataBucketPrefix: string;
  readonly logsBucketPrefix: string;
  readonly roleName: string;
  readonly policyName: string;
  readonly accountId: string;
  readonly kmsAdminArn: string;
  /** The datastore the role may serve, and only it. */
  readonly datastoreArn: string;
  /**
   * Terraform refuses to plan the data bucket's deletion. Without it, a destroy empties both
   * buckets first, so tearing an environment down ends without BucketNotEmpty.
   */
  readonly preventDestroy: boolean;
}

const ABORT_INCOMPLETE_UPLOADS = {
  id: "abort-incomplete-multipart-uploads",
  status: "Enabled",
  filter: [{ prefix: "" }],
  abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
};
/** Days a replaced or deleted object stays recoverable as a noncurrent version before S3 deletes it. */
export const NONCURRENT_VERSION_DAYS = { logs: 30, data: 90 } as const;

/** The S3 side of FHIR import and export: a KMS key, a data bucket, its access-log bucket, and the role HealthLake uses. */
export class ImportExport extends Construct {
  readonly key: KmsKey;
  readonly dataBucket: SecureBucket;
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: ImportExportProps) {
    super(scope, id);
    this.key = new EncryptionKey(this, "s3-key", {
      terraformName: "s3",
      description: "Encrypts the HealthLake import/export bucket",
      accountId: props.accountId,
      adminArn: props.kmsAdminArn,
    }).key;

    const logs = new SecureBucket(this, "access-logs", {
      terraformName: "access_logs",
      bucketPrefix: props.logsBucketPrefix,
      // S3 server access log delivery only writes to SSE-S3 buckets.
      encryption: "AES256",
      lifecycleRules: [
        ABORT_INCOMPLETE_UPLOADS,
        {
          id: "archive-then-expire-logs",
          status: "Enabled",
          filter: [{ prefix: "" }],
          transition: [
            { days: 30, storageClass: "STANDARD_IA" },
            { days: 365, storageClass: "GLACIER" },
          ],
          expiration: [{ days: 1825 }],
          noncurrentVersionExpiration: [{ noncurrentDays: NONCURRENT_VERSION_DAYS.logs }],
        },
      ],
      forceDestroy: !props.preventDestroy,
      policyStatements: (arn) => [
        {
          Sid: "AllowS3ServerAccessLogDelivery",
          Effect: "Allow",
          Principal: { Service: "logging.s3.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: `${arn}/*`,
          Condition: { StringEquals: { "aws:SourceAccount": props.accountId } },
        },
      ],
    });

    this.dataBucket = new SecureBucket(this, "data", {
      terraformName: "data",
      bucketPrefix: props.dataBucketPrefix,
      encryption: { kmsKeyArn: this.key.arn },
      lifecycleRules: [
        ABORT_INCOMPLETE_UPLOADS,
        {
          id: "expire-noncurrent-versions",
          status: "Enabled",
          filter: [{ prefix: "" }],
          noncurrentVersionExpiration: [{ noncurrentDays: NONCURRENT_VERSION_DAYS.data }],
        },
      ],
      accessLogs: { bucket: logs.bucket.id, prefix: "data/", after: [logs.policy] },
      preventDestroy: props.preventDestroy,
      forceDestroy: !props.preventDestroy,
    });

    const bucketArn = this.dataBucket.bucket.arn;
    this.role = new IamRole(this, "role", {
      name: props.roleName,
      description: "Role HealthLake assumes to import from and export to the data bucket",
      assumeRolePolicy: healthLakeTrustPolicy(props.accountId, props.datastoreArn),
    });
    this.role.overrideLogicalId("healthlake");

    const policy = new IamPolicy(this, "policy", {
      name: props.policyName,
      description: "S3 and KMS access a HealthLake import or export job needs",
      policy: policyDocument([
        {
          Sid: "ListBucket",
          Effect: "Allow",
          Action: ["s3:ListBucket", "s3:GetBucketPublicAccessBlock", "s3:GetEncryptionConfiguration"],
          Resource: bucketArn,
        },
        { Sid: "ReadAndWriteObjects", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: `${bucketArn}/*` },
        // Decrypt reads SSE-KMS objects on import; GenerateDataKey encrypts what an export writes.
        { Sid: "UseBucketKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"], Resource: this.key.arn },
      ]),
    });
    policy.overrideLogicalId("healthlake");

    new IamRolePolicyAttachment(this, "attachment", { role: this.role.name, policyArn: policy.arn }).overrideLogicalId("this");
  }
}
