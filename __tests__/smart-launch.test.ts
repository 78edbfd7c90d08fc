// A SMART app launches against the complete stack, end to end on loopback: the real fhirclient reads
// the stack's own discovery from a HealthLake stand-in, goes through the SMART front bundle (behind an
// API Gateway stand-in, with the stack's own environment) to a Cognito stand-in running the trigger
// bundle, exchanges its code with PKCE at the front, and reads FHIR through the validator bundle.
import * as fs from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import * as os from "node:os";
import * as path from "node:path";
import NodeAdapter from "fhirclient/lib/adapters/NodeAdapter";
import type Client from "fhirclient/lib/Client";
import { complete } from "../environments/complete";
import { BUILT_PRE_TOKEN_GENERATION, BUILT_SMART_FRONT, BUILT_VALIDATOR } from "../lambda/bundle";
import type { PreTokenGenerationEvent } from "../lambda/pre-token-generation/event";
import type { ClaimsAndScopeOverrideDetails } from "../lambda/pre-token-generation/identity";
import { SMART_FRONT_ROUTES } from "../smart/smart-front";
import { CognitoStandIn, type StandInUser } from "../testing/cognito-stand-in";
import { HealthLakeStandIn } from "../testing/healthlake-stand-in";
import { HttpApiStandIn } from "../testing/http-api-stand-in";
import { loopbackCertificate } from "../testing/jwks-server";
import { discoveryProblems, refreshScopeProblems, tokenResponseProblems } from "../testing/smart-conformance";
import { BundleChild } from "./support/bundle-child";
import { decodeJsonencode } from "./support/jsonencode";
import { synthJson } from "./support/synth";

const json = synthJson(complete);
// The stand-in datastore's region (STAND_IN_DATASTORE_ENDPOINT): the validator holds an endpoint to its own.
const REGION = "us-east-1";
const POOL = `${REGION}_SmartPool`;
const CALLBACK = "http://localhost:3000/callback";
const CONFIDENTIAL_CALLBACK = "https://app.example.org/callback";
const CONFIDENTIAL = { id: "people-client", secret: "people-secret" };
const PUBLIC = { id: "public-client" };
const PATIENT: StandInUser = { username: "patient", attributes: { "custom:fhir_user": "Patient/example-patient", "custom:patient_id": "example-patient" } };
const CLINICIAN: StandInUser = { username: "clinician", attributes: { "custom:fhir_user": "Practitioner/example-practitioner" } };
const FHIR_BASE = "awscc_healthlake_fhir_datastore.this.datastore_endpoint";
const PATIENT_APP_SCOPE = "openid fhirUser launch/patient patient/*.rs offline_access";

/** A Terraform string with its `${...}` references replaced; any reference not listed fails the test. */
function resolve(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{([^}]+)\}/g, (_whole, reference: string) => {
    const value = values[reference];
    if (value === undefined) throw new Error(`no value for \${${reference}}`);
    return value;
  });
}

/** A request to the app's own server, as fhirclient's Node adapter reads it: URL, host, and the session it keeps state in. */
const appRequest = (url: string, session: Record<string, unknown>) => {
  const { pathname, search, host } = new URL(url);
  return { url: `${pathname}${search}`, headers: { host }, socket: {}, session } as unknown as http.IncomingMessage;
};
const appResponse = () => ({ writeHead: () => undefined, end: () => undefined }) as unknown as http.ServerResponse;

/** One browser hop: GET, no redirect followed. */
function get(url: string): Promise<{ status: number; location?: string }> {
  const client = url.startsWith("https:") ? https : http;
  return new Promise((resolve, reject) => {
    client
      .get(url, { ca: loopbackCertificate().cert }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      })
      .on("error", reject);
  });
}

describe("a SMART app launches through the front, with fhirclient", () => {
  let dir: string;
  let front: BundleChild;
  let trigger: BundleChild;
  let validator: BundleChild;
  let cognito: CognitoStandIn;
  let api: HttpApiStandIn;
  let healthLake: HealthLakeStandIn;
  let metadata: Record<string, unknown>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "smart-launch-"));
    fs.writeFileSync(path.join(dir, "ca.pem"), loopbackCertificate().cert);
    const env = { PATH: process.env.PATH, AWS_REGION: REGION, NODE_EXTRA_CA_CERTS: path.join(dir, "ca.pem") };

    trigger = await BundleChild.start(BUILT_PRE_TOKEN_GENERATION, env);
    const scopes = json.resource.aws_cognito_user_pool_client.public.allowed_oauth_scopes as string[];
    const callbacks = (address: string) => json.resource.aws_cognito_user_pool_client[address].callback_urls as string[];
    expect(callbacks("client")).toEqual([CONFIDENTIAL_CALLBACK]);
    expect(callbacks("public")).toContain(CALLBACK);
    cognito = new CognitoStandIn(
      { region: REGION, userPoolId: POOL },
      [
        { ...CONFIDENTIAL, redirectUris: callbacks("client"), scopes },
        { ...PUBLIC, redirectUris: callbacks("public"), scopes },
      ],
      async (user, clientId, requested) => {
        const event: PreTokenGenerationEvent = {
          version: "2",
          triggerSource: "TokenGeneration_HostedAuth",
          region: REGION,
          userPoolId: POOL,
          userName: user.username,
          callerContext: { awsSdkVersion: "aws-sdk-unknown-unknown", clientId },
          request: {
            userAttributes: { sub: `sub-${user.username}`, ...user.attributes },
            groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
            scopes: [...requested],
          },
          response: { claimsAndScopeOverrideDetails: null },
        };
        const answer = await trigger.invoke<PreTokenGenerationEvent>(event);
        const details = answer.response.claimsAndScopeOverrideDetails as ClaimsAndScopeOverrideDetails;
        return { claims: details.accessTokenGeneration.claimsToAddOrOverride, suppress: details.accessTokenGeneration.scopesToSuppress };
      },
    );
    await cognito.start();

    validator = await BundleChild.start(BUILT_VALIDATOR, {
      ...env,
      USER_POOL_ID: POOL,
      JWKS_URI: cognito.jwksUri,
      CLIENT_ID: `${CONFIDENTIAL.id},machine-client,${PUBLIC.id}`,
      USER_ROLE_ARN: "arn:aws:iam::111122223333:role/healthlake-smart-complete-service-role",
      AUTHORIZATION_STRATEGY: "SMART_ON_FHIR",
    });

    api = new HttpApiStandIn(Object.values(SMART_FRONT_ROUTES), (event) => front.invoke(event));
    await api.start();
    const references = {
      "aws_apigatewayv2_api.smart_front.api_endpoint": api.base,
      "aws_cognito_user_pool_domain.this.domain": "healthlake-smart-complete",
      "data.aws_region.current.region": complete.region ?? "",
      "aws_cognito_user_pool.main.id": POOL,
      "aws_cognito_user_pool_client.client.id": CONFIDENTIAL.id,
      "aws_cognito_user_pool_client.public.id": PUBLIC.id,
    };
    // The stack's own discovery document, as the datastore is created with it.
    const template = decodeJsonencode(json.resource.awscc_healthlake_fhir_datastore.this.identity_provider_configuration.metadata);
    metadata = JSON.parse(resolve(JSON.stringify(template), references));
    // Plain HTTP: fhirclient, in this process, reaches it and the API with Node's global agent, left untouched.
    healthLake = new HealthLakeStandIn({
      plainHttp: true,
      metadata,
      logFile: path.join(dir, "log.json"),
      validator: async (event) => ({ answer: await validator.invoke(event), logLines: await validator.takeLines(1) }),
    });
    await healthLake.start();

    // The front with the stack's own environment; Cognito's hosted UI and the datastore are the stand-ins.
    const variables = json.resource.aws_lambda_function.smart_front.environment.variables as Record<string, string>;
    expect(resolve(variables.COGNITO_BASE_URL, references)).toBe(`https://healthlake-smart-complete.auth.${complete.region}.amazoncognito.com`);
    expect(variables.FHIR_BASE_URL).toBe(`\${${FHIR_BASE}}`);
    const resolved = Object.entries(variables).map(([name, value]) => [name, resolve(value, { ...references, [FHIR_BASE]: healthLake.base })]);
    front = await BundleChild.start(BUILT_SMART_FRONT, { ...env, ...Object.fromEntries(resolved), COGNITO_BASE_URL: cognito.baseUrl });
  });

  afterAll(async () => {
    for (const child of [front, trigger, validator]) child?.stop();
    await Promise.all([cognito?.stop(), api?.stop(), healthLake?.stop()]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  interface Launch {
    readonly clientId: string;
    readonly clientSecret?: string;
    readonly scope: string;
    readonly user: StandInUser;
    readonly pkceMode?: "required" | "disabled";
    /** fhirclient's option for public clients, whose refresh Cognito authenticates by client_id. */
    readonly refreshTokenWithClientId?: boolean;
  }

  /** fhirclient's authorize, the browser's redirects (front, hosted UI, back to the app), and fhirclient's ready. */
  async function launch(options: Launch): Promise<{ client: Client; hops: string[] }> {
    const { user, refreshTokenWithClientId, ...params } = options;
    const callback = params.clientSecret === undefined ? CALLBACK : CONFIDENTIAL_CALLBACK;
    cognito.signIn(user);
    const session: Record<string, unknown> = {};
    const app = (url: string) =>
      new NodeAdapter({ request: appRequest(url, session), response: appResponse(), refreshTokenWithClientId } as never).getSmartApi();
    const start = await app("http://localhost:3000/launch").authorize({
      ...params,
      iss: healthLake.base,
      redirectUri: callback,
      pkceMode: params.pkceMode ?? "required",
      noRedirect: true,
    });
    const hops: string[] = [];
    let location = String(start);
    while (!location.startsWith(`${callback}?`)) {
      const hop = await get(location);
      expect(hop.status).toBe(302);
      location = hop.location ?? "";
      hops.push(location);
    }
    return { client: await app(location).ready(), hops };
  }

  test("discovery is the stack's: the front's endpoints, S256, and every capability a patient launch needs", () => {
    expect(metadata).toMatchObject({
      authorization_endpoint: `${api.base}/authorize`,
      token_endpoint: `${api.base}/token`,
      code_challenge_methods_supported: ["S256"],
    });
    expect(metadata.capabilities).toEqual(
      expect.arrayContaining(["launch-standalone", "client-public", "client-confidential-symmetric", "context-standalone-patient", "sso-openid-connect"]),
    );
    expect(discoveryProblems(metadata)).toEqual([]);
  });

  /** The front's last answer at the token endpoint, as the app received it. */
  const lastTokenAnswer = () => {
    const answer = api.answers.filter(({ routeKey }) => routeKey === SMART_FRONT_ROUTES.token).at(-1);
    if (!answer) throw new Error("no token request reached the front");
    return { body: JSON.parse(answer.body) as Record<string, unknown>, headers: answer.headers };
  };

  test.each([
    ["a public client", { clientId: PUBLIC.id }],
    ["a confidential client", { clientId: CONFIDENTIAL.id, clientSecret: CONFIDENTIAL.secret }],
  ])("%s: a patient's standalone launch knows the patient and reads their record, and no other", async (_name, client) => {
    const { client: app, hops } = await launch({ ...client, scope: PATIENT_APP_SCOPE, user: PATIENT });
    // The browser went to Cognito with what Cognito can hold: no aud, no fhirUser, no offline_access.
    expect(hops[0].startsWith(`${cognito.baseUrl}/oauth2/authorize?`)).toBe(true);
    const atCognito = cognito.authorizeRequests.at(-1);
    expect(atCognito).toMatchObject({ client_id: client.clientId, scope: "openid launch/patient patient/*.rs", code_challenge_method: "S256" });
    expect(atCognito).not.toHaveProperty("aud");

    expect(app.patient.id).toBe("example-patient");
    const granted = String(app.state.tokenResponse?.scope).split(" ");
    expect(granted).toEqual(expect.arrayContaining(["openid", "fhirUser", "launch/patient", "patient/*.rs", "offline_access"]));
    expect(app.state.tokenResponse).toMatchObject({ patient: "example-patient", need_patient_banner: true, token_type: "Bearer" });
    expect(app.getFhirUser()).toBe("Patient/example-patient");
    const { body, headers } = lastTokenAnswer();
    expect(tokenResponseProblems(body, headers, { launchPatient: true })).toEqual([]);

    await expect(app.patient.read()).resolves.toMatchObject({ resourceType: "Patient", id: "example-patient" });
    await expect(app.request("Patient/another-patient")).rejects.toThrow(/403/);
  });

  test("a practitioner's launch gets fhirUser from the ID token and reads their own resource; no patient in context", async () => {
    const { client } = await launch({ clientId: CONFIDENTIAL.id, clientSecret: CONFIDENTIAL.secret, scope: "openid fhirUser user/*.rs", user: CLINICIAN });
    expect(client.getFhirUser()).toBe("Practitioner/example-practitioner");
    expect(client.getState("tokenResponse.scope")).toContain("fhirUser");
    expect(client.patient.id).toBeFalsy();
    expect(client.state.tokenResponse).not.toHaveProperty("patient");
    await expect(client.user.read()).resolves.toMatchObject({ resourceType: "Practitioner", id: "example-practitioner" });
  });

  test.each([
    ["a confidential client", { clientId: CONFIDENTIAL.id, clientSecret: CONFIDENTIAL.secret }],
    ["a public client", { clientId: PUBLIC.id, refreshTokenWithClientId: true }],
  ])("%s: the refresh grant through the front keeps patient and offline_access, and the new token reads", async (_name, client) => {
    const { client: app } = await launch({ ...client, scope: PATIENT_APP_SCOPE, user: PATIENT });
    const first = app.getState("tokenResponse.access_token");
    const firstScope = String(app.getState("tokenResponse.scope"));
    await app.refresh();
    expect(app.getState("tokenResponse.access_token")).not.toBe(first);
    const { body, headers } = lastTokenAnswer();
    expect(tokenResponseProblems(body, headers)).toEqual([]);
    expect(refreshScopeProblems(firstScope, String(body.scope))).toEqual([]);
    expect(String(app.getState("tokenResponse.scope")).split(" ")).toEqual(expect.arrayContaining(["offline_access", "patient/*.rs"]));
    expect(app.getState("tokenResponse.patient")).toBe("example-patient");
    await expect(app.patient.read()).resolves.toMatchObject({ id: "example-patient" });
  });

  test("a browser app on a registered origin may call the token endpoint (CORS), one elsewhere may not", async () => {
    const preflight = (origin: string) =>
      new Promise<http.IncomingMessage>((resolve, reject) => {
        const request = http.request(`${api.base}/token`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } }, (res) => {
          res.resume();
          resolve(res);
        });
        request.on("error", reject).end();
      });
    expect((await preflight("http://localhost:3000")).headers["access-control-allow-origin"]).toBe("http://localhost:3000");
    const elsewhere = await preflight("https://attacker.example");
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.headers).not.toHaveProperty("access-control-allow-origin");
  });

  test("an app without PKCE is sent back with an error fhirclient reports, before Cognito sees it", async () => {
    const before = cognito.authorizeRequests.length;
    await expect(launch({ clientId: PUBLIC.id, scope: PATIENT_APP_SCOPE, user: PATIENT, pkceMode: "disabled" })).rejects.toThrow(/invalid_request.*PKCE/);
    expect(cognito.authorizeRequests.length).toBe(before);
  });

  test("a wrong client secret gets Cognito's error through the front, and no token", async () => {
    await expect(launch({ clientId: CONFIDENTIAL.id, clientSecret: "wrong", scope: PATIENT_APP_SCOPE, user: PATIENT })).rejects.toThrow(/invalid_client|400/);
  });
});
