import { IntrospectionCache } from "../lambda/token-validator/introspection-cache";

const T0 = 1_800_000_000_000;

/** A cache on a clock the test moves. */
function cacheAt(options: { maxEntries?: number } = {}) {
  const clock = { now: T0 };
  const cache = new IntrospectionCache({ maxEntries: options.maxEntries ?? 3, maxActiveMs: 30_000, inactiveMs: 5_000, now: () => clock.now });
  return { cache, clock };
}

const claims = (sub: string) => ({ sub, exp: T0 / 1000 + 3600 });

describe("IntrospectionCache", () => {
  test("an active answer is reused, then forgotten after the longest reuse", () => {
    const { cache, clock } = cacheAt();
    cache.putActive("a", claims("a"), T0 / 1000 + 3600);
    expect(cache.get("a")).toEqual({ active: true, claims: claims("a") });
    clock.now = T0 + 29_999;
    expect(cache.get("a")).toMatchObject({ active: true });
    clock.now = T0 + 30_000;
    expect(cache.get("a")).toBeUndefined();
  });

  test("never past the token's exp (RFC 7662 section 4)", () => {
    const { cache, clock } = cacheAt();
    cache.putActive("a", claims("a"), T0 / 1000 + 10);
    clock.now = T0 + 9_999;
    expect(cache.get("a")).toMatchObject({ active: true });
    clock.now = T0 + 10_000;
    expect(cache.get("a")).toBeUndefined();
  });

  test("a token already expired is not kept at all", () => {
    const { cache } = cacheAt();
    cache.putActive("a", claims("a"), T0 / 1000);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toEqual({ active: 0, inactive: 0 });
  });

  test("an inactive answer is reused for a short while", () => {
    const { cache, clock } = cacheAt();
    cache.putInactive("dead");
    expect(cache.get("dead")).toEqual({ active: false });
    clock.now = T0 + 5_000;
    expect(cache.get("dead")).toBeUndefined();
  });

  test("bounded: the least recently used answer goes first", () => {
    const { cache } = cacheAt({ maxEntries: 3 });
    for (const key of ["a", "b", "c"]) cache.putActive(key, claims(key), T0 / 1000 + 3600);
    cache.get("a"); // a is now the most recently used
    cache.putActive("d", claims("d"), T0 / 1000 + 3600);
    expect(["a", "b", "c", "d"].map((key) => cache.get(key) !== undefined)).toEqual([true, false, true, true]);
    expect(cache.size.active).toBe(3);
  });

  test("a flood of inactive tokens never evicts an active answer", () => {
    const { cache } = cacheAt({ maxEntries: 3 });
    cache.putActive("good", claims("good"), T0 / 1000 + 3600);
    for (let i = 0; i < 100; i++) cache.putInactive(`forged-${i}`);
    expect(cache.get("good")).toMatchObject({ active: true });
    expect(cache.size).toEqual({ active: 1, inactive: 3 });
  });
});
