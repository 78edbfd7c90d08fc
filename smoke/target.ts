import { execFileSync } from "node:child_process";
import * as path from "node:path";

/** What the smoke test needs to know about one deployed stack. */
export interface SmokeTarget {
  readonly stack: string;
  /** The datastore's FHIR base URL, ending with `/`. */
  readonly datastoreEndpoint: string;
  readonly region: string;
  /** The discovery document the stack created the datastore with. */
  readonly intended: Readonly<Record<string, unknown>>;
  readonly validatorFunction: string;
  /** A machine client (client credentials); absent when the stack has none and none is given. */
  readonly client?: { readonly id: string; readonly secret: string };
}

/** A problem that stops the smoke test before it asks anything of AWS. Its message names no secret. */
export class SmokeSetupError extends Error {}

type Outputs = Readonly<Record<string, { readonly value: unknown } | undefined>>;
type Credentials = { client_id: string; client_secret: string };

/** `terraform output -json` of the stack's folder under cdktf.out (after a deploy). */
export function readOutputs(stack: string, root = process.cwd()): Outputs {
  const dir = path.join(root, "cdktf.out", "stacks", stack);
  try {
    return JSON.parse(execFileSync("terraform", [`-chdir=${dir}`, "output", "-json"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })) as Outputs;
  } catch {
    throw new SmokeSetupError(`could not read the outputs of ${dir}: run \`npx cdktf synth\` and deploy the stack ${stack} first`);
  }
}

/**
 * The target from the stack's outputs. The machine client is the stack's own (Cognito), else the one
 * given in SMOKE_CLIENT_ID and SMOKE_CLIENT_SECRET (an external authorization server's).
 */
export function targetOf(stack: string, outputs: Outputs, env: Readonly<Record<string, string | undefined>>): SmokeTarget {
  const value = <T>(name: string): T => {
    const output = outputs[name];
    if (output === undefined) throw new SmokeSetupError(`the stack ${stack} has no output ${name}: is it a SMART on FHIR stack of this project, deployed?`);
    return output.value as T;
  };
  const datastoreEndpoint = value<string>("datastore_endpoint");
  // The endpoint names its region; a stand-in's (tests) does not, and AWS_REGION says it.
  const region = /^https:\/\/healthlake\.([a-z0-9-]+)\.amazonaws\.com\//.exec(datastoreEndpoint)?.[1] ?? env.AWS_REGION;
  if (region === undefined) throw new SmokeSetupError(`datastore_endpoint ${datastoreEndpoint} is not a HealthLake endpoint, and AWS_REGION is not set`);
  return {
    stack,
    datastoreEndpoint,
    region,
    intended: value<Record<string, unknown>>("smart_configuration"),
    validatorFunction: value<string>("token_validator_function_name"),
    client: machineClient(outputs, env),
  };
}

function machineClient(outputs: Outputs, env: Readonly<Record<string, string | undefined>>): SmokeTarget["client"] {
  if (env.SMOKE_CLIENT_ID && env.SMOKE_CLIENT_SECRET) return { id: env.SMOKE_CLIENT_ID, secret: env.SMOKE_CLIENT_SECRET };
  // The first app client is at `client`; a second is `machine` or `people` (docs/configuration.md).
  const credentials = (
    outputs.cognito_machine_client_credentials ?? (outputs.cognito_people_client_credentials ? outputs.cognito_client_credentials : undefined)
  )?.value as Credentials | undefined;
  const only = outputs.cognito_client_credentials?.value as Credentials | undefined;
  const grants = (outputs.smart_configuration?.value as { grant_types_supported?: string[] } | undefined)?.grant_types_supported ?? [];
  const chosen = credentials ?? (grants.length === 1 && grants[0] === "client_credentials" ? only : undefined);
  return chosen && { id: chosen.client_id, secret: chosen.client_secret };
}
