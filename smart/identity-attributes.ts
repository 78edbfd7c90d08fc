/**
 * The contract between the user pool the stack creates (stacks/constructs/authorization-server.ts) and
 * the pre token generation trigger (lambda/pre-token-generation/).
 *
 * The user pool's custom attributes a person's SMART identity comes from: set by an administrator,
 * readable by the app clients, writable by none. The pool schema names them without the `custom:`
 * prefix that Cognito adds in events, tokens and app client attribute lists.
 */
export const IDENTITY_ATTRIBUTES = {
  /** `fhirUser`: `Patient/123`, `Practitioner/456`, or one under the datastore's FHIR base URL. */
  fhirUser: { name: "fhir_user", maxLength: 256 },
  /** `patient`: the FHIR id of the patient in context. */
  patientId: { name: "patient_id", maxLength: 64 },
} as const;

/** How Cognito names a custom attribute outside the pool schema. */
export const customAttribute = (name: string): string => `custom:${name}`;
