// Runs inside a fresh Node process (see bundle-process.ts): loads a Lambda bundle as Lambda would, sends it
// COUNT requests with the events in EVENTS_FILE, and prints one line of JSON: per-request latencies, how many the validator allowed,
// whether node's https module was ever loaded, and, when FLOOR_JWK is given, the latency of one verification of the
// same token with node's crypto (RS256, or PS256 when the key says so) right after each request (the floor, measured in the same moments).
"use strict";
const crypto = require("node:crypto");
const [bundle, count, eventsFile, floorJwk] = process.argv.slice(2);
const events = JSON.parse(require("node:fs").readFileSync(eventsFile, "utf8"));
const { handler } = require(bundle);

const floorOf = (event) => {
  const [header, payload, signature] = event.bearerToken.replace(/^Bearer /, "").split(".");
  const input = Buffer.from(`${header}.${payload}`),
    sig = Buffer.from(signature, "base64url");
  const jwk = JSON.parse(floorJwk);
  const key = crypto.createPublicKey({ key: jwk, format: "jwk" });
  const verifier = jwk.alg === "PS256" ? { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : key;
  return () => crypto.verify("sha256", input, verifier, sig);
};
const floors = floorJwk ? events.map(floorOf) : [];

(async () => {
  const latencies = [];
  const floor = [];
  let allowed = 0;
  for (let i = 0; i < Number(count); i++) {
    const started = performance.now();
    const result = await handler(events[i % events.length]);
    latencies.push(performance.now() - started);
    if (result?.authPayload?.isAuthorized === true) allowed++;
    if (floorJwk) {
      const verifyStarted = performance.now();
      floors[i % events.length]();
      floor.push(performance.now() - verifyStarted);
    }
  }
  const httpsLoaded = process.moduleLoadList.includes("NativeModule https");
  process.stderr.write(`RESULT ${JSON.stringify({ latencies, floor, allowed, httpsLoaded })}\n`);
})();
