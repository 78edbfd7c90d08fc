import type { AuthorizationStrategy } from "../../smart/scope-grammar";

/** What the validator needs from its environment, checked once per container. */
export interface ValidatorSettings {
  /** Exact `iss` accepted. */
  readonly issuer: string;
  readonly jwksUri: string;
  /** App clients whose access tokens are accepted (`client_id`). */
  readonly clientIds: readonly string[];
  /** Returned to HealthLake as `iamRoleARN`. */
  readonly roleArn: string;
  /** The issuer is a Cognito user pool, so every token must say `token_use: access`. */
  readonly cognito: boolean;
  /** Region the function runs in; a datastore endpoint of another region is refused. */
  readonly region?: string;
  /** The datastore's authorization strategy: which SMART scope versions HealthLake honours. */
  readonly strategy: AuthorizationStrategy;
  readonly logLevel: LogLevel;
}

const STRATEGIES: readonly AuthorizationStrategy[] = ["SMART_ON_FHIR_V1", "SMART_ON_FHIR"];

export type LogLevel = "debug" | "info" | "warn" | "error";
const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];

export type SettingsResult =
  | { readonly ok: true; readonly settings: ValidatorSettings }
  | { readonly ok: false; readonly variable: string; readonly problem: string };

const USER_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d)_[0-9A-Za-z]+$/;
const COGNITO_ISSUER = /^https:\/\/(?:issuer-)?cognito-idp\.[a-z]{2}(?:-[a-z]+)+-\d\.amazonaws\.com\/[a-z]{2}(?:-[a-z]+)+-\d_[0-9A-Za-z]+$/;
const CLIENT_ID = /^[\x21-\x2b\x2d-\x7e]{1,128}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d$/;

const fail = (variable: string, problem: string): SettingsResult => ({ ok: false, variable, problem });

function httpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}

/**
 * Reads `USER_POOL_ID`, `CLIENT_ID`, `USER_ROLE_ARN` and the optional `ISSUER`, `JWKS_URI`,
 * `AUTHORIZATION_STRATEGY`, `LOG_LEVEL`. The first problem found is returned with the variable it concerns.
 */
export function loadSettings(env: Readonly<Record<string, string | undefined>>): SettingsResult {
  const poolId = env.USER_POOL_ID?.trim() || undefined;
  const issuerOverride = env.ISSUER?.trim() || undefined;
  const jwksOverride = env.JWKS_URI?.trim() || undefined;

  const pool = poolId === undefined ? undefined : USER_POOL_ID.exec(poolId);
  if (pool === null) return fail("USER_POOL_ID", "must look like <region>_<id>, e.g. us-east-1_AbC123");
  let issuer: string;
  if (issuerOverride) {
    if (!httpsUrl(issuerOverride)) return fail("ISSUER", "must be an https URL");
    issuer = issuerOverride;
  } else if (pool) {
    issuer = `https://cognito-idp.${pool[1]}.amazonaws.com/${pool[0]}`;
  } else {
    return fail("USER_POOL_ID", "is required unless ISSUER is set");
  }
  if (jwksOverride && !httpsUrl(jwksOverride)) return fail("JWKS_URI", "must be an https URL");

  const clientIds = (env.CLIENT_ID ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  if (clientIds.length === 0) return fail("CLIENT_ID", "is required: one or more app client ids, comma-separated");
  if (!clientIds.every((id) => CLIENT_ID.test(id))) return fail("CLIENT_ID", "holds an id with a character outside printable ASCII");

  const roleArn = env.USER_ROLE_ARN?.trim() ?? "";
  if (!ROLE_ARN.test(roleArn)) return fail("USER_ROLE_ARN", "must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)");

  // Absent, the stricter strategy: v2 scopes are dropped, never granted beyond what HealthLake honours.
  const strategy = (env.AUTHORIZATION_STRATEGY?.trim() || "SMART_ON_FHIR_V1") as AuthorizationStrategy;
  if (!STRATEGIES.includes(strategy)) return fail("AUTHORIZATION_STRATEGY", `must be one of ${STRATEGIES.join(", ")}`);

  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) return fail("LOG_LEVEL", `must be one of ${LOG_LEVELS.join(", ")}`);

  const region = env.AWS_REGION && REGION.test(env.AWS_REGION) ? env.AWS_REGION : undefined;
  return {
    ok: true,
    settings: {
      issuer,
      jwksUri: jwksOverride ?? `${issuer.replace(/\/$/, "")}/.well-known/jwks.json`,
      clientIds,
      roleArn,
      cognito: COGNITO_ISSUER.test(issuer),
      region,
      strategy,
      logLevel,
    },
  };
}
