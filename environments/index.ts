import type { HealthLakeSmartConfig } from "../stacks/config";
import { complete } from "./complete";
import { external } from "./external";
import { sandbox } from "./sandbox";

/** Every environment `cdktf synth` builds, one stack each. Add a file and list it here. */
export const ENVIRONMENTS: readonly HealthLakeSmartConfig[] = [sandbox, complete, external];
