import { block, body, expression, reference, templateParts, value } from "../eject/hcl";

describe("expression: a JSON-syntax string as an HCL expression", () => {
  test.each([
    ["a literal", "us-east-1", '"us-east-1"'],
    ["a lone interpolation, unwrapped", "${aws_iam_role.x.arn}", "aws_iam_role.x.arn"],
    ["a function call with quoted arguments", '${file("bundles/a/index.js")}', 'file("bundles/a/index.js")'],
    [
      "a template with interpolations",
      "https://${aws_x.y.domain}.auth.${data.aws_region.current.name}.com",
      '"https://${aws_x.y.domain}.auth.${data.aws_region.current.name}.com"',
    ],
    ["an object expression with braces in it", '${jsonencode({"a" = {"b" = 1}})}', 'jsonencode({"a" = {"b" = 1}})'],
    ["a string holding a brace inside an interpolation", '${replace(var.x, "}", "")}', 'replace(var.x, "}", "")'],
    ["a nested template inside an interpolation", '${"x-${var.y}"}', '"x-${var.y}"'],
    ["two interpolations side by side stay a template", "${var.a}${var.b}", '"${var.a}${var.b}"'],
    ["quotes and backslashes in literal text are escaped", 'say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
    ["a newline in literal text is escaped", "a\nb", '"a\\nb"'],
    ["an escaped interpolation stays literal", "$${not.an.expression}", '"$${not.an.expression}"'],
    ["an empty string", "", '""'],
  ])("%s", (_name, input, expected) => {
    expect(expression(input)).toBe(expected);
  });

  test("an unterminated interpolation is an error, not a silent literal", () => {
    expect(() => expression("${aws_x.y")).toThrow(/unterminated interpolation/);
  });
});

test.each([
  ["a bare address", "aws_iam_role.x", "aws_iam_role.x"],
  ["an address written as an interpolation", "${aws_iam_role.x}", "aws_iam_role.x"],
  ["a type expression", "map(string)", "map(string)"],
])("reference: %s", (_name, input, expected) => {
  expect(reference(input)).toBe(expected);
});

test("templateParts splits literals and interpolations", () => {
  expect(templateParts('a${b("}")}c')).toEqual([
    { kind: "literal", text: "a" },
    { kind: "interpolation", text: '${b("}")}' },
    { kind: "literal", text: "c" },
  ]);
});

describe("value", () => {
  test.each([
    ["null, numbers and booleans", [null, 1.5, true], "[null, 1.5, true]"],
    ["an empty list and object", { a: [], b: {} }, "{\n  a = []\n  b = {}\n}"],
    ["object keys that are not identifiers are quoted", { "aws:SourceArn": "x", Version: "1" }, '{\n  "aws:SourceArn" = "x"\n  Version = "1"\n}'],
    ["a long list goes one item per line", ["a".repeat(60), "b".repeat(60)], `[\n  "${"a".repeat(60)}",\n  "${"b".repeat(60)}",\n]`],
  ])("%s", (_name, input, expected) => {
    expect(value(input)).toBe(expected);
  });
});

describe("body and block", () => {
  test("schema blocks become blocks, one per list item; attributes come first", () => {
    const json = { "//": { metadata: {} }, name: "x", rule: [{ id: "a", filter: { prefix: "" } }, { id: "b" }], tags: { A: "1" } };
    expect(block("resource", ["aws_s3_bucket_lifecycle_configuration", "this"], json, { blocks: { rule: { filter: {} } } }, 0).join("\n")).toEqual(
      [
        'resource "aws_s3_bucket_lifecycle_configuration" "this" {',
        '  name = "x"',
        "  tags = {",
        '    A = "1"',
        "  }",
        "",
        "  rule {",
        '    id = "a"',
        "",
        "    filter {",
        '      prefix = ""',
        "    }",
        "  }",
        "  rule {",
        '    id = "b"',
        "  }",
        "}",
      ].join("\n"),
    );
  });

  test("an object that is not a schema block stays an attribute (awscc's nested attributes)", () => {
    expect(body({ identity_provider_configuration: { authorization_strategy: "AWS_AUTH" } }, { blocks: {} }, 0).join("\n")).toBe(
      'identity_provider_configuration = {\n  authorization_strategy = "AWS_AUTH"\n}',
    );
  });

  test("depends_on and ignore_changes hold bare references, never quoted strings", () => {
    const shape = { referenceLists: ["depends_on"], metaBlocks: { lifecycle: { referenceLists: ["ignore_changes"] } } };
    expect(
      body({ depends_on: ["aws_iam_role.x", "${aws_s3_bucket.y}"], lifecycle: { ignore_changes: ["password"], prevent_destroy: true } }, shape, 0),
    ).toEqual(["depends_on = [aws_iam_role.x, aws_s3_bucket.y]", "", "lifecycle {", "  ignore_changes = [password]", "  prevent_destroy = true", "}"]);
  });

  test("an empty block is written on one line", () => {
    expect(block("data", ["aws_region", "current"], {}, {}, 0)).toEqual(['data "aws_region" "current" {}']);
  });
});
