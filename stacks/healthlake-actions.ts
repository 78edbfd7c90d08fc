/**
 * HealthLake data-plane IAM actions a set of SMART scopes can reach. The role HealthLake assumes
 * for a SMART request is the ceiling; the token's scopes narrow each request below it.
 */
const READ = ["ReadResource", "VersionReadResource", "GetHistoryByResourceId", "SearchWithGet", "SearchWithPost", "SearchEverything", "GetCapabilities"];
const WRITE = ["CreateResource", "UpdateResource", "PatchResource", "DeleteResource", "ProcessBundle"];
// Bulk export is a system-level read (SMART Backend Services).
const EXPORT = ["StartFHIRExportJobWithGet", "StartFHIRExportJobWithPost", "DescribeFHIRExportJobWithGet", "GetExportedFile", "CancelFHIRExportJobWithDelete"];

const CLINICAL = /^(patient|user|system)\/(\*|[A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)(\?.*)?$/;

export function healthLakeActionsForScopes(scopes: readonly string[]): string[] {
  let read = false, write = false, exportData = false;
  for (const scope of scopes) {
    const match = CLINICAL.exec(scope);
    if (!match) continue;
    const [, level, , permissions] = match;
    const v1 = permissions === "read" || permissions === "write" || permissions === "*";
    const reads = v1 ? permissions !== "write" : /[rs]/.test(permissions);
    const writes = v1 ? permissions !== "read" : /[cud]/.test(permissions);
    read ||= reads;
    write ||= writes;
    exportData ||= reads && level === "system";
  }
  return [...(read ? READ : []), ...(write ? WRITE : []), ...(exportData ? EXPORT : [])].map((a) => `healthlake:${a}`);
}
