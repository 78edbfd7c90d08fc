import { FHIR_ID, type PersonType, parseFhirUser } from "../../smart/fhir-user";
import type { AuthorizationStrategy } from "../../smart/scope-grammar";
import { DenyError } from "./deny";
import { LIMITS } from "./limits";
import { type SmartScopes, parseScopes } from "./scopes";
import { claimsNameOtherTokenKind } from "./token-kind";

/** What a token of the configured authorization server must hold, whichever way it was verified. */
export interface TokenPolicy {
  /** Clients whose tokens are accepted. */
  readonly clientIds: readonly string[];
  /** The claim holding the client id: `client_id` (Cognito, RFC 9068), `cid` (Okta), `azp` (Entra ID, Auth0, Keycloak). */
  readonly clientClaim: string;
  /** Claims holding scopes, each a space-separated string or an array of strings; their scopes are combined. */
  readonly scopeClaims: readonly string[];
  /** `aud` must include this. @default - the request's datastore endpoint */
  readonly audience?: string;
  /** A token without `aud` is refused (tokens of other issuers name their audience; Cognito's do not). */
  readonly audienceRequired: boolean;
  /** Tokens of a Cognito pool must carry `token_use: access`; other issuers' may omit it (token-kind.ts checks every kind field). */
  readonly requireTokenUse: boolean;
  /** Longest `exp - iat` accepted. */
  readonly maxLifetimeSeconds: number;
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
 * Checks the claims of a token its authorization server vouched for (a verified signature, or an
 * active introspection answer): `exp` and `iat` present, nothing issued in the future, a bounded
 * lifetime, the token kind, the client, the audience, identity claims and SMART scopes. Throws
 * DenyError; `nowSeconds` is epoch seconds.
 */
export function checkClaims(payload: Readonly<Record<string, unknown>>, datastoreEndpoint: string, policy: TokenPolicy, nowSeconds: number): CheckedClaims {
  const { iss, sub, exp, iat, nbf, aud, fhirUser, patient } = payload;
  const clientId = payload[policy.clientClaim];

  if (!isTime(exp) || !isTime(iat)) throw new DenyError("time");
  if (exp <= nowSeconds) throw new DenyError("time");
  if (iat > nowSeconds + LIMITS.clockSkewSeconds) throw new DenyError("time");
  if (nbf !== undefined && (!isTime(nbf) || nbf > nowSeconds + LIMITS.clockSkewSeconds)) throw new DenyError("time");
  // A validity window that exists: issued before it expires, valid before it expires.
  if (exp <= iat || (nbf !== undefined && nbf >= exp)) throw new DenyError("time");
  if (exp - iat > policy.maxLifetimeSeconds) throw new DenyError("time");

  // An ID or refresh token is not presented to a resource server, whichever field says what it is.
  if (claimsNameOtherTokenKind(payload, policy.requireTokenUse)) throw new DenyError("claims");
  if (typeof clientId !== "string" || !policy.clientIds.includes(clientId)) throw new DenyError("claims");
  if (aud === undefined ? policy.audienceRequired : !audienceIncludes(aud, policy.audience ?? datastoreEndpoint)) throw new DenyError("claims");
  if (typeof iss !== "string" || typeof sub !== "string" || sub === "") throw new DenyError("claims");
  if (fhirUser !== undefined && (typeof fhirUser !== "string" || personType(fhirUser, datastoreEndpoint) === undefined)) throw new DenyError("claims");
  if (patient !== undefined && (typeof patient !== "string" || !FHIR_ID.test(patient))) throw new DenyError("claims");
  const user = fhirUser as string | undefined;
  const patientId = patient as string | undefined;

  const scopes = parseScopes(scopeClaim(payload, policy.scopeClaims), {
    strategy: policy.strategy,
    patientBound: patientId !== undefined || (user !== undefined && personType(user, datastoreEndpoint) === "Patient"),
    userBound: user !== undefined,
  });
  // A person's token asking for system/ access is not one a client for people should hold (system/
  // scopes belong to machine clients only): deny it whole rather than guess which part to honour.
  if (scopes.requestsSystem && (user !== undefined || patientId !== undefined)) throw new DenyError("scope");
  if (scopes.clinical.length === 0) throw new DenyError("scope");

  return { iss, sub, clientId, iat, nbf: isTime(nbf) ? nbf : iat, exp, scopes, fhirUser: user, patient: patientId };
}

/** `aud` (a string or an array of strings) names the expected audience; a URL matches with or without its final slash. */
function audienceIncludes(aud: unknown, expected: string): boolean {
  const accepted = new Set([expected, expected.replace(/\/$/, "")]);
  const audiences = Array.isArray(aud) ? aud : [aud];
  return audiences.some((a) => typeof a === "string" && accepted.has(a));
}

// A scope in an array claim: printable ASCII without space, as RFC 6749 section 3.3 defines scope tokens.
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/**
 * The scopes of every configured claim as one space-separated string: a claim is a space-separated
 * string (`scope`, Entra ID's `scp`) or an array of scope tokens (Okta's `scp`, Entra ID's `roles`).
 * A token with none of them, or one of another shape, has no usable scope.
 */
function scopeClaim(payload: Readonly<Record<string, unknown>>, names: readonly string[]): string {
  const parts: string[] = [];
  for (const name of names) {
    const value = payload[name];
    if (value === undefined) continue;
    if (typeof value === "string") parts.push(value);
    else if (Array.isArray(value) && value.every((item) => typeof item === "string" && SCOPE_TOKEN.test(item))) parts.push(value.join(" "));
    else throw new DenyError("scope");
  }
  if (parts.length === 0) throw new DenyError("scope");
  return parts.join(" ");
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
