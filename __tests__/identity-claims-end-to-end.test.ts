// End to end on loopback: the trigger bundle answers Cognito's event, a token is issued as
// Cognito would issue it after that answer, and the validator bundle turns it into HealthLake's authPayload.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BUILT_PRE_TOKEN_GENERATION, BUILT_VALIDATOR } from "../lambda/bundle";
import type { PreTokenGenerationEvent } from "../lambda/pre-token-generation/event";
import type { ClaimsAndScopeOverrideDetails } from "../lambda/pre-token-generation/identity";
import { JwksServer, loopbackCertificate } from "../testing/jwks-server";
import { nowSeconds, rsaKey, signJwt } from "../testing/jwt";
import { BundleChild, HandlerError } from "./support/bundle-child";
import { cognitoAccessTokenClaims } from "./support/cognito-tokens";

const REGION = "us-east-1";
const POOL = `${REGION}_PeoplePool`;
const CLIENT = "people-client";
const ENDPOINT = `https://healthlake.${REGION}.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/`;
const REQUESTED = ["openid", "profile", "launch/patient", "patient/*.read", "user/*.read", "system/*.*"];

const signIn = (attributes: Record<string, string>): PreTokenGenerationEvent => ({
  version: "2",
  triggerSource: "TokenGeneration_HostedAuth",
  region: REGION,
  userPoolId: POOL,
  userName: "someone",
  callerContext: { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: CLIENT },
  request: {
    userAttributes: { sub: "0f1e2d3c-0000-4000-8000-00000000abcd", email: "someone@example.org", ...attributes },
    groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
    scopes: REQUESTED,
  },
  response: { claimsAndScopeOverrideDetails: null },
});

describe("a person signs in, and HealthLake receives their patient and fhirUser", () => {
  const server = new JwksServer();
  const key = rsaKey("pool-key");
  let dir: string;
  let trigger: BundleChild;
  let validator: BundleChild;

  beforeAll(async () => {
    server.keys = [key.jwk];
    await server.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "identity-e2e-"));
    fs.writeFileSync(path.join(dir, "ca.pem"), loopbackCertificate().cert);
    const env = { PATH: process.env.PATH, AWS_REGION: REGION };
    trigger = await BundleChild.start(BUILT_PRE_TOKEN_GENERATION, env);
    validator = await BundleChild.start(BUILT_VALIDATOR, {
      ...env,
      NODE_EXTRA_CA_CERTS: path.join(dir, "ca.pem"),
      USER_POOL_ID: POOL,
      JWKS_URI: server.uri("pool"),
      CLIENT_ID: CLIENT,
      USER_ROLE_ARN: "arn:aws:iam::123456789012:role/healthlake-service-role",
      AUTHORIZATION_STRATEGY: "SMART_ON_FHIR",
    });
  });
  afterAll(async () => {
    trigger?.stop();
    validator?.stop();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The trigger's answer, the token Cognito signs after it, and what the validator returns to HealthLake. */
  async function request(attributes: Record<string, string>) {
    const event = signIn(attributes);
    const answered = await trigger.invoke<PreTokenGenerationEvent>(event);
    const details = answered.response.claimsAndScopeOverrideDetails as ClaimsAndScopeOverrideDetails;
    const claims = cognitoAccessTokenClaims(event, details, nowSeconds());
    const bearerToken = signJwt(key, claims);
    const answer = await validator.invoke<{ authPayload: Record<string, unknown>; iamRoleARN?: string }>({
      datastoreEndpoint: ENDPOINT,
      operationName: "SearchWithGet",
      bearerToken,
    });
    return { claims, answer };
  }

  test("a patient: patient and fhirUser reach HealthLake, with patient and user scopes and never a system/ one", async () => {
    const { claims, answer } = await request({ "custom:fhir_user": "Patient/123", "custom:patient_id": "123" });
    expect(claims.scope).toBe("openid profile launch/patient patient/*.read user/*.read");
    expect(answer.authPayload).toMatchObject({
      isAuthorized: true,
      patient: "123",
      fhirUser: "Patient/123",
      scope: "patient/*.read user/*.read openid profile launch/patient",
      aud: ENDPOINT,
    });
    expect(answer.iamRoleARN).toBe("arn:aws:iam::123456789012:role/healthlake-service-role");
  });

  test("a practitioner: fhirUser and user scopes only; no patient, and no patient/ scope in the token", async () => {
    const { claims, answer } = await request({ "custom:fhir_user": `${ENDPOINT}Practitioner/456` });
    expect(claims.scope).toBe("openid profile user/*.read");
    expect(answer.authPayload).toMatchObject({ isAuthorized: true, fhirUser: `${ENDPOINT}Practitioner/456`, scope: "user/*.read openid profile" });
    expect(answer.authPayload).not.toHaveProperty("patient");
  });

  test("a user with a patient id only: patient scopes, no user scope", async () => {
    const { answer } = await request({ "custom:patient_id": "p-9" });
    expect(answer.authPayload).toMatchObject({ isAuthorized: true, patient: "p-9", scope: "patient/*.read openid profile launch/patient" });
    expect(answer.authPayload).not.toHaveProperty("fhirUser");
  });

  test("a user with neither gets a token with no clinical scope, which HealthLake never honours", async () => {
    const { claims, answer } = await request({});
    expect(claims.scope).toBe("openid profile");
    expect(answer.authPayload).toEqual({ isAuthorized: false });
  });

  test("a tampered attribute fails the sign-in: the trigger throws and no token is issued", async () => {
    await expect(trigger.invoke(signIn({ "custom:patient_id": "123/../456" }))).rejects.toThrow(HandlerError);
    await expect(
      trigger.invoke(signIn({ "custom:fhir_user": "https://healthlake.eu-west-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/Patient/1" })),
    ).rejects.toThrow(/custom:fhir_user is not valid/);
  });

  test("a fhirUser of another datastore in the region passes the trigger but not the validator, which pins its own", async () => {
    const other = ENDPOINT.replace("0123456789abcdef", "fedcba9876543210");
    const { answer } = await request({ "custom:fhir_user": `${other}Practitioner/456` });
    expect(answer.authPayload).toEqual({ isAuthorized: false });
  });
});
