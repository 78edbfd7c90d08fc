import { policy, r, type Rule, isPublicPrincipal, resources, statements } from "./rule";

export const KMS_RULES: Rule[] = [
  {
    ids: ["CKV_AWS_7", "AVD-AWS-0065"],
    description: "every KMS key rotates",
    breaks: (j) => {
      r(j, "aws_kms_key", "s3").enable_key_rotation = false;
    },
    check: (stack) =>
      resources(stack, "aws_kms_key")
        .filter(([, key]) => key.enable_key_rotation !== true)
        .map(([address]) => ({ address, message: "rotation off" })),
  },
  {
    ids: ["CKV2_AWS_64"],
    description: "every KMS key has an explicit key policy",
    breaks: (j) => delete r(j, "aws_kms_key", "s3").policy,
    check: (stack) =>
      resources(stack, "aws_kms_key")
        .filter(([, key]) => !key.policy)
        .map(([address]) => ({ address, message: "no key policy" })),
  },
  {
    ids: ["CKV_AWS_33"],
    description: "no key policy allows every principal",
    breaks: (j) => {
      r(j, "aws_kms_key", "s3").policy = policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*" });
    },
    check: (stack) =>
      resources(stack, "aws_kms_key").flatMap(([address, key]) =>
        statements(key.policy)
          .filter((s) => s.Effect === "Allow" && isPublicPrincipal(s.Principal))
          .map(() => ({ address, message: "Allow for principal *" })),
      ),
  },
];

export const LOG_RULES: Rule[] = [
  {
    ids: ["CKV_AWS_66"],
    description: "every Lambda has its log group, with a retention",
    breaks: (j) => delete j.resource.aws_cloudwatch_log_group,
    check: (stack) => {
      const groups = resources(stack, "aws_cloudwatch_log_group").map(([, g]) => g);
      return resources(stack, "aws_lambda_function")
        .filter(([, fn]) => !groups.some((g) => g.name === `/aws/lambda/${fn.function_name}` && g.retention_in_days > 0))
        .map(([address]) => ({ address, message: "no log group with retention" }));
    },
  },
  {
    ids: ["CKV_AWS_338"],
    description: "every log group keeps logs for at least a year",
    breaks: (j) => {
      r(j, "aws_cloudwatch_log_group", "token_validator").retention_in_days = 30;
    },
    check: (stack) =>
      resources(stack, "aws_cloudwatch_log_group")
        .filter(([, g]) => !(g.retention_in_days >= 365))
        .map(([address, g]) => ({ address, message: `retention ${g.retention_in_days} days` })),
  },
  {
    ids: ["CKV_AWS_158", "AVD-AWS-0017"],
    description: "every log group is encrypted with a customer-managed key",
    keeps: (j) => {
      for (const [, group] of resources(j, "aws_cloudwatch_log_group")) group.kms_key_id = "arn";
    },
    check: (stack) =>
      resources(stack, "aws_cloudwatch_log_group")
        .filter(([, g]) => !g.kms_key_id)
        .map(([address]) => ({ address, message: "no kms_key_id" })),
  },
];
