import type { Fetcher } from "aws-jwt-verify/https";
import { AuthPayload } from "./claims";
import { LogLevel, loadSettings } from "./config";
import { DenyError, DenyReason } from "./deny";
import { operationOf, parseRequest } from "./event";
import { JwksFetcher, JwksFetcherOptions } from "./jwks-fetcher";
import { LIMITS } from "./limits";
import { LogSink, loggableName, logger, subjectRef } from "./log";
import { TokenValidator, denyReason } from "./validator";

export type HandlerResult =
  | { readonly authPayload: AuthPayload; readonly iamRoleARN: string }
  | { readonly authPayload: { readonly isAuthorized: false } };

export interface HandlerDependencies {
  /** Where log lines go. @default - standard output, one JSON object per line */
  readonly sink?: LogSink;
  /** TLS options for the JWKS download (a private CA in tests). */
  readonly tls?: JwksFetcherOptions["tls"];
  /** @default - a JwksFetcher with the timeouts in LIMITS */
  readonly fetcher?: Fetcher;
}

const DENY: HandlerResult = Object.freeze({ authPayload: Object.freeze({ isAuthorized: false as const }) });
const stdout: LogSink = (line) => process.stdout.write(line + "\n");

/**
 * Builds HealthLake's token-validation handler from the environment. It never throws and never
 * waits past LIMITS.requestDeadlineMs: every failure, whatever it is, is `isAuthorized: false`.
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
  const fetcher = deps.fetcher ?? new JwksFetcher({
    timeoutMs: LIMITS.jwksFetchTimeoutMs,
    maxBytes: LIMITS.jwksMaxBytes,
    failureBackoffMs: LIMITS.jwksFailureBackoffMs,
    tls: deps.tls,
  });
  const validator = new TokenValidator(settings, fetcher);
  validator.preload().catch((err: unknown) => log("warn", { event: "jwks_preload", reason: denyReason(err) }));

  return async (event: unknown): Promise<HandlerResult> => {
    const started = performance.now();
    const operation = operationOf(event);
    let deadline: NodeJS.Timeout | undefined;
    try {
      const request = parseRequest(event, settings.region);
      const timedOut = new Promise<never>((_, reject) => {
        deadline = setTimeout(() => reject(new DenyError("timeout")), LIMITS.requestDeadlineMs);
      });
      const allowed = await Promise.race([validator.validate(request), timedOut]);
      log("info", {
        decision: "allow",
        operation,
        clientId: allowed.clientId,
        subject: subjectRef(allowed.authPayload.iss, allowed.authPayload.sub),
        droppedScopes: allowed.droppedScopes || undefined,
        latencyMs: elapsed(started),
      });
      return { authPayload: allowed.authPayload, iamRoleARN: settings.roleArn };
    } catch (err) {
      const reason: DenyReason = denyReason(err);
      log(reason === "internal" ? "error" : "warn", {
        decision: "deny",
        reason,
        operation,
        errorClass: reason === "internal" ? loggableName(err instanceof Error ? err.constructor.name : undefined) : undefined,
        latencyMs: elapsed(started),
      });
      return DENY;
    } finally {
      clearTimeout(deadline);
    }
  };
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;
