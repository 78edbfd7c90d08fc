import { r, type Rule, list, resources } from "./rule";

const SECRET_NAME = /SECRET|PASSWORD|PASSWD|PRIVATE_KEY|CREDENTIAL|API_KEY/i;
// A reference to a secret attribute (`aws_cognito_user_pool_client.x.client_secret`), not the word in a document (`client_secret_basic`).
const SECRET_VALUE = /\.client_secret\b|var\.[\w-]*password|aws_secretsmanager_secret_version|\.secret\b/;
const CURRENT_RUNTIMES = ["nodejs20.x", "nodejs22.x", "python3.12", "python3.13"];

export const LAMBDA_RULES: Rule[] = [
  {
    ids: ["CKV_AWS_364", "AVD-AWS-0067"],
    description: "a Lambda permission for an AWS service names the source account and the source ARN",
    breaks: (j) => delete r(j, "aws_lambda_permission", "healthlake").source_arn,
    check: (stack) =>
      resources(stack, "aws_lambda_permission")
        .filter(([, p]) => String(p.principal).endsWith(".amazonaws.com") && !(p.source_arn && p.source_account))
        .map(([address]) => ({ address, message: "service principal without source_arn and source_account (confused deputy)" })),
  },
  {
    ids: ["CKV_AWS_301", "CKV_AWS_258"],
    description: "no Lambda is public: no permission for every principal, no function URL without auth",
    breaks: (j) => {
      r(j, "aws_lambda_permission", "healthlake").principal = "*";
    },
    check: (stack) => [
      ...resources(stack, "aws_lambda_permission")
        .filter(([, p]) => p.principal === "*")
        .map(([address]) => ({ address, message: 'principal "*"' })),
      ...resources(stack, "aws_lambda_function_url")
        .filter(([, u]) => u.authorization_type !== "AWS_IAM")
        .map(([address]) => ({ address, message: "function URL without IAM auth" })),
    ],
  },
  {
    ids: ["CKV_AWS_45"],
    description: "no secret in a Lambda environment",
    breaks: (j) => {
      r(j, "aws_lambda_function", "token_validator").environment.variables.CLIENT_SECRET = "${aws_cognito_user_pool_client.client.client_secret}";
    },
    check: (stack) =>
      resources(stack, "aws_lambda_function").flatMap(([address, fn]) =>
        Object.entries<string>(fn.environment?.variables ?? {})
          .filter(([name, value]) => SECRET_NAME.test(name) || SECRET_VALUE.test(String(value)))
          .map(([name]) => ({ address, message: `environment variable ${name} holds or names a secret` })),
      ),
  },
  {
    ids: ["CKV_AWS_115"],
    description: "every Lambda has reserved concurrency",
    breaks: (j) => delete r(j, "aws_lambda_function", "token_validator").reserved_concurrent_executions,
    check: (stack) =>
      resources(stack, "aws_lambda_function")
        .filter(([, fn]) => !(fn.reserved_concurrent_executions >= 1))
        .map(([address]) => ({ address, message: "no reserved concurrency" })),
  },
  {
    ids: ["CKV_AWS_363"],
    description: "every Lambda runs a supported runtime",
    breaks: (j) => {
      r(j, "aws_lambda_function", "token_validator").runtime = "nodejs16.x";
    },
    check: (stack) =>
      resources(stack, "aws_lambda_function")
        .filter(([, fn]) => !CURRENT_RUNTIMES.includes(fn.runtime))
        .map(([address, fn]) => ({ address, message: `runtime ${fn.runtime} is deprecated or unknown` })),
  },
  {
    ids: ["CKV_AWS_50", "AVD-AWS-0066"],
    description: "every Lambda has active X-Ray tracing",
    breaks: (j) => delete r(j, "aws_lambda_function", "token_validator").tracing_config,
    check: (stack) =>
      resources(stack, "aws_lambda_function")
        .filter(([, fn]) => fn.tracing_config?.mode !== "Active")
        .map(([address]) => ({ address, message: "tracing is not Active" })),
  },
  {
    ids: ["CKV_AWS_116"],
    description: "every Lambda has a dead-letter queue",
    keeps: (j) => {
      for (const [, fn] of resources(j, "aws_lambda_function")) fn.dead_letter_config = [{ target_arn: "arn" }];
    },
    check: (stack) =>
      resources(stack, "aws_lambda_function")
        .filter(([, fn]) => list(fn.dead_letter_config).length === 0)
        .map(([address]) => ({ address, message: "no dead-letter queue" })),
  },
  {
    ids: ["CKV_AWS_117"],
    description: "every Lambda runs in a VPC",
    keeps: (j) => {
      for (const [, fn] of resources(j, "aws_lambda_function")) fn.vpc_config = [{ subnet_ids: ["s"] }];
    },
    check: (stack) =>
      resources(stack, "aws_lambda_function")
        .filter(([, fn]) => list(fn.vpc_config).length === 0)
        .map(([address]) => ({ address, message: "not in a VPC" })),
  },
  {
    ids: ["CKV_AWS_272"],
    description: "every Lambda validates code signing",
    keeps: (j) => {
      for (const [, fn] of resources(j, "aws_lambda_function")) fn.code_signing_config_arn = "arn";
    },
    check: (stack) =>
      resources(stack, "aws_lambda_function")
        .filter(([, fn]) => !fn.code_signing_config_arn)
        .map(([address]) => ({ address, message: "no code signing configuration" })),
  },
  {
    ids: ["CKV_AWS_173"],
    description: "Lambda environment variables are encrypted with a customer-managed key",
    keeps: (j) => {
      for (const name of ["token_validator", "identity_provider_update", "smart_front"]) r(j, "aws_lambda_function", name).kms_key_arn = "arn";
    },
    check: (stack) =>
      resources(stack, "aws_lambda_function")
        .filter(([, fn]) => fn.environment && !fn.kms_key_arn)
        .map(([address]) => ({ address, message: "environment without kms_key_arn" })),
  },
];
