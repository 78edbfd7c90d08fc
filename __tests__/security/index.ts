import { API_GATEWAY_RULES } from "./api-gateway-rules";
import { COGNITO_RULES, HEALTHLAKE_RULES } from "./healthlake-cognito-rules";
import { IAM_RULES } from "./iam-rules";
import { KMS_RULES, LOG_RULES } from "./kms-logs-rules";
import { LAMBDA_RULES } from "./lambda-rules";
import type { Rule } from "./rule";
import { S3_RULES } from "./s3-rules";

export const ALL_RULES: readonly Rule[] = [
  ...LAMBDA_RULES,
  ...S3_RULES,
  ...KMS_RULES,
  ...LOG_RULES,
  ...IAM_RULES,
  ...HEALTHLAKE_RULES,
  ...COGNITO_RULES,
  ...API_GATEWAY_RULES,
];
