import { VALIDATE_ONLY } from "../environments/variants";
import { synthJson } from "./support/synth";
import { hasTerraform, terraformConsole } from "./support/terraform";

// What an external server's stack reads at deploy, evaluated by Terraform itself against the answers
// a real issuer may give: the discovery document's postcondition (a plan stops, naming the document,
// rather than deploy a validator without keys) and the key set zipped beside the validator (canonical,
// or empty so that the validator downloads the keys at init).
const describeWithTerraform = hasTerraform ? describe : describe.skip;
if (!hasTerraform) console.warn("skipping the deploy-time reads' evaluation: terraform is not on the PATH");

const discovery = VALIDATE_ONLY.find((config) => config.name === "external-discovery");
if (!discovery) throw new Error("the external-discovery variant is missing");
const json = synthJson(discovery);
const unwrap = (expression: string) => expression.replace(/^\$\{([\s\S]*)\}$/, "$1");
const postcondition = unwrap(json.data.http.openid_configuration.lifecycle.postcondition[0].condition).replaceAll("self.", "answer.");
const shippedKeys = unwrap(json.data.archive_file.lambda_zip.source.find((file: { filename: string }) => file.filename === "jwks.json").content).replaceAll(
  "data.http.jwks.",
  "answer.",
);

interface Answer {
  readonly status_code: number;
  readonly response_body: string;
}

/** Evaluates `expression` (over `answer`) for each answer, in one `terraform console`. */
function evaluate(expression: string, answers: readonly Answer[]): unknown[] {
  const tf = `locals {\n  answers = jsondecode(${JSON.stringify(JSON.stringify(answers))})\n}\n`;
  return JSON.parse(JSON.parse(terraformConsole(tf, `jsonencode([for answer in local.answers : ${expression}])`)));
}

describeWithTerraform("an external server's deploy-time reads, evaluated by terraform", () => {
  test("the discovery document passes its postcondition only when it names an https jwks_uri", () => {
    const cases: [string, Answer, boolean][] = [
      ["a discovery document", { status_code: 200, response_body: '{"issuer":"https://idp.example.org","jwks_uri":"https://idp.example.org/keys"}' }, true],
      ["not found", { status_code: 404, response_body: '{"jwks_uri":"https://idp.example.org/keys"}' }, false],
      ["an HTML page", { status_code: 200, response_body: "<html><body>Sign in</body></html>" }, false],
      ["an empty body", { status_code: 200, response_body: "" }, false],
      ["no jwks_uri", { status_code: 200, response_body: '{"issuer":"https://idp.example.org"}' }, false],
      ["an http jwks_uri", { status_code: 200, response_body: '{"jwks_uri":"http://idp.example.org/keys"}' }, false],
      ["a jwks_uri that is a list", { status_code: 200, response_body: '{"jwks_uri":["https://idp.example.org/keys"]}' }, false],
      ["a JSON array", { status_code: 200, response_body: "[]" }, false],
    ];
    expect(
      evaluate(
        postcondition,
        cases.map(([, answer]) => answer),
      ),
    ).toEqual(cases.map(([, , passes]) => passes));
  });

  test("the key set ships as its keys alone in canonical JSON, sorted by kid, or empty when it is not a key set", () => {
    const key = '{"n":"AQAB","kty":"RSA","kid":"a","e":"AQAB"}';
    const cases: [string, Answer, string][] = [
      [
        "a key set with other members",
        { status_code: 200, response_body: `{"keys":[${key}],"cache":"max-age=300"}` },
        `{"keys":[{"e":"AQAB","kid":"a","kty":"RSA","n":"AQAB"}]}`,
      ],
      [
        "the same set, respaced and reordered",
        { status_code: 200, response_body: `{ "cache": 1,\n "keys": [ ${key} ] }` },
        `{"keys":[{"e":"AQAB","kid":"a","kty":"RSA","n":"AQAB"}]}`,
      ],
      [
        "two keys, as the issuer lists them",
        { status_code: 200, response_body: `{"keys":[{"kid":"b","kty":"RSA"},{"kid":"a","kty":"EC","crv":"P-256"}]}` },
        `{"keys":[{"crv":"P-256","kid":"a","kty":"EC"},{"kid":"b","kty":"RSA"}]}`,
      ],
      [
        "the same two keys in the other order",
        { status_code: 200, response_body: `{"keys":[{"kid":"a","kty":"EC","crv":"P-256"},{"kid":"b","kty":"RSA"}]}` },
        `{"keys":[{"crv":"P-256","kid":"a","kty":"EC"},{"kid":"b","kty":"RSA"}]}`,
      ],
      [
        "keys without a kid or with a null one, first, and keys sharing a kid, in the issuer's order",
        { status_code: 200, response_body: `{"keys":[{"kid":"z","n":"2"},{"kty":"oct"},{"kid":null,"n":"0"},{"kid":"z","n":"1"}]}` },
        `{"keys":[{"kty":"oct"},{"kid":null,"n":"0"},{"kid":"z","n":"2"},{"kid":"z","n":"1"}]}`,
      ],
      ["an HTML page", { status_code: 200, response_body: "<html></html>" }, ""],
      ["keys that are not a list", { status_code: 200, response_body: '{"keys":{"kid":"a"}}' }, ""],
      ["a JSON object without keys", { status_code: 200, response_body: '{"error":"not_found"}' }, ""],
      ["an empty body", { status_code: 200, response_body: "" }, ""],
    ];
    expect(
      evaluate(
        shippedKeys,
        cases.map(([, answer]) => answer),
      ),
    ).toEqual(cases.map(([, , shipped]) => shipped));
  });
});
