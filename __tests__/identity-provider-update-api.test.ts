import { DescribeFHIRDatastoreCommand, HealthLakeClient } from "@aws-sdk/client-healthlake";
import { mockClient } from "aws-sdk-client-mock";
import { BUILT_IDENTITY_PROVIDER_UPDATE } from "../lambda/bundle";
import { healthLakeApi } from "../lambda/identity-provider-update/healthlake-api";
import { metadataDigest } from "../smart/identity-provider-update";
import { HealthLakeControlPlane } from "../testing/healthlake-control-plane";
import { BundleChild, HandlerError } from "./support/bundle-child";

const REGION = "us-east-1";
const DATASTORE = "0123456789abcdef0123456789abcdef";
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const VALIDATOR = "arn:aws:lambda:us-east-1:111122223333:function:validator";
const METADATA = { issuer: "https://issuer.example", capabilities: ["permission-v1"] };
const OLD = {
  AuthorizationStrategy: "SMART_ON_FHIR_V1",
  FineGrainedAuthorizationEnabled: false,
  IdpLambdaArn: `${VALIDATOR}-old`,
  Metadata: '{"issuer":"https://old.example"}',
};
const DESIRED = {
  AuthorizationStrategy: "SMART_ON_FHIR_V1",
  FineGrainedAuthorizationEnabled: true,
  IdpLambdaArn: VALIDATOR,
  Metadata: JSON.stringify(METADATA),
};

describe("DescribeFHIRDatastore through the SDK", () => {
  const healthLake = mockClient(HealthLakeClient);
  afterEach(() => healthLake.reset());
  afterAll(() => healthLake.restore());

  test("reads the status and the identity provider configuration", async () => {
    healthLake.on(DescribeFHIRDatastoreCommand, { DatastoreId: DATASTORE }).resolves({
      DatastoreProperties: {
        DatastoreId: DATASTORE,
        DatastoreArn: "arn",
        DatastoreStatus: "ACTIVE",
        DatastoreTypeVersion: "R4",
        DatastoreEndpoint: "https://example",
        IdentityProviderConfiguration: {
          AuthorizationStrategy: "SMART_ON_FHIR_V1",
          FineGrainedAuthorizationEnabled: true,
          IdpLambdaArn: VALIDATOR,
          Metadata: "{}",
        },
      },
    });
    const api = healthLakeApi(new HealthLakeClient({ region: REGION, credentials: CREDENTIALS }));
    expect(await api.describe(DATASTORE)).toEqual({
      status: "ACTIVE",
      configuration: { AuthorizationStrategy: "SMART_ON_FHIR_V1", FineGrainedAuthorizationEnabled: true, IdpLambdaArn: VALIDATOR, Metadata: "{}" },
    });
  });

  test("a datastore created without one has no configuration", async () => {
    healthLake.on(DescribeFHIRDatastoreCommand).resolves({
      DatastoreProperties: {
        DatastoreId: DATASTORE,
        DatastoreArn: "arn",
        DatastoreStatus: "CREATING",
        DatastoreTypeVersion: "R4",
        DatastoreEndpoint: "https://example",
      },
    });
    const api = healthLakeApi(new HealthLakeClient({ region: REGION, credentials: CREDENTIALS }));
    expect(await api.describe(DATASTORE)).toEqual({ status: "CREATING", configuration: undefined });
  });
});

describe("UpdateFHIRDatastore, signed by the SDK's SigV4 signer, against a HealthLake stand-in that checks signatures", () => {
  let plane: HealthLakeControlPlane;
  beforeEach(async () => {
    plane = await HealthLakeControlPlane.start({ id: DATASTORE, status: "ACTIVE", configuration: { ...OLD } }, CREDENTIALS, REGION);
  });
  afterEach(() => plane.close());
  const client = (secretAccessKey = CREDENTIALS.secretAccessKey) =>
    new HealthLakeClient({ region: REGION, credentials: { ...CREDENTIALS, secretAccessKey }, endpoint: plane.url });

  test("sends the whole object in the JSON 1.0 protocol, and the SDK's describe then reads it back", async () => {
    const api = healthLakeApi(client(), plane.url);
    await api.update(DATASTORE, DESIRED);
    expect(plane.requests).toEqual([
      {
        target: "HealthLake.UpdateFHIRDatastore",
        contentType: "application/x-amz-json-1.0",
        body: { DatastoreId: DATASTORE, IdentityProviderConfiguration: DESIRED },
      },
    ]);
    expect((await api.describe(DATASTORE)).configuration).toEqual(DESIRED);
  });

  test("a request signed with another key is refused by the stand-in, so its signature check can fail", async () => {
    await expect(healthLakeApi(client("not-the-key"), plane.url).update(DATASTORE, DESIRED)).rejects.toThrow(/HTTP 403 InvalidSignatureException/);
    expect(plane.datastore.configuration).toEqual(OLD);
  });

  test("HealthLake's refusal is reported with its status, type and message", async () => {
    plane.refuseNextUpdate = { status: 400, type: "ValidationException", message: "IdpLambdaArn is not a Lambda ARN" };
    await expect(healthLakeApi(client(), plane.url).update(DATASTORE, DESIRED)).rejects.toMatchObject({
      name: "ValidationException",
      message: "UpdateFHIRDatastore refused: HTTP 400 ValidationException: IdpLambdaArn is not a Lambda ARN",
    });
  });
});

describe("the built bundle, as Lambda runs it, with the SDK's endpoint setting pointing at the stand-in", () => {
  let plane: HealthLakeControlPlane;
  let fn: BundleChild;
  beforeAll(async () => {
    plane = await HealthLakeControlPlane.start({ id: DATASTORE, status: "ACTIVE", configuration: { ...OLD } }, CREDENTIALS, REGION);
    fn = await BundleChild.start(BUILT_IDENTITY_PROVIDER_UPDATE, {
      PATH: process.env.PATH,
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_HEALTHLAKE: plane.url,
      // What the stack pins: this datastore, and the configuration it sends.
      DATASTORE_ID: DATASTORE,
      IDP_LAMBDA_ARN: DESIRED.IdpLambdaArn,
      AUTHORIZATION_STRATEGY: DESIRED.AuthorizationStrategy,
      FINE_GRAINED_AUTHORIZATION: String(DESIRED.FineGrainedAuthorizationEnabled),
      METADATA_SHA256: metadataDigest(METADATA),
    });
  });
  afterAll(async () => {
    fn.stop();
    await plane.close();
  });
  // What aws_lambda_invocation.identity_provider_update sends: Metadata as the document.
  const event = { DatastoreId: DATASTORE, IdentityProviderConfiguration: { ...DESIRED, Metadata: METADATA } };

  test("brings the datastore in line, then reports it in step without another update", async () => {
    const first = await fn.invoke<{ updated: boolean; changed: string[]; after: { Metadata: unknown } }>(event);
    expect(first).toMatchObject({ updated: true, changed: ["FineGrainedAuthorizationEnabled", "IdpLambdaArn", "Metadata"], after: { Metadata: METADATA } });
    expect(plane.datastore.configuration).toEqual(DESIRED);
    expect(await fn.takeLines()).toEqual([JSON.stringify({ datastoreId: DATASTORE, updated: true, changed: first.changed })]);

    const updates = plane.requests.filter((request) => request.target === "HealthLake.UpdateFHIRDatastore").length;
    expect(await fn.invoke<{ updated: boolean }>(event)).toMatchObject({ updated: false });
    expect(plane.requests.filter((request) => request.target === "HealthLake.UpdateFHIRDatastore")).toHaveLength(updates);
  });

  test.each([
    ["a validator of another account", { IdpLambdaArn: "arn:aws:lambda:us-east-1:999999999999:function:attacker" }],
    ["fine-grained authorization off", { FineGrainedAuthorizationEnabled: false }],
    ["other metadata", { Metadata: { ...METADATA, token_endpoint: "https://attacker.example/token" } }],
  ])("an event asking for %s is refused before any HealthLake call, its value not in the error", async (_name, change) => {
    const calls = plane.requests.length;
    const before = { ...plane.datastore.configuration };
    const refused = fn.invoke({ ...event, IdentityProviderConfiguration: { ...event.IdentityProviderConfiguration, ...change } });
    await expect(refused).rejects.toThrow(/differs from what this stack deploys in (IdpLambdaArn|FineGrainedAuthorizationEnabled|Metadata): refused/);
    await expect(refused).rejects.not.toThrow(/attacker|999999999999/);
    expect(plane.requests).toHaveLength(calls);
    expect(plane.datastore.configuration).toEqual(before);
  });

  test("a malformed event fails the invocation, and with it the deploy", async () => {
    await expect(fn.invoke({ DatastoreId: "../../x" })).rejects.toThrow(HandlerError);
  });

  test("an event naming another datastore is refused before any call", async () => {
    const before = plane.requests.length;
    await expect(fn.invoke({ ...event, DatastoreId: "fedcba9876543210fedcba9876543210" })).rejects.toThrow(/not this function's/);
    expect(plane.requests).toHaveLength(before);
  });
});
