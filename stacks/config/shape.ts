import { z } from "zod";
import { HealthLakeSmartSchema } from "./schema";

/** A field's path as the configuration writes it: `smart.cognito.testUsers[0].email`. */
const fieldPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text === "" ? String(key) : `${text}.${String(key)}`), "");

/** The schema of the value at `path`, through optional fields, arrays and records. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of path) {
    while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    if (current instanceof z.ZodObject) current = current.shape[String(key)] as z.ZodType | undefined;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return undefined;
  }
  while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  return current;
}

/** Edits between two names, case ignored (Levenshtein). */
function distance(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[y.length];
}

/** The known option nearest to a mistyped one, when it is near enough to be what was meant. */
export function nearestOption(given: string, known: readonly string[]): string | undefined {
  const ranked = known.map((name) => ({ name, edits: distance(given, name) })).sort((a, b) => a.edits - b.edits);
  const best = ranked[0];
  if (best !== undefined && best.edits <= Math.max(2, Math.floor(given.length / 3))) return best.name;
  // A name cut short (`publicClient` for `publicClientCallbackUrls`), when only one option starts with it.
  const longer = known.filter((name) => given.length >= 4 && name.toLowerCase().startsWith(given.toLowerCase()));
  return longer.length === 1 ? longer[0] : undefined;
}

const describe = (value: unknown) =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "a list"
      : typeof value === "object"
        ? "an object"
        : `${typeof value === "string" ? "a string" : `a ${typeof value}`} (${JSON.stringify(value)})`;

const WANTED: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: "an object",
};

function message(issue: z.core.$ZodIssue): string[] {
  const at = fieldPath(issue.path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const shape = schemaAt(HealthLakeSmartSchema, issue.path);
      const known = shape instanceof z.ZodObject ? Object.keys(shape.shape) : [];
      return issue.keys.map((key) => {
        const field = fieldPath([...issue.path, key]);
        const near = nearestOption(key, known);
        return near === undefined
          ? `\`${field}\` is not an option: the options${at === "" ? "" : ` of ${at}`} are ${known.join(", ")}`
          : `\`${field}\` is not an option: did you mean \`${fieldPath([...issue.path, near])}\`?`;
      });
    }
    case "invalid_type":
      if (issue.input === undefined) return [`${at} is required: set it (docs/configuration.md)`];
      return [`${at} is ${describe(issue.input)}, not ${WANTED[issue.expected] ?? issue.expected}: write ${WANTED[issue.expected] ?? issue.expected}`];
    case "invalid_value": {
      const choices = `is not one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
      // The right choice in another case (`"optional"` for `"OPTIONAL"`).
      const meant = issue.values.find((v) => typeof v === "string" && typeof issue.input === "string" && v.toLowerCase() === issue.input.toLowerCase());
      return [`${at} ${JSON.stringify(issue.input)} ${choices}${meant === undefined ? "" : `: did you mean ${JSON.stringify(meant)}?`}`];
    }
    default:
      return [`${at}: ${issue.message}`];
  }
}

/**
 * What is wrong with an environment's shape: unknown options (with the nearest known one), required
 * fields left out, values of the wrong type or outside their choices. Empty when the shape is right;
 * the values are then checked by the rules (./rules.ts).
 */
export function shapeProblems(given: unknown): string[] {
  const result = HealthLakeSmartSchema.safeParse(given, { reportInput: true });
  return result.success ? [] : result.error.issues.map(withoutTestUserPasswords).flatMap(message);
}

/**
 * A test user's `password` is left to the rule that says where a password goes instead
 * (`passwordsOutOfConfig`, which never shows the value); every other unknown key stays an error here.
 */
function withoutTestUserPasswords(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== "unrecognized_keys") return issue;
  const [smart, cognito, user] = issue.path;
  if (smart !== "smart" || cognito !== "cognito" || (user !== "testUsers" && user !== "singleTestUser")) return issue;
  return { ...issue, keys: issue.keys.filter((key) => key !== "password") };
}
