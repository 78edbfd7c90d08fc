import { CONTEXT_SCOPES, ScopeContext, parseClinicalScope, parseScopes } from "../lambda/src/scopes";

/** The grammar's three answers for one scope token. */
const classifyScope = (scope: string) => (CONTEXT_SCOPES.has(scope) ? "context" : parseClinicalScope(scope) ? "clinical" : "malformed");

describe("classifyScope: SMART v1 and v2 grammars side by side", () => {
  test.each([
    // v1                                         v2                                        malformed
    ["system/*.*", "clinical"], ["system/*.cruds", "clinical"], ["system/*", "malformed"],
    ["patient/Observation.read", "clinical"], ["patient/Observation.rs", "clinical"], ["patient/Observation.readx", "malformed"],
    ["user/Patient.write", "clinical"], ["user/Patient.cud", "clinical"], ["user/Patient.sr", "malformed"],
    ["patient/*.read", "clinical"], ["patient/*.r", "clinical"], ["patient/*.", "malformed"],
    ["system/Patient.*", "clinical"], ["system/Patient.s", "clinical"], ["system/Patient.rr", "malformed"],
    ["user/AllergyIntolerance.read", "clinical"], ["user/AllergyIntolerance.c", "clinical"], ["System/Patient.read", "malformed"],
    ["patient/Observation.read?category=laboratory", "malformed"], ["patient/Observation.rs?category=laboratory", "clinical"], ["patient/*.rs?category=laboratory", "malformed"],
    ["user/Foo.read", "malformed"], ["patient/Observation.rs?code:in=http://loinc.org|1234-5&status=final", "clinical"], ["patient/Observation.rs?", "malformed"],
    ["patient/observation.read", "malformed"], ["patient/Observation.rs?category=a b", "malformed"], ["patient/Observation.rs?category", "malformed"],
    ["launch", "context"], ["launch/patient", "context"], ["launch/encounter", "malformed"],
    ["openid", "context"], ["fhirUser", "context"], ["email", "malformed"],
    ["profile", "context"], ["offline_access", "context"], ["aws.cognito.signin.user.admin", "malformed"],
    ["patient/Observation.rs?category=\"x\"", "malformed"], ["patient/Patient.read\t", "malformed"], ["patient/Pätient.read", "malformed"],
    ["agent/Patient.read", "malformed"], ["*/Patient.read", "malformed"], ["patient/Patient1.read", "malformed"],
  ])("%s is %s", (scope, kind) => {
    expect(classifyScope(scope)).toBe(kind);
  });
});

const BOUND: ScopeContext = { strategy: "SMART_ON_FHIR", patientBound: true, userBound: true };

describe("parseScopes", () => {
  test("splits on single spaces, keeps clinical and context scopes in order, drops the rest", () => {
    expect(parseScopes("openid launch/patient patient/*.read email  system/Foo.read patient/Observation.rs", BOUND)).toEqual({
      clinical: ["patient/*.read", "patient/Observation.rs"],
      context: ["openid", "launch/patient"],
      dropped: 2,
      requestsSystem: false,
    });
  });

  test("removes duplicates", () => {
    expect(parseScopes("system/*.read system/*.read", BOUND).clinical).toEqual(["system/*.read"]);
  });

  test("a token whose only SMART scope is launch/patient has no clinical scope", () => {
    expect(parseScopes("launch/patient openid", BOUND).clinical).toEqual([]);
  });

  test("tabs do not separate scopes", () => {
    expect(parseScopes("system/*.read\tpatient/*.read", BOUND)).toEqual({ clinical: [], context: [], dropped: 1, requestsSystem: false });
  });
});

describe("parseScopes: what a token may use (issue 9, items 8 and 9)", () => {
  const claim = "system/*.read system/*.rs patient/*.read patient/Observation.rs user/*.read user/Patient.cruds launch/patient";
  test.each([
    ["SMART_ON_FHIR, patient and user bound: every scope", { strategy: "SMART_ON_FHIR", patientBound: true, userBound: true },
      ["system/*.read", "system/*.rs", "patient/*.read", "patient/Observation.rs", "user/*.read", "user/Patient.cruds"]],
    ["SMART_ON_FHIR_V1: v2 and v2.2 forms dropped", { strategy: "SMART_ON_FHIR_V1", patientBound: true, userBound: true },
      ["system/*.read", "patient/*.read", "user/*.read"]],
    ["no patient bound: patient/ scopes dropped", { strategy: "SMART_ON_FHIR", patientBound: false, userBound: true },
      ["system/*.read", "system/*.rs", "user/*.read", "user/Patient.cruds"]],
    ["no fhirUser: user/ scopes dropped", { strategy: "SMART_ON_FHIR", patientBound: true, userBound: false },
      ["system/*.read", "system/*.rs", "patient/*.read", "patient/Observation.rs"]],
    ["a machine token (no bound): system/ only", { strategy: "SMART_ON_FHIR_V1", patientBound: false, userBound: false },
      ["system/*.read"]],
  ] as const)("%s", (_name, context, expected) => {
    const scopes = parseScopes(claim, context);
    expect(scopes.clinical).toEqual(expected);
    expect(scopes.dropped).toBe(6 - expected.length);
    expect(scopes.requestsSystem).toBe(true);
  });
});

describe("parseClinicalScope", () => {
  test.each([
    ["patient/*.read", { level: "patient", type: "*", version: 1, filtered: false, canRead: true, canWrite: false }],
    ["user/Observation.write", { level: "user", type: "Observation", version: 1, filtered: false, canRead: false, canWrite: true }],
    ["system/*.*", { level: "system", type: "*", version: 1, filtered: false, canRead: true, canWrite: true }],
    ["patient/Observation.s", { level: "patient", type: "Observation", version: 2, filtered: false, canRead: true, canWrite: false }],
    ["user/Patient.cud", { level: "user", type: "Patient", version: 2, filtered: false, canRead: false, canWrite: true }],
    ["patient/Observation.rs?category=laboratory", { level: "patient", type: "Observation", version: 2, filtered: true, canRead: true, canWrite: false }],
  ])("%s", (scope, expected) => {
    expect(parseClinicalScope(scope)).toEqual(expected);
  });

  test("is undefined for what classifyScope calls malformed or context", () => {
    for (const scope of ["launch/patient", "openid", "patient/*.rs?category=x", "patient/Foo.read", "patient/Patient."]) {
      expect(parseClinicalScope(scope)).toBeUndefined();
    }
  });
});
