/** The addresses the identity provider update adds to every SMART stack (docs/identity-provider-update.md). */
export function identityProviderUpdateAddresses(tracing: boolean): string[] {
  return [
    "data.archive_file.identity_provider_update_zip",
    "aws_iam_role.identity_provider_update",
    "aws_iam_role_policy_attachment.identity_provider_update_basic",
    ...(tracing ? ["aws_iam_role_policy_attachment.identity_provider_update_xray"] : []),
    "aws_iam_role_policy.identity_provider_update",
    "aws_cloudwatch_log_group.identity_provider_update",
    "aws_lambda_function.identity_provider_update",
    "aws_lambda_invocation.identity_provider_update",
  ];
}
