/**
 * The SMART App Launch scope grammar (v1, v2 and v2.2 filters) as HealthLake reads it: one module the
 * stack (which scopes Cognito issues, what the service role may do, what discovery advertises) and the
 * token validator (which scopes a token may use) both import.
 */
import { FHIR_R4_RESOURCE_TYPES } from "./fhir-r4-resource-types";

/** `SMART_ON_FHIR_V1` honours v1 scopes only; `SMART_ON_FHIR` honours v1 and v2 (c/r/u/d/s, v2.2 filters). */
export type AuthorizationStrategy = "SMART_ON_FHIR_V1" | "SMART_ON_FHIR";

/** Launch and identity scopes: no access by themselves, passed on as context. */
export const CONTEXT_SCOPES: ReadonlySet<string> = new Set(["launch", "launch/patient", "openid", "fhirUser", "profile", "offline_access"]);

// v1 permissions: read | write | *. v2: the letters c r u d s, in that order, at least one.
const CLINICAL = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)(\?.*)?$/;
// SMART v2.2 filter: param=value pairs joined by &; values are printable ASCII without " & \.
const QUERY = /^\?[A-Za-z0-9_.:-]+=[\x21\x23-\x25\x27-\x5b\x5d-\x7e]+(?:&[A-Za-z0-9_.:-]+=[\x21\x23-\x25\x27-\x5b\x5d-\x7e]+)*$/;
const V1_PERMISSIONS: ReadonlySet<string> = new Set(["read", "write", "*"]);

/** A well-formed SMART clinical scope, taken apart. */
export interface ClinicalScope {
  readonly level: "patient" | "user" | "system";
  /** A FHIR R4 resource type, or `*`. */
  readonly type: string;
  /** SMART v1 (`read`, `write`, `*`) or v2 (`c`, `r`, `u`, `d`, `s`). */
  readonly version: 1 | 2;
  /** A SMART v2.2 `?param=value` filter narrows it. */
  readonly filtered: boolean;
  readonly canRead: boolean;
  readonly canWrite: boolean;
}

/** Parses a SMART v1 or v2 clinical scope; undefined when malformed. */
export function parseClinicalScope(scope: string): ClinicalScope | undefined {
  const match = CLINICAL.exec(scope);
  if (!match) return undefined;
  const [, level, type, permissions, query] = match;
  if (permissions === "") return undefined;
  if (type !== "*" && !FHIR_R4_RESOURCE_TYPES.has(type)) return undefined;
  const v1 = V1_PERMISSIONS.has(permissions);
  // Filters are a v2.2 feature, never on v1 permissions or on every type at once (HealthLake rejects `*` with a filter).
  if (query !== undefined && (v1 || type === "*" || !QUERY.test(query))) return undefined;
  return {
    level: level as ClinicalScope["level"],
    type,
    version: v1 ? 1 : 2,
    filtered: query !== undefined,
    canRead: v1 ? permissions !== "write" : /[rs]/.test(permissions),
    canWrite: v1 ? permissions !== "read" : /[cud]/.test(permissions),
  };
}
