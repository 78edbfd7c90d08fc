// Synthesizes configurations the shipped environments do not cover, for the offline tools
// (`.ci/run` validates and rehearses them): cdktf.out.variants/stacks/<name>/cdk.tf.json.
import { App } from "cdktf";
import { complete } from "../environments/complete";
import type { HealthLakeSmartConfig } from "../stacks/config";
import { HealthLakeSmartStack } from "../stacks/healthlake-smart-stack";

export const VARIANTS: readonly HealthLakeSmartConfig[] = [
  // The documented teardown's last deploy: protections lifted, so a destroy must empty and delete everything.
  {
    ...complete,
    name: "complete-teardown",
    protectData: false,
    smart: { ...complete.smart, cognito: { ...complete.smart?.cognito, deletionProtection: "INACTIVE" } },
  },
];

const app = new App({ outdir: "cdktf.out.variants" });
for (const config of VARIANTS) new HealthLakeSmartStack(app, config.name, { config });
app.synth();
