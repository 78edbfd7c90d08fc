import { HealthLakeClient } from "@aws-sdk/client-healthlake";
import { bringInLine } from "./bring-in-line";
import { parseRequest, readPinned } from "./configuration";
import { healthLakeApi } from "./healthlake-api";

// Created at init, reused across invocations; credentials and region come from the runtime. The
// SDK's own endpoint settings (AWS_ENDPOINT_URL_HEALTHLAKE, AWS_ENDPOINT_URL) apply to both calls.
const endpoint = process.env.AWS_ENDPOINT_URL_HEALTHLAKE ?? process.env.AWS_ENDPOINT_URL;
const api = healthLakeApi(new HealthLakeClient({}), endpoint);
const clock = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };
// Within the function's 120 s timeout (stacks/constructs/identity-provider-update.ts), with room for the calls.
// IAM applies a new role policy within seconds; 30 s of denials is a permission missing, not a policy on its way.
const OPTIONS = { waitMs: 90_000, pollMs: 3_000, propagationMs: 30_000 };

/**
 * Invoked by Terraform (`aws_lambda_invocation`) when the stack's identity provider configuration
 * changes: brings the datastore in line through UpdateFHIRDatastore, never by replacing it. The
 * result lands in Terraform state; an error fails the deploy with its message.
 */
export async function handler(event: unknown) {
  // Read per invocation: a missing variable fails this invocation, with its name, before any call.
  const request = parseRequest(event, readPinned(process.env));
  const result = await bringInLine(request, api, clock, OPTIONS);
  console.log(JSON.stringify({ datastoreId: result.datastoreId, updated: result.updated, changed: result.changed }));
  return result;
}
