/** Why a request was denied; logged, never returned to HealthLake. */
export type DenyReason =
  | "config" // the function's own settings are missing or malformed
  | "malformed" // event or token is not of the expected shape or size
  | "endpoint" // datastoreEndpoint is not a HealthLake R4 endpoint of this region
  | "issuer" // iss is not the configured issuer
  | "unknown_key" // kid is in no key the issuer publishes
  | "signature" // signature, algorithm or header does not hold
  | "time" // expired, not yet valid, issued in the future, or lives too long
  | "claims" // token_use, client_id, aud, sub or identity claims do not hold
  | "scope" // no usable SMART clinical scope
  | "jwks_unavailable" // the issuer's keys could not be fetched in time
  | "inactive" // the introspection endpoint says the token is not active
  | "introspection_unavailable" // the introspection endpoint gave no usable answer in time, or refused our credentials
  | "timeout" // the request deadline passed
  | "internal"; // anything else

/** A check that failed, with the reason to log. Its message never holds token content. */
export class DenyError extends Error {
  constructor(readonly reason: DenyReason) {
    super(reason);
    this.name = "DenyError";
  }
}
