import { App } from "cdktf";
import { ENVIRONMENTS } from "./environments";
import { HealthLakeSmartStack } from "./stacks/healthlake-smart-stack";

const app = new App();
for (const config of ENVIRONMENTS) new HealthLakeSmartStack(app, config.name, { config });
app.synth();
