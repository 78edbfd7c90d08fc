import { DescribeFHIRDatastoreCommand, type HealthLakeClient } from "@aws-sdk/client-healthlake";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import type { HealthLakeApi } from "./bring-in-line";
import type { IdentityProviderConfiguration } from "./configuration";

// One API call; Terraform waits for the whole invocation, so no call may hang it.
const CALL_TIMEOUT_MS = 10_000;

/**
 * HealthLake through the runtime's AWS SDK. UpdateFHIRDatastore is in HealthLake's API reference but in
 * no AWS SDK for JavaScript yet (@aws-sdk/client-healthlake 3.1048.0 has 13 commands, not this one), so
 * it is sent as the SDK would send it, in the service's JSON 1.0 protocol, signed by the SDK's own
 * SigV4 signer with the client's credentials. When the SDK gains UpdateFHIRDatastoreCommand, use it.
 *
 * @param endpoint HealthLake's endpoint. @default - `https://healthlake.<region>.amazonaws.com`
 */
export function healthLakeApi(client: HealthLakeClient, endpoint?: string): HealthLakeApi {
  return {
    async describe(datastoreId) {
      const { DatastoreProperties: properties } = await client.send(new DescribeFHIRDatastoreCommand({ DatastoreId: datastoreId }), {
        abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      const configuration = properties?.IdentityProviderConfiguration;
      return {
        status: String(properties?.DatastoreStatus),
        configuration: configuration && {
          AuthorizationStrategy: String(configuration.AuthorizationStrategy),
          FineGrainedAuthorizationEnabled: configuration.FineGrainedAuthorizationEnabled === true,
          IdpLambdaArn: configuration.IdpLambdaArn,
          Metadata: configuration.Metadata,
        },
      };
    },

    async update(datastoreId, configuration: IdentityProviderConfiguration) {
      const region = await client.config.region();
      const url = new URL(endpoint ?? `https://healthlake.${region}.amazonaws.com/`);
      const body = JSON.stringify({ DatastoreId: datastoreId, IdentityProviderConfiguration: configuration });
      const signer = new SignatureV4({ service: "healthlake", region, credentials: client.config.credentials, sha256: Hash.bind(null, "sha256") });
      const signed = await signer.sign({
        method: "POST",
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: url.pathname,
        headers: {
          host: url.host,
          "content-type": "application/x-amz-json-1.0",
          "x-amz-target": "HealthLake.UpdateFHIRDatastore",
        },
        body,
      });
      const response = await fetch(url, {
        method: "POST",
        headers: signed.headers as Record<string, string>,
        body,
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      const text = await response.text();
      if (!response.ok) throw refusal(response.status, text);
    },
  };
}

/** An error named after AWS's error type (`__type` of a JSON 1.0 error body, after any namespace `#`), as the SDK's are. */
function refusal(status: number, text: string): Error {
  let type = "UnknownError";
  let message = text.slice(0, 200);
  try {
    const body = JSON.parse(text) as { __type?: string; message?: string; Message?: string };
    type = body.__type?.split("#").pop() ?? type;
    message = body.message ?? body.Message ?? "";
  } catch {
    // Not JSON: keep the start of the text.
  }
  const error = new Error(`UpdateFHIRDatastore refused: HTTP ${status} ${type}: ${message}`.trim());
  error.name = type;
  return error;
}
