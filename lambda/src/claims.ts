import { DenyError } from "./deny";
import { LIMITS } from "./limits";
import { SmartScopes, parseScopes } from "./scopes";

export interface ClaimRules {
  readonly clientIds: readonly string[];
  /** Tokens of a Cognito pool must carry `token_use: access`; other issuers' may omit it. */
  readonly requireTokenUse: boolean;
}

/** Header parameters this validator refuses: critical extensions and nested or unencoded payloads. */
const FORBIDDEN_HEADERS = ["crit", "cty", "b64"];

// A FHIR resource id, and a fhirUser reference (absolute or relative) to a person resource.
const FHIR_ID = /^[A-Za-z0-9.-]{1,64}$/;
const FHIR_USER = /^(?:https:\/\/[^\s/]+(?:\/[^\s]*)?\/)?(?:Patient|Practitioner|RelatedPerson|Person)\/[A-Za-z0-9.-]{1,64}$/;

/** Checks of the JOSE header the library leaves to its caller; the algorithm is pinned to RS256. */
export function checkHeader(header: Readonly<Record<string, unknown>>): void {
  if (header.alg !== "RS256") throw new DenyError("signature");
  if (FORBIDDEN_HEADERS.some((name) => name in header)) throw new DenyError("signature");
}

export interface CheckedClaims {
  readonly iss: string;
  readonly sub: string;
  readonly clientId: string;
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  readonly scopes: SmartScopes;
  readonly fhirUser?: string;
  readonly patient?: string;
}

const isTime = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/**
 * Checks a signature-verified payload beyond what aws-jwt-verify enforces: `exp` and `iat`
 * present, nothing issued in the future, a bounded lifetime, the token kind, the client, any
 * audience, identity claims and SMART scopes. Throws DenyError; `nowSeconds` is epoch seconds.
 */
export function checkClaims(payload: Readonly<Record<string, unknown>>, datastoreEndpoint: string, rules: ClaimRules, nowSeconds: number): CheckedClaims {
  const { iss, sub, exp, iat, nbf, client_id: clientId, token_use: tokenUse, aud, scope, fhirUser, patient } = payload;

  if (!isTime(exp) || !isTime(iat)) throw new DenyError("time");
  if (exp <= nowSeconds) throw new DenyError("time");
  if (iat > nowSeconds + LIMITS.clockSkewSeconds) throw new DenyError("time");
  if (nbf !== undefined && (!isTime(nbf) || nbf > nowSeconds + LIMITS.clockSkewSeconds)) throw new DenyError("time");
  if (exp - iat > LIMITS.maxTokenLifetimeSeconds) throw new DenyError("time");

  if (rules.requireTokenUse ? tokenUse !== "access" : tokenUse !== undefined && tokenUse !== "access") throw new DenyError("claims");
  if (typeof clientId !== "string" || !rules.clientIds.includes(clientId)) throw new DenyError("claims");
  if (aud !== undefined && !audienceIncludes(aud, datastoreEndpoint)) throw new DenyError("claims");
  if (typeof iss !== "string" || typeof sub !== "string" || sub === "") throw new DenyError("claims");
  const user = optionalClaim(fhirUser, FHIR_USER);
  const patientId = optionalClaim(patient, FHIR_ID);

  if (typeof scope !== "string") throw new DenyError("scope");
  const scopes = parseScopes(scope);
  if (scopes.clinical.length === 0) throw new DenyError("scope");

  return { iss, sub, clientId, iat, nbf: isTime(nbf) ? nbf : iat, exp, scopes, fhirUser: user, patient: patientId };
}

/** An identity claim is optional, but when present it must be well formed: it drives fine-grained access. */
function optionalClaim(value: unknown, pattern: RegExp): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !pattern.test(value)) throw new DenyError("claims");
  return value;
}

/** A token bound to a resource (RFC 8707) must be bound to this datastore. */
function audienceIncludes(aud: unknown, datastoreEndpoint: string): boolean {
  const accepted = new Set([datastoreEndpoint, datastoreEndpoint.replace(/\/$/, "")]);
  const audiences = Array.isArray(aud) ? aud : [aud];
  return audiences.some((a) => typeof a === "string" && accepted.has(a));
}

/** The `authPayload` HealthLake reads for an allowed request. */
export interface AuthPayload {
  readonly iss: string;
  readonly aud: string;
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  readonly isAuthorized: true;
  readonly scope: string;
  readonly sub: string;
  readonly fhirUser?: string;
  readonly patient?: string;
}

export function authPayload(claims: CheckedClaims, datastoreEndpoint: string): AuthPayload {
  return {
    iss: claims.iss,
    aud: datastoreEndpoint,
    iat: claims.iat,
    nbf: claims.nbf,
    exp: claims.exp,
    isAuthorized: true,
    scope: [...claims.scopes.clinical, ...claims.scopes.context].join(" "),
    sub: claims.sub,
    ...(claims.fhirUser !== undefined ? { fhirUser: claims.fhirUser } : {}),
    ...(claims.patient !== undefined ? { patient: claims.patient } : {}),
  };
}
