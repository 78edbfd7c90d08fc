import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BUILT_VALIDATOR, VALIDATOR_BUNDLE } from "../lambda/bundle";
import { bundleNodejs, stagedBundle } from "../stacks/bundling";
import { runBundle } from "../testing/bundle-process";
import { JwksServer, loopbackCertificate } from "../testing/jwks-server";
import { rsaKey, signJwt } from "../testing/jwt";

const sha256 = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("validator bundle", () => {
  const outfile = BUILT_VALIDATOR;

  test("is the same bytes whenever and wherever it is built: by npm run build, again, and at synth", () => {
    const again = bundleNodejs(VALIDATOR_BUNDLE, path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bundle-again-")), "index.js"));
    expect(sha256(again)).toBe(sha256(outfile));
    expect(sha256(path.join(stagedBundle(VALIDATOR_BUNDLE), "index.js"))).toBe(sha256(outfile));
  });

  test("is CommonJS exporting an async handler, with no path of this checkout in it", () => {
    const text = fs.readFileSync(outfile, "utf8");
    expect(text).not.toContain(process.cwd());
    expect(text).not.toMatch(/^\s*(import|export)\s/m);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(outfile);
    expect(typeof mod.handler).toBe("function");
  });
});

describe("validator bundle in a fresh process, as Lambda runs it", () => {
  const server = new JwksServer();
  const key = rsaKey("bundle-key");
  let caDir: string;
  beforeAll(async () => {
    server.keys = [key.jwk];
    await server.start();
    caDir = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-ca-"));
    fs.writeFileSync(path.join(caDir, "ca.pem"), loopbackCertificate().cert);
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(caDir, { recursive: true, force: true });
  });

  test("allows a valid token and denies a forged one, reading its settings from the environment", async () => {
    const pool = "us-east-1_BundlePool";
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${pool}`,
      sub: "s",
      client_id: "c",
      token_use: "access",
      iat: now,
      exp: now + 600,
      scope: "system/*.read",
    };
    const event = (bearerToken: string) => ({
      datastoreEndpoint: "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/",
      operationName: "ReadResource",
      bearerToken,
    });
    const env = {
      PATH: process.env.PATH,
      NODE_EXTRA_CA_CERTS: path.join(caDir, "ca.pem"),
      AWS_REGION: "us-east-1",
      USER_POOL_ID: pool,
      JWKS_URI: server.uri("bundle"),
      CLIENT_ID: "c",
      USER_ROLE_ARN: "arn:aws:iam::123456789012:role/r",
    };
    const result = await runBundle(env, 2, [event(signJwt(key, claims)), event(signJwt(rsaKey("bundle-key"), claims))]);
    expect(result.allowed).toBe(1);
  });
});

describe("validator bundle with its issuer's keys shipped beside it (jwks.json), as deployed", () => {
  const server = new JwksServer();
  const key = rsaKey("shipped-key");
  let dir: string;
  beforeAll(async () => {
    server.keys = [key.jwk];
    await server.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "shipped-keys-"));
    fs.copyFileSync(BUILT_VALIDATOR, path.join(dir, "index.js"));
    fs.writeFileSync(path.join(dir, "jwks.json"), JSON.stringify({ keys: [key.jwk] }));
    fs.writeFileSync(path.join(dir, "ca.pem"), loopbackCertificate().cert);
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("answers its first request with no download and without ever loading node's https module", async () => {
    const pool = "us-east-1_ShippedPool";
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${pool}`,
      sub: "s",
      client_id: "c",
      token_use: "access",
      iat: now,
      exp: now + 600,
      scope: "system/*.read",
    };
    const event = {
      datastoreEndpoint: "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/",
      operationName: "ReadResource",
      bearerToken: signJwt(key, claims),
    };
    const env = {
      PATH: process.env.PATH,
      NODE_EXTRA_CA_CERTS: path.join(dir, "ca.pem"),
      AWS_REGION: "us-east-1",
      USER_POOL_ID: pool,
      JWKS_URI: server.uri("shipped"),
      CLIENT_ID: "c",
      USER_ROLE_ARN: "arn:aws:iam::123456789012:role/r",
    };
    const shipped = await runBundle(env, 3, [event], { bundle: path.join(dir, "index.js") });
    expect(shipped).toMatchObject({ allowed: 3, httpsLoaded: false });
    expect(server.downloads(server.uri("shipped"))).toBe(0);

    const downloaded = await runBundle({ ...env, JWKS_URI: server.uri("downloaded") }, 1, [event]);
    expect(downloaded).toMatchObject({ allowed: 1, httpsLoaded: true });
    expect(server.downloads(server.uri("downloaded"))).toBe(1);
  });
});
