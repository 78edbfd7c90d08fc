import { SMART_FRONT_ROUTES } from "../../smart/smart-front";
import { authorize } from "./authorize";
import { preflight } from "./cors";
import { type FrontResponse, type HttpApiEvent, header, routeOf, text } from "./http";
import type { FrontSettings } from "./settings";
import { token } from "./token";
import type { PostForm } from "./upstream";

export type FrontHandler = (event: HttpApiEvent) => Promise<FrontResponse>;

// The routes the log may name; any other path is logged as "other", never as the caller wrote it.
const KNOWN_ROUTES: readonly string[] = Object.values(SMART_FRONT_ROUTES);

/**
 * The front's handler: one route per SMART endpoint, one log line per request with the route, the
 * status, why the front refused and how long Cognito took, never a token, code, secret or verifier.
 */
export function frontHandler(settings: FrontSettings, post: PostForm, log: (line: string) => void): FrontHandler {
  return async (event) => {
    const started = performance.now();
    const route = routeOf(event ?? {});
    let outcome: { response: FrontResponse; refused?: string; upstreamStatus?: number; upstreamMs?: number };
    switch (route) {
      case SMART_FRONT_ROUTES.authorize:
        outcome = authorize(event.rawQueryString ?? "", settings);
        break;
      case SMART_FRONT_ROUTES.token:
        outcome = await token(event, settings, post);
        break;
      case SMART_FRONT_ROUTES.tokenPreflight:
        outcome = { response: preflight(header(event, "origin"), settings) };
        break;
      default:
        outcome = { response: text(404, "not found\n"), refused: "route" };
    }
    const { response, refused, upstreamStatus, upstreamMs } = outcome;
    const ms = Math.round((performance.now() - started) * 100) / 100;
    log(JSON.stringify({ route: KNOWN_ROUTES.includes(route) ? route : "other", status: response.statusCode, refused, upstreamStatus, upstreamMs, ms }));
    return response;
  };
}
