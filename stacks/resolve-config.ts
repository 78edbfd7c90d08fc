import {
  CognitoTestUser, GistTestUser, HealthLakeSmartConfig, ImportExportConfig, InvokeCondition, SmsConfig, TokenValidity, TokenValidityUnits,
} from "./config";
import type { AuthorizationStrategy } from "../smart/scope-grammar";
import { OAuthFlow } from "./smart-metadata";

/** A configuration with every default applied; what the constructs read. */
export interface ResolvedConfig {
  readonly name: string;
  readonly region: string;
  readonly allowedAccountIds?: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
  readonly remoteState?: { readonly bucket: string; readonly key: string; readonly region: string; readonly kmsKeyId?: string };
  readonly datastore: {
    readonly name: string;
    readonly fhirVersion: "R4";
    readonly preloadSynthea: boolean;
    readonly createKmsKey: boolean;
    readonly kmsKeyArn?: string;
  };
  readonly kmsAdminArn?: string;
  /** Absent when SMART on FHIR is off. */
  readonly smart?: ResolvedSmart;
  readonly importExport?: Required<ImportExportConfig>;
  readonly protectData: boolean;
}

export interface ResolvedSmart {
  readonly authorizationStrategy: AuthorizationStrategy;
  readonly fineGrainedAuthorization: boolean;
  readonly serviceRoleName: string;
  readonly scopes: readonly string[];
  readonly cognito: ResolvedCognito;
  readonly validator: ResolvedValidator;
}

export interface ResolvedCognito {
  readonly userPoolName: string;
  /** Absent: `<name>-fhir-<account id>`, composed by Terraform. */
  readonly domainPrefix?: string;
  readonly clientName: string;
  readonly deletionProtection: "ACTIVE" | "INACTIVE";
  readonly mfaConfiguration: "OFF" | "ON" | "OPTIONAL";
  readonly mfaSoftwareToken: boolean;
  readonly sms?: SmsConfig;
  readonly oauthFlows: readonly OAuthFlow[];
  readonly callbackUrls: readonly string[];
  readonly logoutUrls: readonly string[];
  readonly tokenValidity: TokenValidity;
  readonly tokenValidityUnits: TokenValidityUnits;
  readonly testUsers: readonly CognitoTestUser[];
  readonly gistTestUser?: GistTestUser;
}

export interface ResolvedValidator {
  readonly functionName: string;
  readonly roleName: string;
  readonly cognitoPolicyName: string;
  readonly memoryMiB: number;
  readonly timeoutSeconds: number;
  readonly logRetentionDays: number;
  readonly logKmsKeyArn?: string;
  readonly reservedConcurrency?: number;
  readonly provisionedConcurrency: number;
  readonly tracing: boolean;
  readonly invokeCondition: InvokeCondition;
  readonly importExistingLogGroup: boolean;
}

/** Defaults that configuration rules also need, so both read them from here. */
export const DEFAULT_TOKEN_VALIDITY: TokenValidity = { accessToken: 60, idToken: 60, refreshToken: 30 };
export const DEFAULT_TOKEN_VALIDITY_UNITS: TokenValidityUnits = { accessToken: "minutes", idToken: "minutes", refreshToken: "days" };
/** The reference gist's scopes. */
export const DEFAULT_SCOPES: readonly string[] = ["launch/patient", "system/*.*", "patient/*.read"];

export function resolveConfig(config: HealthLakeSmartConfig): ResolvedConfig {
  const region = config.region ?? "us-east-1";
  const { remoteState, importExport } = config;
  return {
    name: config.name,
    region,
    allowedAccountIds: config.allowedAccountIds,
    tags: config.tags ?? {},
    remoteState: remoteState && {
      bucket: remoteState.bucket,
      key: remoteState.key ?? `healthlake-smart/${config.name}.tfstate`,
      region: remoteState.region ?? region,
      kmsKeyId: remoteState.kmsKeyId,
    },
    datastore: {
      name: config.datastore.name,
      fhirVersion: config.datastore.fhirVersion ?? "R4",
      preloadSynthea: config.datastore.preloadSynthea ?? false,
      createKmsKey: config.datastore.createKmsKey ?? false,
      kmsKeyArn: config.datastore.kmsKeyArn,
    },
    kmsAdminArn: config.kmsAdminArn,
    smart: config.smartOnFhir ? resolveSmart(config) : undefined,
    importExport: importExport && {
      roleName: "HealthLakeImportExportRole",
      policyName: "HealthLakeImportExportPolicy",
      ...importExport,
    },
    protectData: config.protectData ?? true,
  };
}

function resolveSmart(config: HealthLakeSmartConfig): ResolvedSmart {
  const { smart = {}, cognito = {}, validator = {} } = config;
  return {
    authorizationStrategy: smart.authorizationStrategy ?? "SMART_ON_FHIR_V1",
    fineGrainedAuthorization: smart.fineGrainedAuthorization ?? true,
    serviceRoleName: smart.serviceRoleName ?? "healthlake-service-role",
    scopes: smart.scopes ?? DEFAULT_SCOPES,
    cognito: {
      userPoolName: cognito.userPoolName ?? "smart-on-fhir-healthlake-cognito",
      domainPrefix: cognito.domainPrefix,
      clientName: cognito.clientName ?? "smart-on-fhir-app",
      deletionProtection: cognito.deletionProtection ?? "ACTIVE",
      mfaConfiguration: cognito.mfaConfiguration ?? "OFF",
      mfaSoftwareToken: cognito.mfaSoftwareToken ?? true,
      sms: cognito.sms,
      oauthFlows: cognito.oauthFlows ?? ["code"],
      callbackUrls: cognito.callbackUrls ?? ["https://localhost"],
      logoutUrls: cognito.logoutUrls ?? [],
      tokenValidity: cognito.tokenValidity ?? DEFAULT_TOKEN_VALIDITY,
      tokenValidityUnits: cognito.tokenValidityUnits ?? DEFAULT_TOKEN_VALIDITY_UNITS,
      testUsers: cognito.testUsers ?? [],
      gistTestUser: cognito.gistTestUser,
    },
    validator: {
      functionName: validator.functionName ?? "healthlake_token_validator",
      roleName: validator.roleName ?? "healthlake_token_validator_role",
      cognitoPolicyName: validator.cognitoPolicyName ?? "fhir_cognito_access",
      memoryMiB: validator.memoryMiB ?? 512,
      timeoutSeconds: validator.timeoutSeconds ?? 3,
      logRetentionDays: validator.logRetentionDays ?? 365,
      logKmsKeyArn: validator.logKmsKeyArn,
      reservedConcurrency: validator.reservedConcurrency,
      provisionedConcurrency: validator.provisionedConcurrency ?? 0,
      tracing: validator.tracing ?? false,
      invokeCondition: validator.invokeCondition ?? "none",
      importExistingLogGroup: validator.importExistingLogGroup ?? false,
    },
  };
}
