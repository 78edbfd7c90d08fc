import type { FrontResponse } from "./http";
import type { FrontSettings } from "./settings";

/**
 * CORS headers for a browser app on a registered origin: that origin exactly, never `*`, and no
 * credentials (the token endpoint reads no cookie). Another origin gets none, and the browser keeps
 * the answer from the page.
 */
export function corsHeaders(origin: string | undefined, settings: FrontSettings): Record<string, string> {
  if (origin === undefined || !settings.origins.has(origin)) return { vary: "origin" };
  return { "access-control-allow-origin": origin, vary: "origin" };
}

/** The answer to a browser's preflight before it posts to the token endpoint. */
export function preflight(origin: string | undefined, settings: FrontSettings): FrontResponse {
  const cors = corsHeaders(origin, settings);
  if (!("access-control-allow-origin" in cors)) return { statusCode: 403, headers: cors, body: "" };
  return {
    statusCode: 204,
    headers: {
      ...cors,
      "access-control-allow-methods": "POST",
      "access-control-allow-headers": "authorization, content-type",
      "access-control-max-age": "600",
    },
    body: "",
  };
}
