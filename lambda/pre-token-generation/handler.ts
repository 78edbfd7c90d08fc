import { CLIENT_CREDENTIALS, type PreTokenGenerationEvent, userRequest } from "./event";
import { InvalidIdentityAttribute, identityOverrides } from "./identity";

export type LogSink = (line: string) => void;
const stdout: LogSink = (line) => process.stdout.write(`${line}\n`);

// Versions whose response can customize access tokens; `V1_0` customizes the ID token only.
const ACCESS_TOKEN_VERSIONS = ["2", "3"];

/**
 * Cognito's pre token generation trigger: puts `fhirUser` and `patient` into a person's tokens and
 * suppresses the scopes the person cannot hold. Machine clients' events (`V3_0`) pass untouched.
 * Any failure throws, and Cognito then fails the sign-in: a token is never issued unbounded.
 */
export function createHandler(env: Readonly<Record<string, string | undefined>>, sink: LogSink = stdout) {
  const region = env.AWS_REGION;
  return async (event: PreTokenGenerationEvent): Promise<PreTokenGenerationEvent> => {
    if (event?.triggerSource === CLIENT_CREDENTIALS) return event;
    const triggerSource = typeof event?.triggerSource === "string" ? event.triggerSource.slice(0, 64) : undefined;
    if (!ACCESS_TOKEN_VERSIONS.includes(event?.version)) {
      sink(JSON.stringify({ level: "error", triggerSource, problem: "event version" }));
      throw new Error("The pre token generation trigger needs event version V2_0 or V3_0, which customize access tokens");
    }
    const request = userRequest(event);
    if (!request) {
      sink(JSON.stringify({ level: "error", triggerSource, problem: "malformed request" }));
      throw new Error("The pre token generation event has no well-formed user attributes and scopes");
    }
    try {
      const details = identityOverrides(request.attributes, request.scopes, region);
      event.response = { claimsAndScopeOverrideDetails: details };
      const claims = Object.keys(details.accessTokenGeneration.claimsToAddOrOverride).join(",");
      sink(JSON.stringify({ level: "info", triggerSource, claims, suppressedScopes: details.accessTokenGeneration.scopesToSuppress.length }));
      return event;
    } catch (error) {
      // Which attribute, never its value.
      if (error instanceof InvalidIdentityAttribute)
        sink(JSON.stringify({ level: "error", triggerSource, problem: "invalid attribute", attribute: error.attribute }));
      throw error;
    }
  };
}
