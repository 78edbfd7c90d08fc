import { ENVIRONMENTS } from "../environments";
import { type HealthLakeSmartConfig, environmentProblems, environmentsReport, validateConfig } from "../stacks/config";
import { nearestOption } from "../stacks/config/shape";

const base: HealthLakeSmartConfig = { name: "shape", datastore: { name: "fhir" } };
/** An environment as someone might write it, type checks aside (`cdktf synth` runs under tsx, which does not check them). */
const written = (value: unknown) => value as HealthLakeSmartConfig;

// Mistakes a new user makes, each stopped at synth with a message naming the field and the fix.
describe("an environment's shape: strict at synth", () => {
  test.each([
    [
      "one letter short of the account guard",
      { ...base, allowedAccountId: ["123456789012"] },
      "`allowedAccountId` is not an option: did you mean `allowedAccountIds`?",
    ],
    [
      "the key flag in another case",
      { ...base, datastore: { name: "fhir", createKMSKey: true } },
      "`datastore.createKMSKey` is not an option: did you mean `datastore.createKmsKey`?",
    ],
    ["no datastore", { name: "shape" }, "datastore is required: set it (docs/configuration.md)"],
    [
      "memory as text",
      { ...base, smart: { validator: { memoryMiB: "1024" } } },
      'smart.validator.memoryMiB is a string ("1024"), not a number: write a number',
    ],
    ["the datastore name left out", { ...base, datastore: {} }, "datastore.name is required: set it (docs/configuration.md)"],
    ["a region as a list", { ...base, region: ["us-east-1"] }, "region is a list, not text: write text"],
    [
      "MFA in lower case",
      { ...base, smart: { cognito: { mfaConfiguration: "optional" } } },
      'smart.cognito.mfaConfiguration "optional" is not one of "OFF", "ON", "OPTIONAL"',
    ],
    [
      "a flow Cognito does not know",
      { ...base, smart: { cognito: { oauthFlows: ["implicit"] } } },
      'smart.cognito.oauthFlows[0] "implicit" is not one of "client_credentials", "code"',
    ],
    [
      "a callback URL as a string, not a list",
      { ...base, smart: { cognito: { callbackUrls: "https://app.example.org/cb" } } },
      'smart.cognito.callbackUrls is a string ("https://app.example.org/cb"), not a list: write a list',
    ],
    ["protectData as text", { ...base, protectData: "false" }, 'protectData is a string ("false"), not true or false: write true or false'],
    [
      "a test user's misspelt field",
      { ...base, smart: { cognito: { testUsers: [{ username: "a", email: "a@example.org", fhirUSer: "Patient/1" }] } } },
      "`smart.cognito.testUsers[0].fhirUSer` is not an option: did you mean `smart.cognito.testUsers[0].fhirUser`?",
    ],
    ["the validator under a wrong name", { ...base, smart: { validators: {} } }, "`smart.validators` is not an option: did you mean `smart.validator`?"],
    [
      "a preset that does not exist",
      { ...base, smart: { externalAuthorizationServer: { preset: "google", issuer: "https://accounts.google.com", clientIds: ["c"] } } },
      'smart.externalAuthorizationServer.preset "google" is not one of "okta", "entra-id", "auth0", "keycloak"',
    ],
    ["tags with a number", { ...base, tags: { CostCenter: 42 } }, "tags.CostCenter is a number (42), not text: write text"],
    [
      "an option nothing is near",
      { ...base, smart: { frobnicate: true } },
      "`smart.frobnicate` is not an option: the options of smart are authorizationStrategy",
    ],
    [
      "the front under its old name",
      { ...base, smart: { smartFront: { publicClient: true } } },
      "`smart.smartFront.publicClient` is not an option: did you mean `smart.smartFront.publicClientCallbackUrls`?",
    ],
  ])("%s", (_name, config, problem) => {
    const problems = environmentProblems(written(config));
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(problem)).toBe(true);
  });

  test("every problem of the shape at once", () => {
    expect(environmentProblems(written({ ...base, allowedAccountId: [], protectData: "no", smart: { validator: { memoryMiB: "1" } } }))).toHaveLength(3);
  });

  test("a right shape goes on to the rules, which check its values", () => {
    expect(environmentProblems(written({ ...base, region: "mars-1" }))).toEqual([expect.stringMatching(/^region "mars-1" does not offer HealthLake/)]);
  });

  test("the shipped environments have the right shape and no problem", () => {
    for (const config of ENVIRONMENTS) expect(environmentProblems(config)).toEqual([]);
  });

  test.each([
    ["allowedAccountId", ["allowedAccountIds", "region"], "allowedAccountIds"],
    ["regoin", ["region", "tags"], "region"],
    ["xyz", ["region", "tags"], undefined],
    ["publicClient", ["enabled", "publicClientCallbackUrls"], "publicClientCallbackUrls"],
    ["tag", ["tags", "tagsAll"], "tags"],
  ])("the option nearest %p among %p is %p", (given, known, nearest) => {
    expect(nearestOption(given, known)).toBe(nearest);
  });
});

describe("validateConfig", () => {
  test("stops synth with every problem of the environment, each on its own line", () => {
    const bad = { ...base, name: "BadName", region: "mars-1", datastore: { name: "f", createKmsKey: true } };
    expect(() => validateConfig(bad)).toThrow(
      'environment "BadName" has 3 configuration problem(s):\n  - name "BadName" is not a valid stack name: use 1–40 lower-case letters, digits and hyphens, starting with a letter\n' +
        '  - region "mars-1" does not offer HealthLake: use one of us-east-1, us-east-2, us-west-2, ap-south-1, ap-southeast-2, ca-central-1, eu-west-1, eu-west-2\n' +
        "  - kmsAdminArn is missing, but a KMS key is created (datastore.createKmsKey or importExport): name the IAM user or role that administers the keys",
    );
  });
});

describe("environmentsReport: every environment's problems at once, before anything is synthesized", () => {
  const env = (name: string, change: Record<string, unknown>) => written({ ...base, name, ...change });

  test("nothing for valid environments", () => {
    expect(environmentsReport([env("one", {}), env("two", {})])).toBeUndefined();
  });

  test("two environments of one name: said once, before their own problems", () => {
    expect(environmentsReport([env("twin", {}), env("twin", {}), env("single", {})])).toBe(
      'environment "twin" is defined twice: each environment needs a name of its own (it names the stack and its state)',
    );
  });

  test("every broken environment, each once, grouped under its name; the valid ones left out", () => {
    const report = environmentsReport([
      env("first", { region: "eu-central-1" }),
      env("fine", {}),
      env("third", { allowedAccountId: ["123456789012"], protectData: "no" }),
    ]);
    expect(report?.split("\n")).toEqual([
      'environment "first" has 1 configuration problem(s):',
      expect.stringMatching(/^ {2}- region "eu-central-1" does not offer HealthLake/),
      "",
      'environment "third" has 2 configuration problem(s):',
      expect.stringMatching(/^ {2}- protectData is a string/),
      "  - `allowedAccountId` is not an option: did you mean `allowedAccountIds`?",
    ]);
  });
});
