import { type JsonWebKey, type KeyObject, createPublicKey } from "node:crypto";
import { FetchError } from "aws-jwt-verify/error";
import { assertIsJwks, assertIsSignatureJwk } from "aws-jwt-verify/jwk";
import type { Jwk } from "aws-jwt-verify/jwk";
import { safeJsonParse } from "aws-jwt-verify/safe-json-parse";
import { type HttpsRequestOptions, httpsRequest } from "./https-client";

export interface JwksFetcherOptions extends Pick<HttpsRequestOptions, "timeoutMs" | "freezeLatenessMs" | "maxBytes" | "tls"> {
  /** After a failed download, further downloads fail at once for this long. */
  readonly failureBackoffMs: number;
}

/** A signature key of the issuer with its public key already imported. */
export interface IssuerKey {
  readonly jwk: Jwk;
  readonly keyObject: KeyObject;
}

const MIN_RSA_BITS = 2048;

/**
 * Downloads an issuer's key set: one overall deadline, a size cap, no retry on failure, and a
 * back-off after any failure. A body that is not a key set with a usable signature key (HTML, an
 * empty body, malformed keys) is a failed download like a timeout. aws-jwt-verify's own fetcher
 * waits up to 3 s and retries once (6 s), which HealthLake's 1 second cannot absorb.
 */
export class JwksFetcher {
  private blockedUntil = 0;

  constructor(private readonly options: JwksFetcherOptions) {}

  /** The usable keys by `kid`, in document order; rejects with FetchError. */
  async fetch(uri: string): Promise<Map<string, IssuerKey>> {
    if (Date.now() < this.blockedUntil) throw new FetchError(uri, "backing off after a failed download");
    try {
      const response = await httpsRequest(uri, { ...this.options, headers: { accept: "application/json" } }).catch((err: unknown) => {
        throw new FetchError(uri, err instanceof Error ? err.message : "request failed");
      });
      if (response.status !== 200) throw new FetchError(uri, `status ${response.status}`);
      const keys = parseKeySet(response.body);
      if (!keys) throw new FetchError(uri, "the answer is not a JSON Web Key Set with a usable signature key");
      return keys;
    } catch (err) {
      this.blockedUntil = Date.now() + this.options.failureBackoffMs;
      throw err;
    }
  }
}

/**
 * The signature keys of a JWKS document, imported, by `kid`; malformed and weak keys are left out.
 * Undefined when the document is not a key set or holds no usable key.
 */
export function parseKeySet(body: Uint8Array): Map<string, IssuerKey> | undefined {
  let document: ReturnType<typeof safeJsonParse>;
  try {
    document = safeJsonParse(new TextDecoder("utf8", { fatal: true }).decode(body));
    assertIsJwks(document);
  } catch {
    return undefined;
  }
  const keys = new Map<string, IssuerKey>();
  for (const jwk of document.keys) {
    if (typeof jwk.kid !== "string" || keys.has(jwk.kid)) continue;
    try {
      assertIsSignatureJwk(jwk);
      const keyObject = createPublicKey({ key: jwk as JsonWebKey, format: "jwk" });
      // Node imports an RSA modulus of any size, even 0 bits; RFC 7518 requires 2048 for RS256.
      if (keyObject.asymmetricKeyType === "rsa" && (keyObject.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) continue;
      keys.set(jwk.kid, { jwk, keyObject });
    } catch {
      // a key that does not import verifies nothing; the others still do
    }
  }
  return keys.size > 0 ? keys : undefined;
}
