import type { AuthorizationStrategy } from "./config";
import { FHIR_R4_RESOURCE_TYPES } from "./fhir-resource-types";

/** Scopes HealthLake grants access by, plus the launch and identity scopes kept as context. */
export interface SmartScopes {
  /** `(patient|user|system)/(Type|*).<permissions>[?query]` this token may use, in token order. */
  readonly clinical: readonly string[];
  /** `launch`, `launch/patient`, `openid`, `fhirUser`, `profile`, `offline_access`. */
  readonly context: readonly string[];
  /** How many scopes were dropped: malformed, unknown, or unusable here (never their text: it is caller input). */
  readonly dropped: number;
  /** Whether the token asked for any `system/` scope, usable or not. */
  readonly requestsSystem: boolean;
}

/** What decides whether a well-formed clinical scope can be used. */
export interface ScopeContext {
  /** The datastore's strategy: `SMART_ON_FHIR_V1` honours v1 scopes only. */
  readonly strategy: AuthorizationStrategy;
  /** The token binds a patient: a `patient` claim, or a `fhirUser` that is a Patient. */
  readonly patientBound: boolean;
  /** The token names its user: a `fhirUser` claim. */
  readonly userBound: boolean;
}

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

/**
 * Whether a clinical scope can be used: a version the strategy honours, and the bound its level
 * needs. A `patient/` scope without a patient says nothing about whose data it reaches, and a
 * `user/` scope without a `fhirUser` nothing about whose access it is; neither is passed on.
 */
export function usable(scope: ClinicalScope, context: ScopeContext): boolean {
  if (scope.version === 2 && context.strategy === "SMART_ON_FHIR_V1") return false;
  if (scope.level === "patient") return context.patientBound;
  if (scope.level === "user") return context.userBound;
  return true;
}

/** Splits a `scope` claim on single spaces and keeps what HealthLake should honour for this token, deduplicated. */
export function parseScopes(claim: string, context: ScopeContext): SmartScopes {
  const clinical: string[] = [];
  const contextScopes: string[] = [];
  let dropped = 0;
  let requestsSystem = false;
  for (const scope of new Set(claim.split(" "))) {
    if (scope === "") continue;
    if (CONTEXT_SCOPES.has(scope)) {
      contextScopes.push(scope);
      continue;
    }
    const parsed = parseClinicalScope(scope);
    requestsSystem ||= parsed?.level === "system";
    if (parsed && usable(parsed, context)) clinical.push(scope);
    else dropped++;
  }
  return { clinical, context: contextScopes, dropped, requestsSystem };
}
