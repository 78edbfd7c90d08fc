import { FHIR_ID, type PersonType, parseFhirUser } from "../../smart/fhir-user";
import type { AuthorizationStrategy } from "../../smart/scope-grammar";
import { DenyError } from "./deny";
import { LIMITS } from "./limits";
import { type SmartScopes, parseScopes } from "./scopes";

export interface ClaimRules {
  readonly clientIds: readonly string[];
  /** Tokens of a Cognito pool must carry `token_use: access`; other issuers' may omit it. */
  readonly requireTokenUse: boolean;
  /** Which SMART scope versions the datastore honours. */
  readonly strategy: AuthorizationStrategy;
}

/**
 * `fhirUser` drives fine-grained access, so it must name a person of this datastore: a relative
 * reference (`Practitioner/456`) or one under the datastore's FHIR base URL.
 */
function personType(fhirUser: string, datastoreEndpoint: string): PersonType | undefined {
  const base = datastoreEndpoint.endsWith("/") ? datastoreEndpoint : `${datastoreEndpoint}/`;
  return parseFhirUser(fhirUser, (given) => given === base)?.type;
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
  // A validity window that exists: issued before it expires, valid before it expires.
  if (exp <= iat || (nbf !== undefined && nbf >= exp)) throw new DenyError("time");
  if (exp - iat > LIMITS.maxTokenLifetimeSeconds) throw new DenyError("time");

  if (rules.requireTokenUse ? tokenUse !== "access" : tokenUse !== undefined && tokenUse !== "access") throw new DenyError("claims");
  if (typeof clientId !== "string" || !rules.clientIds.includes(clientId)) throw new DenyError("claims");
  if (aud !== undefined && !audienceIncludes(aud, datastoreEndpoint)) throw new DenyError("claims");
  if (typeof iss !== "string" || typeof sub !== "string" || sub === "") throw new DenyError("claims");
  if (fhirUser !== undefined && (typeof fhirUser !== "string" || personType(fhirUser, datastoreEndpoint) === undefined)) throw new DenyError("claims");
  if (patient !== undefined && (typeof patient !== "string" || !FHIR_ID.test(patient))) throw new DenyError("claims");
  const user = fhirUser as string | undefined;
  const patientId = patient as string | undefined;

  if (typeof scope !== "string") throw new DenyError("scope");
  const scopes = parseScopes(scope, {
    strategy: rules.strategy,
    patientBound: patientId !== undefined || (user !== undefined && personType(user, datastoreEndpoint) === "Patient"),
    userBound: user !== undefined,
  });
  // A person's token asking for system/ access is not one a client for people should hold (issue 8:
  // system/ scopes belong to machine clients only): deny it whole rather than guess which part to honour.
  if (scopes.requestsSystem && (user !== undefined || patientId !== undefined)) throw new DenyError("scope");
  if (scopes.clinical.length === 0) throw new DenyError("scope");

  return { iss, sub, clientId, iat, nbf: isTime(nbf) ? nbf : iat, exp, scopes, fhirUser: user, patient: patientId };
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
