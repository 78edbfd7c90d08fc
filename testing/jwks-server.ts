import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";

/** A self-signed certificate for 127.0.0.1, made once per process with openssl. */
let certificate: { key: string; cert: string } | undefined;
export function loopbackCertificate(): { key: string; cert: string } {
  if (!certificate) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jwks-cert-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        path.join(dir, "key.pem"),
        "-out",
        path.join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    certificate = { key: fs.readFileSync(path.join(dir, "key.pem"), "utf8"), cert: fs.readFileSync(path.join(dir, "cert.pem"), "utf8") };
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return certificate;
}

/**
 * An HTTPS JWKS endpoint on loopback whose keys can be swapped, that counts downloads, and can
 * stop answering, answer 200 with any body, or hold its next answer back.
 */
export class JwksServer {
  keys: Record<string, string>[] = [];
  hang = false;
  /** Served with status 200 instead of the key set, when set. */
  body?: string;
  /** The next answer waits this long (once). */
  delayNextMs = 0;
  private readonly requested = new Map<string, number>();
  private server?: https.Server;
  private base = "";

  /** How many times `uri` (one of this server's) was requested. */
  downloads(uri: string): number {
    return this.requested.get(new URL(uri).pathname + new URL(uri).search) ?? 0;
  }

  async start(): Promise<string> {
    const server = https.createServer(loopbackCertificate(), (req, res) => {
      this.requested.set(req.url ?? "", (this.requested.get(req.url ?? "") ?? 0) + 1);
      if (this.hang) return; // accept the request, never answer
      const body = this.body ?? JSON.stringify({ keys: this.keys });
      const delay = this.delayNextMs;
      this.delayNextMs = 0;
      const answer = () => {
        if (res.destroyed) return; // the client gave up meanwhile
        res.writeHead(200, { "content-type": this.body === undefined ? "application/json" : "text/html" });
        res.end(body);
      };
      if (delay > 0) setTimeout(answer, delay).unref();
      else answer();
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.uri("default");
  }

  /** A JWKS URL of its own for one client, so downloads are counted per client. */
  uri(client: string): string {
    return `${this.base}/${client}/.well-known/jwks.json`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
