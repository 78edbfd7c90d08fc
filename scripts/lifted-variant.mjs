// Is a teardown variant (protections off, e.g. complete-teardown) exactly what `tf-rehearse --force-destroy-buckets`
// makes of its protected stack (complete) in the teardown stage? That stage lifts the protections in its copy:
// every `prevent_destroy` removed, each deletion-protection attribute of ../shared/tools/tf-offline/rehearse.json
// ("protections") switched off, and `force_destroy = true` on every aws_s3_bucket; it applies that as an update
// and destroys it, and with --recreate applies it afresh and destroys it again. If the variant's JSON is that
// (names aside: each stack's name is replaced by a placeholder, and cdktf's "//" metadata is ignored), rehearsing it
// too would apply and destroy the same configuration twice. Exit 0 and say so when it is, 1 listing the differences
// when not (then .ci/run rehearses the variant too), 2 when it cannot run.
// Usage: node scripts/lifted-variant.mjs <protected stack dir> <variant stack dir>
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { TOOL_LIB } from "./offline-providers.mjs";

const [protectedDir, variantDir] = process.argv.slice(2);
const rehearseJson = join(TOOL_LIB, "..", "rehearse.json");
if (!protectedDir || !variantDir || !existsSync(rehearseJson)) {
  console.error(`usage: node scripts/lifted-variant.mjs <protected stack dir> <variant stack dir> (needs ${rehearseJson})`);
  process.exit(2);
}
const { protections } = JSON.parse(readFileSync(rehearseJson, "utf8"));
const read = (dir) => JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8"));
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The stack without metadata, its own name (longest first, so complete-teardown before complete) a placeholder. */
function normalized(stack, names) {
  const pattern = new RegExp(`(?<![\\w-])(?:${names.map(literal).join("|")})(?![\\w])`, "g");
  const walk = (value) => {
    if (typeof value === "string") return value.replace(pattern, "<stack>");
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object")
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => key !== "//")
          .map(([key, item]) => [key, walk(item)]),
      );
    return value;
  };
  return walk(stack);
}

const [protectedName, variantName] = [protectedDir, variantDir].map((dir) => basename(dir));
const names = [variantName, protectedName].sort((a, b) => b.length - a.length);
const lifted = read(protectedDir);
for (const [type, byName] of Object.entries(lifted.resource ?? {})) {
  for (const body of Object.values(byName)) {
    if (body.lifecycle) {
      delete body.lifecycle.prevent_destroy;
      if (Object.keys(body.lifecycle).length === 0) delete body.lifecycle;
    }
    const protection = protections[type];
    if (protection && body[protection[0]] === protection[1]) body[protection[0]] = protection[2];
    if (type === "aws_s3_bucket") body.force_destroy = true;
  }
}
const [a, b] = [normalized(lifted, names), normalized(read(variantDir), names)];
const differences = [];
const diff = (x, y, at) => {
  if (x && y && typeof x === "object" && typeof y === "object") {
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) diff(x[key], y[key], `${at}.${key}`);
  } else if (JSON.stringify(x) !== JSON.stringify(y)) differences.push(`${at}: ${JSON.stringify(x)?.slice(0, 100)} vs ${JSON.stringify(y)?.slice(0, 100)}`);
};
diff(a, b, "");
if (differences.length === 0) {
  console.log(`${variantName} is ${protectedName} with the teardown's protections lifted (names aside): rehearsed as ${protectedName}'s teardown and recreate`);
} else {
  console.log(`${variantName} is not ${protectedName} with the protections lifted (${differences.length} difference(s)), so it is rehearsed too:`);
  for (const line of differences.slice(0, 20)) console.log(`  ${line}`);
  process.exitCode = 1;
}
