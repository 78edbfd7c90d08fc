import { randomUUID } from "node:crypto";
import * as https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type MutableRedirectUri, type MutableResponse, type MutableToken, OAuth2Server } from "oauth2-mock-server";
import { loopbackCertificate } from "./jwks-server";

/** An app client of the pool: confidential with a secret, public without. */
export interface StandInClient {
  readonly id: string;
  readonly secret?: string;
  readonly redirectUris: readonly string[];
  /** The scopes the client may request (`allowed_oauth_scopes`). */
  readonly scopes: readonly string[];
}

/** The person who signs in at the hosted UI, with the attributes an administrator set. */
export interface StandInUser {
  readonly username: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** What the pre token generation trigger answers for a sign-in: claims to add, scopes to suppress. */
export type TokenCustomization = (
  user: StandInUser,
  clientId: string,
  scopes: readonly string[],
) => Promise<{ readonly claims: Record<string, unknown>; readonly suppress: readonly string[] }>;

/** One grant in progress: what the authorization code or refresh token stands for. */
interface Grant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly user: StandInUser;
  readonly challenge: boolean;
}

type TokenRequest = IncomingMessage & { body?: Record<string, string>; grant?: Grant; issued?: { claims: Record<string, unknown>; scopes: string[] } };

/**
 * Cognito's hosted UI and token endpoint on loopback over HTTPS, built on oauth2-mock-server (which
 * signs the tokens, serves the JWKS and checks PKCE), shaped as Cognito behaves where a SMART app
 * meets it: `/oauth2/authorize` refuses an unregistered client or callback and any scope the client
 * may not request; `/oauth2/token` authenticates confidential clients with their secret and public
 * ones by `client_id`, issues Cognito's claims (iss of the pool, `token_use`, `client_id`, `scope`)
 * plus the trigger's, and answers only `access_token`, `id_token`, `refresh_token`, `expires_in` and
 * `token_type`: no `scope`, no `patient`. Sign-in is headless: `signIn` names who signs in next.
 */
export class CognitoStandIn {
  readonly oauth = new OAuth2Server();
  /** Every authorization request that reached the hosted UI, as its query parameters. */
  readonly authorizeRequests: Record<string, string>[] = [];
  private server?: https.Server;
  private nextUser?: StandInUser;
  private readonly codes = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, Grant>();

  constructor(
    private readonly pool: { readonly region: string; readonly userPoolId: string },
    private readonly clients: readonly StandInClient[],
    private readonly customize: TokenCustomization,
  ) {}

  /** The hosted UI's base URL, which the front calls `COGNITO_BASE_URL`. */
  get baseUrl(): string {
    return this.oauth.issuer.url as string;
  }

  get jwksUri(): string {
    return `${this.baseUrl}/jwks`;
  }

  /** `iss` of the pool's tokens. */
  get issuer(): string {
    return `https://cognito-idp.${this.pool.region}.amazonaws.com/${this.pool.userPoolId}`;
  }

  signIn(user: StandInUser): void {
    this.nextUser = user;
  }

  async start(): Promise<void> {
    await this.oauth.issuer.keys.generate("RS256");
    this.oauth.service.on("beforeAuthorizeRedirect", (redirect: MutableRedirectUri, req: IncomingMessage) => this.recordCode(redirect, req));
    this.oauth.service.on("beforeTokenSigning", (token: MutableToken, req: TokenRequest) => this.shapeToken(token, req));
    this.oauth.service.on("beforeResponse", (response: MutableResponse, req: TokenRequest) => this.shapeResponse(response, req));
    const server = https.createServer(loopbackCertificate(), (req, res) => {
      this.handle(req as TokenRequest, res).catch(() => res.writeHead(500).end());
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.oauth.issuer.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: TokenRequest, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.baseUrl);
    if (req.method === "GET" && url.pathname === "/oauth2/authorize") return this.authorize(req, res, url);
    if (req.method === "POST" && url.pathname === "/oauth2/token") return this.token(req, res);
    if (req.method === "GET" && url.pathname === "/jwks") return void this.oauth.service.requestHandler(req, res);
    res.writeHead(404).end();
  }

  private authorize(req: TokenRequest, res: ServerResponse, url: URL): void {
    const query = Object.fromEntries(url.searchParams);
    this.authorizeRequests.push(query);
    const client = this.clients.find((c) => c.id === query.client_id);
    if (!client?.redirectUris.includes(query.redirect_uri ?? "")) {
      res.writeHead(400, { "content-type": "text/html" }).end("<p>redirect_mismatch</p>");
      return;
    }
    const back = new URL(query.redirect_uri);
    const refuse = (error: string) => {
      back.searchParams.set("error", error);
      if (query.state) back.searchParams.set("state", query.state);
      res.writeHead(302, { location: back.href }).end();
    };
    const scopes = (query.scope ?? "").split(" ").filter(Boolean);
    if (scopes.some((scope) => !client.scopes.includes(scope))) {
      refuse("invalid_scope");
      return;
    }
    if (!this.nextUser) {
      refuse("access_denied");
      return;
    }
    req.url = `/authorize${url.search}`;
    this.oauth.service.requestHandler(req, res);
  }

  private recordCode(redirect: MutableRedirectUri, req: IncomingMessage): void {
    const query = new URL(req.url ?? "/", this.baseUrl).searchParams;
    const code = redirect.url.searchParams.get("code");
    if (code === null || !this.nextUser) return;
    this.codes.set(code, {
      clientId: query.get("client_id") ?? "",
      redirectUri: query.get("redirect_uri") ?? "",
      scopes: (query.get("scope") ?? "").split(" ").filter(Boolean),
      user: this.nextUser,
      challenge: query.has("code_challenge"),
    });
  }

  private async token(req: TokenRequest, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const error = (status: number, code: string) =>
      void res.writeHead(status, { "content-type": "application/json;charset=UTF-8" }).end(JSON.stringify({ error: code }));
    if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return error(400, "invalid_request");
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
    const client = this.authenticate(req.headers.authorization, form.client_id);
    if (!client) return error(400, "invalid_client");
    let grant: Grant | undefined;
    if (form.grant_type === "authorization_code") {
      grant = this.codes.get(form.code ?? "");
      this.codes.delete(form.code ?? "");
      if (!grant || grant.clientId !== client.id || grant.redirectUri !== form.redirect_uri) return error(400, "invalid_grant");
      // A code issued for a PKCE challenge needs its verifier (the mock checks that it matches).
      if (grant.challenge && form.code_verifier === undefined) return error(400, "invalid_grant");
    } else if (form.grant_type === "refresh_token") {
      grant = this.refreshTokens.get(form.refresh_token ?? "");
      if (!grant || grant.clientId !== client.id) return error(400, "invalid_grant");
    } else {
      return error(400, "unsupported_grant_type");
    }
    const { claims, suppress } = await this.customize(grant.user, grant.clientId, grant.scopes);
    req.grant = grant;
    req.issued = { claims, scopes: grant.scopes.filter((scope) => !suppress.includes(scope)) };
    // The body is read: the mock's parsers skip a request marked parsed and keep this body.
    req.body = form;
    (req as { _body?: boolean })._body = true;
    req.url = "/token";
    this.oauth.service.requestHandler(req, res);
  }

  private authenticate(authorization: string | undefined, bodyClientId: string | undefined): StandInClient | undefined {
    if (authorization?.startsWith("Basic ")) {
      const [id, secret] = Buffer.from(authorization.slice(6), "base64").toString("utf8").split(":");
      return this.clients.find((c) => c.secret !== undefined && c.id === id && c.secret === secret);
    }
    return this.clients.find((c) => c.secret === undefined && c.id === bodyClientId);
  }

  /** Cognito's claims on the mock's tokens: the access token is the one the mock gives `amr`. */
  private shapeToken(token: MutableToken, req: TokenRequest): void {
    const { grant, issued } = req;
    if (!grant || !issued) return;
    const payload = token.payload;
    const access = "amr" in payload;
    for (const name of ["amr", "nbf", "aud", "scope"]) delete payload[name];
    const sub = `sub-${grant.user.username}`;
    const common = { iss: this.issuer, sub, auth_time: payload.iat, jti: randomUUID(), origin_jti: randomUUID(), event_id: randomUUID() };
    if (access) {
      Object.assign(
        payload,
        common,
        { client_id: grant.clientId, token_use: "access", scope: issued.scopes.join(" "), username: grant.user.username, version: 2 },
        issued.claims,
      );
    } else {
      // The ID token: the trigger's fhirUser lands here too (V2_0 customizes both tokens).
      const fhirUser = issued.claims.fhirUser;
      Object.assign(
        payload,
        common,
        { aud: grant.clientId, token_use: "id", "cognito:username": grant.user.username },
        fhirUser === undefined ? {} : { fhirUser },
      );
    }
  }

  /** Only Cognito's members: an ID token only with `openid`, a refresh token only for a code grant. */
  private shapeResponse(response: MutableResponse, req: TokenRequest): void {
    const { grant, issued } = req;
    if (!grant || !issued) return;
    const body = response.body as Record<string, unknown>;
    const shaped: Record<string, unknown> = { access_token: body.access_token, expires_in: body.expires_in, token_type: "Bearer" };
    if (issued.scopes.includes("openid")) shaped.id_token = body.id_token;
    if (req.body?.grant_type === "authorization_code" && typeof body.refresh_token === "string") {
      shaped.refresh_token = body.refresh_token;
      this.refreshTokens.set(body.refresh_token, grant);
    }
    response.body = shaped;
  }
}
