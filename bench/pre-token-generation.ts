// npm run bench: the pre token generation trigger bundle (lambda/dist/pre-token-generation/index.js), whose
// answer Cognito waits at most 5 s for: its size, a warm answer, and a cold start against a bare `node -e ""`
// measured in the same run on the same machine.
import * as fs from "node:fs";
import { BUILT_PRE_TOKEN_GENERATION as BUNDLE } from "../lambda/bundle";
import { runBundle } from "../testing/bundle-process";
import { LAMBDA_NODE_MAJOR, nodeBinary } from "../scripts/lambda-node";
import { bareNodeMs, percentile, verdict } from "./measure";

const TARGETS = { bundleKiB: 16, warmP99Ms: 5, coldVsBareNode: 1.2 };
const WARM_EVENTS = 5000;
const COLD_STARTS = 15;

/** A person's sign-in, as Cognito sends it (event version V2_0). */
const signIn = (i: number) => ({
  version: "2",
  triggerSource: "TokenGeneration_HostedAuth",
  region: "us-east-1",
  userPoolId: "us-east-1_BenchPool",
  userName: `user-${i}`,
  callerContext: { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: "bench-client" },
  request: {
    userAttributes: { sub: `sub-${i}`, email: `user-${i}@example.org`, "custom:fhir_user": `Patient/p-${i}`, "custom:patient_id": `p-${i}` },
    groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
    scopes: ["openid", "profile", "launch/patient", "patient/*.read", "user/*.read", "system/*.read"],
  },
  response: { claimsAndScopeOverrideDetails: null },
});

async function main(): Promise<void> {
  if (!fs.existsSync(BUNDLE)) throw new Error("lambda/dist/pre-token-generation/index.js is missing: run `npm run build`");
  const node = nodeBinary(LAMBDA_NODE_MAJOR);
  // Lambda's environment, and standard output away from the benchmark's (one log line per answer).
  const env = { PATH: process.env.PATH, AWS_REGION: "us-east-1" };
  const events = Array.from({ length: 16 }, (_, i) => signIn(i));

  const sizeKiB = fs.statSync(BUNDLE).size / 1024;
  const warm = await runBundle(env, WARM_EVENTS, events, { node, bundle: BUNDLE });
  const steady = warm.latencies.slice(events.length);
  const cold: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    bare.push(await bareNodeMs(node, env));
    cold.push((await runBundle(env, 1, events, { node, bundle: BUNDLE })).wallMs);
  }
  const p50 = percentile(steady, 50),
    p99 = percentile(steady, 99);
  const coldMedian = percentile(cold, 50),
    bareMedian = percentile(bare, 50);
  const coldRatio = coldMedian / bareMedian;
  console.log("pre token generation trigger (Cognito waits 5000 ms)");
  console.log(`bundle size        ${sizeKiB.toFixed(1)} KiB  target <= ${TARGETS.bundleKiB} KiB  ${verdict(sizeKiB <= TARGETS.bundleKiB)}`);
  console.log(
    `warm answer        p50 ${p50.toFixed(4)} ms, p99 ${p99.toFixed(4)} ms (${WARM_EVENTS} events, one process)  target p99 <= ${TARGETS.warmP99Ms} ms  ${verdict(p99 <= TARGETS.warmP99Ms)}`,
  );
  console.log(
    `cold start         median ${coldMedian.toFixed(1)} ms, max ${Math.max(...cold).toFixed(1)} ms (${COLD_STARTS} new processes, spawn to first answer); bare node median ${bareMedian.toFixed(1)} ms`,
  );
  console.log(
    `                   median = ${coldRatio.toFixed(2)} x bare node  target <= ${TARGETS.coldVsBareNode} x  ${verdict(coldRatio <= TARGETS.coldVsBareNode)}`,
  );
  process.exitCode = sizeKiB <= TARGETS.bundleKiB && p99 <= TARGETS.warmP99Ms && coldRatio <= TARGETS.coldVsBareNode ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
