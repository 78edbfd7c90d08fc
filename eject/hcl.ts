/**
 * Terraform's JSON syntax (what cdktf writes) rendered in its native syntax (HCL), value for value.
 * Every JSON string is a template there; here a template that is one interpolation becomes the bare
 * expression (`"${aws_x.y.arn}"` → `aws_x.y.arn`), others stay quoted with their interpolations as
 * written. Which objects are nested blocks (`name { }`) and which are attributes (`name = { }`) the
 * JSON does not say: the caller passes the provider schema's block names.
 */

/** Nested block names of a body, each with its own nested blocks. */
export interface BlockNames {
  readonly [name: string]: BlockNames;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const INDENT = "  ";

/** A JSON string as an HCL expression: the bare expression of a lone interpolation, else a quoted template. */
export function expression(template: string): string {
  const lone = loneInterpolation(template);
  if (lone !== undefined) return lone;
  return `"${templateParts(template)
    .map((part) => (part.kind === "interpolation" ? part.text : escapeLiteral(part.text)))
    .join("")}"`;
}

/** A reference written as a JSON string (`depends_on`, `ignore_changes`, `import.to`, a variable's type): bare. */
export function reference(text: string): string {
  return loneInterpolation(text) ?? text;
}

/** The expression of a template that is exactly one `${...}`, else undefined. */
function loneInterpolation(template: string): string | undefined {
  const parts = templateParts(template);
  return parts.length === 1 && parts[0].kind === "interpolation" ? parts[0].text.slice(2, -1).trim() : undefined;
}

/** A JSON value as an HCL attribute value, at the given depth. */
export function value(json: unknown, depth = 0): string {
  if (typeof json === "string") return expression(json);
  if (json === null || typeof json === "number" || typeof json === "boolean") return JSON.stringify(json);
  const pad = INDENT.repeat(depth + 1);
  const close = INDENT.repeat(depth);
  if (Array.isArray(json)) {
    if (json.length === 0) return "[]";
    const items = json.map((item) => value(item, depth + 1));
    const inline = `[${items.join(", ")}]`;
    if (!items.some((item) => item.includes("\n")) && inline.length <= 100) return inline;
    return `[\n${items.map((item) => `${pad}${item},`).join("\n")}\n${close}]`;
  }
  const entries = Object.entries(json as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([key, item]) => `${pad}${objectKey(key)} = ${value(item, depth + 1)}`).join("\n")}\n${close}}`;
}

/** How a body's arguments are written: which are blocks, and which hold references rather than templates. */
export interface BodyShape {
  readonly blocks?: BlockNames;
  /** Arguments that are lists of references (`depends_on`, `ignore_changes`). */
  readonly referenceLists?: readonly string[];
  /** Arguments that are one reference or type expression (`provider`, `to`, `type`). */
  readonly references?: readonly string[];
  /** Shapes of meta-argument blocks (`lifecycle`, `validation`, ...), by name. */
  readonly metaBlocks?: Readonly<Record<string, BodyShape>>;
}

/** The lines of a block's body, at the given depth. cdktf's `//` metadata is left out. */
export function body(json: Record<string, unknown>, shape: BodyShape, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  const lines: string[] = [];
  const attributes: string[] = [];
  const blocks: string[] = [];
  for (const [name, item] of Object.entries(json)) {
    if (name === "//") continue;
    const metaBlock = shape.metaBlocks?.[name];
    const nested = shape.blocks?.[name];
    if (metaBlock || nested) {
      for (const each of Array.isArray(item) ? item : [item]) {
        blocks.push(...block(name, [], each as Record<string, unknown>, metaBlock ?? { blocks: nested }, depth));
      }
    } else if (shape.referenceLists?.includes(name)) {
      const items = Array.isArray(item) ? item : [item];
      attributes.push(`${pad}${name} = [${items.map((entry) => reference(String(entry))).join(", ")}]`);
    } else if (shape.references?.includes(name)) {
      attributes.push(`${pad}${name} = ${reference(String(item))}`);
    } else {
      attributes.push(`${pad}${name} = ${value(item, depth)}`);
    }
  }
  lines.push(...attributes);
  if (attributes.length > 0 && blocks.length > 0) lines.push("");
  lines.push(...blocks);
  return lines;
}

/** A block: `type "label" ... { body }`, `{}` when empty. */
export function block(type: string, labels: readonly string[], json: Record<string, unknown>, shape: BodyShape, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  const header = [type, ...labels.map((label) => JSON.stringify(label))].join(" ");
  const inner = body(json, shape, depth + 1);
  if (inner.length === 0) return [`${pad}${header} {}`];
  return [`${pad}${header} {`, ...inner, `${pad}}`];
}

function objectKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

function escapeLiteral(text: string): string {
  // Template escapes ($${, %%{) are the same in both syntaxes and pass through.
  return JSON.stringify(text).slice(1, -1);
}

interface TemplatePart {
  readonly kind: "literal" | "interpolation";
  readonly text: string;
}

/** Splits a template into literal text and `${...}` interpolations (with nested strings and templates). */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = "";
  let i = 0;
  while (i < template.length) {
    if (template.startsWith("$${", i) || template.startsWith("%%{", i)) {
      literal += template.slice(i, i + 3);
      i += 3;
    } else if (template.startsWith("${", i)) {
      const end = endOfInterpolation(template, i + 2);
      if (literal) parts.push({ kind: "literal", text: literal });
      literal = "";
      parts.push({ kind: "interpolation", text: template.slice(i, end) });
      i = end;
    } else {
      literal += template[i];
      i += 1;
    }
  }
  if (literal || parts.length === 0) parts.push({ kind: "literal", text: literal });
  return parts;
}

/** The index just past the `}` that closes an interpolation whose expression starts at `start`. */
function endOfInterpolation(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') i = endOfString(text, i + 1);
    else {
      if (c === "{") depth += 1;
      if (c === "}") {
        if (depth === 0) return i + 1;
        depth -= 1;
      }
      i += 1;
    }
  }
  throw new Error(`unterminated interpolation in ${JSON.stringify(text.slice(0, 80))}`);
}

/** The index just past the `"` that closes a quoted template inside an expression. */
function endOfString(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    if (text[i] === "\\") i += 2;
    else if (text[i] === '"') return i + 1;
    else if (text.startsWith("$${", i)) i += 3;
    else if (text.startsWith("${", i)) i = endOfInterpolation(text, i + 2);
    else i += 1;
  }
  throw new Error(`unterminated string in ${JSON.stringify(text.slice(0, 80))}`);
}
