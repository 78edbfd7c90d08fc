import { type JsonWebKey, type KeyObject, createPublicKey } from "node:crypto";
import type { RequestOptions } from "node:https";
import { FetchError } from "aws-jwt-verify/error";
import { assertIsJwks, assertIsSignatureJwk } from "aws-jwt-verify/jwk";
import type { Jwk } from "aws-jwt-verify/jwk";
import { safeJsonParse } from "aws-jwt-verify/safe-json-parse";
import { loadHttps } from "./lazy-https";

export interface JwksFetcherOptions {
  /** Whole download, connection to last byte. */
  readonly timeoutMs: number;
  /** A deadline firing this much late means the process was frozen: the attempt is restarted, not failed. */
  readonly freezeLatenessMs: number;
  readonly maxBytes: number;
  /** After a failed download, further downloads fail at once for this long. */
  readonly failureBackoffMs: number;
  /** Extra TLS options (e.g. `ca`), merged into every request. */
  readonly tls?: Pick<RequestOptions, "ca">;
}

/** A signature key of the issuer with its public key already imported. */
export interface IssuerKey {
  readonly jwk: Jwk;
  readonly keyObject: KeyObject;
}

const MIN_RSA_BITS = 2048;

/** Why an attempt ended early: the deadline fired so late that the process cannot have been running. */
class Frozen extends Error {}

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
      // Lambda may freeze the process mid-download (right after init, or between invocations); the
      // issuer did nothing wrong then, so the attempt starts over once, within the caller's deadline.
      const body = await this.download(uri).catch((err: unknown) => {
        if (err instanceof Frozen) return this.download(uri);
        throw err;
      });
      const keys = parseKeySet(body);
      if (!keys) throw new FetchError(uri, "the answer is not a JSON Web Key Set with a usable signature key");
      return keys;
    } catch (err) {
      this.blockedUntil = Date.now() + this.options.failureBackoffMs;
      throw err instanceof Frozen ? new FetchError(uri, "frozen twice during the download") : err;
    }
  }

  private download(uri: string): Promise<Buffer> {
    const { timeoutMs, freezeLatenessMs, maxBytes, tls } = this.options;
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const request = loadHttps().get(uri, { ...tls, headers: { accept: "application/json" } }, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          fail(new FetchError(uri, `status ${response.statusCode}`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) fail(new FetchError(uri, `larger than ${maxBytes} bytes`));
          else chunks.push(chunk);
        });
        response.on("end", () => {
          clearTimeout(deadline);
          resolve(Buffer.concat(chunks));
        });
        response.on("error", (err) => fail(new FetchError(uri, err.message)));
      });
      const deadline = setTimeout(() => {
        const late = performance.now() - started - timeoutMs;
        fail(late > freezeLatenessMs ? new Frozen() : new FetchError(uri, `no complete answer within ${timeoutMs} ms`));
      }, timeoutMs);
      deadline.unref();
      request.on("error", (err) => fail(new FetchError(uri, err.message)));

      function fail(err: Error): void {
        clearTimeout(deadline);
        request.destroy();
        reject(err);
      }
    });
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
