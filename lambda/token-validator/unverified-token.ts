import { DenyError } from "./deny";
import { headerNamesOtherTokenKind } from "./token-kind";

/** Header parameters this validator refuses: critical extensions and nested or unencoded payloads. */
const FORBIDDEN_HEADERS = ["crit", "cty", "b64"];
// Printable ASCII, bounded: a kid is the issuer's name for a key, never a path or a payload.
const KID = /^[\x21-\x7e]{1,128}$/;

export interface TokenExpectations {
  /** The one `iss` accepted. */
  readonly issuer: string;
  /** Signature algorithms accepted in the header. */
  readonly algorithms: readonly string[];
}

export interface UnverifiedToken {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
}

type Json = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Header and payload of a compact JWT (three base64url segments, as `parseRequest` ensures), read
 * only to decide whether the token deserves a key: aws-jwt-verify parses it again, safely, to verify it.
 */
export function peekToken(token: string): UnverifiedToken {
  const [header, payload] = token.split(".", 2).map((segment) => {
    try {
      return JSON.parse(Buffer.from(segment, "base64url").toString("utf8")) as unknown;
    } catch {
      return undefined;
    }
  });
  if (!isObject(header) || !isObject(payload)) throw new DenyError("malformed");
  return { header, payload };
}

/**
 * The checks that need no key, made before the library sees the token, so that a token from anyone
 * without a key costs a parse and nothing more: no download, no key import, nothing kept.
 * (aws-jwt-verify, configured with one issuer, imports and caches keys under the token's own `iss`
 * before it compares that `iss`.) Returns the `kid` to look up.
 */
export function precheckToken({ header, payload }: UnverifiedToken, expected: TokenExpectations): string {
  if (payload.iss !== expected.issuer) throw new DenyError("issuer");
  if (typeof header.alg !== "string") throw new DenyError("malformed");
  if (!expected.algorithms.includes(header.alg)) throw new DenyError("signature");
  if (FORBIDDEN_HEADERS.some((name) => name in header)) throw new DenyError("signature");
  // The header's `typ` is the token kind's half that only a JWT has; the claims' half is the policy's.
  if (headerNamesOtherTokenKind(header)) throw new DenyError("claims");
  if (header.kid === undefined) throw new DenyError("signature");
  if (typeof header.kid !== "string" || !KID.test(header.kid)) throw new DenyError("malformed");
  return header.kid;
}
