import { type Clock, type DatastoreState, type HealthLakeApi, bringInLine } from "../lambda/identity-provider-update/bring-in-line";
import {
  type IdentityProviderConfiguration,
  type PinnedConfiguration,
  differences,
  parseRequest,
  readPinned,
  reported,
} from "../lambda/identity-provider-update/configuration";
import { metadataDigest, terraformJsonencode } from "../smart/identity-provider-update";

const DATASTORE = "0123456789abcdef0123456789abcdef";
const VALIDATOR = "arn:aws:lambda:us-east-1:111122223333:function:validator";
const METADATA = { issuer: "https://issuer.example", capabilities: ["permission-v1"], scopes_supported: ["system/*.read"] };
const DESIRED: IdentityProviderConfiguration = {
  AuthorizationStrategy: "SMART_ON_FHIR_V1",
  FineGrainedAuthorizationEnabled: true,
  IdpLambdaArn: VALIDATOR,
  Metadata: JSON.stringify(METADATA),
};

describe("differences", () => {
  test.each([
    ["the same object", DESIRED, []],
    [
      "metadata with other spacing and key order",
      { ...DESIRED, Metadata: '{ "scopes_supported": ["system/*.read"], "capabilities": ["permission-v1"], "issuer": "https://issuer.example" }' },
      [],
    ],
    ["another validator", { ...DESIRED, IdpLambdaArn: `${VALIDATOR}:live` }, ["IdpLambdaArn"]],
    ["another metadata value", { ...DESIRED, Metadata: JSON.stringify({ ...METADATA, issuer: "https://old.example" }) }, ["Metadata"]],
    ["metadata lists in another order", { ...DESIRED, Metadata: JSON.stringify({ ...METADATA, capabilities: ["permission-v1", "x"] }) }, ["Metadata"]],
    ["fine-grained off", { ...DESIRED, FineGrainedAuthorizationEnabled: false }, ["FineGrainedAuthorizationEnabled"]],
    [
      "AWS_AUTH, no validator, no metadata",
      { AuthorizationStrategy: "AWS_AUTH", FineGrainedAuthorizationEnabled: false },
      ["AuthorizationStrategy", "FineGrainedAuthorizationEnabled", "IdpLambdaArn", "Metadata"],
    ],
    ["no configuration at all", undefined, ["AuthorizationStrategy", "FineGrainedAuthorizationEnabled", "IdpLambdaArn", "Metadata"]],
  ] as const)("%s", (_name, actual, expected) => {
    expect(differences(actual, DESIRED)).toEqual(expected);
  });
});

const PINNED: PinnedConfiguration = {
  datastoreId: DATASTORE,
  idpLambdaArn: VALIDATOR,
  authorizationStrategy: "SMART_ON_FHIR_V1",
  fineGrainedAuthorization: true,
  metadataSha256: metadataDigest(METADATA),
};

describe("parseRequest: the invocation's input, never trusted", () => {
  const valid = { DatastoreId: DATASTORE, IdentityProviderConfiguration: { ...DESIRED, Metadata: METADATA } };
  const withConfiguration = (change: Record<string, unknown>) => ({
    ...valid,
    IdentityProviderConfiguration: { ...valid.IdentityProviderConfiguration, ...change },
  });

  test("serializes the metadata document for UpdateFHIRDatastore", () => {
    const request = parseRequest(valid, PINNED);
    expect(request.DatastoreId).toBe(DATASTORE);
    expect(JSON.parse(request.IdentityProviderConfiguration.Metadata as string)).toEqual(METADATA);
    expect(request.IdentityProviderConfiguration.IdpLambdaArn).toBe(VALIDATOR);
  });

  test.each([
    ["no event", null, /DatastoreId/],
    ["a datastore id with a path in it", { ...valid, DatastoreId: "../x" }, /DatastoreId/],
    ["a datastore id over 32 characters", { ...valid, DatastoreId: "a".repeat(33) }, /DatastoreId/],
    ["no configuration", { DatastoreId: DATASTORE }, /AuthorizationStrategy/],
    [
      "a string flag",
      { ...valid, IdentityProviderConfiguration: { ...valid.IdentityProviderConfiguration, FineGrainedAuthorizationEnabled: "true" } },
      /FineGrainedAuthorizationEnabled/,
    ],
    ["a numeric ARN", { ...valid, IdentityProviderConfiguration: { ...valid.IdentityProviderConfiguration, IdpLambdaArn: 1 } }, /IdpLambdaArn/],
    ["metadata as a string", { ...valid, IdentityProviderConfiguration: { ...valid.IdentityProviderConfiguration, Metadata: "{}" } }, /Metadata/],
    [
      "another datastore than the function's",
      { ...valid, DatastoreId: "fedcba9876543210fedcba9876543210" },
      /names datastore fedcba9876543210fedcba9876543210, not this function's/,
    ],
    ["metadata as a list", { ...valid, IdentityProviderConfiguration: { ...valid.IdentityProviderConfiguration, Metadata: [] } }, /Metadata/],
  ])("refuses %s", (_name, event, message) => {
    expect(() => parseRequest(event, PINNED)).toThrow(message);
  });

  // Invoke rights on the function are the right to bring the datastore in line with this stack, nothing more.
  test.each([
    ["a validator in another account", { IdpLambdaArn: "arn:aws:lambda:us-east-1:999999999999:function:attacker" }, "IdpLambdaArn"],
    ["a validator in another region", { IdpLambdaArn: VALIDATOR.replace("us-east-1", "eu-west-1") }, "IdpLambdaArn"],
    ["an ARN that is no Lambda", { IdpLambdaArn: "arn:aws:iam::111122223333:role/x" }, "IdpLambdaArn"],
    ["no validator at all", { IdpLambdaArn: undefined }, "IdpLambdaArn"],
    ["fine-grained authorization switched off", { FineGrainedAuthorizationEnabled: false }, "FineGrainedAuthorizationEnabled"],
    ["another strategy", { AuthorizationStrategy: "SMART_ON_FHIR" }, "AuthorizationStrategy"],
    ["other metadata", { Metadata: { ...METADATA, token_endpoint: "https://attacker.example/token" } }, "Metadata"],
    ["no metadata", { Metadata: undefined }, "Metadata"],
  ])("refuses %s, naming the field and not its value, before any call", (_name, change, field) => {
    let message = "";
    try {
      parseRequest(withConfiguration(change), PINNED);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`differs from what this stack deploys in ${field}: refused`));
    expect(message).not.toMatch(/attacker|999999999999|eu-west-1/);
  });

  test("the same metadata with its keys in another order is the same document", () => {
    const reordered = Object.fromEntries(Object.entries(METADATA).reverse());
    expect(() => parseRequest(withConfiguration({ Metadata: reordered }), PINNED)).not.toThrow();
  });
});

describe("readPinned: the configuration the stack fixed", () => {
  const env = {
    DATASTORE_ID: DATASTORE,
    IDP_LAMBDA_ARN: VALIDATOR,
    AUTHORIZATION_STRATEGY: "SMART_ON_FHIR_V1",
    FINE_GRAINED_AUTHORIZATION: "true",
    METADATA_SHA256: PINNED.metadataSha256,
  };
  test("reads every field", () => expect(readPinned(env)).toEqual(PINNED));
  test.each(["DATASTORE_ID", "IDP_LAMBDA_ARN", "AUTHORIZATION_STRATEGY", "FINE_GRAINED_AUTHORIZATION", "METADATA_SHA256"])(
    "refuses to run without %s",
    (name) => {
      expect(() => readPinned({ ...env, [name]: undefined })).toThrow(new RegExp(name));
    },
  );
  test("a flag that is not true or false is refused", () => expect(() => readPinned({ ...env, FINE_GRAINED_AUTHORIZATION: "yes" })).toThrow(/true or false/));
});

describe("terraformJsonencode: Terraform's jsonencode, byte for byte", () => {
  test.each([
    [{ b: 1, a: [true, "x"] }, '{"a":[true,"x"],"b":1}'],
    [{ s: "<&>" }, '{"s":"\\u003c\\u0026\\u003e"}'],
    [{ s: "line\u2028sep\u2029" }, '{"s":"line\\u2028sep\\u2029"}'],
    [{ é: "é", e: 'q"' }, '{"e":"q\\"","é":"é"}'],
  ])("%p", (value, expected) => {
    expect(terraformJsonencode(value)).toBe(expected);
  });

  test.each([[1e21], [0.5], [-0], [2 ** 53]])("refuses the number %p, which Terraform writes otherwise", (value) => {
    expect(() => terraformJsonencode({ n: value })).toThrow(/writes differently/);
  });
});

describe("reported: what Terraform's check reads", () => {
  test("every field, null where unset, and the metadata decoded", () => {
    expect(reported(DESIRED)).toEqual({
      AuthorizationStrategy: "SMART_ON_FHIR_V1",
      FineGrainedAuthorizationEnabled: true,
      IdpLambdaArn: VALIDATOR,
      Metadata: METADATA,
    });
    expect(reported(undefined)).toEqual({ AuthorizationStrategy: null, FineGrainedAuthorizationEnabled: null, IdpLambdaArn: null, Metadata: null });
  });
});

/** A datastore that answers as HealthLake does, with its status and configuration scripted per call. */
class FakeHealthLake implements HealthLakeApi {
  readonly calls: string[] = [];
  readonly updates: IdentityProviderConfiguration[] = [];
  constructor(
    private configuration: IdentityProviderConfiguration | undefined,
    private readonly statuses: string[] = [],
    private readonly options: {
      applyAfterDescribes?: number;
      refuse?: Error;
      neverApply?: boolean;
      failFirst?: { describes?: Error[]; updates?: Error[] };
    } = {},
  ) {}
  private pendingDescribes = 0;
  private pending?: IdentityProviderConfiguration;

  async describe(datastoreId: string): Promise<DatastoreState> {
    this.calls.push(`describe ${datastoreId}`);
    const failure = this.options.failFirst?.describes?.shift();
    if (failure) throw failure;
    if (this.pending && this.pendingDescribes-- <= 0) {
      this.configuration = this.pending;
      this.pending = undefined;
    }
    return { status: this.statuses.shift() ?? "ACTIVE", configuration: this.configuration };
  }

  async update(datastoreId: string, configuration: IdentityProviderConfiguration): Promise<void> {
    this.calls.push(`update ${datastoreId}`);
    const failure = this.options.failFirst?.updates?.shift();
    if (failure) throw failure;
    if (this.options.refuse) throw this.options.refuse;
    this.updates.push(configuration);
    if (this.options.neverApply) return;
    this.pending = configuration;
    this.pendingDescribes = this.options.applyAfterDescribes ?? 0;
  }
}

function fakeClock(): Clock & { slept: number } {
  let now = 0;
  return {
    slept: 0,
    now: () => now,
    async sleep(ms) {
      now += ms;
      this.slept += ms;
    },
  };
}

const OPTIONS = { waitMs: 60_000, pollMs: 3_000, propagationMs: 12_000 };

/** An error as the SDK throws it: named after AWS's error type. */
function awsError(name: string): Error {
  const error = new Error(`${name}: from the fake`);
  error.name = name;
  return error;
}
const REQUEST = { DatastoreId: DATASTORE, IdentityProviderConfiguration: DESIRED };

describe("bringInLine", () => {
  test("a datastore already in step is described once and never updated", async () => {
    const healthLake = new FakeHealthLake({ ...DESIRED, Metadata: JSON.stringify(METADATA, null, 2) });
    const result = await bringInLine(REQUEST, healthLake, fakeClock(), OPTIONS);
    expect(healthLake.calls).toEqual([`describe ${DATASTORE}`]);
    expect(result).toMatchObject({ updated: false, changed: [], after: { Metadata: METADATA, IdpLambdaArn: VALIDATOR } });
  });

  test("a changed validator ARN and metadata are sent as the whole object, then confirmed", async () => {
    const old = { ...DESIRED, IdpLambdaArn: `${VALIDATOR}-old`, Metadata: JSON.stringify({ ...METADATA, issuer: "https://old.example" }) };
    const healthLake = new FakeHealthLake(old);
    const result = await bringInLine(REQUEST, healthLake, fakeClock(), OPTIONS);
    expect(healthLake.updates).toEqual([DESIRED]);
    expect(result).toMatchObject({
      updated: true,
      changed: ["IdpLambdaArn", "Metadata"],
      before: { IdpLambdaArn: `${VALIDATOR}-old` },
      after: { IdpLambdaArn: VALIDATOR },
    });
  });

  test("an update that shows only after a few describes is waited for, within the budget", async () => {
    const healthLake = new FakeHealthLake({ ...DESIRED, FineGrainedAuthorizationEnabled: false }, [], { applyAfterDescribes: 3 });
    const clock = fakeClock();
    const result = await bringInLine(REQUEST, healthLake, clock, OPTIONS);
    expect(result.updated).toBe(true);
    expect(clock.slept).toBe(3 * OPTIONS.pollMs);
  });

  test("a datastore still creating or updating is waited for before the update", async () => {
    const healthLake = new FakeHealthLake({ ...DESIRED, IdpLambdaArn: "x" }, ["CREATING", "UPDATING", "ACTIVE"]);
    const result = await bringInLine(REQUEST, healthLake, fakeClock(), OPTIONS);
    expect(healthLake.calls.slice(0, 4)).toEqual([`describe ${DATASTORE}`, `describe ${DATASTORE}`, `describe ${DATASTORE}`, `update ${DATASTORE}`]);
    expect(result.updated).toBe(true);
  });

  test.each(["DELETING", "DELETED", "CREATE_FAILED"])("a datastore %s fails the deploy at once, without an update", async (status) => {
    const healthLake = new FakeHealthLake({ ...DESIRED, IdpLambdaArn: "x" }, [status]);
    await expect(bringInLine(REQUEST, healthLake, fakeClock(), OPTIONS)).rejects.toThrow(new RegExp(`${DATASTORE} is ${status}`));
    expect(healthLake.updates).toEqual([]);
  });

  test("a datastore that never becomes ACTIVE fails once the budget is spent", async () => {
    const healthLake = new FakeHealthLake(DESIRED, Array(100).fill("UPDATING"));
    const clock = fakeClock();
    await expect(bringInLine(REQUEST, healthLake, clock, OPTIONS)).rejects.toThrow(/stayed UPDATING for 60 s; run the deploy again/);
    expect(clock.now()).toBeLessThanOrEqual(OPTIONS.waitMs);
  });

  test("an update HealthLake refuses fails the deploy with HealthLake's reason", async () => {
    const healthLake = new FakeHealthLake({ ...DESIRED, IdpLambdaArn: "x" }, [], {
      refuse: new Error("UpdateFHIRDatastore refused: HTTP 400 ValidationException: bad ARN"),
    });
    await expect(bringInLine(REQUEST, healthLake, fakeClock(), OPTIONS)).rejects.toThrow(/ValidationException: bad ARN/);
  });

  test("access denied while IAM applies the new role policy, and throttling, are waited out", async () => {
    const healthLake = new FakeHealthLake({ ...DESIRED, IdpLambdaArn: "x" }, [], {
      failFirst: { describes: [awsError("AccessDeniedException"), awsError("AccessDeniedException")], updates: [awsError("ThrottlingException")] },
    });
    const clock = fakeClock();
    const result = await bringInLine(REQUEST, healthLake, clock, OPTIONS);
    expect(result.updated).toBe(true);
    expect(healthLake.updates).toEqual([DESIRED]);
    expect(clock.slept).toBe(3 * OPTIONS.pollMs);
  });

  test("access that stays denied fails once IAM has had its seconds, not after the whole budget", async () => {
    const healthLake = new FakeHealthLake(DESIRED, [], { failFirst: { describes: Array.from({ length: 100 }, () => awsError("AccessDeniedException")) } });
    const clock = fakeClock();
    await expect(bringInLine(REQUEST, healthLake, clock, OPTIONS)).rejects.toMatchObject({ name: "AccessDeniedException" });
    expect(clock.now()).toBeLessThanOrEqual(OPTIONS.propagationMs);
    expect(clock.now()).toBeGreaterThanOrEqual(OPTIONS.propagationMs - OPTIONS.pollMs);
  });

  test("an update denied after the describe was allowed fails at once with HealthLake's reason", async () => {
    const reason = awsError("AccessDeniedException");
    reason.message = "UpdateFHIRDatastore refused: HTTP 400 AccessDeniedException: not authorized to perform kms:Decrypt";
    const healthLake = new FakeHealthLake({ ...DESIRED, IdpLambdaArn: "x" }, [], { failFirst: { updates: [reason] } });
    const clock = fakeClock();
    await expect(bringInLine(REQUEST, healthLake, clock, OPTIONS)).rejects.toThrow(/kms:Decrypt/);
    expect(clock.slept).toBe(0);
    expect(healthLake.calls).toEqual([`describe ${DATASTORE}`, `update ${DATASTORE}`]);
  });

  test("a denial after a throttled start still counts as propagation while IAM has its seconds", async () => {
    const healthLake = new FakeHealthLake({ ...DESIRED, IdpLambdaArn: "x" }, [], {
      failFirst: { describes: [awsError("ThrottlingException"), awsError("AccessDeniedException")] },
    });
    const result = await bringInLine(REQUEST, healthLake, fakeClock(), OPTIONS);
    expect(result.updated).toBe(true);
  });

  test.each(["ValidationException", "ResourceNotFoundException", "TypeError"])("%s is not retried", async (name) => {
    const healthLake = new FakeHealthLake(DESIRED, [], { failFirst: { describes: [awsError(name)] } });
    await expect(bringInLine(REQUEST, healthLake, fakeClock(), OPTIONS)).rejects.toMatchObject({ name });
    expect(healthLake.calls).toHaveLength(1);
  });

  test("an accepted update that never shows fails, naming the fields that still differ", async () => {
    const healthLake = new FakeHealthLake({ ...DESIRED, IdpLambdaArn: "x" }, [], { neverApply: true });
    await expect(bringInLine(REQUEST, healthLake, fakeClock(), OPTIONS)).rejects.toThrow(/still differs in IdpLambdaArn/);
    expect(healthLake.updates).toHaveLength(1);
  });
});
