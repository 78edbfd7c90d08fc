/**
 * The pre token generation event of trigger version `V2_0` (and `V3_0`, which adds machine clients),
 * as far as this trigger reads it (Cognito developer guide, "Pre token generation Lambda trigger").
 */
export interface PreTokenGenerationEvent {
  readonly version: string;
  /** `TokenGeneration_HostedAuth`, `_Authentication`, `_NewPasswordChallenge`, `_AuthenticateDevice`, `_RefreshTokens`; `V3_0` adds `_ClientCredentials`. */
  readonly triggerSource: string;
  readonly region: string;
  readonly userPoolId: string;
  readonly userName?: string;
  readonly callerContext: { readonly awsSdkVersion: string; readonly clientId: string };
  readonly request: {
    readonly userAttributes: Readonly<Record<string, string>>;
    /** The scopes the access token is to carry. */
    readonly scopes?: readonly string[];
    readonly groupConfiguration?: unknown;
    readonly clientMetadata?: Readonly<Record<string, string>>;
  };
  response: Record<string, unknown>;
}

/** Token requests of machine clients: `V3_0` only. */
export const CLIENT_CREDENTIALS = "TokenGeneration_ClientCredentials";

/** The request's user attributes and scopes, or undefined when the event is not one Cognito sends. */
export function userRequest(event: unknown): { attributes: Record<string, string>; scopes: string[] } | undefined {
  const request = (event as { request?: unknown } | null)?.request as { userAttributes?: unknown; scopes?: unknown } | undefined;
  const attributes = request?.userAttributes;
  if (typeof attributes !== "object" || attributes === null || Array.isArray(attributes)) return undefined;
  if (!Object.values(attributes).every((value) => typeof value === "string")) return undefined;
  const scopes = request?.scopes ?? [];
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === "string")) return undefined;
  return { attributes: attributes as Record<string, string>, scopes };
}
