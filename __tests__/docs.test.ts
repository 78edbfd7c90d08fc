import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULTS } from "../stacks/config";
import { VALIDATOR_ENVIRONMENT } from "../smart/validator-environment";

const read = (file: string) => fs.readFileSync(path.join(__dirname, "..", file), "utf8");

/** `| \`field\` | type | default | meaning |` rows of docs/configuration.md, by field. */
function referenceRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of read("docs/configuration.md").split("\n")) {
    const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
    const field = /^`([\w.]+)`$/.exec(cells[1] ?? "")?.[1];
    if (field && cells.length >= 5) rows.set(field, cells[3]);
  }
  return rows;
}

/** A default as the docs write it: `"text"`, `512`, `["a", "b"]`, `{ key: value }`. */
function rendered(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(rendered).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    return entries.length === 0 ? "{}" : `{ ${entries.map(([key, v]) => `${key}: ${rendered(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

/** Every [field, default] the docs must show: each value, and each object the docs write out whole (`{ ... }`). */
function documentedDefaults(value: unknown, rows: Map<string, string>, at: string[] = []): [string, unknown][] {
  const field = at.join(".");
  const section = value !== null && typeof value === "object" && !Array.isArray(value) && !rows.get(field)?.includes("`{");
  if (at.length > 0 && !section) return [[field, value]];
  return Object.entries(value as object).flatMap(([key, child]) => documentedDefaults(child, rows, [...at, key]));
}

describe("docs/configuration.md", () => {
  const rows = referenceRows();

  test.each(documentedDefaults(DEFAULTS, referenceRows()))("shows %s with its default from DEFAULTS", (field, value) => {
    expect({ field, row: rows.has(field) }).toEqual({ field, row: true });
    expect(rows.get(field)).toContain(`\`${rendered(value)}\``);
  });
});

const DOCS = ["README.md", "ARCHITECTURE.md", "CONTRIBUTING.md", ...fs.readdirSync(path.join(__dirname, "..", "docs")).map((file) => `docs/${file}`)];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\w\s-]/g, "")
    .replace(/\s/g, "-");

describe("the documents", () => {
  test("the README stays under 8 KB: what it is, the two commands, deploy, destroy, adding an environment, links", () => {
    expect(fs.statSync(path.join(__dirname, "..", "README.md")).size).toBeLessThan(8192);
  });

  test.each(DOCS)("every relative link in %s reaches a file and, with an anchor, a heading in it", (file) => {
    const broken = [...read(file).matchAll(/\]\(([^)\s]+)\)/g)]
      .map(([, target]) => target)
      .filter((target) => !/^[a-z]+:/.test(target))
      .filter((target) => {
        const [relative, fragment] = target.split("#");
        const linked = relative === "" ? file : path.join(path.dirname(file), relative);
        if (!fs.existsSync(path.join(__dirname, "..", linked))) return true;
        if (fragment === undefined) return false;
        const headings = [...read(linked).matchAll(/^#+ (.+)$/gm)].map(([, heading]) => anchor(heading));
        return !headings.includes(fragment);
      });
    expect(broken).toEqual([]);
  });
});

describe("docs/validator.md", () => {
  /** The variables its settings table names: the first cell of each row, one or more `NAME`s. */
  const documented = () => {
    const section = read("docs/validator.md").split("\n");
    return section.flatMap((line) => {
      const first = line.split("|")[1]?.trim() ?? "";
      return /^`[A-Z_]+`(, `[A-Z_]+`)*$/.test(first) ? [...first.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]) : [];
    });
  };

  test("lists exactly the variables of the validator's contract (smart/validator-environment.ts)", () => {
    expect([...new Set(documented())].sort()).toEqual(Object.values(VALIDATOR_ENVIRONMENT).sort());
  });
});
