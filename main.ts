import { App } from "cdktf";
import { sandbox } from "./environments/sandbox";
import { buildValidatorBundle } from "./lambda/build";
import { HealthLakeSmartStack } from "./stacks/healthlake-smart-stack";

// Building on every synth costs ~0.1 s and means the deployed zip is always the current source.
buildValidatorBundle();

const app = new App();
new HealthLakeSmartStack(app, { config: sandbox });
app.synth();
