import { healthLakeActionsForScopes } from "../stacks/healthlake-actions";

const names = (scopes: string[]) => healthLakeActionsForScopes(scopes).map((a) => a.replace("healthlake:", ""));

describe("healthLakeActionsForScopes", () => {
  test.each([
    ["no clinical scope", ["launch/patient", "openid"], []],
    ["v1 read", ["patient/*.read"], ["ReadResource", "SearchWithGet"]],
    ["v2 search only", ["user/Observation.s"], ["SearchWithGet", "SearchWithPost"]],
    ["v2 create", ["user/Observation.c"], ["CreateResource", "UpdateResource"]],
    ["system read adds export", ["system/*.read"], ["StartFHIRExportJobWithPost", "GetExportedFile"]],
    ["system wildcard", ["system/*.*"], ["ReadResource", "DeleteResource", "StartFHIRExportJobWithGet"]],
  ])("%s", (_name, scopes, included) => {
    expect(names(scopes)).toEqual(expect.arrayContaining(included));
  });

  test("read scopes grant no write action, and patient scopes no export", () => {
    const actions = names(["patient/*.read", "user/Patient.rs"]);
    expect(actions).not.toContain("CreateResource");
    expect(actions).not.toContain("DeleteResource");
    expect(actions).not.toContain("StartFHIRExportJobWithPost");
  });

  test("a write-only v2 scope grants no read", () => {
    expect(names(["patient/Observation.cud"])).not.toContain("ReadResource");
  });
});
