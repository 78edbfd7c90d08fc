/** What the validator's log group says about the requests of one smoke step. */
export interface ValidatorEvidence {
  /** Invocations in the step's window (the runtime's REPORT lines): 0 means HealthLake never called the validator. */
  readonly invocations: number;
  /** The validator's decisions in the window, from its JSON log lines. */
  readonly decisions: readonly { readonly decision: "allow" | "deny"; readonly reason?: string }[];
}

export interface Diagnosis {
  readonly cause: string;
  readonly fix: string;
}

// What each deny reason of the validator (docs/validator.md) usually means for a deployment.
const DENY_FIXES: Readonly<Record<string, string>> = {
  config: "a setting of the validator is missing or malformed: its log line names the variable; redeploy",
  issuer: "the token comes from another issuer than the validator's (another pool or region, or a stale ISSUER)",
  claims: "the token's client is not an accepted client (CLIENT_ID), or its audience is not the datastore or the configured audience",
  scope: "the token has no SMART scope the datastore honours: request a system/ scope the client may use",
  time: "the token is expired, or the clocks disagree",
  signature: "the signature does not verify with the issuer's keys: a token of another issuer, or an algorithm not allowed",
  unknown_key: "the token's key is not in the issuer's key set",
  jwks_unavailable: "the validator cannot reach the issuer's JWKS in time: check the function's network path to the issuer",
  inactive: "the introspection endpoint says the token is not active",
  introspection_unavailable: "the introspection endpoint gave no usable answer: check the client secret in Secrets Manager and the endpoint",
  timeout: "the validator did not answer in time",
  endpoint: "the request's datastore endpoint is not a HealthLake R4 endpoint of the validator's region",
  malformed: "the token is not a well-formed bearer token",
  internal: "the validator failed unexpectedly: its log line names the error class",
};

/**
 * Why HealthLake refused a request the smoke test expected it to allow, from the validator's side:
 * never called, called and denied (and why), or allowed and refused by HealthLake itself.
 */
export function diagnose(evidence: ValidatorEvidence): Diagnosis {
  if (evidence.invocations === 0 && evidence.decisions.length === 0) {
    return {
      cause: "HealthLake never called the validator",
      fix: "the invoke permission's condition is not met (smart.validator.invokeCondition: try \"none\"), or the datastore calls another function (its IdpLambdaArn: see the plan's identity_provider_configuration check, docs/identity-provider-update.md)",
    };
  }
  const deny = evidence.decisions.find((d) => d.decision === "deny");
  if (deny) {
    return {
      cause: `the validator denied: ${deny.reason ?? "no reason logged"}`,
      fix: DENY_FIXES[deny.reason ?? ""] ?? "see docs/validator.md for the reason",
    };
  }
  if (evidence.decisions.some((d) => d.decision === "allow")) {
    return {
      cause: "the validator allowed, but HealthLake refused",
      fix: "the service role HealthLake assumes lacks the action (its policy follows smart.scopes), or the token's scopes do not cover the request",
    };
  }
  return {
    cause: "the validator was called but logged no decision",
    fix: "its LOG_LEVEL hides them (set info), or it failed before answering: read its log group",
  };
}
