import { Construct } from "constructs";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { policyDocument } from "../iam-policy";

export interface EncryptionKeyProps {
  /** Terraform name of the key (`aws_kms_key.<terraformName>`). */
  readonly terraformName: string;
  readonly description: string;
  readonly accountId: string;
  /** The principal allowed to manage, but not use, the key. */
  readonly adminArn: string;
}

// AWS's default key administrator actions: manage the key, never encrypt or decrypt with it.
const KEY_ADMIN_ACTIONS = [
  "kms:Create*",
  "kms:Describe*",
  "kms:Enable*",
  "kms:List*",
  "kms:Put*",
  "kms:Update*",
  "kms:Revoke*",
  "kms:Disable*",
  "kms:Get*",
  "kms:Delete*",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
  "kms:RotateKeyOnDemand",
];

/** A customer-managed KMS key with yearly rotation, usable through IAM policies of its account, administered by one principal. */
export class EncryptionKey extends Construct {
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    this.key = new KmsKey(this, "key", {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policyDocument([
        {
          Sid: "EnableIamPoliciesOfTheAccount",
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${props.accountId}:root` },
          Action: "kms:*",
          Resource: "*",
        },
        {
          Sid: "KeyAdministration",
          Effect: "Allow",
          Principal: { AWS: props.adminArn },
          Action: KEY_ADMIN_ACTIONS,
          Resource: "*",
        },
      ]),
    });
    this.key.overrideLogicalId(props.terraformName);
  }
}
