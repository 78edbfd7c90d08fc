// Runs inside a fresh Node process (see bundle-process.ts): loads the validator bundle as Lambda would, sends it
// COUNT requests with the tokens given, and prints one line of JSON with per-request latencies.
"use strict";
const [bundle, count, eventsJson] = process.argv.slice(2);
const events = JSON.parse(eventsJson);
const { handler } = require(bundle);

(async () => {
  const latencies = [];
  let allowed = 0;
  for (let i = 0; i < Number(count); i++) {
    const started = performance.now();
    const result = await handler(events[i % events.length]);
    latencies.push(performance.now() - started);
    if (result.authPayload.isAuthorized === true) allowed++;
  }
  process.stderr.write(`RESULT ${JSON.stringify({ latencies, allowed })}\n`);
})();
