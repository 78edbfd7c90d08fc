import type { AuthorizationStrategy } from "../../smart/scope-grammar";
import { CONTEXT_SCOPES, type ClinicalScope, parseClinicalScope } from "../../smart/scope-grammar";

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
