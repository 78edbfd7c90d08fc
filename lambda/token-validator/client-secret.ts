/** Where the introspection client secret comes from: Secrets Manager, or a stand-in in tests. `signal` aborts a read past its deadline. */
export type SecretSource = (signal: AbortSignal) => Promise<string>;

/** The `SecretString` of a Secrets Manager secret, read with the function's role; the SDK is the runtime's own, loaded on first use. */
export function secretsManagerSecret(secretArn: string): SecretSource {
  let client: { send(command: unknown, options: { abortSignal: AbortSignal }): Promise<{ SecretString?: string }> } | undefined;
  return async (signal) => {
    // Only the introspection mode needs the SDK: the other modes never load it.
    const sdk = require("@aws-sdk/client-secrets-manager") as typeof import("@aws-sdk/client-secrets-manager");
    // One attempt: the read's own deadline is shorter than any retry would need.
    client ??= new sdk.SecretsManagerClient({ maxAttempts: 1 });
    const { SecretString } = await client.send(new sdk.GetSecretValueCommand({ SecretId: secretArn }), { abortSignal: signal });
    if (typeof SecretString !== "string" || SecretString === "") throw new Error("the secret has no string value yet");
    return SecretString;
  };
}

export interface ClientSecretOptions {
  /** Read again in the background this often, so a rotated secret arrives without a redeploy. */
  readonly refreshMs: number;
  /** After a failed read, or a read made because the secret was refused, no new read for this long. */
  readonly retryAfterMs: number;
  /** A read that has not answered by then has failed (and is aborted): the retry rule above applies. */
  readonly readTimeoutMs: number;
  /**
   * A deadline that fires this much later than set means the process did not run meanwhile (Lambda
   * froze it): the read is made again, once, instead of counted as a failure.
   */
  readonly freezeLatenessMs: number;
}

// The deadline of a read the process slept through: not the source's fault.
const FROZEN = new Error("the process was frozen during the read");

/**
 * The client secret the validator authenticates to the introspection endpoint with: read at init,
 * refreshed on a timer, and read again at once when the endpoint refuses it (a rotation). It lives
 * only in this process's memory, never in an environment variable, a log or an error message.
 */
export class ClientSecret {
  private secret?: string;
  private reading?: Promise<string>;
  private failedUntil = 0;
  private refusedUntil = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly source: SecretSource,
    private readonly options: ClientSecretOptions,
  ) {}

  /** The secret: at once when held, else after the read in flight (which may reject). */
  value(): string | Promise<string> {
    return this.secret ?? this.read();
  }

  /** Starts a read now, or joins the one in flight. */
  read(): Promise<string> {
    if (this.reading) return this.reading;
    if (Date.now() < this.failedUntil) return Promise.reject(new Error("the client secret could not be read: retrying later"));
    this.reading = this.withinDeadline()
      .then((secret) => {
        this.secret = secret;
        return secret;
      })
      .catch((err: unknown) => {
        this.failedUntil = Date.now() + this.options.retryAfterMs;
        throw err;
      })
      .finally(() => {
        this.reading = undefined;
        this.schedule();
      });
    return this.reading;
  }

  /**
   * The source's answer, or a rejection once the read timeout passes; the source is told to stop then.
   * A deadline the process slept through (a Lambda freeze) starts the read again, once.
   */
  private withinDeadline(afterFreeze = false): Promise<string> {
    const abort = new AbortController();
    const { readTimeoutMs, freezeLatenessMs } = this.options;
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        const frozen = Date.now() - started - readTimeoutMs > freezeLatenessMs;
        reject(frozen && !afterFreeze ? FROZEN : new Error("the client secret was not read in time"));
      }, readTimeoutMs);
      timer.unref();
    });
    // A source that throws at once rejects like one that fails later; one that ignores the signal
    // settles later, unheard: its answer is dropped with it.
    const read = Promise.resolve().then(() => this.source(abort.signal));
    read.catch(() => undefined);
    return Promise.race([read, deadline])
      .finally(() => clearTimeout(timer))
      .catch((err: unknown) => {
        if (err === FROZEN) return this.withinDeadline(true);
        throw err;
      });
  }

  /** The endpoint refused the secret: read it again, at most once per retry period (a wrong secret cannot cause a read storm). */
  refused(): void {
    if (Date.now() < this.refusedUntil) return;
    this.refusedUntil = Date.now() + this.options.retryAfterMs;
    this.read().catch(() => undefined);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.read().catch(() => undefined), this.options.refreshMs);
    this.timer.unref();
  }
}
