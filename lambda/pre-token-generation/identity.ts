import { FHIR_ID, isHealthLakeFhirBase, parseFhirUser } from "../../smart/fhir-user";
import { customAttribute, IDENTITY_ATTRIBUTES } from "../../smart/identity-attributes";

/** The part of a `V2_0` response that customizes the tokens (Cognito: `claimsAndScopeOverrideDetails`). */
export interface ClaimsAndScopeOverrideDetails {
  readonly idTokenGeneration: { readonly claimsToAddOrOverride: Readonly<Record<string, string>> };
  readonly accessTokenGeneration: {
    readonly claimsToAddOrOverride: Readonly<Record<string, string>>;
    readonly scopesToSuppress: readonly string[];
  };
}

/** A user attribute that does not hold what it must: the sign-in fails rather than issue an unbounded token. */
export class InvalidIdentityAttribute extends Error {
  constructor(readonly attribute: string) {
    super(`${attribute} is not valid: an administrator must correct it before this user can sign in`);
    this.name = "InvalidIdentityAttribute";
  }
}

const FHIR_USER = customAttribute(IDENTITY_ATTRIBUTES.fhirUser.name);
const PATIENT_ID = customAttribute(IDENTITY_ATTRIBUTES.patientId.name);

/**
 * What a person's tokens carry: `fhirUser` (ID and access token) and `patient` (access token) from
 * the user's attributes, a Patient `fhirUser` being its own patient when no patient id is set; and
 * which of the requested scopes the user cannot hold are suppressed: `patient/` and `launch/patient`
 * without a patient, `user/` without a `fhirUser`, and every `system/` scope. Never adds a scope.
 * An absolute `fhirUser` must lie under a HealthLake datastore of `region` (the validator pins the
 * exact datastore). Throws InvalidIdentityAttribute for an attribute that is set but malformed.
 */
export function identityOverrides(
  attributes: Readonly<Record<string, string>>,
  requestedScopes: readonly string[],
  region: string | undefined,
): ClaimsAndScopeOverrideDetails {
  const fhirUser = attributes[FHIR_USER];
  const patientId = attributes[PATIENT_ID];
  const person = fhirUser === undefined ? undefined : parseFhirUser(fhirUser, (base) => region !== undefined && isHealthLakeFhirBase(base, region));
  if (fhirUser !== undefined && person === undefined) throw new InvalidIdentityAttribute(FHIR_USER);
  if (patientId !== undefined && !FHIR_ID.test(patientId)) throw new InvalidIdentityAttribute(PATIENT_ID);
  const patient = patientId ?? (person?.type === "Patient" ? person.id : undefined);

  const cannotHold = (scope: string) =>
    scope.startsWith("system/") ||
    ((scope.startsWith("patient/") || scope === "launch/patient") && patient === undefined) ||
    (scope.startsWith("user/") && fhirUser === undefined);

  const identity: Record<string, string> = fhirUser === undefined ? {} : { fhirUser };
  return {
    idTokenGeneration: { claimsToAddOrOverride: identity },
    accessTokenGeneration: {
      claimsToAddOrOverride: patient === undefined ? identity : { ...identity, patient },
      scopesToSuppress: requestedScopes.filter(cannotHold),
    },
  };
}
