// npm run bench: the validator bundle (lambda/dist/token-validator/index.js) in its oidc and introspection
// modes, against a real OAuth server on loopback (oauth2-mock-server), each request in the bundle's own process.
// oidc is measured against the verify floor beside each request, as the cognito mode is: RS256 (aws-jwt-verify)
// and PS256 (jose), each against node's own verification of the same signature; introspection
// with a warm cache (the same tokens again) and with a miss on every request (a loopback call each).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BUILT_VALIDATOR as BUNDLE } from "../lambda/bundle";
import { LAMBDA_NODE_MAJOR, nodeBinary } from "../scripts/lambda-node";
import { type SignatureAlgorithm, resolveConfig } from "../stacks/config";
import { externalValidatorEnvironment } from "../stacks/validator-environment";
import { LoopbackAuthorizationServer } from "../testing/authorization-server";
import { runBundle } from "../testing/bundle-process";
import { loopbackCertificate } from "../testing/jwks-server";
import { nowSeconds } from "../testing/jwt";
import { percentile, verdict } from "./measure";

const TARGETS = { oidcWarmP50VsVerify: 2, ps256WarmP50Ms: 1, cacheHitP99Ms: 1, missP99Ms: 50 };
const WARM_REQUESTS = 5000;
const MISSES = 1000;
const ENDPOINT = "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";
const SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:bench/introspection-client-secret-AbCdEf";

async function main(): Promise<void> {
  if (!fs.existsSync(BUNDLE)) throw new Error("lambda/dist/token-validator/index.js is missing: run `npm run build`");
  const node = nodeBinary(LAMBDA_NODE_MAJOR);
  const server = new LoopbackAuthorizationServer();
  await server.start();
  const ps256Kid = await server.addKey("PS256");
  await server.addKey("RS256");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-modes-"));
  fs.writeFileSync(path.join(dir, "ca.pem"), loopbackCertificate().cert);
  server.introspection = (_token, response) => {
    response.body = { active: true, azp: "machine", scope: "system/*.read", sub: "machine", typ: "Bearer", iat: nowSeconds(), exp: nowSeconds() + 3600 };
  };

  const environment = (validation: "oidc" | "introspection", algorithms: SignatureAlgorithm[] = ["RS256"]) => {
    const config = resolveConfig({
      name: "bench",
      datastore: { name: "fhir" },
      smart: {
        externalAuthorizationServer: {
          preset: "keycloak",
          issuer: server.issuer,
          validation,
          clientIds: ["machine"],
          introspectionClientId: server.client.id,
          algorithms,
        },
      },
    });
    // biome-ignore lint/style/noNonNullAssertion: configured just above
    const resolved = { ...config.smart!.externalAuthorizationServer!, introspectionEndpoint: server.introspectionEndpoint };
    return {
      PATH: process.env.PATH,
      NODE_EXTRA_CA_CERTS: path.join(dir, "ca.pem"),
      AWS_REGION: "us-east-1",
      USER_ROLE_ARN: "arn:aws:iam::123456789012:role/r",
      LOG_LEVEL: "error",
      ...externalValidatorEnvironment(resolved, { jwksUri: server.jwksUri, introspectionSecretArn: SECRET_ARN }),
    };
  };
  const request = (bearerToken: string) => ({ datastoreEndpoint: ENDPOINT, operationName: "SearchWithGet", bearerToken });

  try {
    const keys = server.oauth.issuer.keys.toJSON() as Record<string, unknown>[];
    const tokensOf = (kid?: string) =>
      Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          server.token({ aud: ENDPOINT, azp: "machine", scope: "system/*.read", sub: `machine-${i}` }, { expiresIn: 3600, kid }),
        ),
      );
    const tokens = await tokensOf();
    const oidc = await runBundle(environment("oidc"), WARM_REQUESTS, tokens.map(request), { node, floorJwk: keys.find((key) => key.alg === "RS256") });
    if (oidc.allowed !== WARM_REQUESTS) throw new Error(`oidc: only ${oidc.allowed} of ${WARM_REQUESTS} requests were allowed`);
    const oidcP50 = percentile(oidc.latencies.slice(tokens.length), 50);
    const verify = percentile(oidc.floor.slice(tokens.length), 50);

    const pssTokens = await tokensOf(ps256Kid);
    const pss = await runBundle(environment("oidc", ["PS256"]), WARM_REQUESTS, pssTokens.map(request), {
      node,
      floorJwk: keys.find((key) => key.kid === ps256Kid),
    });
    if (pss.allowed !== WARM_REQUESTS) throw new Error(`oidc PS256: only ${pss.allowed} of ${WARM_REQUESTS} requests were allowed`);
    const pssP50 = percentile(pss.latencies.slice(pssTokens.length), 50);
    const pssVerify = percentile(pss.floor.slice(pssTokens.length), 50);

    // The client secret comes from Secrets Manager through the runtime SDK, mocked in the bundle's process.
    const introspection = {
      ...environment("introspection"),
      NODE_OPTIONS: `--require ${path.join(__dirname, "..", "testing", "mock-secrets-manager.cjs")}`,
      TEST_INTROSPECTION_SECRET: server.client.secret,
      NODE_NO_WARNINGS: "1",
    };
    const opaque = Array.from({ length: MISSES }, (_, i) => request(`opaque-${i}-${"x".repeat(32)}`));
    const before = server.calls.introspection;
    const warm = await runBundle(introspection, WARM_REQUESTS, opaque.slice(0, 16), { node });
    const hitCalls = server.calls.introspection - before;
    const misses = await runBundle(introspection, MISSES, opaque, { node });
    if (warm.allowed !== WARM_REQUESTS || misses.allowed !== MISSES) throw new Error("introspection: not every request was allowed");
    const hits = warm.latencies.slice(16);
    const hitP99 = percentile(hits, 99);
    const missP99 = percentile(misses.latencies.slice(16), 99);

    console.log("validator modes (loopback authorization server, oauth2-mock-server)");
    console.log(
      `oidc               p50 ${oidcP50.toFixed(4)} ms, p99 ${percentile(oidc.latencies.slice(tokens.length), 99).toFixed(4)} ms (${WARM_REQUESTS} requests); RS256 verify floor p50 ${verify.toFixed(4)} ms`,
    );
    console.log(
      `                   p50 = ${(oidcP50 / verify).toFixed(2)} x the verify floor  target <= ${TARGETS.oidcWarmP50VsVerify} x  ${verdict(oidcP50 / verify <= TARGETS.oidcWarmP50VsVerify)}`,
    );
    console.log(
      `oidc PS256 (jose)  p50 ${pssP50.toFixed(4)} ms, p99 ${percentile(pss.latencies.slice(pssTokens.length), 99).toFixed(4)} ms (${WARM_REQUESTS} requests); PS256 verify floor p50 ${pssVerify.toFixed(4)} ms`,
    );
    console.log(
      `                   p50 = ${(pssP50 / pssVerify).toFixed(2)} x the verify floor  target p50 <= ${TARGETS.ps256WarmP50Ms} ms  ${verdict(pssP50 <= TARGETS.ps256WarmP50Ms)}`,
    );
    console.log(
      `introspection hit  p50 ${percentile(hits, 50).toFixed(4)} ms, p99 ${hitP99.toFixed(4)} ms (${WARM_REQUESTS} requests, 16 tokens, ${hitCalls} calls)  target p99 <= ${TARGETS.cacheHitP99Ms} ms  ${verdict(hitP99 <= TARGETS.cacheHitP99Ms)}`,
    );
    console.log(
      `introspection miss p50 ${percentile(misses.latencies.slice(16), 50).toFixed(3)} ms, p99 ${missP99.toFixed(3)} ms (${MISSES} new tokens, one HTTPS call each on loopback)  target p99 <= ${TARGETS.missP99Ms} ms  ${verdict(missP99 <= TARGETS.missP99Ms)}`,
    );
    process.exitCode =
      oidcP50 / verify <= TARGETS.oidcWarmP50VsVerify && pssP50 <= TARGETS.ps256WarmP50Ms && hitP99 <= TARGETS.cacheHitP99Ms && missP99 <= TARGETS.missP99Ms
        ? 0
        : 1;
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
