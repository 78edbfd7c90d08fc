/** Every Terraform address the SMART front adds to a stack: its API, function and public client. */
export const SMART_FRONT_ADDRESSES = [
  "aws_apigatewayv2_api.smart_front",
  "aws_apigatewayv2_integration.smart_front",
  "aws_apigatewayv2_route.smart_front_authorize",
  "aws_apigatewayv2_route.smart_front_token",
  "aws_apigatewayv2_route.smart_front_token_preflight",
  "aws_apigatewayv2_stage.smart_front",
  "aws_cloudwatch_log_group.smart_front",
  "aws_cloudwatch_log_group.smart_front_access",
  "aws_cognito_user_pool_client.public",
  "aws_iam_role.smart_front",
  "aws_iam_role_policy_attachment.smart_front_basic",
  "aws_lambda_function.smart_front",
  "aws_lambda_permission.smart_front_api",
  "data.archive_file.smart_front_zip",
];
