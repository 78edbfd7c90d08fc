import { loadHttps } from "./lazy-https";

// What aws-jwt-verify gets when it requires "https" (lambda/build.ts): it reads a property of the
// module only to make a request, so the real module loads then, not when the bundle loads.
export = new Proxy({}, { get: (_target, name) => Reflect.get(loadHttps(), name) });
