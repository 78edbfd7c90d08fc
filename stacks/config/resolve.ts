import { AUTHORIZATION_SERVER_PRESETS, GENERIC_AUTHORIZATION_SERVER } from "./authorization-server-presets";
import { DEFAULTS } from "./defaults";
import type * as config from "./types";

/** `T` with every field `D` has a default for made required: what a section holds once resolved. */
type Resolved<T, D> = Omit<T, keyof D> & { readonly [K in keyof D & keyof T]-?: Exclude<T[K], undefined> };

export type ResolvedDatastore = Resolved<config.DatastoreConfig, typeof DEFAULTS.datastore>;
export type ResolvedCognito = Resolved<config.CognitoConfig, typeof DEFAULTS.smart.cognito>;
export type ResolvedValidator = Resolved<config.ValidatorConfig, typeof DEFAULTS.smart.validator>;
export type ResolvedIdentityClaims = Resolved<config.IdentityClaimsConfig, typeof DEFAULTS.smart.identityClaims> & {
  readonly functionName: string;
  readonly roleName: string;
};
export type ResolvedSmartFront = Omit<Resolved<config.SmartFrontConfig, typeof DEFAULTS.smart.smartFront>, "enabled"> & {
  readonly functionName: string;
  readonly roleName: string;
};
export type ResolvedImportExport = Resolved<config.ImportExportConfig, typeof DEFAULTS.importExport>;
export type ResolvedRemoteState = Required<Omit<config.RemoteStateConfig, "kmsKeyId">> & Pick<config.RemoteStateConfig, "kmsKeyId">;

/** An external authorization server with its preset applied: every field the validator and discovery need. */
export type ResolvedExternalAuthorizationServer = Resolved<config.ExternalAuthorizationServerConfig, typeof DEFAULTS.smart.externalAuthorizationServer> &
  Required<Pick<config.ExternalAuthorizationServerConfig, "clientClaim" | "scopeClaims" | "algorithms" | "maxTokenLifetimeSeconds">> & {
    readonly revocationEndpoint?: string;
    readonly userinfoEndpoint?: string;
  };

type SmartSections = "cognito" | "validator" | "identityClaims" | "externalAuthorizationServer" | "smartFront";
export type ResolvedSmart = Resolved<Omit<config.SmartConfig, SmartSections>, Omit<typeof DEFAULTS.smart, SmartSections>> & {
  /** The Cognito user pool; absent with an external authorization server, unless (wrongly) given too. */
  readonly cognito?: ResolvedCognito;
  readonly validator: ResolvedValidator;
  /** Absent when the pre token generation trigger is off. */
  readonly identityClaims?: ResolvedIdentityClaims;
  /** Absent when the authorization server is Cognito. */
  readonly externalAuthorizationServer?: ResolvedExternalAuthorizationServer;
  /** Present when the front is deployed: Cognito with a client for people, and not turned off. */
  readonly smartFront?: ResolvedSmartFront;
  /** The front as configured, whether or not it is deployed, for the rules. */
  readonly smartFrontGiven?: config.SmartFrontConfig;
};

type Sections = "datastore" | "smart" | "importExport" | "remoteState";

/** A configuration with every default applied: what the rules check and the constructs read. */
export type ResolvedConfig = Resolved<Omit<config.HealthLakeSmartConfig, Sections>, Omit<typeof DEFAULTS, Sections>> & {
  readonly datastore: ResolvedDatastore;
  /** Absent when SMART on FHIR is off. */
  readonly smart?: ResolvedSmart;
  readonly importExport?: ResolvedImportExport;
  readonly remoteState?: ResolvedRemoteState;
};

/** `given` over `defaults`, field by field; a field given as undefined keeps its default. */
function withDefaults<T extends object, D extends object>(defaults: D, given: T | undefined): Resolved<T, D> {
  const set = Object.entries(given ?? {}).filter(([, value]) => value !== undefined);
  return { ...defaults, ...Object.fromEntries(set) } as unknown as Resolved<T, D>;
}

export function resolveConfig(given: config.HealthLakeSmartConfig): ResolvedConfig {
  const { datastore, smart, importExport, remoteState, ...top } = given;
  const { datastore: datastoreDefaults, smart: _smartDefaults, importExport: importExportDefaults, ...topDefaults } = DEFAULTS;
  const resolved = withDefaults(topDefaults, top);
  return {
    ...resolved,
    datastore: withDefaults(datastoreDefaults, datastore),
    smart: smart && resolveSmart(smart, given.name),
    importExport: importExport && withDefaults(importExportDefaults, importExport),
    // Derived defaults: the key names the stack, the bucket is in the stack's region.
    remoteState: remoteState && {
      bucket: remoteState.bucket,
      key: remoteState.key ?? `healthlake-smart/${given.name}.tfstate`,
      region: remoteState.region ?? resolved.region,
      kmsKeyId: remoteState.kmsKeyId,
    },
  };
}

function resolveSmart(
  { cognito, validator, identityClaims, externalAuthorizationServer: external, smartFront, ...smart }: config.SmartConfig,
  stackName: string,
): ResolvedSmart {
  const {
    cognito: cognitoDefaults,
    validator: validatorDefaults,
    identityClaims: identityClaimsDefaults,
    externalAuthorizationServer: externalDefaults,
    smartFront: smartFrontDefaults,
    ...smartDefaults
  } = DEFAULTS.smart;
  // With an external server, a Cognito section given as well is kept, for the rules to refuse.
  const resolvedCognito = external && !cognito ? undefined : withDefaults(cognitoDefaults, cognito);
  const front = withDefaults(smartFrontDefaults, smartFront);
  const deployed = front.enabled && !external && resolvedCognito?.oauthFlows.includes("code") === true;
  return {
    ...withDefaults(smartDefaults, smart),
    cognito: resolvedCognito,
    validator: withDefaults(validatorDefaults, validator),
    identityClaims: identityClaims && resolveIdentityClaims(identityClaims, identityClaimsDefaults, stackName),
    externalAuthorizationServer: external && resolveExternal(external, externalDefaults),
    smartFront: deployed ? resolveSmartFront(front, stackName) : undefined,
    smartFrontGiven: smartFront,
  };
}

// Derived defaults: the stack's name keeps two environments in one account apart.
function resolveSmartFront(
  { enabled: _enabled, ...front }: Resolved<config.SmartFrontConfig, typeof DEFAULTS.smart.smartFront>,
  stackName: string,
): ResolvedSmartFront {
  const functionName = front.functionName ?? `${stackName}-smart-front`;
  return { ...front, functionName, roleName: front.roleName ?? functionName };
}

// Derived defaults: the preset's, else the generic ones; endpoints from the preset and the issuer.
function resolveExternal(
  given: config.ExternalAuthorizationServerConfig,
  defaults: typeof DEFAULTS.smart.externalAuthorizationServer,
): ResolvedExternalAuthorizationServer {
  const preset = given.preset === undefined ? undefined : AUTHORIZATION_SERVER_PRESETS[given.preset];
  const claims = preset ?? GENERIC_AUTHORIZATION_SERVER;
  const endpoints = preset?.endpoints?.(given.issuer);
  const resolved = withDefaults(defaults, given);
  return {
    ...resolved,
    clientClaim: given.clientClaim ?? claims.clientClaim,
    scopeClaims: given.scopeClaims ?? claims.scopeClaims,
    algorithms: given.algorithms ?? claims.algorithms,
    maxTokenLifetimeSeconds: given.maxTokenLifetimeSeconds ?? claims.maxTokenLifetimeSeconds,
    jwksUri: given.jwksUri ?? endpoints?.jwks,
    authorizationEndpoint: given.authorizationEndpoint ?? endpoints?.authorize,
    tokenEndpoint: given.tokenEndpoint ?? endpoints?.token,
    introspectionEndpoint: given.introspectionEndpoint ?? endpoints?.introspection,
    revocationEndpoint: endpoints?.revoke,
    userinfoEndpoint: endpoints?.userInfo,
  };
}

// Derived defaults: the stack's name keeps two environments in one account apart.
function resolveIdentityClaims(given: config.IdentityClaimsConfig, defaults: typeof DEFAULTS.smart.identityClaims, stackName: string): ResolvedIdentityClaims {
  const functionName = given.functionName ?? `${stackName}-pre-token-generation`;
  return { ...withDefaults(defaults, given), functionName, roleName: given.roleName ?? functionName };
}
