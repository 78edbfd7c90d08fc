import * as https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type MutableResponse, OAuth2Server, type Payload } from "oauth2-mock-server";
import { loopbackCertificate } from "./jwks-server";

/** A request as the front leaves it for the mock: its token and whether its client authenticated. */
type IntrospectionRequest = IncomingMessage & { token?: string; authenticated?: boolean; body?: unknown };

/** How the introspection endpoint answers one token, given the answer oauth2-mock-server would send (`{ active: true }`). */
export type IntrospectionRule = (token: string, response: MutableResponse) => void;

/**
 * A real OAuth 2.0 / OpenID authorization server on loopback over HTTPS (oauth2-mock-server): discovery,
 * JWKS, signed JWTs of any shape, and RFC 7662 introspection. In front of it, a thin HTTPS listener that
 * reads the introspection request (the mock does not parse it), checks the client's credentials, and
 * can hold an answer back or replace it with HTML, so tests reach every failure the validator handles.
 */
export class LoopbackAuthorizationServer {
  readonly oauth = new OAuth2Server();
  /** Credentials the introspection endpoint accepts (Basic, RFC 6749 section 2.3.1). */
  client = { id: "healthlake-validator", secret: "first-secret" };
  /** Decides each introspection answer; by default every token is active. */
  introspection: IntrospectionRule = () => {};
  /** Introspection answers wait this long. */
  delayMs = 0;
  /** Introspection answers are this HTML page, status 200, instead. */
  html?: string;
  /** Introspection requests received, and those with the right credentials. */
  readonly calls = { introspection: 0, authenticated: 0 };
  private server?: https.Server;
  private rs256Kid?: string;

  get issuer(): string {
    return this.oauth.issuer.url as string;
  }

  get jwksUri(): string {
    return `${this.issuer}/jwks`;
  }

  get introspectionEndpoint(): string {
    return `${this.issuer}/introspect`;
  }

  async start(): Promise<void> {
    this.oauth.service.on("beforeIntrospect", (response: MutableResponse, req: IntrospectionRequest) => {
      if (!req.authenticated) {
        response.statusCode = 401;
        response.body = { error: "invalid_client" };
        return;
      }
      this.introspection(req.token ?? "", response);
    });
    const server = https.createServer(loopbackCertificate(), (req, res) => this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.oauth.issuer.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** A key of this algorithm, published in the JWKS; tokens are signed with the newest RS256 key unless `kid` says otherwise. */
  async addKey(alg: "RS256" | "PS256" | "ES256"): Promise<string> {
    const key = await this.oauth.issuer.keys.generate(alg);
    if (alg === "RS256") this.rs256Kid = key.kid;
    return key.kid;
  }

  /** A JWT of this issuer, its payload shaped by `claims` (set a claim to undefined to remove it). */
  token(claims: Readonly<Record<string, unknown>>, options: { kid?: string; expiresIn?: number } = {}): Promise<string> {
    return this.oauth.issuer.buildToken({
      kid: options.kid ?? this.rs256Kid,
      expiresIn: options.expiresIn ?? 600,
      scopesOrTransform: (_header, payload: Payload) => {
        for (const [name, value] of Object.entries(claims)) {
          if (value === undefined) delete payload[name];
          else payload[name] = value;
        }
      },
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private handle(req: IntrospectionRequest, res: ServerResponse): void {
    if (req.method !== "POST" || !req.url?.startsWith("/introspect")) {
      this.oauth.service.requestHandler(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      this.calls.introspection++;
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      req.token = form.get("token") ?? undefined;
      // The body is read here; the mock's JSON parser must not wait for it again.
      req.body = {};
      const [id, secret] = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64")
        .toString("utf8")
        .split(":")
        .map(decodeURIComponent);
      req.authenticated = id === this.client.id && secret === this.client.secret;
      if (req.authenticated) this.calls.authenticated++;
      const answer = () => {
        if (res.destroyed) return;
        if (this.html === undefined) this.oauth.service.requestHandler(req, res);
        else res.writeHead(200, { "content-type": "text/html" }).end(this.html);
      };
      if (this.delayMs > 0) setTimeout(answer, this.delayMs).unref();
      else answer();
    });
  }
}
