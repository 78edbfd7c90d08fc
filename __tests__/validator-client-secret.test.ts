import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import { ClientSecret, secretsManagerSecret } from "../lambda/token-validator/client-secret";

const ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:healthlake/introspection-AbCdEf";

describe("secretsManagerSecret", () => {
  const secretsManager = mockClient(SecretsManagerClient);
  afterEach(() => secretsManager.reset());

  test("reads the secret's string value by its ARN", async () => {
    secretsManager.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: "s3cret" });
    await expect(secretsManagerSecret(ARN)(new AbortController().signal)).resolves.toBe("s3cret");
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  test("a secret the operator has not filled yet is an error, not an empty password", async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1]) });
    await expect(secretsManagerSecret(ARN)(new AbortController().signal)).rejects.toThrow(/no string value yet/);
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: "" });
    await expect(secretsManagerSecret(ARN)(new AbortController().signal)).rejects.toThrow(/no string value yet/);
  });

  test("a refused read (no permission, no secret) rejects", async () => {
    secretsManager.on(GetSecretValueCommand).rejects(new Error("AccessDeniedException"));
    await expect(secretsManagerSecret(ARN)(new AbortController().signal)).rejects.toThrow(/AccessDenied/);
  });
});

const OPTIONS = { refreshMs: 300_000, retryAfterMs: 5_000, readTimeoutMs: 400, freezeLatenessMs: 100 };

describe("ClientSecret", () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_800_000_000_000 }));
  afterEach(() => jest.useRealTimers());

  /** A secret source the test rotates, counting reads. */
  const rotating = (first: string) => {
    const state = { value: first, reads: 0, fail: false };
    const source = async () => {
      state.reads++;
      if (state.fail) throw new Error("unavailable");
      return state.value;
    };
    return { state, secret: new ClientSecret(source, OPTIONS) };
  };

  test("read at init, then held: no read per request", async () => {
    const { state, secret } = rotating("v1");
    await expect(secret.read()).resolves.toBe("v1");
    expect(secret.value()).toBe("v1");
    expect(secret.value()).toBe("v1");
    expect(state.reads).toBe(1);
  });

  test("a rotated secret arrives with the background refresh, without a redeploy", async () => {
    const { state, secret } = rotating("v1");
    await secret.read();
    state.value = "v2";
    await jest.advanceTimersByTimeAsync(300_000);
    expect(secret.value()).toBe("v2");
    expect(state.reads).toBe(2);
  });

  test("a refusal by the endpoint reads again at once, but at most once per retry period", async () => {
    const { state, secret } = rotating("v1");
    await secret.read();
    state.value = "v2";
    secret.refused();
    secret.refused();
    await jest.advanceTimersByTimeAsync(0);
    expect(secret.value()).toBe("v2");
    expect(state.reads).toBe(2);
    await jest.advanceTimersByTimeAsync(5_000);
    secret.refused();
    await jest.advanceTimersByTimeAsync(0);
    expect(state.reads).toBe(3);
  });

  test("a failed read is retried only after the retry period: an outage causes no read storm", async () => {
    const { state, secret } = rotating("v1");
    state.fail = true;
    await expect(secret.read()).rejects.toThrow(/unavailable/);
    await expect(Promise.resolve(secret.value())).rejects.toThrow(/retrying later/);
    expect(state.reads).toBe(1);
    state.fail = false;
    await jest.advanceTimersByTimeAsync(5_000);
    await expect(Promise.resolve(secret.value())).resolves.toBe("v1");
    expect(state.reads).toBe(2);
  });

  test("a read that never answers fails at its deadline, is aborted, and Secrets Manager is asked again after the retry period", async () => {
    const signals: AbortSignal[] = [];
    let hang = true;
    const secret = new ClientSecret((signal) => {
      signals.push(signal);
      return hang ? new Promise<string>(() => {}) : Promise.resolve("v1");
    }, OPTIONS);
    const first = secret.read();
    const waiting = Promise.resolve(secret.value());
    const settled = Promise.allSettled([first, waiting]);
    await jest.advanceTimersByTimeAsync(400);
    expect((await settled).map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(signals[0].aborted).toBe(true);
    // Inside the retry period every request fails at once, without a read.
    await expect(Promise.resolve(secret.value())).rejects.toThrow(/retrying later/);
    expect(signals).toHaveLength(1);
    hang = false;
    await jest.advanceTimersByTimeAsync(5_000);
    await expect(Promise.resolve(secret.value())).resolves.toBe("v1");
    expect(signals).toHaveLength(2);
  });

  test("a deadline the process slept through (a Lambda freeze) reads again once, instead of failing for the retry period", async () => {
    const signals: AbortSignal[] = [];
    const secret = new ClientSecret((signal) => {
      signals.push(signal);
      // The first read's answer is lost to the freeze; the second answers.
      return signals.length === 1 ? new Promise<string>(() => {}) : Promise.resolve("v1");
    }, OPTIONS);
    const read = secret.read();
    // Frozen: the clock moves on, no timer runs; on thaw the deadline fires 3 s late.
    jest.setSystemTime(Date.now() + 3_000);
    await jest.advanceTimersByTimeAsync(400);
    await expect(read).resolves.toBe("v1");
    expect(signals).toHaveLength(2);
    expect(signals[0].aborted).toBe(true);
  });

  test("a second late deadline in a row is a failure: a process frozen again and again cannot read forever", async () => {
    let reads = 0;
    const secret = new ClientSecret(() => {
      reads++;
      return new Promise<string>(() => {});
    }, OPTIONS);
    const read = secret.read();
    read.catch(() => undefined);
    jest.setSystemTime(Date.now() + 3_000);
    await jest.advanceTimersByTimeAsync(400);
    jest.setSystemTime(Date.now() + 3_000);
    await jest.advanceTimersByTimeAsync(400);
    await expect(read).rejects.toThrow(/not read in time/);
    expect(reads).toBe(2);
  });

  test("a source that throws at once is a failed read, with the retry rule, and no unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const secret = new ClientSecret(() => {
        throw new Error("sync");
      }, OPTIONS);
      await expect(secret.read()).rejects.toThrow(/sync/);
      await expect(Promise.resolve(secret.value())).rejects.toThrow(/retrying later/);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  test("the SDK read is given the abort signal, and one attempt", async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand).resolves({ SecretString: "s" });
    const controller = new AbortController();
    await secretsManagerSecret(ARN)(controller.signal);
    const call = sm.send.getCall(0);
    expect((call.args as unknown[])[1]).toMatchObject({ abortSignal: controller.signal });
    sm.restore();
  });

  test("concurrent requests during a read share it", async () => {
    const { state, secret } = rotating("v1");
    const [a, b] = [secret.value(), secret.value()];
    await expect(Promise.all([a, b])).resolves.toEqual(["v1", "v1"]);
    expect(state.reads).toBe(1);
  });
});
