import { App } from "cdktf";
import { ENVIRONMENTS } from "./environments";
import { buildValidatorBundle } from "./lambda/build";
import { HealthLakeSmartStack } from "./stacks/healthlake-smart-stack";

// Building on every synth costs ~0.1 s and means the deployed zip is always the current source.
buildValidatorBundle();

const app = new App();
for (const config of ENVIRONMENTS) new HealthLakeSmartStack(app, { config });
app.synth();
