import type * as Https from "node:https";

let https: typeof Https | undefined;

/**
 * Node's https module, loaded on first use. Loading it costs ~15 ms, about as much as the rest of a
 * cold start; a validator started with its issuer's keys (bundled at deploy) needs it only later,
 * to refresh them, so it stays off the cold path.
 */
export function loadHttps(): typeof Https {
  https ??= require("node:https") as typeof Https;
  return https;
}
