import { decodeJsonencode } from "../support/jsonencode";
import type { TerraformJson } from "../support/synth";

/** One violation: where, and what is wrong. */
export interface Finding {
  readonly address: string;
  readonly message: string;
}

/** A change to a copy of the complete stack's JSON. */
export type Change = (stack: TerraformJson) => unknown;

/**
 * A check over one synthesized stack, named after its checkov / Trivy IDs where they exist, with the
 * cases that show it working beside it (cdk-nag style): the complete stack with `breaks` applied must
 * fail it, and with `keeps` applied must pass it.
 */
export interface Rule {
  /** First the scanner IDs it mirrors (checkov CKV_*, Trivy AVD-AWS-*), or a project ID (HLS-*). */
  readonly ids: readonly string[];
  readonly description: string;
  /** Breaks the rule. @default - none: the complete stack breaks it as synthesized (a waived rule) */
  readonly breaks?: Change;
  /** Makes the complete stack keep the rule. @default - none: it keeps it as synthesized */
  readonly keeps?: Change;
  check(stack: TerraformJson): Finding[];
}

/** A resource block of a stack, to change in a case. */
export const r = (stack: TerraformJson, type: string, name: string) => stack.resource[type][name];

/** A policy document as JSON text, to put in a case. */
export const policy = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

export type Block = Record<string, any>;

/** Every resource of a type, with its address. */
export function resources(stack: TerraformJson, type: string): [string, Block][] {
  return Object.entries(stack.resource[type] ?? {}).map(([name, block]) => [`${type}.${name}`, block]);
}

export interface Statement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: string | Record<string, string | string[]>;
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

/** The statements of a policy attribute, whether a jsonencode(...) expression or a JSON string. */
export function statements(policy: string | undefined): Statement[] {
  if (!policy) return [];
  const document = (policy.startsWith("${jsonencode(") ? decodeJsonencode(policy) : JSON.parse(policy)) as { Statement: Statement | Statement[] };
  return ([] as Statement[]).concat(document.Statement);
}

export const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : ([] as T[]).concat(value));

/** True when a principal is everyone: "*" or { AWS: "*" }. */
export function isPublicPrincipal(principal: Statement["Principal"]): boolean {
  if (principal === "*") return true;
  return typeof principal === "object" && list(principal.AWS).includes("*");
}

/** Does this reference (e.g. "${aws_s3_bucket.data.id}") point at the resource with this address? */
export const refersTo = (value: unknown, address: string) => typeof value === "string" && value.startsWith(`\${${address}.`);
