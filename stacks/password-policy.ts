/** The user pool's password policy (the gist's and the module's), shared by the pool and the synth-time check. */
export const PASSWORD_POLICY = {
  minimumLength: 8,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  requireUppercase: true,
  temporaryPasswordValidityDays: 7,
} as const;

// Cognito's symbol set for password policies.
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]/;

/** What a password lacks under PASSWORD_POLICY, in words; empty when it complies. Never echoes the password. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_POLICY.minimumLength) problems.push(`at least ${PASSWORD_POLICY.minimumLength} characters`);
  if (!/[a-z]/.test(password)) problems.push("a lower-case letter");
  if (!/[A-Z]/.test(password)) problems.push("an upper-case letter");
  if (!/[0-9]/.test(password)) problems.push("a digit");
  if (!SYMBOLS.test(password)) problems.push("a symbol");
  return problems;
}
