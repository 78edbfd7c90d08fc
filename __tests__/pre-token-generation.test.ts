import { createHandler } from "../lambda/pre-token-generation/handler";
import type { PreTokenGenerationEvent } from "../lambda/pre-token-generation/event";
import { InvalidIdentityAttribute } from "../lambda/pre-token-generation/identity";

const REGION = "us-east-1";
const BASE = `https://healthlake.${REGION}.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/`;
const PEOPLE_SCOPES = ["openid", "email", "launch/patient", "patient/*.read", "user/*.read"];

/** A `V2_0` event as the Cognito developer guide shows it, for a user with these custom attributes. */
function v2Event(attributes: Record<string, string>, scopes: string[] = PEOPLE_SCOPES, triggerSource = "TokenGeneration_HostedAuth"): PreTokenGenerationEvent {
  return {
    version: "2",
    triggerSource,
    region: REGION,
    userPoolId: `${REGION}_Example`,
    userName: "a-user",
    callerContext: { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: "people-client" },
    request: {
      userAttributes: {
        sub: "8a1b2c3d-0000-4000-8000-000000000000",
        "cognito:user_status": "CONFIRMED",
        email: "a@example.org",
        email_verified: "true",
        ...attributes,
      },
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
      scopes,
    },
    response: { claimsAndScopeOverrideDetails: null },
  };
}

const run = async (event: unknown, lines: string[] = []) =>
  (await createHandler({ AWS_REGION: REGION }, (line) => lines.push(line))(event as PreTokenGenerationEvent)).response;

describe("pre token generation trigger: a person's claims and scopes", () => {
  test.each([
    ["a patient with a patient id", { "custom:patient_id": "123" }, { id: {}, access: { patient: "123" }, suppressed: ["user/*.read"] }],
    [
      "a patient whose fhirUser is their Patient: the patient in context",
      { "custom:fhir_user": "Patient/123" },
      { id: { fhirUser: "Patient/123" }, access: { fhirUser: "Patient/123", patient: "123" }, suppressed: [] },
    ],
    [
      "a related person acting for a patient",
      { "custom:fhir_user": "RelatedPerson/r-7", "custom:patient_id": "123" },
      { id: { fhirUser: "RelatedPerson/r-7" }, access: { fhirUser: "RelatedPerson/r-7", patient: "123" }, suppressed: [] },
    ],
    [
      "a practitioner: no patient context",
      { "custom:fhir_user": "Practitioner/456" },
      { id: { fhirUser: "Practitioner/456" }, access: { fhirUser: "Practitioner/456" }, suppressed: ["launch/patient", "patient/*.read"] },
    ],
    [
      "a practitioner under a datastore's FHIR base URL in this region",
      { "custom:fhir_user": `${BASE}Practitioner/456` },
      { id: { fhirUser: `${BASE}Practitioner/456` }, access: { fhirUser: `${BASE}Practitioner/456` }, suppressed: ["launch/patient", "patient/*.read"] },
    ],
    [
      "a user with neither: every clinical and launch scope suppressed",
      {},
      { id: {}, access: {}, suppressed: ["launch/patient", "patient/*.read", "user/*.read"] },
    ],
  ])("%s", async (_name, attributes, expected) => {
    expect(await run(v2Event(attributes))).toEqual({
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: { claimsToAddOrOverride: expected.id },
        accessTokenGeneration: { claimsToAddOrOverride: expected.access, scopesToSuppress: expected.suppressed },
      },
    });
  });

  test.each([
    "TokenGeneration_HostedAuth",
    "TokenGeneration_Authentication",
    "TokenGeneration_NewPasswordChallenge",
    "TokenGeneration_AuthenticateDevice",
    "TokenGeneration_RefreshTokens",
  ])("every system/ scope is suppressed for a person, however the tokens come (%s)", async (source) => {
    const scopes = ["openid", "patient/*.read", "system/*.*", "system/Patient.read"];
    const response = await run(v2Event({ "custom:fhir_user": "Patient/1" }, scopes, source));
    expect(response).toMatchObject({ claimsAndScopeOverrideDetails: { accessTokenGeneration: { scopesToSuppress: ["system/*.*", "system/Patient.read"] } } });
  });

  test("never adds a scope and only suppresses requested ones, whatever is asked", async () => {
    const requested = [
      "openid",
      "profile",
      "launch/patient",
      "patient/Observation.rs",
      "user/*.cruds",
      "system/*.read",
      "unknown/scope",
      "aws.cognito.signin.user.admin",
    ];
    const users: Record<string, string>[] = [{}, { "custom:patient_id": "1" }, { "custom:fhir_user": "Practitioner/1" }];
    for (const attributes of users) {
      const response = (await run(v2Event(attributes, requested))) as { claimsAndScopeOverrideDetails: { accessTokenGeneration: Record<string, unknown> } };
      const access = response.claimsAndScopeOverrideDetails.accessTokenGeneration;
      expect(access).not.toHaveProperty("scopesToAdd");
      expect(requested).toEqual(expect.arrayContaining(access.scopesToSuppress as string[]));
      expect(access.scopesToSuppress).not.toContain("openid");
    }
  });

  test("an event without scopes (an SDK sign-in) suppresses nothing and still adds the claims", async () => {
    const event = v2Event({ "custom:patient_id": "9" });
    delete (event.request as { scopes?: string[] }).scopes;
    expect(await run(event)).toEqual({
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: { claimsToAddOrOverride: {} },
        accessTokenGeneration: { claimsToAddOrOverride: { patient: "9" }, scopesToSuppress: [] },
      },
    });
  });
});

describe("pre token generation trigger: a tampered or malformed attribute fails the sign-in", () => {
  test.each([
    ["custom:patient_id", "1 OR 1=1"],
    ["custom:patient_id", ".."],
    ["custom:patient_id", ""],
    ["custom:patient_id", "x".repeat(65)],
    ["custom:fhir_user", "Organization/1"],
    ["custom:fhir_user", "Person/1"],
    ["custom:fhir_user", "Patient/../1"],
    ["custom:fhir_user", "Patient/Patient/1"],
    ["custom:fhir_user", "Patient/1?_id=2"],
    ["custom:fhir_user", "https://ehr.example.org/fhir/Patient/1"],
    ["custom:fhir_user", `${BASE.replace(REGION, "eu-west-1")}Patient/1`],
    ["custom:fhir_user", `${BASE.replace("https:", "http:")}Patient/1`],
    ["custom:fhir_user", `${BASE}../Patient/1`],
    ["custom:fhir_user", ""],
  ])("%s = %j", async (attribute, value) => {
    const lines: string[] = [];
    const failure = run(v2Event({ [attribute]: value }), lines);
    await expect(failure).rejects.toThrow(InvalidIdentityAttribute);
    await expect(failure).rejects.toThrow(new RegExp(`^${attribute} is not valid`));
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { level: "error", triggerSource: "TokenGeneration_HostedAuth", problem: "invalid attribute", attribute },
    ]);
    // The value is the user's data: never in the log, never in the error the user sees.
    if (value.length > 2) expect(lines.join("")).not.toContain(value);
  });

  test("an absolute fhirUser is refused when the function does not know its region", async () => {
    const handler = createHandler({}, () => {});
    await expect(handler(v2Event({ "custom:fhir_user": `${BASE}Patient/1` }))).rejects.toThrow(InvalidIdentityAttribute);
    await expect(handler(v2Event({ "custom:fhir_user": "Patient/1" }))).resolves.toBeDefined();
  });

  test.each([
    ["a V1_0 event, which cannot customize access tokens", { ...v2Event({}), version: "1" }, /needs event version V2_0 or V3_0/],
    ["no request", { ...v2Event({}), request: undefined }, /no well-formed user attributes/],
    ["attributes that are not strings", { ...v2Event({}), request: { userAttributes: { "custom:patient_id": 1 } } }, /no well-formed user attributes/],
    ["scopes that are not a list of strings", { ...v2Event({}), request: { userAttributes: {}, scopes: "patient/*.read" } }, /no well-formed user attributes/],
    ["not an event at all", null, /needs event version/],
  ])("%s", async (_name, event, message) => {
    await expect(run(event)).rejects.toThrow(message);
  });
});

describe("pre token generation trigger: machines", () => {
  test("a client credentials event (V3_0) passes through untouched", async () => {
    const event = {
      version: "3",
      triggerSource: "TokenGeneration_ClientCredentials",
      region: REGION,
      userPoolId: `${REGION}_Example`,
      userName: null,
      callerContext: { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: "machine-client" },
      request: { userAttributes: {}, groupConfiguration: null, scopes: ["system/*.*"] },
      response: { claimsAndScopeOverrideDetails: null },
    };
    const copy = structuredClone(event);
    const lines: string[] = [];
    const result = await createHandler({ AWS_REGION: REGION }, (line) => lines.push(line))(event as unknown as PreTokenGenerationEvent);
    expect(result).toEqual(copy);
    expect(lines).toEqual([]);
  });
});
