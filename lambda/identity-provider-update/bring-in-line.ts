import { type IdentityProviderConfiguration, type ReportedConfiguration, type UpdateRequest, differences, reported } from "./configuration";

export interface DatastoreState {
  readonly status: string;
  readonly configuration?: IdentityProviderConfiguration;
}

/** HealthLake, as this function uses it; tests give it a fake. */
export interface HealthLakeApi {
  describe(datastoreId: string): Promise<DatastoreState>;
  update(datastoreId: string, configuration: IdentityProviderConfiguration): Promise<void>;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** What Terraform stores as `aws_lambda_invocation.result`; the stack's check reads it. */
export interface UpdateResult {
  readonly datastoreId: string;
  /** Whether UpdateFHIRDatastore was called. */
  readonly updated: boolean;
  /** The fields that differed. */
  readonly changed: readonly string[];
  /** The configuration DescribeFHIRDatastore reported before, and after the update took. */
  readonly before: ReportedConfiguration;
  readonly after: ReportedConfiguration;
}

export interface BringInLineOptions {
  /** How long to wait for the datastore to be ACTIVE and for an update to show. */
  readonly waitMs: number;
  /** Between two DescribeFHIRDatastore calls while waiting. */
  readonly pollMs: number;
  /**
   * How long an AccessDeniedException counts as IAM still applying the role's new policy, from the
   * start of the invocation; after it, or once any call was allowed, a denial is final.
   */
  readonly propagationMs: number;
}

// Statuses a datastore does not leave for ACTIVE: an update can never apply.
const FINAL = new Set(["DELETING", "DELETED", "CREATE_FAILED"]);
// Errors that pass: throttling, a datastore in transition, a server fault.
const TRANSIENT = new Set(["ThrottlingException", "ConflictException", "InternalServerException"]);
// The role's policy is created just before the first invocation (it names the datastore), and IAM takes
// seconds to apply it everywhere. One statement grants both calls, so once HealthLake allowed one the
// policy is in force: a later denial is a permission missing elsewhere (a customer-managed key's policy,
// a service control policy), and waiting would only hide HealthLake's reason behind the whole budget.
const ACCESS_DENIED = "AccessDeniedException";

/**
 * Brings a datastore's identity provider configuration to the desired one in place: describes it,
 * and when a field differs sends the whole desired object with UpdateFHIRDatastore (HealthLake
 * replaces the object), then describes again until the change shows. Fails, and with it the deploy,
 * when the datastore cannot be updated or the change does not show in time.
 */
export async function bringInLine(request: UpdateRequest, api: HealthLakeApi, clock: Clock, options: BringInLineOptions): Promise<UpdateResult> {
  const { DatastoreId: datastoreId, IdentityProviderConfiguration: desired } = request;
  const deadline = clock.now() + options.waitMs;
  const propagated = clock.now() + Math.min(options.propagationMs, options.waitMs);
  let allowed = false;
  const passes = (error: unknown): boolean => {
    if (!(error instanceof Error)) return false;
    if (error.name === ACCESS_DENIED) return !allowed && clock.now() + options.pollMs <= propagated;
    return TRANSIENT.has(error.name);
  };
  const patiently = async <T>(call: () => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        const result = await call();
        allowed = true;
        return result;
      } catch (error) {
        if (!passes(error) || clock.now() + options.pollMs > deadline) throw error;
        await clock.sleep(options.pollMs);
      }
    }
  };
  const active = async (): Promise<DatastoreState> => {
    for (;;) {
      const state = await patiently(() => api.describe(datastoreId));
      if (state.status === "ACTIVE") return state;
      if (FINAL.has(state.status)) throw new Error(`datastore ${datastoreId} is ${state.status}: its identity provider configuration cannot be updated`);
      if (clock.now() + options.pollMs > deadline)
        throw new Error(`datastore ${datastoreId} stayed ${state.status} for ${options.waitMs / 1000} s; run the deploy again once it is ACTIVE`);
      await clock.sleep(options.pollMs);
    }
  };

  const before = (await active()).configuration;
  const changed = differences(before, desired);
  if (changed.length === 0) return { datastoreId, updated: false, changed, before: reported(before), after: reported(before) };

  await patiently(() => api.update(datastoreId, desired));
  for (;;) {
    const after = (await active()).configuration;
    const pending = differences(after, desired);
    if (pending.length === 0) return { datastoreId, updated: true, changed, before: reported(before), after: reported(after) };
    if (clock.now() + options.pollMs > deadline)
      throw new Error(`UpdateFHIRDatastore was accepted, but after ${options.waitMs / 1000} s datastore ${datastoreId} still differs in ${pending.join(", ")}`);
    await clock.sleep(options.pollMs);
  }
}
