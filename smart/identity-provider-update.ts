import { createHash } from "node:crypto";

/**
 * The identity provider update: the contract between the stack (stacks/constructs/identity-provider-update.ts),
 * which writes the function's environment, and the function (lambda/identity-provider-update/). The
 * environment fixes everything the function may send to HealthLake, so an invocation can only bring the
 * datastore in line with this stack, never point it elsewhere.
 */
export const IDENTITY_PROVIDER_UPDATE_ENVIRONMENT = {
  /** The one datastore it may update. */
  datastoreId: "DATASTORE_ID",
  /** The validator (its alias) HealthLake must call. */
  idpLambdaArn: "IDP_LAMBDA_ARN",
  authorizationStrategy: "AUTHORIZATION_STRATEGY",
  /** `true` or `false`. */
  fineGrainedAuthorization: "FINE_GRAINED_AUTHORIZATION",
  /** Hex SHA-256 of the metadata document as Terraform's `jsonencode` writes it (`terraformJsonencode`). */
  metadataSha256: "METADATA_SHA256",
} as const;

/**
 * JSON as Terraform's `jsonencode` writes it, so that a digest the stack computes at deploy
 * (`sha256(jsonencode(...))`) can be computed again from the value the function receives: object keys in
 * sorted order, no spaces, and `<`, `>`, `&`, U+2028 and U+2029 escaped (Go's encoder). For the values a
 * SMART configuration holds: objects, arrays, strings, booleans, null, safe integers (any other number is refused).
 */
export function terraformJsonencode(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(terraformJsonencode).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const object = value as Record<string, unknown>;
    // Go compares strings byte by byte (UTF-8), as Buffer.compare does.
    const keys = Object.keys(object).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return `{${keys.map((key) => `${goString(key)}:${terraformJsonencode(object[key])}`).join(",")}}`;
  }
  if (typeof value === "string") return goString(value);
  // Terraform writes numbers exactly, JavaScript in its own way past 2^53, for -0 and in exponents: a
  // document the two would encode differently is refused, not digested wrongly (a SMART configuration has none).
  if (typeof value === "number" && (!Number.isSafeInteger(value) || Object.is(value, -0)))
    throw new Error(`the metadata holds the number ${value}, which Terraform's jsonencode writes differently: use an integer or a string`);
  return JSON.stringify(value);
}

const GO_ESCAPES: Readonly<Record<string, string>> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };
const goString = (text: string) => JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]);

/** The digest the stack pins the metadata document with. */
export const metadataDigest = (metadata: unknown): string => createHash("sha256").update(terraformJsonencode(metadata)).digest("hex");
