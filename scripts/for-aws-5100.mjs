// The stacks pin hashicorp/aws 6.25.0; the offline tools run the real 5.100.0 (the only binary in the local mirror).
// What 6.x changed that the stacks use is mapped back, in copies, for everything that runs that binary
// (tf-validate-all without --aws-schema, tf-rehearse via scripts/for-rehearsal.mjs,
// scripts/plan-equivalence.mjs). Each mapping is a no-op on a configuration that does not use the 6.x form:
// - `data.aws_region.<name>.region`: 6.0 deprecated the data source's `name` for `region`, which 5.100 does not
//   have. Every reference becomes `.name` (same value), in every string of the JSON and in the text of HCL files.
// - `blocked_encryption_types` in the `rule` of `aws_s3_bucket_server_side_encryption_configuration` (6.22+, e.g.
//   ["SSE-C"]): 5.100 does not know the argument, so it is left out. Not proven on 5.100: that SSE-C is blocked
//   (the 6.25 schema validation, `npm run validate`, checks the argument's shape).
// Usage: node scripts/for-aws-5100.mjs <out dir> <config dir or .tf.json file>...   Prints the copies' paths.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REGION_REFERENCE = /\bdata\.aws_region\.([A-Za-z_][A-Za-z0-9_-]*)\.region\b/g;
const SSE = "aws_s3_bucket_server_side_encryption_configuration";

/** A cdk.tf.json / .tf.json document for aws 5.100 (a new object; the argument is not changed). */
export function jsonFor5100(doc) {
  const walk = (value) => {
    if (typeof value === "string") return value.replace(REGION_REFERENCE, "data.aws_region.$1.name");
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    return value;
  };
  const copy = walk(doc);
  for (const body of Object.values(copy.resource?.[SSE] ?? {})) {
    for (const rule of [body.rule ?? []].flat()) if (rule && typeof rule === "object") delete rule.blocked_encryption_types;
  }
  return copy;
}

/** The text of an HCL (.tf) file for aws 5.100: the same mappings, on `terraform fmt`-formatted HCL. */
export function hclFor5100(text) {
  const lines = text.replace(REGION_REFERENCE, "data.aws_region.$1.name").split("\n");
  const out = [];
  // Inside a `resource "aws_s3_bucket_server_side_encryption_configuration"` block (brace depth counted outside
  // strings), a `blocked_encryption_types = [...]` argument is dropped, over several lines when its list is.
  let depth = 0;
  let inSse = false;
  let dropping = 0;
  for (const line of lines) {
    if (dropping > 0) {
      dropping += bracketDelta(line);
      continue;
    }
    if (depth === 0) inSse = new RegExp(`^\\s*resource\\s+"${SSE}"\\s+"[^"]+"\\s*\\{`).test(line);
    if (inSse && depth > 0 && /^\s*blocked_encryption_types\s*=/.test(line)) {
      dropping = Math.max(0, bracketDelta(line));
      continue;
    }
    depth += braceDelta(line);
    if (depth === 0) inSse = false;
    out.push(line);
  }
  return out.join("\n");
}

const outsideStrings = (line) => line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\s(#|\/\/).*$/, "");
const count = (text, char) => text.split(char).length - 1;
const braceDelta = (line) => count(outsideStrings(line), "{") - count(outsideStrings(line), "}");
const bracketDelta = (line) => count(outsideStrings(line), "[") - count(outsideStrings(line), "]");

/** Rewrites the configuration files of a copied folder in place (.tf.json as JSON, .tf as HCL text). */
export function adaptFolderFor5100(dir) {
  for (const file of readdirSync(dir)) {
    const path = join(dir, file);
    if (file.endsWith(".tf.json")) {
      const text = readFileSync(path, "utf8");
      const adapted = JSON.stringify(jsonFor5100(JSON.parse(text)), null, 2);
      if (adapted !== JSON.stringify(JSON.parse(text), null, 2)) writeFileSync(path, adapted);
    } else if (file.endsWith(".tf")) {
      const text = readFileSync(path, "utf8");
      const adapted = hclFor5100(text);
      if (adapted !== text) writeFileSync(path, adapted);
    }
  }
}

/** A copy of each configuration (folder, or single .tf.json file) under `out`, adapted; returns the copies' paths. */
export function copiesFor5100(out, configs) {
  mkdirSync(out, { recursive: true });
  return configs.map((config) => {
    const copy = join(out, basename(config));
    cpSync(config, copy, { recursive: true, filter: (source) => !/^\.terraform|\.tfstate/.test(basename(source)) });
    if (config.endsWith(".tf.json")) writeFileSync(copy, JSON.stringify(jsonFor5100(JSON.parse(readFileSync(copy, "utf8"))), null, 2));
    else adaptFolderFor5100(copy);
    return copy;
  });
}

if (resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url)) {
  const [out, ...configs] = process.argv.slice(2);
  if (!out || configs.length === 0) {
    console.error("usage: node scripts/for-aws-5100.mjs <out dir> <config dir or .tf.json file>...");
    process.exit(2);
  }
  for (const copy of copiesFor5100(out, configs)) console.log(copy);
}
