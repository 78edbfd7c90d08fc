// Synthesizes the configuration variants (environments/variants.ts) for the offline tools (`.ci/run`):
// cdktf.out.variants/stacks/<name> are validated and rehearsed; cdktf.out.validate-only/stacks/<name> validated only.
import { App } from "cdktf";
import { VALIDATE_ONLY, VARIANTS } from "../environments/variants";
import { HealthLakeSmartStack } from "../stacks/healthlake-smart-stack";

for (const [outdir, configs] of [
  ["cdktf.out.variants", VARIANTS],
  ["cdktf.out.validate-only", VALIDATE_ONLY],
] as const) {
  const app = new App({ outdir });
  for (const config of configs) new HealthLakeSmartStack(app, config.name, { config });
  app.synth();
}
