import type { RequestOptions } from "node:https";
import { loadHttps } from "./lazy-https";

export interface HttpsRequestOptions {
  readonly method?: "GET" | "POST";
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Whole request, connection to last byte. */
  readonly timeoutMs: number;
  /** A deadline firing this much late means the process was frozen: the attempt is restarted, not failed. */
  readonly freezeLatenessMs: number;
  readonly maxBytes: number;
  /** Extra TLS options (e.g. `ca`). */
  readonly tls?: Pick<RequestOptions, "ca">;
}

export interface HttpsResponse {
  readonly status: number;
  readonly body: Buffer;
}

/** A request that failed: no answer in time, too large, or a connection error. Its message names no request content. */
export class HttpsRequestFailed extends Error {}

/** Why an attempt ended early: the deadline fired so late that the process cannot have been running. */
class Frozen extends Error {}

/**
 * One HTTPS request with one overall deadline and a size cap. Lambda may freeze the process
 * mid-request (right after init, or between invocations); the server did nothing wrong then, so the
 * attempt starts over once, within the caller's own deadline.
 */
export async function httpsRequest(url: string, options: HttpsRequestOptions): Promise<HttpsResponse> {
  try {
    return await attempt(url, options).catch((err: unknown) => {
      if (err instanceof Frozen) return attempt(url, options);
      throw err;
    });
  } catch (err) {
    throw err instanceof Frozen ? new HttpsRequestFailed("frozen twice during the request") : err;
  }
}

function attempt(url: string, options: HttpsRequestOptions): Promise<HttpsResponse> {
  const { method = "GET", headers = {}, body, timeoutMs, freezeLatenessMs, maxBytes, tls } = options;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = loadHttps().request(url, { ...tls, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) fail(new HttpsRequestFailed(`larger than ${maxBytes} bytes`));
        else chunks.push(chunk);
      });
      response.on("end", () => {
        clearTimeout(deadline);
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) });
      });
      response.on("error", (err) => fail(new HttpsRequestFailed(err.message)));
    });
    const deadline = setTimeout(() => {
      const late = performance.now() - started - timeoutMs;
      fail(late > freezeLatenessMs ? new Frozen() : new HttpsRequestFailed(`no complete answer within ${timeoutMs} ms`));
    }, timeoutMs);
    deadline.unref();
    request.on("error", (err) => fail(new HttpsRequestFailed(err.message)));
    request.end(body);

    function fail(err: Error): void {
      clearTimeout(deadline);
      request.destroy();
      reject(err);
    }
  });
}
