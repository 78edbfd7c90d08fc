// npm run bench: the token validator bundle (lambda/dist/token-validator/index.js) against the floors it cannot beat,
// measured in the same run on the same machine: one RS256 verification with node's crypto (the floor of
// a warm request) and a bare `node -e ""` (the floor of a cold start). Also its size and what forged
// tokens can make it keep in memory.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BUILT_VALIDATOR as BUNDLE } from "../lambda/bundle";
import { runBundle } from "../testing/bundle-process";
import { JwksServer, loopbackCertificate } from "../testing/jwks-server";
import { nowSeconds, rsaKey, signJwt } from "../testing/jwt";
import { retainedAfter } from "../testing/memory-probe";
import { LAMBDA_NODE_MAJOR, nodeBinary } from "../scripts/lambda-node";
import { bareNodeMs, percentile, verdict } from "./measure";

const TARGETS = { warmP50VsVerify: 2, coldVsBareNode: 1.2, bundleKiB: 60, forgedRetainedMiB: 1 };
const WARM_REQUESTS = 5000;
const COLD_STARTS = 15;
const MEMORY_TOKENS = 20_000;

const POOL = "us-east-1_BenchPool";
const ENDPOINT = "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";
const MiB = 1024 * 1024;

async function main(): Promise<void> {
  if (!fs.existsSync(BUNDLE)) throw new Error("lambda/dist/token-validator/index.js is missing: run `npm run build`");
  // Measured on the runtime's Node: Node 20, for one, builds its whole root certificate store (~35 ms)
  // at the first TLS connection, where Node 22 loads certificates lazily.
  const node = nodeBinary(LAMBDA_NODE_MAJOR);
  const server = new JwksServer();
  const key = rsaKey("bench-key");
  server.keys = [key.jwk];
  await server.start();
  // As deployed: the bundle with its issuer's key set beside it.
  const deployed = fs.mkdtempSync(path.join(os.tmpdir(), "bench-deployed-"));
  fs.copyFileSync(BUNDLE, path.join(deployed, "index.js"));
  fs.writeFileSync(path.join(deployed, "jwks.json"), JSON.stringify({ keys: [key.jwk] }));
  const caFile = path.join(deployed, "ca.pem");
  fs.writeFileSync(caFile, loopbackCertificate().cert);
  const shipped = { node, bundle: path.join(deployed, "index.js") };

  const env = {
    PATH: process.env.PATH,
    NODE_EXTRA_CA_CERTS: caFile,
    USER_POOL_ID: POOL,
    JWKS_URI: server.uri("bench"),
    CLIENT_ID: "bench-client",
    USER_ROLE_ARN: "arn:aws:iam::123456789012:role/healthlake-smart",
    AWS_REGION: "us-east-1",
    AUTHORIZATION_STRATEGY: "SMART_ON_FHIR",
  };
  const now = nowSeconds();
  const tokens = Array.from({ length: 16 }, (_, i) =>
    signJwt(key, {
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`,
      sub: `user-${i}`,
      client_id: "bench-client",
      token_use: "access",
      iat: now,
      exp: now + 3600,
      scope: "system/*.read system/Observation.rs",
      jti: String(i),
    }),
  );
  const events = tokens.map((token) => ({ datastoreEndpoint: ENDPOINT, operationName: "SearchWithGet", bearerToken: `Bearer ${token}` }));

  try {
    const sizeKiB = fs.statSync(BUNDLE).size / 1024;
    // Each request is followed by one bare RS256 verification of its token: both see the same machine moments.
    const warm = await runBundle(env, WARM_REQUESTS, events, { ...shipped, floorJwk: key.jwk });
    if (warm.allowed !== WARM_REQUESTS) throw new Error(`only ${warm.allowed} of ${WARM_REQUESTS} warm requests were allowed`);
    const steady = warm.latencies.slice(events.length); // the first requests pay the one-time JIT warm-up
    const verify = percentile(warm.floor.slice(events.length), 50);
    const cold: number[] = [];
    const coldDownloading: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      bare.push(await bareNodeMs(node, env));
      for (const [times, options] of [
        [cold, shipped],
        [coldDownloading, { node }],
      ] as const) {
        const result = await runBundle({ ...env, JWKS_URI: server.uri(`cold-${i}`) }, 1, events, options);
        if (result.allowed !== 1) throw new Error("a cold start did not allow its request");
        times.push(result.wallMs);
      }
    }
    const memoryEnv = { ...env, LOG_LEVEL: "error" };
    const token = { valid: tokens[0], kid: key.kid, endpoint: ENDPOINT };
    const forged = await retainedAfter("forged", MEMORY_TOKENS, memoryEnv, token, node);
    const valid = await retainedAfter("valid", MEMORY_TOKENS, memoryEnv, token, node);

    const p50 = percentile(steady, 50),
      p99 = percentile(steady, 99);
    const coldMedian = percentile(cold, 50),
      bareMedian = percentile(bare, 50);
    const warmRatio = p50 / verify,
      coldRatio = coldMedian / bareMedian;
    const mib = (bytes: number) => `${(bytes / MiB).toFixed(2)} MiB`;
    console.log(
      `node ${execFileSync(node, ["--version"], { encoding: "utf8" }).trim()} (the Lambda runtime's major), ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()})`,
    );
    console.log(`bundle size        ${sizeKiB.toFixed(1)} KiB  target <= ${TARGETS.bundleKiB} KiB  ${verdict(sizeKiB <= TARGETS.bundleKiB)}`);
    console.log(
      `warm latency       p50 ${p50.toFixed(4)} ms, p99 ${p99.toFixed(4)} ms (${WARM_REQUESTS} requests, one process); RS256 verify floor p50 ${verify.toFixed(4)} ms, measured beside each request`,
    );
    console.log(
      `                   p50 = ${warmRatio.toFixed(2)} x the verify floor  target <= ${TARGETS.warmP50VsVerify} x  ${verdict(warmRatio <= TARGETS.warmP50VsVerify)}`,
    );
    console.log(
      `cold start         median ${coldMedian.toFixed(1)} ms, max ${Math.max(...cold).toFixed(1)} ms (${COLD_STARTS} new processes, spawn to first answer, keys shipped with the bundle); bare node median ${bareMedian.toFixed(1)} ms`,
    );
    console.log(
      `                   median = ${coldRatio.toFixed(2)} x bare node  target <= ${TARGETS.coldVsBareNode} x  ${verdict(coldRatio <= TARGETS.coldVsBareNode)}`,
    );
    console.log(
      `                   without shipped keys (JWKS over TLS on loopback at init): median ${percentile(coldDownloading, 50).toFixed(1)} ms = ${(percentile(coldDownloading, 50) / bareMedian).toFixed(2)} x bare node`,
    );
    console.log(
      `memory retained    after ${MEMORY_TOKENS} forged tokens (real kid, junk signature, unique iss): heap ${mib(forged.heapBytes)}, external ${mib(forged.externalBytes)}, RSS ${mib(forged.rssBytes)}  target heap <= ${TARGETS.forgedRetainedMiB} MiB  ${verdict(forged.heapBytes <= TARGETS.forgedRetainedMiB * MiB)}`,
    );
    console.log(
      `                   after ${MEMORY_TOKENS} valid tokens: heap ${mib(valid.heapBytes)}, external ${mib(valid.externalBytes)}, RSS ${mib(valid.rssBytes)}  (forced GC, fresh process each)`,
    );
    process.exitCode =
      sizeKiB <= TARGETS.bundleKiB &&
      warmRatio <= TARGETS.warmP50VsVerify &&
      coldRatio <= TARGETS.coldVsBareNode &&
      forged.heapBytes <= TARGETS.forgedRetainedMiB * MiB
        ? 0
        : 1;
  } finally {
    await server.stop();
    fs.rmSync(deployed, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
