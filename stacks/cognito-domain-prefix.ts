import { createHash } from "node:crypto";

// Cognito refuses a prefix that contains any of these words, anywhere in it.
const RESERVED_WORDS = /aws|amazon|cognito/g;
const SHAPE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// What an account id puts in the default prefix: twelve digits, never a reserved word.
const ANY_ACCOUNT = "000000000000";

/**
 * The stack's own Cognito domain prefix, `<stack>-fhir-<account id>`: prefixes are unique per region across
 * all accounts, and the account id makes it free. A stack name containing a word Cognito reserves has it
 * replaced by `x` and a short hash of the name appended (`aws-dev` → `x-dev-<hash>-fhir-<account>`), so the
 * default never contains one and two stack names never share one. `accountId` may be a Terraform token.
 */
export function defaultDomainPrefix(stackName: string, accountId: string): string {
  const cleaned = stackName.replace(RESERVED_WORDS, "x");
  const name = cleaned === stackName ? stackName : `${cleaned}-${createHash("sha256").update(stackName).digest("hex").slice(0, 6)}`;
  return `${name}-fhir-${accountId}`;
}

/** Why Cognito would refuse this prefix, or undefined when it would not. */
export function domainPrefixProblem(prefix: string): string | undefined {
  if (!SHAPE.test(prefix)) return "use 1–63 lower-case letters, digits and hyphens, not starting or ending with a hyphen";
  const reserved = prefix.match(RESERVED_WORDS);
  if (reserved) return `it contains ${[...new Set(reserved)].map((word) => JSON.stringify(word)).join(", ")}, which Cognito reserves`;
  return undefined;
}

/** The default prefix as Cognito will see it, for rules that run before the account id is known. */
export const defaultDomainPrefixForAnyAccount = (stackName: string): string => defaultDomainPrefix(stackName, ANY_ACCOUNT);
