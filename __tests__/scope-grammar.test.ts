import { CONTEXT_SCOPES, parseClinicalScope } from "../smart/scope-grammar";

/** The grammar's three answers for one scope token. */
const classifyScope = (scope: string) => (CONTEXT_SCOPES.has(scope) ? "context" : parseClinicalScope(scope) ? "clinical" : "malformed");

describe("classifyScope: SMART v1 and v2 grammars side by side", () => {
  test.each([
    // v1                                         v2                                        malformed
    ["system/*.*", "clinical"],
    ["system/*.cruds", "clinical"],
    ["system/*", "malformed"],
    ["patient/Observation.read", "clinical"],
    ["patient/Observation.rs", "clinical"],
    ["patient/Observation.readx", "malformed"],
    ["user/Patient.write", "clinical"],
    ["user/Patient.cud", "clinical"],
    ["user/Patient.sr", "malformed"],
    ["patient/*.read", "clinical"],
    ["patient/*.r", "clinical"],
    ["patient/*.", "malformed"],
    ["system/Patient.*", "clinical"],
    ["system/Patient.s", "clinical"],
    ["system/Patient.rr", "malformed"],
    ["user/AllergyIntolerance.read", "clinical"],
    ["user/AllergyIntolerance.c", "clinical"],
    ["System/Patient.read", "malformed"],
    ["patient/Observation.read?category=laboratory", "malformed"],
    ["patient/Observation.rs?category=laboratory", "clinical"],
    ["patient/*.rs?category=laboratory", "malformed"],
    ["user/Foo.read", "malformed"],
    ["patient/Observation.rs?code:in=http://loinc.org|1234-5&status=final", "clinical"],
    ["patient/Observation.rs?", "malformed"],
    ["patient/observation.read", "malformed"],
    ["patient/Observation.rs?category=a b", "malformed"],
    ["patient/Observation.rs?category", "malformed"],
    ["launch", "context"],
    ["launch/patient", "context"],
    ["launch/encounter", "malformed"],
    ["openid", "context"],
    ["fhirUser", "context"],
    ["email", "malformed"],
    ["profile", "context"],
    ["offline_access", "context"],
    ["aws.cognito.signin.user.admin", "malformed"],
    ['patient/Observation.rs?category="x"', "malformed"],
    ["patient/Patient.read\t", "malformed"],
    ["patient/Pätient.read", "malformed"],
    ["agent/Patient.read", "malformed"],
    ["*/Patient.read", "malformed"],
    ["patient/Patient1.read", "malformed"],
  ])("%s is %s", (scope, kind) => {
    expect(classifyScope(scope)).toBe(kind);
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
