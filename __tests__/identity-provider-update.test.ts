import { type Clock, type DatastoreState, type HealthLakeApi, bringInLine } from "../lambda/identity-provider-update/bring-in-line";
import { type IdentityProviderConfiguration, differences, parseRequest, reported } from "../lambda/identity-provider-update/configuration";

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

describe("parseRequest: the invocation's input, never trusted", () => {
  const valid = { DatastoreId: DATASTORE, IdentityProviderConfiguration: { ...DESIRED, Metadata: METADATA } };

  test("serializes the metadata document for UpdateFHIRDatastore", () => {
    const request = parseRequest(valid, DATASTORE);
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
    expect(() => parseRequest(event, DATASTORE)).toThrow(message);
  });

  test("refuses every datastore when the function was not told its own", () => {
    expect(() => parseRequest(valid, undefined)).toThrow(/not this function's \(DATASTORE_ID\)/);
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
