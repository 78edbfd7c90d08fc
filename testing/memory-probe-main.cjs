// Runs inside a fresh `node --expose-gc` process (see memory-probe.ts): loads the validator bundle, waits
// until a valid token is allowed (keys loaded), then sends COUNT tokens and prints what stayed in memory
// after forced garbage collection. MODE "forged": each token carries the issuer's real kid, a junk
// signature and an issuer of its own; MODE "valid": the valid token, COUNT times; MODE "opaque": COUNT
// distinct opaque tokens of 1 KiB sent at once (introspection), with no wait for an allowed token first.
"use strict";
const [bundle, mode, count, validToken, kid, endpoint] = process.argv.slice(2);
const { handler } = require(bundle);
const b64url = (text) => Buffer.from(text).toString("base64url");
const event = (bearerToken) => ({ datastoreEndpoint: endpoint, operationName: "SearchWithGet", bearerToken });
const forged = (i) => {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: `https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Forged${i}`,
    sub: "x",
    client_id: "c",
    token_use: "access",
    iat: now,
    exp: now + 600,
    scope: "system/*.read",
  };
  return `${b64url(JSON.stringify({ alg: "RS256", kid }))}.${b64url(JSON.stringify(payload))}.${b64url(`junk-signature-${i}`)}`;
};
const settle = () => {
  for (let i = 0; i < 4; i++) global.gc();
  return process.memoryUsage();
};

const opaque = (i) => `opaque-${i}-${"x".repeat(1000)}`;

async function opaqueBurst() {
  await Promise.all(Array.from({ length: 200 }, (_, i) => handler(event(opaque(-i - 1))))); // warm the code paths
  const before = settle();
  await Promise.all(Array.from({ length: Number(count) }, (_, i) => handler(event(opaque(i)))));
  // Whatever the handler left running after its answers (the secret's read, 3 s) has its own deadline: let it pass.
  await new Promise((r) => setTimeout(r, 3500));
  const after = settle();
  process.stderr.write(
    `RESULT ${JSON.stringify({ heapBytes: after.heapUsed - before.heapUsed, rssBytes: after.rss - before.rss, externalBytes: after.external - before.external })}\n`,
  );
}

(async () => {
  if (mode === "opaque") return opaqueBurst();
  while ((await handler(event(validToken))).authPayload.isAuthorized !== true) await new Promise((r) => setTimeout(r, 5));
  for (let i = 0; i < 200; i++) await handler(event(mode === "forged" ? forged(-i) : validToken)); // warm the code paths
  const before = settle();
  for (let i = 0; i < Number(count); i++) await handler(event(mode === "forged" ? forged(i) : validToken));
  const after = settle();
  process.stderr.write(
    `RESULT ${JSON.stringify({ heapBytes: after.heapUsed - before.heapUsed, rssBytes: after.rss - before.rss, externalBytes: after.external - before.external })}\n`,
  );
})();
