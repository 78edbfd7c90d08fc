import { IDENTITY_PROVIDER_UPDATE_ENVIRONMENT as ENV, metadataDigest } from "../../smart/identity-provider-update";

/** HealthLake's `IdentityProviderConfiguration`, as DescribeFHIRDatastore returns it and UpdateFHIRDatastore takes it. */
export interface IdentityProviderConfiguration {
  readonly AuthorizationStrategy: string;
  readonly FineGrainedAuthorizationEnabled: boolean;
  readonly IdpLambdaArn?: string;
  /** The SMART configuration document, a JSON string. */
  readonly Metadata?: string;
}

/**
 * The datastore and the configuration it should have. Terraform passes `Metadata` as the document
 * itself, not as a string (one `jsonencode`, which keeps cdktf from nesting functions in functions).
 */
export interface UpdateRequest {
  readonly DatastoreId: string;
  readonly IdentityProviderConfiguration: IdentityProviderConfiguration;
}

const FIELDS = ["AuthorizationStrategy", "FineGrainedAuthorizationEnabled", "IdpLambdaArn", "Metadata"] as const;

/**
 * The fields in which two configurations differ. Metadata compares as JSON values, not strings:
 * HealthLake may return the document with other spacing or key order than it was given.
 */
export function differences(actual: IdentityProviderConfiguration | undefined, desired: IdentityProviderConfiguration): string[] {
  return FIELDS.filter((field) => {
    if (field === "Metadata") return canonical(parseMetadata(actual?.Metadata)) !== canonical(parseMetadata(desired.Metadata));
    return (actual?.[field] ?? null) !== (desired[field] ?? null);
  });
}

/** A configuration as Terraform's check reads it: every field present (null where unset), Metadata as a JSON value. */
export interface ReportedConfiguration {
  readonly AuthorizationStrategy: string | null;
  readonly FineGrainedAuthorizationEnabled: boolean | null;
  readonly IdpLambdaArn: string | null;
  readonly Metadata: unknown;
}

export function reported(configuration: IdentityProviderConfiguration | undefined): ReportedConfiguration {
  return {
    AuthorizationStrategy: configuration?.AuthorizationStrategy ?? null,
    FineGrainedAuthorizationEnabled: configuration?.FineGrainedAuthorizationEnabled ?? null,
    IdpLambdaArn: configuration?.IdpLambdaArn ?? null,
    Metadata: parseMetadata(configuration?.Metadata),
  };
}

/** What the stack fixed in the function's environment: the only configuration it may send. */
export interface PinnedConfiguration {
  readonly datastoreId: string;
  readonly idpLambdaArn: string;
  readonly authorizationStrategy: string;
  readonly fineGrainedAuthorization: boolean;
  readonly metadataSha256: string;
}

/** The pinned configuration, or an error naming the variable that is missing (a broken deployment, refused). */
export function readPinned(env: Readonly<Record<string, string | undefined>>): PinnedConfiguration {
  const value = (name: string) => {
    const text = env[name];
    if (text === undefined || text === "") throw new Error(`the identity provider update needs the environment variable ${name}`);
    return text;
  };
  const fineGrained = value(ENV.fineGrainedAuthorization);
  if (fineGrained !== "true" && fineGrained !== "false") throw new Error(`${ENV.fineGrainedAuthorization} must be true or false`);
  return {
    datastoreId: value(ENV.datastoreId),
    idpLambdaArn: value(ENV.idpLambdaArn),
    authorizationStrategy: value(ENV.authorizationStrategy),
    fineGrainedAuthorization: fineGrained === "true",
    metadataSha256: value(ENV.metadataSha256),
  };
}

/**
 * The request from an untrusted event, or an error naming what is wrong with it. Only the function's
 * own datastore may be named, and only the configuration the stack pinned may be sent: an invocation
 * can bring the datastore in line with the stack, never point it at another validator or turn its
 * fine-grained authorization off. A refusal names the fields, never the values.
 */
export function parseRequest(event: unknown, pinned: PinnedConfiguration): UpdateRequest {
  const request = event as Partial<UpdateRequest> | null;
  if (typeof request?.DatastoreId !== "string" || !/^[A-Za-z0-9]{1,32}$/.test(request.DatastoreId))
    throw new Error("the event's DatastoreId must be a datastore id (1 to 32 letters and digits)");
  if (request.DatastoreId !== pinned.datastoreId) throw new Error(`the event names datastore ${request.DatastoreId}, not this function's (${ENV.datastoreId})`);
  const configuration = request.IdentityProviderConfiguration as Partial<IdentityProviderConfiguration> | undefined;
  if (typeof configuration?.AuthorizationStrategy !== "string")
    throw new Error("the event's IdentityProviderConfiguration.AuthorizationStrategy must be a string");
  if (typeof configuration.FineGrainedAuthorizationEnabled !== "boolean")
    throw new Error("the event's IdentityProviderConfiguration.FineGrainedAuthorizationEnabled must be a boolean");
  if (configuration.IdpLambdaArn !== undefined && typeof configuration.IdpLambdaArn !== "string")
    throw new Error("the event's IdentityProviderConfiguration.IdpLambdaArn must be a string");
  const metadata: unknown = configuration.Metadata;
  if (metadata !== undefined && (metadata === null || typeof metadata !== "object" || Array.isArray(metadata)))
    throw new Error("the event's IdentityProviderConfiguration.Metadata must be the SMART configuration document, a JSON object");
  const unpinned = [
    configuration.AuthorizationStrategy !== pinned.authorizationStrategy && "AuthorizationStrategy",
    configuration.FineGrainedAuthorizationEnabled !== pinned.fineGrainedAuthorization && "FineGrainedAuthorizationEnabled",
    configuration.IdpLambdaArn !== pinned.idpLambdaArn && "IdpLambdaArn",
    (metadata === undefined || metadataDigest(metadata) !== pinned.metadataSha256) && "Metadata",
  ].filter((field): field is string => field !== false);
  if (unpinned.length > 0)
    throw new Error(
      `the event's IdentityProviderConfiguration differs from what this stack deploys in ${unpinned.join(", ")}: refused, nothing sent to HealthLake`,
    );
  return {
    DatastoreId: request.DatastoreId,
    IdentityProviderConfiguration: {
      AuthorizationStrategy: configuration.AuthorizationStrategy,
      FineGrainedAuthorizationEnabled: configuration.FineGrainedAuthorizationEnabled,
      IdpLambdaArn: configuration.IdpLambdaArn,
      Metadata: JSON.stringify(metadata),
    },
  };
}

function parseMetadata(metadata: string | undefined): unknown {
  if (metadata === undefined) return null;
  try {
    return JSON.parse(metadata);
  } catch {
    // Not JSON: compared as the string it is.
    return metadata;
  }
}

/** JSON with object keys sorted, so equal values give equal strings. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}
