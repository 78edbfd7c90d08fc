import * as fs from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseClinicalScope } from "../smart/scope-grammar";
import { loopbackCertificate } from "./jwks-server";

/** The token validator as the stand-in calls it: an event in, HealthLake's answer out, and the log lines it wrote. */
export type Validator = (event: {
  datastoreEndpoint: string;
  operationName: string;
  bearerToken: string;
}) => Promise<{ answer: { authPayload: { isAuthorized: boolean; scope?: string; patient?: string } }; logLines: string[] }>;

export interface HealthLakeStandInOptions {
  /** The discovery document served at `.well-known/smart-configuration`. */
  readonly metadata: Record<string, unknown>;
  /** The validator; absent, HealthLake never calls it (an invoke permission it cannot satisfy) and refuses every token. */
  readonly validator?: Validator;
  /** The service role allows what the scopes ask; false: HealthLake refuses even what the validator allowed. */
  readonly roleAllows?: boolean;
  /** Discovery answers only SigV4-signed requests. */
  readonly signedDiscovery?: boolean;
  /**
   * Serve plain HTTP on loopback, for a client in this process that cannot be given the loopback
   * certificate without changing Node's global agent for every other test. @default false: HTTPS
   */
  readonly plainHttp?: boolean;
  /** Where the validator's log group is written, as CloudWatch Logs events (`testing/mock-cloudwatch-logs.cjs` reads it). */
  readonly logFile: string;
}

/** The endpoint HealthLake passes the validator, whatever address the stand-in listens on. */
export const STAND_IN_DATASTORE_ENDPOINT = "https://healthlake.us-east-1.amazonaws.com/datastore/0123456789abcdef0123456789abcdef/r4/";

/**
 * A HealthLake datastore on loopback, as far as its SMART on FHIR contract goes: discovery, and every
 * request with a bearer token handed to the token validator with `{ datastoreEndpoint, operationName,
 * bearerToken }`, its answer honoured (a deny, or scopes that do not cover the request, is a 403).
 * Each invocation is logged as the Lambda runtime and the validator would log it.
 */
export class HealthLakeStandIn {
  private server?: http.Server;
  base = "";

  constructor(private readonly options: HealthLakeStandInOptions) {
    fs.writeFileSync(options.logFile, "[]");
  }

  async start(): Promise<string> {
    const handle = (req: IncomingMessage, res: ServerResponse) => {
      this.handle(req, res).catch(() => res.writeHead(500).end());
    };
    const server = this.options.plainHttp ? http.createServer(handle) : https.createServer(loopbackCertificate(), handle);
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const scheme = this.options.plainHttp ? "http" : "https";
    this.base = `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}/datastore/0123456789abcdef0123456789abcdef/r4/`;
    return this.base;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "").replace(/^\/datastore\/[0-9a-f]{32}\/r4\//, "");
    if (path === ".well-known/smart-configuration") {
      const signed = req.headers.authorization?.startsWith("AWS4-HMAC-SHA256 ");
      if (this.options.signedDiscovery && !signed) return void res.writeHead(403).end('{"message":"Missing Authentication Token"}');
      return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(this.options.metadata));
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!bearer) return void res.writeHead(401).end('{"message":"Unauthorized"}');
    const { validator } = this.options;
    if (!validator) return void res.writeHead(403).end('{"message":"Forbidden"}');
    const operation = operationOf(req.method ?? "GET", path);
    const { answer, logLines } = await validator({
      datastoreEndpoint: STAND_IN_DATASTORE_ENDPOINT,
      operationName: operation.name,
      bearerToken: `Bearer ${bearer}`,
    });
    this.log(logLines);
    const payload = answer.authPayload;
    if (!payload.isAuthorized || !(this.options.roleAllows ?? true) || !covers(payload.scope ?? "", operation))
      return void res.writeHead(403).end('{"message":"Forbidden"}');
    // Fine-grained authorization: a token bound to a patient reads that patient's record, no other.
    const [type, id] = path.split(/[?]/)[0].split("/");
    if (operation.name === "ReadResource" && type === "Patient" && payload.patient !== undefined && id !== payload.patient)
      return void res.writeHead(403).end('{"message":"Forbidden"}');
    const resource =
      operation.name === "GetCapabilities"
        ? { resourceType: "CapabilityStatement" }
        : operation.name === "ReadResource"
          ? { resourceType: type, id }
          : { resourceType: "Bundle" };
    res.writeHead(200, { "content-type": "application/fhir+json" }).end(JSON.stringify(resource));
  }

  /** The runtime's REPORT line and the validator's own lines, as events of its log group. */
  private log(lines: readonly string[]): void {
    const events = JSON.parse(fs.readFileSync(this.options.logFile, "utf8")) as { timestamp: number; message: string }[];
    const now = Date.now();
    for (const message of [...lines, "REPORT RequestId: 00000000-0000-4000-8000-000000000000\tDuration: 1.00 ms"]) events.push({ timestamp: now, message });
    fs.writeFileSync(this.options.logFile, JSON.stringify(events));
  }
}

interface Operation {
  readonly name: string;
  readonly type: string;
  readonly write: boolean;
}

/** HealthLake's operation name and what it reaches, for the requests the smoke test makes. */
function operationOf(method: string, path: string): Operation {
  const type = path.split(/[/?]/)[0];
  if (type === "metadata") return { name: "GetCapabilities", type, write: false };
  if (method === "DELETE") return { name: "DeleteResource", type, write: true };
  if (method === "POST") return { name: "CreateResource", type, write: true };
  return { name: path.includes("/") ? "ReadResource" : "SearchWithGet", type, write: false };
}

/** Whether the scopes HealthLake received let this operation through. */
function covers(scope: string, operation: Operation): boolean {
  if (operation.name === "GetCapabilities") return true;
  return scope.split(" ").some((text) => {
    const parsed = parseClinicalScope(text);
    return parsed !== undefined && (parsed.type === "*" || parsed.type === operation.type) && (operation.write ? parsed.canWrite : parsed.canRead);
  });
}
