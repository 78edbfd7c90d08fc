/** Cognito's answer, or why there is none. */
export type UpstreamAnswer =
  | { readonly status: number; readonly contentType: string; readonly body: string }
  | { readonly failure: "timeout" | "unreachable" | "too_large" };

/** The largest answer read from Cognito: three tokens are a few KiB. */
export const MAX_UPSTREAM_BYTES = 64 * 1024;

export type PostForm = (url: string, body: Buffer, headers: Readonly<Record<string, string>>) => Promise<UpstreamAnswer>;

/** A form POST with one deadline over connecting, sending and reading, and a bounded answer. */
export function postFormWithin(timeoutMs: number): PostForm {
  return async (url, body, headers) => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(url, { method: "POST", body: new Uint8Array(body), headers, signal, redirect: "manual" });
      const reader = response.body?.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > MAX_UPSTREAM_BYTES) {
          await reader.cancel();
          return { failure: "too_large" };
        }
        chunks.push(value);
      }
      return { status: response.status, contentType: response.headers.get("content-type") ?? "application/json", body: Buffer.concat(chunks).toString("utf8") };
    } catch {
      return { failure: signal.aborted ? "timeout" : "unreachable" };
    }
  };
}
