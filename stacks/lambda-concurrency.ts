import type { ResolvedConfig } from "./config";

/**
 * Lambda keeps at least this many executions of an account's concurrency unreserved, and refuses a
 * reservation or provisioned concurrency that would leave fewer (AWS: "Configuring reserved concurrency").
 */
export const UNRESERVED_MINIMUM = 100;

/** The identity provider update's reservation, when it has one: one update at a time. */
export const IDENTITY_PROVIDER_UPDATE_RESERVATION = 1;

/**
 * Whether the identity provider update reserves its execution: only when the validator reserves too, since an
 * account that cannot hold the validator's reservation cannot hold any.
 */
export const identityProviderUpdateReserves = (validator: { readonly reservedConcurrency?: number }): boolean => validator.reservedConcurrency !== undefined;

/** What a stack takes from the account's Lambda concurrency. */
export interface ConcurrencyNeeds {
  /** Executions reserved by the stack's functions. */
  readonly reserved: number;
  /** Provisioned executions of functions without a reservation: they come out of the unreserved pool. */
  readonly provisionedUnreserved: number;
  /** The smallest account concurrency quota that holds them: AWS's unreserved minimum on top. */
  readonly accountQuota: number;
}

/**
 * The reservations of the validator, the trigger, the SMART front and the identity provider update (1
 * whenever the validator reserves), and the validator's provisioned concurrency where nothing is reserved for it.
 */
export function concurrencyNeeds(config: ResolvedConfig): ConcurrencyNeeds {
  const validator = config.smart?.validator;
  const reservedByValidator = validator?.reservedConcurrency;
  const update = validator && identityProviderUpdateReserves(validator) ? IDENTITY_PROVIDER_UPDATE_RESERVATION : 0;
  const reserved =
    (reservedByValidator ?? 0) + update + (config.smart?.identityClaims?.reservedConcurrency ?? 0) + (config.smart?.smartFront?.reservedConcurrency ?? 0);
  const provisionedUnreserved = reservedByValidator === undefined ? (validator?.provisionedConcurrency ?? 0) : 0;
  return { reserved, provisionedUnreserved, accountQuota: reserved + provisionedUnreserved + UNRESERVED_MINIMUM };
}

/** The synth-time note for a stack that takes any concurrency; none for one that takes nothing. */
export function concurrencyNote(name: string, needs: ConcurrencyNeeds): string | undefined {
  const taken = needs.reserved + needs.provisionedUnreserved;
  if (taken === 0) return undefined;
  const parts = [
    needs.reserved > 0 && `reserves ${needs.reserved}`,
    needs.provisionedUnreserved > 0 && `provisions ${needs.provisionedUnreserved} unreserved`,
  ].filter(Boolean);
  return (
    `stack ${name} ${parts.join(" and ")} Lambda executions: the account's concurrency quota must be at least ${needs.accountQuota} ` +
    `(Lambda keeps ${UNRESERVED_MINIMUM} unreserved); check with \`aws lambda get-account-settings\``
  );
}
