import { healthLakeActionsForScopes } from "../stacks/healthlake-actions";

const names = (scopes: string[]) => healthLakeActionsForScopes(scopes).map((a) => a.replace("healthlake:", ""));

// HealthLake's data-plane actions (Service Authorization Reference), grouped as a SMART scope reaches them.
const READ = ["ReadResource", "VersionReadResource", "GetHistoryByResourceId", "SearchWithGet", "SearchWithPost", "SearchEverything", "GetCapabilities"];
const WRITE = ["CreateResource", "UpdateResource", "PatchResource", "DeleteResource", "ProcessBundle"];
const EXPORT = ["StartFHIRExportJobWithGet", "StartFHIRExportJobWithPost", "DescribeFHIRExportJobWithGet", "GetExportedFile", "CancelFHIRExportJobWithDelete"];

describe("healthLakeActionsForScopes: exactly the actions the scopes can reach", () => {
  test.each([
    ["no clinical scope: none", ["launch/patient", "openid"], []],
    ["v1 read: read and search", ["patient/*.read"], READ],
    ["v2 search only: read and search", ["user/Observation.s"], READ],
    ["v2 create: write", ["user/Observation.c"], WRITE],
    ["v2 write-only: write, no read", ["patient/Observation.cud"], WRITE],
    ["system read: read and bulk export", ["system/*.read"], [...READ, ...EXPORT]],
    ["system wildcard: read, write and bulk export", ["system/*.*"], [...READ, ...WRITE, ...EXPORT]],
    ["patient and user reads: no write, no export", ["patient/*.read", "user/Patient.rs"], READ],
  ])("%s", (_name, scopes, expected) => {
    expect(names(scopes)).toEqual(expected);
  });
});
