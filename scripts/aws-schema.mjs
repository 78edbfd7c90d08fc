// npm run schema:aws: regenerates provider-schemas/aws-6.25.0.json, the hashicorp/aws 6.25.0 schema of the types the
// stacks use, reconstructed by ../shared/tools/tf-schema-from-bindings from @cdktf/provider-aws (generated from
// 6.25.0's schema) for `tf-validate-all --aws-schema` (no 6.25.0 binary can be had offline). Deterministic: the same
// synthesized stacks and package give the same bytes.
// npm run check:aws-schema (--check): regenerates into a temporary file and fails, naming the command, when the
// committed copy differs. Both read cdktf.out, cdktf.out.variants and cdktf.out.validate-only: run
// `npx cdktf synth && npx tsx scripts/synth-variants.ts` first. Both skip, saying so, where ../shared/tools is not.
// Why provider-schemas/: the tools' schema loader (tf-offline/lib.js findSchemas) takes hashicorp/aws from that folder
// never (only from --aws-schema), so the real 5.100.0 stays the aws provider of tf-validate-all, tf-rehearse and
// scripts/offline-providers.mjs; `cdktf get` reads only the cache file named after its provider (`awscc@~%3E%201.0.json`).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { PROJECT_ROOT as root } from "./offline-providers.mjs";

export const AWS_SCHEMA = join(root, "provider-schemas", "aws-6.25.0.json");
const TOOL = join(root, "..", "shared", "tools", "tf-schema-from-bindings");
const OUTS = ["cdktf.out", "cdktf.out.variants", "cdktf.out.validate-only"];
const check = process.argv.includes("--check");
const command = check ? "check:aws-schema" : "schema:aws";

if (!existsSync(TOOL)) {
  console.log(`skipping ${command}: ${relative(root, TOOL)} is not on this machine`);
  process.exit(0);
}
const absent = OUTS.filter((out) => !existsSync(join(root, out, "stacks")));
if (absent.length > 0) {
  console.error(`${command}: no ${absent.join(", ")}: run \`npx cdktf synth && npx tsx scripts/synth-variants.ts\` first`);
  process.exit(2);
}
// Deprecations of 6.x that the bindings do not record, from the provider's changelog (6.0: data.aws_region's
// name). Marked here, Terraform warns at each reference to them ("Deprecated attribute"), and .ci/run fails on any
// warning: a stack that reads one would print that warning at every plan of a real 6.25 deploy.
const DEPRECATED = [{ kind: "data_source_schemas", type: "aws_region", attribute: "name" }];

/** The tool's schema with the deprecations above marked, written as the tool writes it. */
function withDeprecations(text) {
  const schema = JSON.parse(text);
  const aws = schema.provider_schemas["registry.terraform.io/hashicorp/aws"];
  for (const { kind, type, attribute } of DEPRECATED) {
    const found = aws[kind]?.[type]?.block.attributes?.[attribute];
    if (!found) throw new Error(`aws-schema: no ${kind} ${type}.${attribute} to mark deprecated; update DEPRECATED in scripts/aws-schema.mjs`);
    found.deprecated = true;
  }
  return `${JSON.stringify(schema, null, 1)}\n`;
}

const generate = () =>
  withDeprecations(
    execFileSync(TOOL, [...OUTS.flatMap((out) => ["--used-by", out]), "node_modules/@cdktf/provider-aws"], {
      cwd: root,
      maxBuffer: 1 << 28,
      stdio: ["ignore", "pipe", "inherit"],
    }).toString(),
  );

if (!check) {
  writeFileSync(AWS_SCHEMA, generate());
  console.log(`${relative(root, AWS_SCHEMA)} written`);
} else {
  const scratch = mkdtempSync(join(tmpdir(), "check-aws-schema-"));
  try {
    const fresh = join(scratch, "aws-6.25.0.json");
    writeFileSync(fresh, generate());
    const committed = existsSync(AWS_SCHEMA) ? readFileSync(AWS_SCHEMA, "utf8") : undefined;
    if (committed !== readFileSync(fresh, "utf8")) {
      console.error(
        `${relative(root, AWS_SCHEMA)} ${committed === undefined ? "is missing" : "differs from what the synthesized stacks and @cdktf/provider-aws give"}: run \`npm run schema:aws\` and commit the result`,
      );
      process.exitCode = 1;
    } else {
      console.log(`${relative(root, AWS_SCHEMA)} is what \`npm run schema:aws\` makes`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
