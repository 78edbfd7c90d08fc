import { defaultDomainPrefix, domainPrefixProblem } from "../stacks/cognito-domain-prefix";

const ACCOUNT = "123456789012";

describe("the default Cognito domain prefix", () => {
  test("is the stack name and the account id when the name has no reserved word", () => {
    expect(defaultDomainPrefix("sandbox", ACCOUNT)).toBe("sandbox-fhir-123456789012");
    expect(defaultDomainPrefix("sandbox", "${data.aws_caller_identity.current.account_id}")).toBe(
      "sandbox-fhir-${data.aws_caller_identity.current.account_id}",
    );
  });

  test.each([
    ["aws-dev", /^x-dev-[0-9a-f]{6}-fhir-123456789012$/],
    ["cognito-test", /^x-test-[0-9a-f]{6}-fhir-123456789012$/],
    ["amazonaws", /^xx-[0-9a-f]{6}-fhir-123456789012$/],
    ["prod-awsome", /^prod-xome-[0-9a-f]{6}-fhir-123456789012$/],
  ])("of stack %j contains no reserved word and keeps Cognito's shape", (name, expected) => {
    const prefix = defaultDomainPrefix(name, ACCOUNT);
    expect(prefix).toMatch(expected);
    expect(domainPrefixProblem(prefix)).toBeUndefined();
  });

  test("two stack names that clean to the same word get different prefixes", () => {
    expect(defaultDomainPrefix("aws-dev", ACCOUNT)).not.toBe(defaultDomainPrefix("cognito-dev", ACCOUNT));
    expect(defaultDomainPrefix("aws-dev", ACCOUNT)).not.toBe(defaultDomainPrefix("x-dev", ACCOUNT));
  });

  test("of the longest stack name with a reserved word still fits Cognito's 63 characters", () => {
    const name = `aws${"a".repeat(37)}`;
    expect(name).toHaveLength(40);
    const prefix = defaultDomainPrefix(name, ACCOUNT);
    expect(prefix.length).toBeLessThanOrEqual(63);
    expect(domainPrefixProblem(prefix)).toBeUndefined();
  });
});

describe("what Cognito refuses in a prefix", () => {
  test.each([
    ["my-aws-login", /contains "aws"/],
    ["amazon-cognito", /contains "amazon", "cognito"/],
    ["-login", /not starting or ending with a hyphen/],
    ["Login", /lower-case/],
    ["a".repeat(64), /1–63/],
  ])("%j", (prefix, reason) => {
    expect(domainPrefixProblem(prefix)).toMatch(reason);
  });

  test("passes a good one", () => {
    expect(domainPrefixProblem("smart-fhir-test")).toBeUndefined();
  });
});
