import type { TokenClaims } from "./verifier";

export interface IntrospectionCacheOptions {
  /** Entries kept of each kind (active, inactive); the least recently used goes first. */
  readonly maxEntries: number;
  /** An active answer is reused at most this long, and never past the token's `exp` (RFC 7662 section 4). */
  readonly maxActiveMs: number;
  /** An inactive answer is reused this long, so a replayed dead token costs one call, not one per request. */
  readonly inactiveMs: number;
  /** Epoch milliseconds. */
  readonly now: () => number;
}

export type CachedAnswer = { readonly active: true; readonly claims: TokenClaims } | { readonly active: false };

interface Entry {
  readonly answer: CachedAnswer;
  readonly until: number;
}

/**
 * Introspection answers by the SHA-256 of their token (never the token itself), in two bounded
 * maps: a flood of inactive tokens evicts inactive answers only, never the active ones the
 * datastore's real clients reuse.
 */
export class IntrospectionCache {
  private readonly active = new Map<string, Entry>();
  private readonly inactive = new Map<string, Entry>();

  constructor(private readonly options: IntrospectionCacheOptions) {}

  get(key: string): CachedAnswer | undefined {
    for (const map of [this.active, this.inactive]) {
      const entry = map.get(key);
      if (entry === undefined) continue;
      map.delete(key);
      if (entry.until <= this.options.now()) return undefined;
      map.set(key, entry); // most recently used last
      return entry.answer;
    }
    return undefined;
  }

  /** Keeps an active answer until `exp` (epoch seconds), or for the longest reuse, whichever comes first. */
  putActive(key: string, claims: TokenClaims, exp: number): void {
    const now = this.options.now();
    const until = Math.min(exp * 1000, now + this.options.maxActiveMs);
    if (until > now) this.put(this.active, key, { answer: { active: true, claims }, until });
  }

  putInactive(key: string): void {
    this.put(this.inactive, key, { answer: { active: false }, until: this.options.now() + this.options.inactiveMs });
  }

  get size(): { readonly active: number; readonly inactive: number } {
    return { active: this.active.size, inactive: this.inactive.size };
  }

  private put(map: Map<string, Entry>, key: string, entry: Entry): void {
    map.delete(key);
    map.set(key, entry);
    while (map.size > this.options.maxEntries) map.delete(map.keys().next().value as string);
  }
}
