// Is an ejected folder in JSON syntax (`npm run eject -- <stack> <dir> --json`) the synthesized stack, with only the
// bundle paths and the local state path moved, and the bundles the same bytes? Then rehearsing it would rehearse the
// synthesized stack a second time (.ci/run rehearses that one). __tests__/eject.test.ts asserts the same for sandbox
// from a fresh synthesis; this checks each stack named, against the cdktf.out that .ci/run rehearses.
// Usage: node scripts/json-eject-same.mjs <synthesized stack dir>=<ejected JSON dir> ...   Exit 1 on a difference.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";

const files = (dir, base = dir) =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name), base) : [relative(base, join(dir, name))]));
const sha256 = (file) => createHash("sha256").update(readFileSync(file)).digest("hex");

let failed = false;
for (const pair of process.argv.slice(2)) {
  const [synthesized, ejected] = pair.split("=");
  const name = basename(synthesized);
  const problems = [];
  // assets/<id>_bundle_<hash>/<hash>/... -> bundles/<id>/..., byte for byte
  let text = readFileSync(join(synthesized, "cdk.tf.json"), "utf8");
  const assets = join(synthesized, "assets");
  for (const asset of existsSync(assets) ? readdirSync(assets) : []) {
    for (const hash of readdirSync(join(assets, asset))) {
      const [from, to] = [join("assets", asset, hash), join("bundles", asset.replace(/_bundle_[0-9A-F]+$/, ""))];
      text = text.replaceAll(`${from}/`, `${to}/`);
      for (const file of files(join(synthesized, from))) {
        const moved = join(ejected, to, file);
        if (!existsSync(moved) || sha256(moved) !== sha256(join(synthesized, from, file)))
          problems.push(`${join(to, file)}: not the bytes of ${join(from, file)}`);
      }
    }
  }
  const comparable = (json) =>
    JSON.stringify(
      JSON.parse(json, (key, item) => (key === "//" ? undefined : item)),
      null,
      1,
    ).replace(/"path": "[^"]*terraform\.[\w-]+\.tfstate"/g, '"path": "<state>"');
  if (comparable(text) !== comparable(readFileSync(join(ejected, "main.tf.json"), "utf8")))
    problems.push("main.tf.json is not the synthesized cdk.tf.json with the bundle and state paths moved");
  console.log(`${name}: ${problems.length === 0 ? "the JSON eject is the synthesized stack, relocated" : problems.join("; ")}`);
  failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
