import { CloudWatchLogsClient, FilterLogEventsCommand, type FilteredLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import type { ValidatorEvidence } from "./diagnose";
import type { SmokeResponse } from "./run";

/** A GET signed with SigV4 for HealthLake, with the caller's AWS credentials (the SDK's default chain). */
export async function signedGet(url: string, region: string): Promise<SmokeResponse> {
  const parsed = new URL(url);
  const signer = new SignatureV4({ service: "healthlake", region, credentials: defaultProvider(), sha256: Hash.bind(null, "sha256") });
  const signed = await signer.sign({
    method: "GET",
    protocol: parsed.protocol,
    hostname: parsed.hostname,
    path: parsed.pathname,
    query: Object.fromEntries(parsed.searchParams),
    headers: { host: parsed.host, accept: "application/json" },
  });
  const response = await fetch(url, { headers: signed.headers as Record<string, string> });
  return { status: response.status, body: await response.text() };
}

// How often to look for a request's log lines while waiting for the runtime to write them.
const LOG_POLL_MS = 500;

/**
 * The validator's log lines between two times: the runtime's REPORT lines count invocations, and
 * the validator's own JSON lines give each decision and reason (never token material: docs/validator.md).
 * Waits up to `waitMs` for a REPORT line of the window (CloudWatch Logs takes seconds to show one), then
 * reports what it has.
 */
export function validatorEvidence(functionName: string, region: string, waitMs: number) {
  const logs = new CloudWatchLogsClient({ region });
  return async (from: number, to: number): Promise<ValidatorEvidence> => {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const events = await filterEvents(logs, `/aws/lambda/${functionName}`, from, to);
      const invocations = events.filter((event) => event.message?.startsWith("REPORT ")).length;
      if (invocations > 0 || Date.now() >= deadline) return { invocations, decisions: events.flatMap((event) => decisionOf(event.message)) };
      await new Promise((resolve) => setTimeout(resolve, LOG_POLL_MS));
    }
  };
}

async function filterEvents(logs: CloudWatchLogsClient, logGroupName: string, startTime: number, endTime: number): Promise<FilteredLogEvent[]> {
  const events: FilteredLogEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(new FilterLogEventsCommand({ logGroupName, startTime, endTime, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

function decisionOf(message: string | undefined): ValidatorEvidence["decisions"] {
  try {
    const line = JSON.parse(message ?? "") as { decision?: unknown; reason?: unknown };
    if (line.decision !== "allow" && line.decision !== "deny") return [];
    return [{ decision: line.decision, reason: typeof line.reason === "string" ? line.reason : undefined }];
  } catch {
    return [];
  }
}
