import { App } from "cdktf";
import { ENVIRONMENTS } from "./environments";
import { environmentsReport } from "./stacks/config";
import { HealthLakeSmartStack } from "./stacks/healthlake-smart-stack";

// Every environment checked first, and all their problems printed once, without a stack trace.
const report = environmentsReport(ENVIRONMENTS);
if (report !== undefined) {
  console.error(report);
  process.exit(1);
}
const app = new App();
for (const config of ENVIRONMENTS) new HealthLakeSmartStack(app, config.name, { config });
app.synth();
