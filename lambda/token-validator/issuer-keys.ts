import { KidNotFoundInJwksError, WaitPeriodNotYetEndedJwkError } from "aws-jwt-verify/error";
import type { IssuerKey, JwksFetcher } from "./jwks-fetcher";

export interface IssuerKeysOptions {
  /** Download the set again in the background this often. */
  readonly refreshMs: number;
  /** After a download that lacked a requested `kid`, unknown kids are refused without a download this long. */
  readonly unknownKidWaitMs: number;
}

/**
 * The signing keys of one issuer: shipped with the deployment or downloaded at init, replaced as a
 * whole by every download (so a key replaced under the same `kid` is the new one, and a withdrawn
 * key is gone), refreshed in the background on a fixed period, and downloaded on the request path
 * only for a `kid` it lacks, at most once per wait period. It holds only what the issuer published:
 * nothing is keyed on token input.
 */
export class IssuerKeys {
  private keys = new Map<string, IssuerKey>();
  private loaded = false;
  private downloading?: Promise<void>;
  private unknownKidsRefusedUntil = 0;
  private refreshTimer?: NodeJS.Timeout;

  constructor(
    private readonly uri: string,
    private readonly fetcher: JwksFetcher,
    private readonly options: IssuerKeysOptions,
  ) {}

  /** The key for `kid`: at once when known, else after one download (which may reject). */
  lookup(kid: string): IssuerKey | Promise<IssuerKey> {
    return this.keys.get(kid) ?? this.downloadFor(kid);
  }

  /** Starts from a key set shipped with the deployment: no download until the first refresh. */
  seed(keys: Map<string, IssuerKey>): void {
    this.keys = keys;
    this.loaded = true;
    this.scheduleRefresh();
  }

  /** Downloads the set now, or joins the download in flight. Rejects with the download's error. */
  download(): Promise<void> {
    this.downloading ??= this.fetcher
      .fetch(this.uri)
      .then((keys) => {
        this.keys = keys;
        this.loaded = true;
      })
      .finally(() => {
        this.downloading = undefined;
        this.scheduleRefresh();
      });
    return this.downloading;
  }

  private async downloadFor(kid: string): Promise<IssuerKey> {
    if (this.loaded && Date.now() < this.unknownKidsRefusedUntil) {
      throw new WaitPeriodNotYetEndedJwkError("unknown kid: no download until the wait period ends");
    }
    await this.download();
    const key = this.keys.get(kid);
    if (key) return key;
    this.unknownKidsRefusedUntil = Date.now() + this.options.unknownKidWaitMs;
    throw new KidNotFoundInJwksError("kid not in the issuer's key set");
  }

  // A timer, not a request, refreshes the set, so no request waits for it. It does not keep the
  // process alive, and a failed refresh keeps the keys held until the next one.
  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.download().catch(() => undefined), this.options.refreshMs);
    this.refreshTimer.unref();
  }
}
