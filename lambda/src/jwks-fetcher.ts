import * as https from "https";
import { FetchError, NonRetryableFetchError } from "aws-jwt-verify/error";
import type { Fetcher } from "aws-jwt-verify/https";

export interface JwksFetcherOptions {
  /** Whole download, connection to last byte. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** After a failed download, further downloads fail at once for this long. */
  readonly failureBackoffMs: number;
  /** Extra TLS options (e.g. `ca`), merged into every request. */
  readonly tls?: Pick<https.RequestOptions, "ca">;
}

/**
 * Downloads a JWKS with one overall deadline, a size cap and no retry. aws-jwt-verify's own
 * fetcher waits up to 3 s and retries once (6 s), which HealthLake's 1 second cannot absorb.
 */
export class JwksFetcher implements Fetcher {
  private blockedUntil = 0;

  constructor(private readonly options: JwksFetcherOptions) {}

  async fetch(uri: string): Promise<ArrayBuffer> {
    if (Date.now() < this.blockedUntil) throw new FetchError(uri, "backing off after a failed download");
    try {
      return await this.download(uri);
    } catch (err) {
      this.blockedUntil = Date.now() + this.options.failureBackoffMs;
      throw err;
    }
  }

  private download(uri: string): Promise<ArrayBuffer> {
    const { timeoutMs, maxBytes, tls } = this.options;
    return new Promise((resolve, reject) => {
      const request = https.get(uri, { ...tls, headers: { accept: "application/json" } }, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          fail(new NonRetryableFetchError(uri, `status ${response.statusCode}`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) fail(new NonRetryableFetchError(uri, `larger than ${maxBytes} bytes`));
          else chunks.push(chunk);
        });
        response.on("end", () => {
          clearTimeout(deadline);
          const body = Buffer.concat(chunks);
          resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
        });
        response.on("error", (err) => fail(new FetchError(uri, err.message)));
      });
      const deadline = setTimeout(() => fail(new FetchError(uri, `no complete answer within ${timeoutMs} ms`)), timeoutMs);
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
