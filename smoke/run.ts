import { parseClinicalScope } from "../smart/scope-grammar";
import { type Diagnosis, type ValidatorEvidence, diagnose } from "./diagnose";
import type { SmokeTarget } from "./target";

export interface SmokeResponse {
  readonly status: number;
  readonly body: string;
}

/** What the smoke test reaches the world through; tests give it loopback stand-ins. */
export interface SmokeDeps {
  /** An access token for these scopes from the client credentials grant (openid-client). Never printed. */
  token(scope: string): Promise<string>;
  /** An HTTPS request to the datastore; `signed`: with SigV4 (the caller's AWS credentials). */
  request(url: string, options: { readonly method?: string; readonly token?: string; readonly signed?: boolean }): Promise<SmokeResponse>;
  /** The validator's log group between two epoch-millisecond times, once the runtime has written it. */
  evidence(from: number, to: number): Promise<ValidatorEvidence>;
  /** Called as each step ends. */
  progress(step: SmokeStep): void;
}

export interface SmokeStep {
  readonly name: string;
  readonly status: "pass" | "fail" | "skip";
  readonly detail: string;
  readonly diagnosis?: Diagnosis;
}

const REFUSED = [401, 403];
// The discovery fields a SMART client relies on; lists compare as sets.
const DISCOVERY_FIELDS = ["issuer", "authorization_endpoint", "token_endpoint", "grant_types_supported", "scopes_supported", "capabilities"];

/**
 * Whether a deployment works: HealthLake's discovery document is the one the stack intends, a
 * machine token reads, and no token, a tampered token and a read-only token's write are refused.
 * A request that should pass and does not is explained from the validator's log group.
 */
export async function runSmoke(target: SmokeTarget, deps: SmokeDeps): Promise<SmokeStep[]> {
  const steps: SmokeStep[] = [];
  const record = (step: SmokeStep) => {
    steps.push(step);
    deps.progress(step);
  };
  const base = target.datastoreEndpoint;

  record(await discovery(target, deps));

  const scopes = ((target.intended.scopes_supported as string[] | undefined) ?? []).filter((scope) => scope.startsWith("system/"));
  const read = scopes.find((scope) => parseClinicalScope(scope)?.canRead);
  const readOnly = scopes.find((scope) => {
    const parsed = parseClinicalScope(scope);
    return parsed?.canRead && !parsed.canWrite && !parsed.filtered;
  });
  if (!target.client || !read) {
    const why = !target.client
      ? "no machine client: the stack has no client credentials client; for an external server set SMOKE_CLIENT_ID and SMOKE_CLIENT_SECRET"
      : "discovery lists no system/ scope that can read";
    for (const name of ["token", "read metadata", "search Patient", "refuse no token", "refuse a tampered token", "refuse a write with a read-only scope"]) {
      record({ name, status: "skip", detail: why });
    }
    return steps;
  }

  let token: string;
  try {
    token = await deps.token(read);
    record({ name: "token", status: "pass", detail: `client credentials token for ${read}` });
  } catch (error) {
    record({ name: "token", status: "fail", detail: `the token endpoint refused: ${describeError(error)}` });
    return steps;
  }

  for (const [name, path] of [
    ["read metadata", "metadata"],
    ["search Patient", "Patient?_count=1"],
  ] as const) {
    const started = Date.now();
    const response = await deps.request(`${base}${path}`, { token });
    if (response.status === 200) record({ name, status: "pass", detail: `GET ${path}: 200` });
    else
      record({
        name,
        status: "fail",
        detail: `GET ${path}: ${response.status}, expected 200`,
        diagnosis: diagnose(await deps.evidence(started - 1000, Date.now() + 1000)),
      });
  }

  const refused = async (name: string, response: Promise<SmokeResponse>, what: string) => {
    const { status } = await response;
    record(
      REFUSED.includes(status)
        ? { name, status: "pass", detail: `${what}: ${status}` }
        : { name, status: "fail", detail: `${what}: ${status}, expected 401 or 403: the datastore let it through` },
    );
  };
  await refused("refuse no token", deps.request(`${base}Patient?_count=1`, {}), "GET Patient without a token");
  await refused(
    "refuse a tampered token",
    deps.request(`${base}Patient?_count=1`, { token: tampered(token) }),
    "GET Patient with a token whose signature was changed",
  );
  if (readOnly) {
    const readOnlyToken = await deps.token(readOnly);
    // A delete of an id that does not exist: if it were allowed, nothing is lost.
    await refused(
      "refuse a write with a read-only scope",
      deps.request(`${base}Patient/smoke-test-${Date.now()}`, { method: "DELETE", token: readOnlyToken }),
      `DELETE Patient with only ${readOnly}`,
    );
  } else {
    record({ name: "refuse a write with a read-only scope", status: "skip", detail: "discovery lists no read-only system/ scope" });
  }
  return steps;
}

/** HealthLake's discovery document, compared with the one the stack intends. */
async function discovery(target: SmokeTarget, deps: SmokeDeps): Promise<SmokeStep> {
  const url = `${target.datastoreEndpoint}.well-known/smart-configuration`;
  let response = await deps.request(url, {});
  // AWS's documentation disagrees on whether discovery needs SigV4: try it when refused.
  if (REFUSED.includes(response.status)) response = await deps.request(url, { signed: true });
  if (response.status !== 200) return { name: "discovery", status: "fail", detail: `GET .well-known/smart-configuration: ${response.status}` };
  let served: Record<string, unknown>;
  try {
    served = JSON.parse(response.body) as Record<string, unknown>;
  } catch {
    return { name: "discovery", status: "fail", detail: "the discovery document is not JSON" };
  }
  const stale = DISCOVERY_FIELDS.filter((field) => !sameValue(served[field], target.intended[field]));
  return stale.length === 0
    ? { name: "discovery", status: "pass", detail: "HealthLake serves the discovery document the stack intends" }
    : {
        name: "discovery",
        status: "fail",
        detail: `HealthLake serves another ${stale.join(", ")} than the stack intends: the datastore's identity provider configuration is stale (docs/troubleshooting.md)`,
      };
}

const sameValue = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && JSON.stringify([...a].sort()) === JSON.stringify([...b].sort())
    : JSON.stringify(a) === JSON.stringify(b);

/** The token with its signature's first character changed: the same claims, a signature that cannot verify. */
function tampered(token: string): string {
  const [header, payload, signature] = token.split(".");
  return `${header}.${payload}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
}

/** An error's OAuth code and description (openid-client), never a request or a body that could hold a secret. */
function describeError(error: unknown): string {
  const { error: code, error_description: description } = (error ?? {}) as { error?: unknown; error_description?: unknown };
  if (typeof code === "string") return typeof description === "string" ? `${code}: ${description}` : code;
  return error instanceof Error ? error.name : "unknown error";
}
