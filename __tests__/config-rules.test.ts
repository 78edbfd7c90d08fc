import { HealthLakeSmartConfig } from "../stacks/config";
import * as rules from "../stacks/config-rules";
import { complete } from "../environments/complete";
import { ENVIRONMENTS } from "../environments";
import { sandbox } from "../environments/sandbox";

const base: HealthLakeSmartConfig = { name: "test", datastore: { name: "fhir" } };
const smart = (cognito: HealthLakeSmartConfig["cognito"]): HealthLakeSmartConfig => ({ ...base, smartOnFhir: true, cognito });

describe("configuration rules: each fails on a bad value, names field and value, and passes a good one", () => {
  test.each([
    ["stackName", rules.stackName, { ...base, name: "Prod_1" }, /^name "Prod_1" is not a valid stack name/, { ...base, name: "prod-1" }],
    ["healthLakeRegion", rules.healthLakeRegion, { ...base, region: "eu-central-1" }, /^region "eu-central-1" does not offer HealthLake: use one of us-east-1/, { ...base, region: "eu-west-2" }],
    ["bucketPrefixes", rules.bucketPrefixes, { ...base, importExport: { dataBucketPrefix: "Data_Bucket", logsBucketPrefix: "logs-" } },
      /^importExport.dataBucketPrefix "Data_Bucket" breaks S3 bucket naming/, { ...base, importExport: { dataBucketPrefix: "data-", logsBucketPrefix: "logs-" } }],
    ["bucketPrefixes (length)", rules.bucketPrefixes, { ...base, importExport: { dataBucketPrefix: "d".repeat(38), logsBucketPrefix: "logs-" } },
      /dataBucketPrefix "d{38}" breaks S3 bucket naming/, { ...base, importExport: { dataBucketPrefix: "d".repeat(37), logsBucketPrefix: "xlogs" } }],
    ["cognitoDomainPrefix", rules.cognitoDomainPrefix, smart({ domainPrefix: "my-cognito-login" }),
      /^cognito.domainPrefix "my-cognito-login" breaks Cognito's domain prefix rules/, smart({ domainPrefix: "my-smart-login" })],
    ["cognitoDomainPrefix (hyphen)", rules.cognitoDomainPrefix, smart({ domainPrefix: "-login" }), /"-login" breaks/, smart({ domainPrefix: "login" })],
    ["redirectUrls", rules.redirectUrls, smart({ callbackUrls: ["http://app.example.org/cb"] }),
      /^cognito.callbackUrls\[0\] "http:\/\/app.example.org\/cb" is not HTTPS/, smart({ callbackUrls: ["https://app.example.org/cb", "http://localhost:3000/cb"] })],
    ["redirectUrls (logout)", rules.redirectUrls, smart({ logoutUrls: ["https://app.example.org/#out"] }), /^cognito.logoutUrls\[0\] .* has a fragment/, smart({ logoutUrls: ["https://app.example.org/out"] })],
    ["tokenValidity", rules.tokenValidity, smart({ tokenValidity: { accessToken: 2, idToken: 60, refreshToken: 30 } }),
      /^cognito.tokenValidity.accessToken 2 minutes is outside Cognito's limits: use a whole number between 5 minutes and 1 day/,
      smart({ tokenValidity: { accessToken: 5, idToken: 60, refreshToken: 30 } })],
    ["tokenValidity (units)", rules.tokenValidity, smart({ tokenValidityUnits: { accessToken: "days", idToken: "minutes", refreshToken: "days" }, tokenValidity: { accessToken: 2, idToken: 60, refreshToken: 30 } }),
      /accessToken 2 days is outside/, smart({ tokenValidityUnits: { accessToken: "days", idToken: "minutes", refreshToken: "days" }, tokenValidity: { accessToken: 1, idToken: 60, refreshToken: 30 } })],
    ["testUserPasswords", rules.testUserPasswords, smart({ testUsers: [{ username: "alice", email: "a@example.org", password: "weakpass" }] }),
      /^cognito.testUsers\[0\].password \(user "alice", value not shown\) fails the pool's password policy: it needs an upper-case letter, a digit, a symbol$/,
      smart({ testUsers: [{ username: "alice", email: "a@example.org", password: "Str0ng!pass" }] })],
    ["uniqueTestUsers", rules.uniqueTestUsers, smart({ testUsers: [{ username: "a", email: "a@x.org" }, { username: "a", email: "b@x.org" }] }),
      /^cognito.testUsers has user "a" more than once/, smart({ testUsers: [{ username: "a", email: "a@x.org" }, { username: "b", email: "b@x.org" }] })],
    ["oauthFlows", rules.oauthFlows, smart({ oauthFlows: ["client_credentials", "code"] }),
      /^cognito.oauthFlows \["client_credentials","code"\] combines client_credentials with code/, smart({ oauthFlows: ["code"] })],
    ["oauthFlows (callbacks)", rules.oauthFlows, smart({ oauthFlows: ["code"], callbackUrls: [] }), /^cognito.callbackUrls is empty/, smart({ oauthFlows: ["client_credentials"], callbackUrls: [] })],
    ["datastoreKey", rules.datastoreKey, { ...base, datastore: { name: "f", createKmsKey: true, kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/abc" } },
      /^datastore.kmsKeyArn "arn:aws:kms:us-east-1:111122223333:key\/abc" contradicts datastore.createKmsKey: true/,
      { ...base, datastore: { name: "f", kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/abc" } }],
    ["kmsAdmin", rules.kmsAdmin, { ...base, datastore: { name: "f", createKmsKey: true } }, /^kmsAdminArn is missing, but a KMS key is created/,
      { ...base, datastore: { name: "f", createKmsKey: true }, kmsAdminArn: "arn:aws:iam::111122223333:role/KeyAdmin" }],
    ["kmsAdmin (format)", rules.kmsAdmin, { ...base, kmsAdminArn: "KeyAdmin" }, /^kmsAdminArn "KeyAdmin" is not an IAM user, role or root ARN/, { ...base, kmsAdminArn: "arn:aws:iam::111122223333:user/alice" }],
    ["smartOptionsNeedSmart", rules.smartOptionsNeedSmart, { ...base, cognito: { domainPrefix: "x" } },
      /^cognito is set but smartOnFhir is not true: remove cognito, or set smartOnFhir: true/, { ...base, smartOnFhir: true, cognito: { domainPrefix: "x" } }],
    ["validatorLimits", rules.validatorLimits, { ...base, smartOnFhir: true, validator: { memoryMiB: 64 } }, /^validator.memoryMiB 64 is outside Lambda's limits/,
      { ...base, smartOnFhir: true, validator: { memoryMiB: 128, timeoutSeconds: 3 } }],
    ["remoteStateBucket", rules.remoteStateBucket, { ...base, remoteState: { bucket: "State_Bucket" } }, /^remoteState.bucket "State_Bucket" is not an S3 bucket name/,
      { ...base, remoteState: { bucket: "state-bucket" } }],
  ] as const)("%s", (_name, rule, bad, message, good) => {
    const problems = rule(bad as HealthLakeSmartConfig);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(rule(good as HealthLakeSmartConfig)).toEqual([]);
  });

  test("every rule is run", () => {
    const exported = Object.values(rules).filter((value): value is rules.ConfigRule =>
      typeof value === "function" && !["configProblems", "assertValidConfig"].includes(value.name));
    expect([...rules.CONFIG_RULES].sort((a, b) => a.name.localeCompare(b.name))).toEqual(exported.sort((a, b) => a.name.localeCompare(b.name)));
  });

  test("a failing password is never printed", () => {
    const [problem] = rules.testUserPasswords(smart({ testUsers: [{ username: "bob", email: "b@x.org", password: "s3cretNoSymbol" }] }));
    expect(problem).toMatch(/needs a symbol$/);
    expect(problem).not.toContain("s3cret");
  });
});

describe("assertValidConfig", () => {
  test("stops synth with every problem of the environment, each on its own line", () => {
    const bad = { ...base, name: "BadName", region: "mars-1", datastore: { name: "f", createKmsKey: true } };
    expect(() => rules.assertValidConfig(bad)).toThrow(
      'environment "BadName" has 3 configuration problem(s):\n  - name "BadName" is not a valid stack name: use 1–40 lower-case letters, digits and hyphens, starting with a letter\n' +
      '  - region "mars-1" does not offer HealthLake: use one of us-east-1, us-east-2, us-west-2, ap-south-1, ap-southeast-2, ca-central-1, eu-west-1, eu-west-2\n' +
      "  - kmsAdminArn is missing, but a KMS key is created (datastore.createKmsKey or importExport): name the IAM user or role that administers the keys");
  });

  test("the shipped environments are valid and uniquely named", () => {
    for (const env of [sandbox, complete]) expect(rules.configProblems(env)).toEqual([]);
    const names = ENVIRONMENTS.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
