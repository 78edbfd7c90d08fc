import { type ScopeContext, parseScopes } from "../lambda/token-validator/scopes";

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

describe("parseScopes: what a token may use", () => {
  const claim = "system/*.read system/*.rs patient/*.read patient/Observation.rs user/*.read user/Patient.cruds launch/patient";
  test.each([
    [
      "SMART_ON_FHIR, patient and user bound: every scope",
      { strategy: "SMART_ON_FHIR", patientBound: true, userBound: true },
      ["system/*.read", "system/*.rs", "patient/*.read", "patient/Observation.rs", "user/*.read", "user/Patient.cruds"],
    ],
    [
      "SMART_ON_FHIR_V1: v2 and v2.2 forms dropped",
      { strategy: "SMART_ON_FHIR_V1", patientBound: true, userBound: true },
      ["system/*.read", "patient/*.read", "user/*.read"],
    ],
    [
      "no patient bound: patient/ scopes dropped",
      { strategy: "SMART_ON_FHIR", patientBound: false, userBound: true },
      ["system/*.read", "system/*.rs", "user/*.read", "user/Patient.cruds"],
    ],
    [
      "no fhirUser: user/ scopes dropped",
      { strategy: "SMART_ON_FHIR", patientBound: true, userBound: false },
      ["system/*.read", "system/*.rs", "patient/*.read", "patient/Observation.rs"],
    ],
    ["a machine token (no bound): system/ only", { strategy: "SMART_ON_FHIR_V1", patientBound: false, userBound: false }, ["system/*.read"]],
  ] as const)("%s", (_name, context, expected) => {
    const scopes = parseScopes(claim, context);
    expect(scopes.clinical).toEqual(expected);
    expect(scopes.dropped).toBe(6 - expected.length);
    expect(scopes.requestsSystem).toBe(true);
  });
});
