import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";

export interface StandInCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface StandInDatastore {
  readonly id: string;
  status: string;
  configuration?: Record<string, unknown>;
}

export interface ControlPlaneRequest {
  readonly target: string;
  readonly contentType: string | undefined;
  readonly body: Record<string, unknown>;
}

/**
 * HealthLake's control plane on loopback, for the operations the identity provider update uses: the
 * JSON 1.0 protocol (`POST /`, `X-Amz-Target: HealthLake.<Operation>`), each request's SigV4 signature
 * recomputed from what arrived and refused when it differs, DescribeFHIRDatastore and
 * UpdateFHIRDatastore (which replaces the identity provider configuration whole), and AWS's error shape.
 */
export class HealthLakeControlPlane {
  readonly requests: ControlPlaneRequest[] = [];
  /** The next UpdateFHIRDatastore answers this error instead. */
  refuseNextUpdate?: { readonly status: number; readonly type: string; readonly message: string };

  private constructor(
    private readonly server: http.Server,
    readonly datastore: StandInDatastore,
  ) {}

  static async start(datastore: StandInDatastore, credentials: StandInCredentials, region: string): Promise<HealthLakeControlPlane> {
    const signer = new SignatureV4({ service: "healthlake", region, credentials, sha256: Hash.bind(null, "sha256") });
    let plane: HealthLakeControlPlane | undefined;
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        void plane?.handle(request, Buffer.concat(chunks).toString("utf8"), signer).then(([status, body]) => {
          response.writeHead(status, { "content-type": "application/x-amz-json-1.0" });
          response.end(JSON.stringify(body));
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    plane = new HealthLakeControlPlane(server, datastore);
    return plane;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, text: string, signer: SignatureV4): Promise<[number, Record<string, unknown>]> {
    if (!(await signatureMatches(request, text, signer)))
      return error(403, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
    const target = String(request.headers["x-amz-target"] ?? "");
    const body = JSON.parse(text || "{}") as Record<string, unknown>;
    this.requests.push({ target, contentType: request.headers["content-type"], body });
    if (request.method !== "POST" || request.url !== "/") return error(404, "UnknownOperationException", "");
    if (body.DatastoreId !== this.datastore.id) return error(400, "ResourceNotFoundException", "The requested data store was not found.");
    const { datastore } = this;
    switch (target) {
      case "HealthLake.DescribeFHIRDatastore":
        return [
          200,
          {
            DatastoreProperties: {
              DatastoreId: datastore.id,
              DatastoreArn: `arn:aws:healthlake:us-east-1:111122223333:datastore/fhir/${datastore.id}`,
              DatastoreName: "stand-in",
              DatastoreStatus: datastore.status,
              DatastoreTypeVersion: "R4",
              DatastoreEndpoint: `https://healthlake.us-east-1.amazonaws.com/datastore/${datastore.id}/r4/`,
              CreatedAt: 1_764_460_800,
              IdentityProviderConfiguration: datastore.configuration,
            },
          },
        ];
      case "HealthLake.UpdateFHIRDatastore": {
        const refusal = this.refuseNextUpdate;
        this.refuseNextUpdate = undefined;
        if (refusal) return error(refusal.status, refusal.type, refusal.message);
        if (datastore.status !== "ACTIVE") return error(400, "ConflictException", "The data store is in a transition state.");
        datastore.configuration = body.IdentityProviderConfiguration as Record<string, unknown>;
        return [200, { DatastoreId: datastore.id, DatastoreStatus: datastore.status }];
      }
      default:
        return error(400, "UnknownOperationException", target);
    }
  }
}

function error(status: number, type: string, message: string): [number, Record<string, unknown>] {
  return [status, { __type: `com.amazonaws.healthlake#${type}`, message }];
}

/** Signs what arrived again, over the headers the client says it signed, and compares the signatures. */
async function signatureMatches(request: http.IncomingMessage, body: string, signer: SignatureV4): Promise<boolean> {
  const authorization = String(request.headers.authorization ?? "");
  const parts = /^AWS4-HMAC-SHA256 Credential=[^,]+, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(authorization);
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(request.headers["x-amz-date"] ?? ""));
  if (!parts || !date) return false;
  const signedHeaders = parts[1].split(";");
  const headers = Object.fromEntries(signedHeaders.map((name) => [name, String(request.headers[name] ?? "")]));
  const url = new URL(request.url ?? "/", "http://placeholder");
  const again = await signer.sign(
    { method: request.method ?? "POST", protocol: "http:", hostname: String(request.headers.host).split(":")[0], path: url.pathname, query: {}, headers, body },
    { signingDate: new Date(Date.UTC(+date[1], +date[2] - 1, +date[3], +date[4], +date[5], +date[6])), signableHeaders: new Set(signedHeaders) },
  );
  return String(again.headers.authorization) === authorization;
}
