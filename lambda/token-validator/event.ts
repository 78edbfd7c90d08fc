import { DenyError } from "./deny";
import { LIMITS } from "./limits";
import { loggableName } from "./log";

export interface FhirRequest {
  /** The compact JWT, without any `Bearer ` prefix. */
  readonly token: string;
  /** Echoed verbatim as `aud`. */
  readonly datastoreEndpoint: string;
  readonly region: string;
}

// One optional case-insensitive "Bearer ", then three unpadded base64url segments (RFC 7515), or
// for introspection any RFC 6750 b64token (opaque tokens).
const BEARER = {
  jwt: /^(?:[Bb][Ee][Aa][Rr][Ee][Rr] )?([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/,
  any: /^(?:[Bb][Ee][Aa][Rr][Ee][Rr] )?([A-Za-z0-9\-._~+/]+=*)$/,
};
const DATASTORE_ENDPOINT = /^https:\/\/healthlake\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com\/datastore\/[0-9a-f]{32}\/r4\/$/;

/** Reads HealthLake's `{ datastoreEndpoint, operationName, bearerToken }`; extra fields are ignored. */
export function parseRequest(event: unknown, expectedRegion?: string, tokens: keyof typeof BEARER = "jwt"): FhirRequest {
  if (typeof event !== "object" || event === null) throw new DenyError("malformed");
  const { datastoreEndpoint, operationName, bearerToken } = event as Record<string, unknown>;
  if (typeof bearerToken !== "string" || typeof operationName !== "string" || typeof datastoreEndpoint !== "string") {
    throw new DenyError("malformed");
  }
  const endpoint = DATASTORE_ENDPOINT.exec(datastoreEndpoint);
  if (!endpoint || (expectedRegion !== undefined && endpoint[1] !== expectedRegion)) throw new DenyError("endpoint");
  if (bearerToken.length > LIMITS.maxTokenLength + "Bearer ".length) throw new DenyError("malformed");
  const token = BEARER[tokens].exec(bearerToken);
  if (!token || token[1].length > LIMITS.maxTokenLength) throw new DenyError("malformed");
  return {
    token: token[1],
    datastoreEndpoint,
    region: endpoint[1],
  };
}

/** HealthLake's `operationName` (e.g. `SearchWithGet`), for logs; undefined unless a plain identifier. */
export function operationOf(event: unknown): string | undefined {
  try {
    return loggableName((event as Record<string, unknown> | null)?.operationName);
  } catch {
    return undefined; // an accessor that throws: the event is not HealthLake's
  }
}
