import type { DenyError } from "../lambda/token-validator/deny";
import { operationOf, parseRequest } from "../lambda/token-validator/event";
import { LIMITS } from "../lambda/token-validator/limits";

const ENDPOINT = "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";
const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
const event = (bearerToken: unknown, datastoreEndpoint: unknown = ENDPOINT) => ({ datastoreEndpoint, operationName: "SearchWithGet", bearerToken });

const reasonOf = (input: unknown, region?: string) => {
  try {
    return parseRequest(input, region).token;
  } catch (err) {
    return (err as DenyError).reason;
  }
};

describe("parseRequest", () => {
  test.each([
    ["bare token", JWT, JWT],
    ["Bearer prefix", `Bearer ${JWT}`, JWT],
    ["lower-case prefix", `bearer ${JWT}`, JWT],
    ["upper-case prefix", `BEARER ${JWT}`, JWT],
    ["two spaces", `Bearer  ${JWT}`, "malformed"],
    ["tab", `Bearer\t${JWT}`, "malformed"],
    ["Basic scheme", `Basic ${JWT}`, "malformed"],
    ["prefix alone", "Bearer ", "malformed"],
    ["two tokens", `Bearer ${JWT} ${JWT}`, "malformed"],
    ["leading space", ` ${JWT}`, "malformed"],
    ["trailing newline", `${JWT}\n`, "malformed"],
    ["empty", "", "malformed"],
    ["number", 42, "malformed"],
    ["object", { token: JWT }, "malformed"],
    ["two segments", "a.b", "malformed"],
    ["four segments", "a.b.c.d", "malformed"],
    ["JWE (five segments)", "a.b.c.d.e", "malformed"],
    ["standard base64", "a+b.c/d.e", "malformed"],
    ["padding", `${JWT}==`, "malformed"],
    ["empty signature", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "malformed"],
    ["longest token accepted", `${"a".repeat(LIMITS.maxTokenLength - 4)}.b.c`, `${"a".repeat(LIMITS.maxTokenLength - 4)}.b.c`],
    ["one character too long", `${"a".repeat(LIMITS.maxTokenLength - 3)}.b.c`, "malformed"],
    ["a megabyte", `${"a".repeat(1 << 20)}.b.c`, "malformed"],
  ])("%s", (_name, bearerToken, expected) => {
    expect(reasonOf(event(bearerToken))).toBe(expected);
  });

  test.each([
    ["no trailing slash", ENDPOINT.slice(0, -1)],
    ["another service", ENDPOINT.replace("healthlake", "s3")],
    ["plain http", ENDPOINT.replace("https", "http")],
    ["a short datastore id", ENDPOINT.replace("0123456789abcdef0123456789abcdef", "0123")],
    ["upper-case id", ENDPOINT.replace("abcdef", "ABCDEF")],
    ["an R5 path", ENDPOINT.replace("/r4/", "/r5/")],
    ["a look-alike host", "https://healthlake.us-east-1.amazonaws.com.evil.example/datastore/0123456789abcdef0123456789abcdef/r4/"],
  ])("refuses a datastore endpoint with %s", (_name, endpoint) => {
    expect(reasonOf(event(JWT, endpoint))).toBe("endpoint");
  });

  test("refuses an endpoint in another region than the function's", () => {
    expect(reasonOf(event(JWT), "eu-west-2")).toBe("endpoint");
    expect(reasonOf(event(JWT), "us-east-1")).toBe(JWT);
  });

  test("needs all three fields, ignores extra ones", () => {
    expect(reasonOf({ datastoreEndpoint: ENDPOINT, bearerToken: JWT })).toBe("malformed");
    expect(reasonOf({ ...event(JWT), datastoreId: "x", extra: { nested: true } })).toBe(JWT);
    expect(reasonOf(event(JWT, 7))).toBe("malformed");
    expect(reasonOf(null)).toBe("malformed");
  });

  test("operationOf keeps only plain identifiers for logs", () => {
    expect(operationOf(event(JWT))).toBe("SearchWithGet");
    expect(operationOf({ operationName: "Search\nInjected" })).toBeUndefined();
    expect(operationOf("x")).toBeUndefined();
  });
});
