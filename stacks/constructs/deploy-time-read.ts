import type { DataHttpConfig } from "@cdktf/provider-http/lib/data-http";

/**
 * How every `data.http` of a stack reads an issuer's document at plan: one dropped connection, a 5xx
 * or a 429 is tried again (hashicorp/http retries those, not a 4xx) rather than failing the plan, and
 * no attempt hangs it. A destroy once the issuer is gone for good: docs/operations.md.
 */
export const DEPLOY_TIME_READ: Pick<DataHttpConfig, "requestTimeoutMs" | "retry"> = {
  requestTimeoutMs: 10_000,
  // `attempts` counts retries: 3 tries in all.
  retry: { attempts: 2, minDelayMs: 1_000, maxDelayMs: 4_000 },
};
