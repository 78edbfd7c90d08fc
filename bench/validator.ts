// npm run bench: warm latency, cold start and size of the token-validator bundle (lambda/dist/index.js).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runBundle, VALIDATOR_BUNDLE as BUNDLE } from "../__tests__/support/bundle-process";
import { JwksServer, loopbackCertificate } from "../__tests__/support/jwks-server";
import { nowSeconds, rsaKey, signJwt } from "../__tests__/support/jwt";

const TARGETS = { warmP99Ms: 0.5, coldStartMs: 150, bundleKiB: 60 };
const WARM_REQUESTS = 5000;
const COLD_STARTS = 15;

const POOL = "us-east-1_BenchPool";
const ENDPOINT = "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");

async function main(): Promise<void> {
  if (!fs.existsSync(BUNDLE)) throw new Error("lambda/dist/index.js is missing: run `npm run build`");
  const server = new JwksServer();
  const key = rsaKey("bench-key");
  server.keys = [key.jwk];
  await server.start();
  const caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-ca-")), "ca.pem");
  fs.writeFileSync(caFile, loopbackCertificate().cert);

  const env = {
    PATH: process.env.PATH,
    NODE_EXTRA_CA_CERTS: caFile,
    USER_POOL_ID: POOL,
    JWKS_URI: server.uri("bench"),
    CLIENT_ID: "bench-client",
    USER_ROLE_ARN: "arn:aws:iam::123456789012:role/healthlake-smart",
    AWS_REGION: "us-east-1",
  };
  const now = nowSeconds();
  const events = Array.from({ length: 16 }, (_, i) => ({
    datastoreEndpoint: ENDPOINT,
    operationName: "SearchWithGet",
    bearerToken: `Bearer ${signJwt(key, {
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`, sub: `user-${i}`, client_id: "bench-client",
      token_use: "access", iat: now, exp: now + 3600, scope: "launch/patient system/*.read patient/Observation.rs", jti: String(i),
    })}`,
  }));

  try {
    const sizeKiB = fs.statSync(BUNDLE).size / 1024;
    const warm = await runBundle(env, WARM_REQUESTS, events);
    if (warm.allowed !== WARM_REQUESTS) throw new Error(`only ${warm.allowed} of ${WARM_REQUESTS} warm requests were allowed`);
    const steady = warm.latencies.slice(events.length); // the first requests pay the one-time key import and JIT warm-up
    const cold: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      const result = await runBundle(env, 1, events);
      if (result.allowed !== 1) throw new Error("a cold start did not allow its request");
      cold.push(result.wallMs);
    }

    const p50 = percentile(steady, 50), p99 = percentile(steady, 99), coldMedian = percentile(cold, 50), coldMax = Math.max(...cold);
    console.log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()})`);
    console.log(`bundle size        ${sizeKiB.toFixed(1)} KiB                      target <= ${TARGETS.bundleKiB} KiB  ${verdict(sizeKiB <= TARGETS.bundleKiB)}`);
    console.log(`warm latency       p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms  (${WARM_REQUESTS} requests, one process)  target p99 <= ${TARGETS.warmP99Ms} ms  ${verdict(p99 <= TARGETS.warmP99Ms)}`);
    console.log(`cold start         median ${coldMedian.toFixed(0)} ms, max ${coldMax.toFixed(0)} ms  (${COLD_STARTS} new processes, spawn to first answer, JWKS on loopback)  target <= ${TARGETS.coldStartMs} ms  ${verdict(coldMedian <= TARGETS.coldStartMs)}`);
    process.exitCode = sizeKiB <= TARGETS.bundleKiB && p99 <= TARGETS.warmP99Ms && coldMedian <= TARGETS.coldStartMs ? 0 : 1;
  } finally {
    await server.stop();
    fs.rmSync(path.dirname(caFile), { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
