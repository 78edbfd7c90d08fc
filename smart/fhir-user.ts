/**
 * Who a person's token acts for: the SMART `fhirUser` and `patient` values, as the Cognito trigger
 * that puts them into tokens and the validator that passes them to HealthLake both read them.
 */

/** A FHIR R4 resource id (`[A-Za-z0-9\-\.]{1,64}`), never a dot segment, which would climb a URL path. */
export const FHIR_ID = /^(?!\.\.?$)[A-Za-z0-9.-]{1,64}$/;

/** The resource types HealthLake's fine-grained authorization accepts as `fhirUser`. */
export const PERSON_TYPES = ["Patient", "Practitioner", "RelatedPerson"] as const;
export type PersonType = (typeof PERSON_TYPES)[number];

/** A person a `fhirUser` names. */
export interface PersonReference {
  readonly type: PersonType;
  readonly id: string;
}

// `<base><Type>/<id>`: the base is everything before the last two path segments.
const FHIR_USER = new RegExp(`^(.*?)(${PERSON_TYPES.join("|")})/([^/]*)$`);

/**
 * The person a `fhirUser` names: a relative reference (`Practitioner/456`), or an absolute one whose
 * base (everything before `<Type>/<id>`) `acceptsBase` accepts. Undefined for anything else.
 */
export function parseFhirUser(fhirUser: string, acceptsBase: (base: string) => boolean): PersonReference | undefined {
  const match = FHIR_USER.exec(fhirUser);
  if (!match) return undefined;
  const [, base, type, id] = match;
  if (!FHIR_ID.test(id)) return undefined;
  if (base !== "" && !acceptsBase(base)) return undefined;
  return { type: type as PersonType, id };
}

const HEALTHLAKE_FHIR_BASE = /^https:\/\/healthlake\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com\/datastore\/[0-9a-f]{32}\/r4\/$/;

/**
 * Whether `base` is the FHIR base URL of some HealthLake R4 datastore in `region`:
 * `https://healthlake.<region>.amazonaws.com/datastore/<32 hex digits>/r4/`.
 */
export function isHealthLakeFhirBase(base: string, region: string): boolean {
  return HEALTHLAKE_FHIR_BASE.exec(base)?.[1] === region;
}
