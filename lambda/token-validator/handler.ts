import type { AuthPayload } from "./claims";
import { ClientSecret, type SecretSource, secretsManagerSecret } from "./client-secret";
import { type LogLevel, type ValidatorSettings, loadSettings } from "./settings";
import { DenyError, type DenyReason } from "./deny";
import { operationOf, parseRequest } from "./event";
import { IssuerKeys } from "./issuer-keys";
import { JwksFetcher, type JwksFetcherOptions, parseKeySet } from "./jwks-fetcher";
import { LIMITS } from "./limits";
import { type Log, type LogSink, loggableName, logger, subjectRef } from "./log";
import { IntrospectionAuthenticator } from "./introspection";
import { IntrospectionCache } from "./introspection-cache";
import { JwtAuthenticator } from "./jwt-authenticator";
import { type Allowed, type TokenAuthenticator, TokenVerifier, denyReason } from "./verifier";

export type HandlerResult = { readonly authPayload: AuthPayload; readonly iamRoleARN: string } | { readonly authPayload: { readonly isAuthorized: false } };

export interface HandlerDependencies {
  /** Where log lines go. @default - standard output, one JSON object per line */
  readonly sink?: LogSink;
  /** TLS options for the JWKS download (a private CA in tests). */
  readonly tls?: JwksFetcherOptions["tls"];
  /** How often the key set is downloaded again in the background. @default LIMITS.jwksRefreshMs */
  readonly jwksRefreshMs?: number;
  /** The issuer's key set as shipped with the deployment (`jwks.json`). @default - downloaded at init */
  readonly bundledKeySet?: Uint8Array;
  /** The introspection client secret. @default - the Secrets Manager secret INTROSPECTION_SECRET_ARN names */
  readonly secretSource?: SecretSource;
  /** The clock of the introspection cache, epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}

const DENY: HandlerResult = Object.freeze({ authPayload: Object.freeze({ isAuthorized: false as const }) });
// The line is written just after the answer is handed back (HealthLake waits for the answer, not the
// log), and before the runtime asks for the next event, so before Lambda can freeze the process.
const stdout: LogSink = (line) => setImmediate(writeLine, line);
const writeLine = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Builds HealthLake's token-validation handler from the environment and starts fetching what it
 * verifies with: the issuer's keys, or the introspection client secret. It never rejects and never waits past LIMITS.requestDeadlineMs: every failure,
 * whatever it is, is `isAuthorized: false`.
 */
export function createHandler(env: Readonly<Record<string, string | undefined>>, deps: HandlerDependencies = {}) {
  const loaded = loadSettings(env);
  const threshold: LogLevel = loaded.ok ? loaded.settings.logLevel : "info";
  const log = logger(threshold, deps.sink ?? stdout);

  if (!loaded.ok) {
    return async (event: unknown): Promise<HandlerResult> => {
      log("error", { decision: "deny", reason: "config", operation: operationOf(event), variable: loaded.variable, problem: loaded.problem, latencyMs: 0 });
      return DENY;
    };
  }

  const settings = loaded.settings;
  if (settings.logLevelUnreadable) log("warn", { setting: "LOG_LEVEL", problem: "not a log level (trace, debug, info, warn, error, fatal): logging at info" });
  const verifier = new TokenVerifier(settings.policy, settings.introspection ? introspecting(settings, deps) : verifyingJwts(settings, deps, log));
  const tokens = settings.introspection ? "any" : "jwt";

  return async (event: unknown): Promise<HandlerResult> => {
    const started = performance.now();
    const operation = operationOf(event);
    try {
      const allowed = await withinDeadline(verifier.validate(parseRequest(event, settings.region, tokens)));
      log("info", {
        decision: "allow",
        operation,
        clientId: allowed.clientId,
        subject: subjectRef(allowed.authPayload.iss, allowed.authPayload.sub),
        droppedScopes: allowed.droppedScopes || undefined,
        latencyMs: elapsed(started),
      });
      return { authPayload: allowed.authPayload, iamRoleARN: settings.roleArn };
    } catch (thrown) {
      const { reason, errorClass } = describe(thrown);
      log(reason === "internal" ? "error" : "warn", { decision: "deny", reason, operation, errorClass, latencyMs: elapsed(started) });
      return DENY;
    }
  };
}

/**
 * `cognito` and `oidc`: the issuer's keys, shipped with the deployment (no network at all on a cold
 * start) or, without them or when they are unusable, downloaded now, before the first request arrives.
 */
function verifyingJwts(settings: ValidatorSettings, deps: HandlerDependencies, log: Log): TokenAuthenticator {
  const { jwksUri, algorithms } = settings.keys as NonNullable<ValidatorSettings["keys"]>;
  const keys = new IssuerKeys(
    jwksUri,
    new JwksFetcher({
      timeoutMs: LIMITS.jwksFetchTimeoutMs,
      freezeLatenessMs: LIMITS.jwksFreezeLatenessMs,
      maxBytes: LIMITS.jwksMaxBytes,
      failureBackoffMs: LIMITS.jwksFailureBackoffMs,
      tls: deps.tls,
    }),
    { refreshMs: deps.jwksRefreshMs ?? LIMITS.jwksRefreshMs, unknownKidWaitMs: LIMITS.unknownKidWaitMs },
  );
  const bundled = deps.bundledKeySet && parseKeySet(deps.bundledKeySet);
  if (bundled) keys.seed(bundled);
  else {
    if (deps.bundledKeySet) log("warn", { event: "bundled_keys", reason: "not a key set with a usable signature key" });
    keys.download().catch((err: unknown) => log("warn", { event: "jwks_preload", reason: denyReason(err) }));
  }
  return new JwtAuthenticator(settings.issuer, algorithms, keys);
}

/** `introspection`: the client secret is read now, before the first request arrives, and answers are cached. */
function introspecting(settings: ValidatorSettings, deps: HandlerDependencies): TokenAuthenticator {
  const { endpoint, clientId, secretArn } = settings.introspection as NonNullable<ValidatorSettings["introspection"]>;
  const secret = new ClientSecret(deps.secretSource ?? secretsManagerSecret(secretArn), {
    refreshMs: LIMITS.secretRefreshMs,
    retryAfterMs: LIMITS.secretRetryMs,
    readTimeoutMs: LIMITS.secretReadTimeoutMs,
    freezeLatenessMs: LIMITS.jwksFreezeLatenessMs,
  });
  secret.read().catch(() => undefined);
  const cache = new IntrospectionCache({
    maxEntries: LIMITS.introspectionCacheEntries,
    maxActiveMs: LIMITS.introspectionActiveCacheMs,
    inactiveMs: LIMITS.introspectionInactiveCacheMs,
    now: deps.now ?? Date.now,
  });
  return new IntrospectionAuthenticator({ endpoint, clientId, issuer: settings.issuer, clientClaim: settings.policy.clientClaim }, secret, cache, {
    timeoutMs: LIMITS.introspectionTimeoutMs,
    freezeLatenessMs: LIMITS.jwksFreezeLatenessMs,
    maxBytes: LIMITS.introspectionMaxBytes,
    tls: deps.tls,
  });
}

/** A pending validation (a key download) becomes a timeout deny at the request deadline; a done one costs no timer. */
function withinDeadline(result: Allowed | Promise<Allowed>): Allowed | Promise<Allowed> {
  if (!(result instanceof Promise)) return result;
  let deadline: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    deadline = setTimeout(() => reject(new DenyError("timeout")), LIMITS.requestDeadlineMs);
  });
  return Promise.race([result, timedOut]).finally(() => clearTimeout(deadline));
}

/**
 * The deny reason of whatever was thrown, read without trusting it: an event's getter can throw
 * anything, including a revoked Proxy that throws on `instanceof` or an object whose `constructor`
 * getter throws. Any failure here is itself an "internal" deny.
 */
function describe(thrown: unknown): { reason: DenyReason; errorClass?: string } {
  try {
    const reason = denyReason(thrown);
    return { reason, errorClass: reason === "internal" ? loggableName(thrown instanceof Error ? thrown.constructor.name : undefined) : undefined };
  } catch {
    return { reason: "internal" };
  }
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;
