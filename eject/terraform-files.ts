import { type BlockNames, type BodyShape, block, body } from "./hcl";

/** Nested block names from the providers' schemas (eject/provider-blocks.json, scripts/eject-schema.mjs). */
export interface ProviderBlocks {
  readonly provider: Readonly<Record<string, BlockNames>>;
  readonly resource: Readonly<Record<string, BlockNames>>;
  readonly data: Readonly<Record<string, BlockNames>>;
}

// biome-ignore lint/suspicious/noExplicitAny: cdk.tf.json of any shape; each part is rendered by what it holds
type Json = Record<string, any>;

const CONDITION: BodyShape = {};
const LIFECYCLE: BodyShape = { referenceLists: ["ignore_changes", "replace_triggered_by"], metaBlocks: { precondition: CONDITION, postcondition: CONDITION } };
const META = { referenceLists: ["depends_on"], references: ["provider"] } as const;

/**
 * A synthesized stack (`cdk.tf.json`) as the files of a plain Terraform folder, in HCL: `versions.tf`
 * (required providers and backend), `providers.tf`, `variables.tf`, `main.tf` (data sources,
 * resources, checks, imports) and `outputs.tf`. Every block keeps its address and every value its
 * expression; `terraform fmt` aligns the result.
 */
export function terraformFiles(stack: Json, blocks: ProviderBlocks): Record<string, string> {
  const known = new Set(["//", "terraform", "provider", "variable", "locals", "data", "resource", "check", "import", "moved", "output"]);
  const unknown = Object.keys(stack).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new Error(`cdk.tf.json has top-level ${unknown.join(", ")}, which the eject does not render`);

  const files: Record<string, string[][]> = { "versions.tf": [], "providers.tf": [], "variables.tf": [], "main.tf": [], "outputs.tf": [] };
  const add = (file: string, lines: string[]) => files[file].push(lines);

  add("versions.tf", terraformBlock(stack.terraform ?? {}));
  for (const [name, configs] of Object.entries<Json[]>(stack.provider ?? {})) {
    for (const config of configs) add("providers.tf", block("provider", [name], config, { blocks: required(blocks.provider, name, "provider") }, 0));
  }
  for (const [name, variable] of Object.entries<Json>(stack.variable ?? {})) {
    add("variables.tf", block("variable", [name], variable, { references: ["type"], metaBlocks: { validation: CONDITION } }, 0));
  }
  if (stack.locals) add("main.tf", block("locals", [], stack.locals, {}, 0));
  for (const [kind, keyword] of [
    ["data", "data"],
    ["resource", "resource"],
  ] as const) {
    for (const [type, byName] of Object.entries<Json>(stack[kind] ?? {})) {
      for (const [name, config] of Object.entries<Json>(byName)) {
        const shape: BodyShape = { ...META, blocks: required(blocks[kind], type, kind), metaBlocks: { lifecycle: LIFECYCLE } };
        add("main.tf", block(keyword, [type, name], config, shape, 0));
      }
    }
  }
  for (const [name, check] of Object.entries<Json>(stack.check ?? {})) {
    const { data, ...rest } = check;
    const scoped = Object.entries<Json>(data ?? {}).flatMap(([type, byName]) =>
      Object.entries<Json>(byName).flatMap(([dataName, config]) =>
        block("data", [type, dataName], config, { ...META, blocks: required(blocks.data, type, "data") }, 1),
      ),
    );
    const assertions = block("check", [name], rest, { metaBlocks: { assert: CONDITION } }, 0);
    add("main.tf", scoped.length > 0 ? [assertions[0], ...scoped, ...assertions.slice(1)] : assertions);
  }
  for (const entry of ([] as Json[]).concat(stack.import ?? [])) add("main.tf", block("import", [], entry, { references: ["to", "provider"] }, 0));
  for (const entry of ([] as Json[]).concat(stack.moved ?? [])) add("main.tf", block("moved", [], entry, { references: ["from", "to"] }, 0));
  for (const [name, output] of Object.entries<Json>(stack.output ?? {})) {
    add("outputs.tf", block("output", [name], output, { referenceLists: ["depends_on"], metaBlocks: { precondition: CONDITION } }, 0));
  }

  return Object.fromEntries(
    Object.entries(files)
      .filter(([, blocksOfFile]) => blocksOfFile.length > 0)
      .map(([file, blocksOfFile]) => [file, `${blocksOfFile.map((lines) => lines.join("\n")).join("\n\n")}\n`]),
  );
}

/** `terraform { required_providers { ... } backend "type" { ... } }`, with each provider's full source address. */
function terraformBlock(terraform: Json): string[] {
  const { required_providers: providers = {}, backend = {}, ...rest } = terraform;
  const lines = ["terraform {", ...body(rest, {}, 1)];
  const requirements = Object.fromEntries(
    Object.entries<Json>(providers).map(([name, requirement]) => [
      name,
      { ...requirement, source: String(requirement.source).includes("/") ? requirement.source : `hashicorp/${requirement.source}` },
    ]),
  );
  if (Object.keys(requirements).length > 0) lines.push(...block("required_providers", [], requirements, {}, 1));
  for (const [type, config] of Object.entries<Json>(backend)) lines.push(...block("backend", [type], config, {}, 1));
  lines.push("}");
  return lines;
}

function required(table: Readonly<Record<string, BlockNames>>, name: string, kind: string): BlockNames {
  const found = table[name];
  if (!found) throw new Error(`eject/provider-blocks.json has no ${kind} ${name}: run \`node scripts/eject-schema.mjs\` after adding a type to the stacks`);
  return found;
}
