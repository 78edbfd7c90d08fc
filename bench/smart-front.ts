// npm run bench: the SMART front bundle (lambda/dist/smart-front/index.js), which a SMART app waits for at
// each launch: its size; a warm /authorize answer; a warm /token answer against a Cognito stand-in on loopback,
// with the time spent waiting for Cognito beside it (the front's own log line says both); and a cold start
// against a bare `node -e ""` measured in the same run on the same machine.
import * as fs from "node:fs";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { BUILT_SMART_FRONT as BUNDLE } from "../lambda/bundle";
import { LAMBDA_NODE_MAJOR, nodeBinary } from "../scripts/lambda-node";
import { runBundle } from "../testing/bundle-process";
import { loopbackCertificate } from "../testing/jwks-server";
import { bareNodeMs, percentile, verdict } from "./measure";

const TARGETS = { bundleKiB: 16, authorizeP99Ms: 1, tokenOverheadP99Ms: 5, coldVsBareNode: 1.2 };
const WARM = 3000;
const COLD_STARTS = 15;
const FHIR = "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4";
const CALLBACK = "https://app.example.org/callback";

const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.c2ln`;
/** Cognito's answer to a code grant, once the trigger added the patient. */
const COGNITO_ANSWER = JSON.stringify({
  access_token: jwt({ token_use: "access", scope: "openid launch/patient patient/*.rs", patient: "p-1" }),
  id_token: jwt({ token_use: "id", fhirUser: "Patient/p-1" }),
  refresh_token: "r".repeat(1500),
  expires_in: 900,
  token_type: "Bearer",
});

const authorizeEvent = {
  routeKey: "GET /authorize",
  rawQueryString: new URLSearchParams({
    response_type: "code",
    client_id: "bench-client",
    redirect_uri: CALLBACK,
    scope: "openid fhirUser launch/patient patient/*.rs offline_access",
    state: "s-1",
    aud: FHIR,
    code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    code_challenge_method: "S256",
  }).toString(),
};
const tokenEvent = {
  routeKey: "POST /token",
  headers: { "content-type": "application/x-www-form-urlencoded", authorization: "Basic YmVuY2gtY2xpZW50OnNlY3JldA==" },
  body: Buffer.from(`grant_type=authorization_code&code=c-1&redirect_uri=${encodeURIComponent(CALLBACK)}&code_verifier=${"v".repeat(64)}`).toString("base64"),
  isBase64Encoded: true,
};

async function main(): Promise<void> {
  if (!fs.existsSync(BUNDLE)) throw new Error("lambda/dist/smart-front/index.js is missing: run `npm run build`");
  const node = nodeBinary(LAMBDA_NODE_MAJOR);
  const cognito = https.createServer(loopbackCertificate(), (req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json;charset=UTF-8" }).end(COGNITO_ANSWER));
  });
  await new Promise<void>((resolve) => cognito.listen(0, "127.0.0.1", resolve));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-front-"));
  fs.writeFileSync(path.join(dir, "ca.pem"), loopbackCertificate().cert);
  const env = {
    PATH: process.env.PATH,
    AWS_REGION: "us-east-1",
    NODE_EXTRA_CA_CERTS: path.join(dir, "ca.pem"),
    COGNITO_BASE_URL: `https://127.0.0.1:${(cognito.address() as AddressInfo).port}`,
    FHIR_BASE_URL: `${FHIR}/`,
    CLIENTS: `bench-client ${CALLBACK}\nother-client http://localhost:3000/callback`,
    UPSTREAM_TIMEOUT_MS: "9000",
  };
  try {
    const sizeKiB = fs.statSync(BUNDLE).size / 1024;
    const authorize = await runBundle(env, WARM, [authorizeEvent], { node, bundle: BUNDLE });
    const token = await runBundle(env, WARM, [tokenEvent], { node, bundle: BUNDLE, logLines: true });
    // The first requests warm the process up; the rest are a warm container's.
    const warmAuthorize = authorize.latencies.slice(100);
    const logged = token.logLines.map((line) => JSON.parse(line) as { ms: number; upstreamMs: number; status: number }).slice(100);
    if (logged.some(({ status }) => status !== 200)) throw new Error("a token request was not answered 200");
    const overhead = logged.map(({ ms, upstreamMs }) => ms - upstreamMs);
    const cold: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      bare.push(await bareNodeMs(node, env));
      cold.push((await runBundle(env, 1, [authorizeEvent], { node, bundle: BUNDLE })).wallMs);
    }
    const authorizeP99 = percentile(warmAuthorize, 99);
    const overheadP99 = percentile(overhead, 99);
    const coldRatio = percentile(cold, 50) / percentile(bare, 50);
    const ms = (values: number[]) => `p50 ${percentile(values, 50).toFixed(3)} ms, p99 ${percentile(values, 99).toFixed(3)} ms`;
    console.log("SMART front (a SMART app waits for it at each launch; API Gateway waits 30 s)");
    console.log(`bundle size        ${sizeKiB.toFixed(1)} KiB  target <= ${TARGETS.bundleKiB} KiB  ${verdict(sizeKiB <= TARGETS.bundleKiB)}`);
    console.log(
      `GET /authorize     ${ms(warmAuthorize)} (${WARM} requests, one process)  target p99 <= ${TARGETS.authorizeP99Ms} ms  ${verdict(authorizeP99 <= TARGETS.authorizeP99Ms)}`,
    );
    console.log(
      `POST /token        ${ms(logged.map(({ ms }) => ms))} in all, of which Cognito (loopback stand-in) ${ms(logged.map(({ upstreamMs }) => upstreamMs))}`,
    );
    console.log(
      `                   the front's own share ${ms(overhead)}  target p99 <= ${TARGETS.tokenOverheadP99Ms} ms  ${verdict(overheadP99 <= TARGETS.tokenOverheadP99Ms)}`,
    );
    console.log(
      `cold start         median ${percentile(cold, 50).toFixed(1)} ms, max ${Math.max(...cold).toFixed(1)} ms (${COLD_STARTS} new processes, spawn to first answer); bare node median ${percentile(bare, 50).toFixed(1)} ms`,
    );
    console.log(
      `                   median = ${coldRatio.toFixed(2)} x bare node  target <= ${TARGETS.coldVsBareNode} x  ${verdict(coldRatio <= TARGETS.coldVsBareNode)}`,
    );
    const ok =
      sizeKiB <= TARGETS.bundleKiB &&
      authorizeP99 <= TARGETS.authorizeP99Ms &&
      overheadP99 <= TARGETS.tokenOverheadP99Ms &&
      coldRatio <= TARGETS.coldVsBareNode;
    process.exitCode = ok ? 0 : 1;
  } finally {
    cognito.closeAllConnections();
    cognito.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
