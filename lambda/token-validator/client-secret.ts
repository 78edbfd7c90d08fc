/** Where the introspection client secret comes from: Secrets Manager, or a stand-in in tests. */
export type SecretSource = () => Promise<string>;

/** The `SecretString` of a Secrets Manager secret, read with the function's role; the SDK is the runtime's own, loaded on first use. */
export function secretsManagerSecret(secretArn: string): SecretSource {
  let client: { send(command: unknown): Promise<{ SecretString?: string }> } | undefined;
  return async () => {
    // Only the introspection mode needs the SDK: the other modes never load it.
    const sdk = require("@aws-sdk/client-secrets-manager") as typeof import("@aws-sdk/client-secrets-manager");
    client ??= new sdk.SecretsManagerClient({ maxAttempts: 2 });
    const { SecretString } = await client.send(new sdk.GetSecretValueCommand({ SecretId: secretArn }));
    if (typeof SecretString !== "string" || SecretString === "") throw new Error("the secret has no string value yet");
    return SecretString;
  };
}

export interface ClientSecretOptions {
  /** Read again in the background this often, so a rotated secret arrives without a redeploy. */
  readonly refreshMs: number;
  /** After a failed read, or a read made because the secret was refused, no new read for this long. */
  readonly retryAfterMs: number;
}

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
    this.reading = this.source()
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
