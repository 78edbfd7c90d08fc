// No token from someone without a key can make the validator keep memory.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { JwksServer, loopbackCertificate } from "../testing/jwks-server";
import { nowSeconds, rsaKey, signJwt } from "../testing/jwt";
import { retainedAfter } from "../testing/memory-probe";
import { resolveConfig } from "../stacks/config";
import { externalValidatorEnvironment } from "../stacks/validator-environment";

const POOL = "us-east-1_MemoryPool";
const ENDPOINT = "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";
const MiB = 1024 * 1024;

const server = new JwksServer();
const key = rsaKey("memory-key");
let caDir: string;

beforeAll(async () => {
  server.keys = [key.jwk];
  await server.start();
  caDir = fs.mkdtempSync(path.join(os.tmpdir(), "memory-ca-"));
  fs.writeFileSync(path.join(caDir, "ca.pem"), loopbackCertificate().cert);
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(caDir, { recursive: true, force: true });
});

test("20,000 forged tokens, each with the real kid and an issuer of its own, leave no memory behind (forced GC, fresh process)", async () => {
  const now = nowSeconds();
  const valid = signJwt(key, {
    iss: `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`,
    sub: "s",
    client_id: "c",
    token_use: "access",
    iat: now,
    exp: now + 3600,
    scope: "system/*.read",
  });
  const env = {
    PATH: process.env.PATH,
    NODE_EXTRA_CA_CERTS: path.join(caDir, "ca.pem"),
    AWS_REGION: "us-east-1",
    LOG_LEVEL: "error",
    USER_POOL_ID: POOL,
    JWKS_URI: server.uri("memory"),
    CLIENT_ID: "c",
    USER_ROLE_ARN: "arn:aws:iam::123456789012:role/r",
  };
  const retained = await retainedAfter("forged", 20_000, env, { valid, kid: key.kid, endpoint: ENDPOINT });
  // Before the fix each forged token left an imported public key behind: 12 MiB of heap and 90 MiB of RSS
  // for 20,000. The process's RSS grows about 10 MiB for 20,000 valid tokens too (allocator and JIT).
  expect(retained.heapBytes).toBeLessThan(1 * MiB);
  expect(retained.externalBytes).toBeLessThan(1 * MiB);
  expect(retained.rssBytes).toBeLessThan(32 * MiB);
}, 60_000);

test("20,000 distinct opaque tokens while Secrets Manager hangs leave no memory behind: nothing waits per token on the secret", async () => {
  const config = resolveConfig({
    name: "memory",
    datastore: { name: "fhir" },
    smart: {
      externalAuthorizationServer: {
        preset: "keycloak",
        issuer: "https://keycloak.example.org/realms/smart",
        validation: "introspection",
        clientIds: ["machine"],
        introspectionClientId: "validator",
      },
    },
  });
  const secretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:memory/introspection-client-secret-AbCdEf";
  const environment = externalValidatorEnvironment(config.smart!.externalAuthorizationServer!, { introspectionSecretArn: secretArn });
  const env = {
    PATH: process.env.PATH,
    AWS_REGION: "us-east-1",
    LOG_LEVEL: "error",
    NODE_NO_WARNINGS: "1",
    USER_ROLE_ARN: "arn:aws:iam::123456789012:role/r",
    TEST_SECRETS_MANAGER_HANGS: "1",
    ...environment,
  };
  const preload = [path.join(__dirname, "..", "testing", "mock-secrets-manager.cjs")];
  const retained = await retainedAfter("opaque", 20_000, env, { valid: "", kid: "", endpoint: ENDPOINT }, process.execPath, preload);
  // Before the read had a deadline each token's introspection waited on it forever: +74 MiB for 20,000.
  expect(retained.heapBytes).toBeLessThan(2 * MiB);
  expect(retained.externalBytes).toBeLessThan(1 * MiB);
}, 60_000);
