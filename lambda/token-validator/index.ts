import { readFileSync } from "node:fs";
import * as path from "node:path";
import { createHandler } from "./handler";

/** The issuer's key set, zipped beside the bundle at deploy (`jwks.json`), when there is one. */
function bundledKeySet(): Buffer | undefined {
  try {
    return readFileSync(path.join(__dirname, "jwks.json"));
  } catch {
    return undefined;
  }
}

// Created at init: the keys are ready (or downloading) before the first request arrives.
export const handler = createHandler(process.env, { bundledKeySet: bundledKeySet() });
