// Copies synthesized stacks for ../shared/tools/tf-validate-aws, which knows no provider but aws (it drops
// awscc and archive itself): each copy lacks the http data source that reads the issuer's key set at deploy,
// which only archive_file refers to. tf-validate-all validates the whole stack, that data source included.
// Usage: node scripts/without-http.mjs <out dir> <stack dir>...   Prints the copies' paths.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const [out, ...stacks] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
for (const stack of stacks) {
  const json = JSON.parse(readFileSync(join(stack, "cdk.tf.json"), "utf8"));
  delete json.data?.http;
  delete json.provider?.http;
  delete json.terraform?.required_providers?.http;
  const copy = join(out, `${basename(stack)}.tf.json`);
  writeFileSync(copy, JSON.stringify(json));
  console.log(copy);
}
