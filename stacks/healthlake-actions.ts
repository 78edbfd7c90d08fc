import { parseClinicalScope } from "../smart/scope-grammar";

const READ = ["ReadResource", "VersionReadResource", "GetHistoryByResourceId", "SearchWithGet", "SearchWithPost", "SearchEverything", "GetCapabilities"];
const WRITE = ["CreateResource", "UpdateResource", "PatchResource", "DeleteResource", "ProcessBundle"];
// Bulk export is a system-level read (SMART Backend Services).
const EXPORT = ["StartFHIRExportJobWithGet", "StartFHIRExportJobWithPost", "DescribeFHIRExportJobWithGet", "GetExportedFile", "CancelFHIRExportJobWithDelete"];

/**
 * HealthLake data-plane IAM actions a set of SMART scopes can reach. The role HealthLake assumes
 * for a SMART request is the ceiling; the token's scopes narrow each request below it.
 */
export function healthLakeActionsForScopes(scopes: readonly string[]): string[] {
  const clinical = scopes.map(parseClinicalScope).filter((scope) => scope !== undefined);
  const read = clinical.some((scope) => scope.canRead);
  const write = clinical.some((scope) => scope.canWrite);
  const exportData = clinical.some((scope) => scope.canRead && scope.level === "system");
  return [...(read ? READ : []), ...(write ? WRITE : []), ...(exportData ? EXPORT : [])].map((a) => `healthlake:${a}`);
}
