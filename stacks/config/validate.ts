import type { HealthLakeSmartConfig } from "./types";
import { type ResolvedConfig, resolveConfig } from "./resolve";
import { configProblems } from "./rules";
import { shapeProblems } from "./shape";

const show = (value: unknown) => JSON.stringify(value);

/** An environment's problems: its shape first (unknown options, types), then the rules over its resolved values. */
export function environmentProblems(given: HealthLakeSmartConfig): string[] {
  const shape = shapeProblems(given);
  return shape.length > 0 ? shape : configProblems(resolveConfig(given));
}

/** One environment's problems as the report lists them, or nothing when it has none. */
function problemReport(given: HealthLakeSmartConfig): string | undefined {
  const problems = environmentProblems(given);
  if (problems.length === 0) return undefined;
  const name = typeof given?.name === "string" ? show(given.name) : "(without a name)";
  return `environment ${name} has ${problems.length} configuration problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`;
}

/** The resolved configuration, or an error listing every problem at once: synth stops before anything is deployed. */
export function validateConfig(given: HealthLakeSmartConfig): ResolvedConfig {
  const report = problemReport(given);
  if (report !== undefined) throw new Error(report);
  return resolveConfig(given);
}

/**
 * Every problem of every environment, grouped by environment, or nothing when all are valid: what the
 * app prints, once, before it synthesizes anything, so one broken environment does not hide the others.
 */
export function environmentsReport(configs: readonly HealthLakeSmartConfig[]): string | undefined {
  const names = configs.map((config) => config?.name);
  const twice = [...new Set(names.filter((name, i) => typeof name === "string" && names.indexOf(name) !== i))];
  const reports = [
    ...twice.map((name) => `environment ${show(name)} is defined twice: each environment needs a name of its own (it names the stack and its state)`),
    ...configs.map(problemReport).filter((report) => report !== undefined),
  ];
  return reports.length === 0 ? undefined : reports.join("\n\n");
}
