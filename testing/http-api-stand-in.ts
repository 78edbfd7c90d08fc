import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** The Lambda behind the API, as API Gateway invokes it: a payload format 2.0 event in, its response out. */
export type ProxyIntegration = (event: Record<string, unknown>) => Promise<{ statusCode: number; headers?: Record<string, string>; body?: string }>;

// API Gateway passes these bodies as text; every other one (a form too) base64-encoded.
const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript))/;

/**
 * An API Gateway HTTP API on loopback, as far as a Lambda proxy integration goes: a request that
 * matches one of its route keys (`"GET /authorize"`) becomes a payload format 2.0 event (lower-case
 * headers, the raw query string, a form body base64-encoded), any other is API Gateway's 404.
 */
export class HttpApiStandIn {
  private server?: http.Server;
  base = "";
  /** Every answer the integration gave, with its route and the request's Origin. */
  readonly answers: { routeKey: string; origin?: string; statusCode: number; headers: Record<string, string>; body: string }[] = [];

  constructor(
    private readonly routes: readonly string[],
    private readonly integration: ProxyIntegration,
  ) {}

  async start(): Promise<string> {
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch(() => res.writeHead(500).end('{"message":"Internal Server Error"}'));
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.base;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.base);
    const routeKey = `${req.method} ${url.pathname}`;
    if (!this.routes.includes(routeKey)) return void res.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not Found"}');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(",") : (value ?? "")]));
    const text = TEXT_TYPES.test(headers["content-type"] ?? "");
    const answer = await this.integration({
      version: "2.0",
      routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      requestContext: { http: { method: req.method, path: url.pathname } },
      ...(body.length === 0 ? { isBase64Encoded: false } : { body: body.toString(text ? "utf8" : "base64"), isBase64Encoded: !text }),
    });
    this.answers.push({ routeKey, origin: headers.origin, statusCode: answer.statusCode, headers: answer.headers ?? {}, body: answer.body ?? "" });
    res.writeHead(answer.statusCode, answer.headers ?? {}).end(answer.body ?? "");
  }
}
