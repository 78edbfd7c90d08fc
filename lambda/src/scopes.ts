import { FHIR_R4_RESOURCE_TYPES } from "./fhir-resource-types";

export type ScopeKind = "clinical" | "context" | "malformed";

/** Scopes HealthLake grants access by, plus the launch and identity scopes kept as context. */
export interface SmartScopes {
  /** `(patient|user|system)/(Type|*).<permissions>[?query]`, v1 or v2, in token order. */
  readonly clinical: readonly string[];
  /** `launch`, `launch/patient`, `openid`, `fhirUser`, `profile`, `offline_access`. */
  readonly context: readonly string[];
  /** How many scopes were dropped as malformed or unknown (never their text: it is caller input). */
  readonly dropped: number;
}

const CONTEXT_SCOPES: ReadonlySet<string> = new Set(["launch", "launch/patient", "openid", "fhirUser", "profile", "offline_access"]);

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

/** Classifies one scope token against the SMART v1 and v2 grammars. */
export function classifyScope(scope: string): ScopeKind {
  if (CONTEXT_SCOPES.has(scope)) return "context";
  return parseClinicalScope(scope) ? "clinical" : "malformed";
}

/** Splits a `scope` claim on single spaces and keeps what HealthLake should honour, deduplicated. */
export function parseScopes(claim: string): SmartScopes {
  const clinical: string[] = [];
  const context: string[] = [];
  let dropped = 0;
  for (const scope of new Set(claim.split(" "))) {
    if (scope === "") continue;
    const kind = classifyScope(scope);
    if (kind === "clinical") clinical.push(scope);
    else if (kind === "context") context.push(scope);
    else dropped++;
  }
  return { clinical, context, dropped };
}
