// Configurations the shipped environments do not cover, for the offline tools (`.ci/run`, scripts/synth-variants.ts)
// and the tests: VARIANTS are validated and rehearsed; VALIDATE_ONLY are validated only, because the rehearsal's
// stand-in for hashicorp/http answers no real document.
import { complete } from "./complete";
import { external } from "./external";
import { sandbox } from "./sandbox";
import type { HealthLakeSmartConfig } from "../stacks/config";

export const VARIANTS: readonly HealthLakeSmartConfig[] = [
  // Import/export storage with the datastore on an AWS-owned key: its key output is null. With the gist's
  // log group adopted while it exists: the rehearsal's re-create finds none, and creates it.
  {
    ...sandbox,
    name: "sandbox-import-export",
    smart: { ...sandbox.smart, validator: { ...sandbox.smart?.validator, importExistingLogGroup: true } },
    kmsAdminArn: "arn:aws:iam::111122223333:role/KeyAdministrator",
    importExport: { dataBucketPrefix: "sandbox-ie-data-", logsBucketPrefix: "sandbox-ie-logs-" },
  },
  // The documented teardown's last deploy: protections lifted, so a destroy must empty and delete everything.
  {
    ...complete,
    name: "complete-teardown",
    protectData: false,
    smart: { ...complete.smart, cognito: { ...complete.smart?.cognito, deletionProtection: "INACTIVE" } },
  },
  // RFC 7662 introspection against Keycloak: the client secret's Secrets Manager secret and the validator's access to it.
  {
    ...external,
    name: "external-introspection",
    protectData: false,
    smart: {
      ...external.smart,
      scopes: ["system/*.rs"],
      externalAuthorizationServer: {
        preset: "keycloak",
        issuer: "https://keycloak.example.org/realms/fhir",
        validation: "introspection",
        clientIds: ["smart-service"],
        introspectionClientId: "healthlake-validator",
      },
      validator: {
        ...external.smart?.validator,
        functionName: "healthlake-smart-introspection-validator",
        roleName: "healthlake-smart-introspection-validator",
      },
    },
  },
];

/** Keys read from the issuer's discovery document at deploy: a data source with a postcondition. */
export const VALIDATE_ONLY: readonly HealthLakeSmartConfig[] = [
  {
    ...external,
    name: "external-discovery",
    smart: {
      ...external.smart,
      scopes: ["system/*.rs"],
      externalAuthorizationServer: {
        issuer: "https://idp.example.org",
        clientIds: ["smart-service"],
        authorizationEndpoint: "https://idp.example.org/authorize",
        tokenEndpoint: "https://idp.example.org/token",
        // A server that signs with RSASSA-PSS, which the validator verifies with jose.
        algorithms: ["PS256"],
      },
    },
  },
];
