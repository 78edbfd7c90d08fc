import type { AuthorizationStrategy } from "../../smart/scope-grammar";
import { SIGNATURE_ALGORITHMS } from "../../smart/signature-algorithms";
import type { TokenPolicy } from "./claims";
import { LIMITS } from "./limits";
import { VALIDATOR_ENVIRONMENT as ENV, VALIDATOR_PATTERNS } from "../../smart/validator-environment";

/**
 * How tokens are verified: `cognito` and `oidc` verify a JWT's signature with the issuer's published
 * keys, `introspection` asks the issuer (RFC 7662). Whichever mode, the claims then pass the same policy.
 */
export type AuthMode = "cognito" | "oidc" | "introspection";

/** What the validator needs from its environment, checked once per container. */
export interface ValidatorSettings {
  readonly mode: AuthMode;
  /** Exact `iss` accepted. */
  readonly issuer: string;
  /** Returned to HealthLake as `iamRoleARN`. */
  readonly roleArn: string;
  /** Region the function runs in; a datastore endpoint of another region is refused. */
  readonly region?: string;
  readonly logLevel: LogLevel;
  /** `LOG_LEVEL` was set to something that is no log level: logging at `info`, said once at init. */
  readonly logLevelUnreadable?: boolean;
  readonly policy: TokenPolicy;
  /** `cognito` and `oidc`: where the issuer's keys are, and the algorithms its tokens may be signed with. */
  readonly keys?: { readonly jwksUri: string; readonly algorithms: readonly string[] };
  /** `introspection`: the endpoint, this validator's client id there, and the Secrets Manager secret holding its client secret. */
  readonly introspection?: { readonly endpoint: string; readonly clientId: string; readonly secretArn: string };
}

const MODES: readonly AuthMode[] = ["cognito", "oidc", "introspection"];
const STRATEGIES: readonly AuthorizationStrategy[] = ["SMART_ON_FHIR_V1", "SMART_ON_FHIR"];

export type LogLevel = "debug" | "info" | "warn" | "error";
// AWS Lambda's own log levels (TRACE to FATAL, any case), and ours.
const LOG_LEVEL_NAMES: Readonly<Record<string, LogLevel>> = {
  trace: "debug",
  debug: "debug",
  info: "info",
  warn: "warn",
  warning: "warn",
  error: "error",
  fatal: "error",
};

/**
 * `LOG_LEVEL`, read leniently: logging decides nobody's access, so a value it cannot read logs at
 * `info` (and says so once) instead of denying every request as a broken configuration.
 */
export function logLevelOf(given: string | undefined): { readonly level: LogLevel; readonly unreadable: boolean } {
  if (given === undefined || given.trim() === "") return { level: "info", unreadable: false };
  const level = LOG_LEVEL_NAMES[given.trim().toLowerCase()];
  return level === undefined ? { level: "info", unreadable: true } : { level, unreadable: false };
}

export type SettingsResult =
  | { readonly ok: true; readonly settings: ValidatorSettings }
  | { readonly ok: false; readonly variable: string; readonly problem: string };

const USER_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d)_[0-9A-Za-z]+$/;
const COGNITO_ISSUER = /^https:\/\/(?:issuer-)?cognito-idp\.[a-z]{2}(?:-[a-z]+)+-\d\.amazonaws\.com\/[a-z]{2}(?:-[a-z]+)+-\d_[0-9A-Za-z]+$/;
const { clientId: CLIENT_ID, claimName: CLAIM_NAME, audience: AUDIENCE, lifetimeSeconds: LIFETIME_SECONDS } = VALIDATOR_PATTERNS;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:secret:[\w/+=.@-]{1,512}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d$/;

class SettingsProblem extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable} ${problem}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;
const value = (env: Env, name: string) => env[name]?.trim() || undefined;

function httpsUrl(env: Env, name: string, required: true): string;
function httpsUrl(env: Env, name: string, required: false): string | undefined;
function httpsUrl(env: Env, name: string, required: boolean): string | undefined {
  const given = value(env, name);
  if (given === undefined) {
    if (required) throw new SettingsProblem(name, "is required: an https URL");
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new SettingsProblem(name, "must be an https URL");
  }
  if (url.protocol !== "https:" || url.username !== "" || url.password !== "") throw new SettingsProblem(name, "must be an https URL");
  return given;
}

function listOf(env: Env, name: string, fallback: string, pattern: RegExp, words: string): string[] {
  const items = (value(env, name) ?? fallback)
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw new SettingsProblem(name, `is required: ${words}, comma-separated`);
  if (!items.every((item) => pattern.test(item))) throw new SettingsProblem(name, `must hold ${words}, comma-separated`);
  return items;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const given = (value(env, name) ?? fallback) as T;
  if (!allowed.includes(given)) throw new SettingsProblem(name, `must be one of ${allowed.join(", ")}`);
  return given;
}

/**
 * Reads the validator's environment (docs/validator.md lists every variable). The first problem
 * found is returned with the variable it concerns.
 */
export function loadSettings(env: Env): SettingsResult {
  try {
    return { ok: true, settings: settingsOf(env) };
  } catch (error) {
    if (error instanceof SettingsProblem) return { ok: false, variable: error.variable, problem: error.problem };
    throw error;
  }
}

function settingsOf(env: Env): ValidatorSettings {
  const mode = oneOf(env, ENV.authMode, MODES, "cognito");
  const modeSettings = mode === "cognito" ? cognitoSettings(env) : mode === "oidc" ? oidcSettings(env) : introspectionSettings(env);
  const roleArn = value(env, ENV.userRoleArn) ?? "";
  if (!ROLE_ARN.test(roleArn)) throw new SettingsProblem(ENV.userRoleArn, "must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
  const policy: TokenPolicy = {
    ...modeSettings.policy,
    clientIds: listOf(env, ENV.clientId, "", CLIENT_ID, "one or more client ids of printable ASCII"),
    // Absent, the stricter strategy: v2 scopes are dropped, never granted beyond what HealthLake honours.
    strategy: oneOf(env, ENV.authorizationStrategy, STRATEGIES, "SMART_ON_FHIR_V1"),
  };
  const logLevel = logLevelOf(env[ENV.logLevel]);
  const region = env.AWS_REGION && REGION.test(env.AWS_REGION) ? env.AWS_REGION : undefined;
  return {
    mode,
    issuer: modeSettings.issuer,
    roleArn,
    region,
    logLevel: logLevel.level,
    ...(logLevel.unreadable ? { logLevelUnreadable: true } : {}),
    policy,
    keys: modeSettings.keys,
    introspection: modeSettings.introspection,
  };
}

type ModeSettings = Pick<ValidatorSettings, "issuer" | "keys" | "introspection"> & {
  readonly policy: Omit<TokenPolicy, "clientIds" | "strategy">;
};

/** `USER_POOL_ID` (or `ISSUER`), optional `JWKS_URI`: Cognito's access tokens, RS256, `client_id`, `scope`, no `aud`. */
function cognitoSettings(env: Env): ModeSettings {
  const poolId = value(env, ENV.userPoolId);
  const pool = poolId === undefined ? undefined : USER_POOL_ID.exec(poolId);
  if (pool === null) throw new SettingsProblem(ENV.userPoolId, "must look like <region>_<id>, e.g. us-east-1_AbC123");
  const issuer = httpsUrl(env, ENV.issuer, false) ?? (pool ? `https://cognito-idp.${pool[1]}.amazonaws.com/${pool[0]}` : undefined);
  if (issuer === undefined) throw new SettingsProblem(ENV.userPoolId, "is required unless ISSUER is set");
  const jwksUri = httpsUrl(env, ENV.jwksUri, false) ?? `${issuer.replace(/\/$/, "")}/.well-known/jwks.json`;
  return {
    issuer,
    keys: { jwksUri, algorithms: ["RS256"] },
    policy: {
      clientClaim: "client_id",
      scopeClaims: ["scope"],
      audienceRequired: false,
      requireTokenUse: COGNITO_ISSUER.test(issuer),
      maxLifetimeSeconds: LIMITS.maxTokenLifetimeSeconds,
    },
  };
}

/** What `oidc` and `introspection` both read: the claim names, the audience and the longest lifetime. */
function externalPolicy(env: Env, audienceRequired: boolean): ModeSettings["policy"] {
  const [clientClaim, ...more] = listOf(env, ENV.clientClaim, "client_id", CLAIM_NAME, "a claim name");
  if (more.length > 0) throw new SettingsProblem(ENV.clientClaim, "must be one claim name");
  const audience = value(env, ENV.audience);
  if (audience !== undefined && !AUDIENCE.test(audience))
    throw new SettingsProblem(ENV.audience, "must be printable ASCII without commas, at most 256 characters");
  const lifetime = Number(value(env, ENV.maxTokenLifetimeSeconds) ?? LIMITS.maxTokenLifetimeSeconds);
  if (!Number.isInteger(lifetime) || lifetime < LIFETIME_SECONDS[0] || lifetime > LIFETIME_SECONDS[1]) {
    throw new SettingsProblem(ENV.maxTokenLifetimeSeconds, `must be a whole number of seconds from ${LIFETIME_SECONDS[0]} to ${LIFETIME_SECONDS[1]}`);
  }
  return {
    clientClaim,
    scopeClaims: listOf(env, ENV.scopeClaims, "scope", CLAIM_NAME, "claim names"),
    audience,
    audienceRequired: audienceRequired || audience !== undefined,
    requireTokenUse: false,
    maxLifetimeSeconds: lifetime,
  };
}

/** `ISSUER`, `JWKS_URI`, `ALGORITHMS` and the shared claim settings: any OpenID provider's JWT access tokens, which must name their audience. */
function oidcSettings(env: Env): ModeSettings {
  return {
    issuer: httpsUrl(env, ENV.issuer, true),
    keys: {
      jwksUri: httpsUrl(env, ENV.jwksUri, true),
      algorithms: listOf(env, ENV.algorithms, "RS256", new RegExp(`^(${SIGNATURE_ALGORITHMS.join("|")})$`), SIGNATURE_ALGORITHMS.join(", ")),
    },
    policy: externalPolicy(env, true),
  };
}

/** `ISSUER`, `INTROSPECTION_ENDPOINT`, `INTROSPECTION_CLIENT_ID`, `INTROSPECTION_SECRET_ARN` and the shared claim settings. */
function introspectionSettings(env: Env): ModeSettings {
  const issuer = httpsUrl(env, ENV.issuer, true);
  const endpoint = httpsUrl(env, ENV.introspectionEndpoint, true);
  const clientId = value(env, ENV.introspectionClientId);
  if (clientId === undefined || !CLIENT_ID.test(clientId))
    throw new SettingsProblem(ENV.introspectionClientId, "is required: this validator's client id at the introspection endpoint");
  const secretArn = value(env, ENV.introspectionSecretArn);
  if (secretArn === undefined || !SECRET_ARN.test(secretArn)) {
    throw new SettingsProblem(ENV.introspectionSecretArn, "must be the ARN of the Secrets Manager secret holding the client secret");
  }
  return { issuer, introspection: { endpoint, clientId, secretArn }, policy: externalPolicy(env, false) };
}
