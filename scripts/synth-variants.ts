// Synthesizes configurations the shipped environments do not cover, for the offline tools (`.ci/run`):
// cdktf.out.variants/stacks/<name> are validated and rehearsed; cdktf.out.validate-only/stacks/<name>
// are validated only, because the rehearsal's stand-in for hashicorp/http answers no real document.
import { App } from "cdktf";
import { complete } from "../environments/complete";
import { external } from "../environments/external";
import type { HealthLakeSmartConfig } from "../stacks/config";
import { HealthLakeSmartStack } from "../stacks/healthlake-smart-stack";

const VARIANTS: readonly HealthLakeSmartConfig[] = [
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
const VALIDATE_ONLY: readonly HealthLakeSmartConfig[] = [
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
      },
    },
  },
];

for (const [outdir, configs] of [
  ["cdktf.out.variants", VARIANTS],
  ["cdktf.out.validate-only", VALIDATE_ONLY],
] as const) {
  const app = new App({ outdir });
  for (const config of configs) new HealthLakeSmartStack(app, config.name, { config });
  app.synth();
}
