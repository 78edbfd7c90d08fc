import { frontHandler } from "./handler";
import { readSettings } from "./settings";
import { postFormWithin } from "./upstream";

// Read once at init: a broken environment fails the first request loudly, with the variable's name.
const settings = readSettings(process.env);

/** API Gateway's HTTP API calls this for `/authorize` and `/token` (payload format 2.0). */
export const handler = frontHandler(settings, postFormWithin(settings.upstreamTimeoutMs), (line) => console.log(line));
