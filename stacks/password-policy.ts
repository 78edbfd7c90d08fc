/** The user pool's password policy (the gist's and the module's), shared by the pool and the password variables' checks. */
export const PASSWORD_POLICY = {
  minimumLength: 8,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  requireUppercase: true,
  temporaryPasswordValidityDays: 7,
} as const;

/** The policy in words, for variable descriptions and error messages. */
export const PASSWORD_POLICY_WORDS = `${PASSWORD_POLICY.minimumLength}+ characters with a lower-case letter, an upper-case letter, a digit and a symbol`;

/**
 * A Terraform expression that is true when the password expression `p` meets PASSWORD_POLICY, so
 * `terraform plan` refuses a bad password before anything is created. `p` must not be null.
 */
export function passwordPolicyCondition(p: string): string {
  return `length(${p}) >= ${PASSWORD_POLICY.minimumLength} && can(regex("[a-z]", ${p})) && can(regex("[A-Z]", ${p})) && can(regex("[0-9]", ${p})) && can(regex("[^A-Za-z0-9]", ${p}))`;
}
