import { FHIR_ID, isHealthLakeFhirBase, parseFhirUser } from "../../smart/fhir-user";
import { defaultDomainPrefixForAnyAccount, domainPrefixProblem } from "../cognito-domain-prefix";
import { AUTHORIZATION_SERVER_PRESETS } from "./authorization-server-presets";
import { parseClinicalScope } from "../../smart/scope-grammar";
import { SIGNATURE_ALGORITHMS, isSignatureAlgorithm } from "../../smart/signature-algorithms";
import { VALIDATOR_PATTERNS } from "../../smart/validator-environment";
import type { ResolvedConfig } from "./resolve";
import type { OAuthFlow, TokenValidityUnit } from "./types";

/**
 * One configuration rule over the resolved configuration (so no rule repeats a default): the
 * problems it finds, each naming the field, the value and the fix.
 */
export type ConfigRule = (config: ResolvedConfig) => string[];

/** Regions where HealthLake is offered (HealthLake endpoints and quotas). */
export const HEALTHLAKE_REGIONS = ["us-east-1", "us-east-2", "us-west-2", "ap-south-1", "ap-southeast-2", "ca-central-1", "eu-west-1", "eu-west-2"];

const show = (value: unknown) => JSON.stringify(value);
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

export const stackName: ConfigRule = ({ name }) =>
  /^[a-z][a-z0-9-]{0,39}$/.test(name)
    ? []
    : [`name ${show(name)} is not a valid stack name: use 1–40 lower-case letters, digits and hyphens, starting with a letter`];

export const healthLakeRegion: ConfigRule = ({ region }) =>
  HEALTHLAKE_REGIONS.includes(region) ? [] : [`region ${show(region)} does not offer HealthLake: use one of ${HEALTHLAKE_REGIONS.join(", ")}`];

// Terraform appends a 26-character suffix to a bucket_prefix, and bucket names stop at 63.
const BUCKET_PREFIX = /^[a-z0-9][a-z0-9-]{0,36}$/;
const RESERVED_BUCKET_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
export const bucketPrefixes: ConfigRule = ({ importExport }) => {
  if (!importExport) return [];
  return (["dataBucketPrefix", "logsBucketPrefix"] as const).flatMap((field) => {
    const prefix = importExport[field];
    return typeof prefix === "string" && BUCKET_PREFIX.test(prefix) && !RESERVED_BUCKET_PREFIXES.some((r) => prefix.startsWith(r))
      ? []
      : [
          `importExport.${field} ${show(prefix)} breaks S3 bucket naming: use 1–37 lower-case letters, digits and hyphens, starting with a letter or digit, not starting with ${RESERVED_BUCKET_PREFIXES.join(", ")} (Terraform adds a 26-character suffix)`,
        ];
  });
};

export const cognitoDomainPrefix: ConfigRule = ({ name, smart }) => {
  if (!smart?.cognito) return [];
  const given = smart.cognito.domainPrefix;
  const prefix = given ?? defaultDomainPrefixForAnyAccount(name);
  const problem = domainPrefixProblem(prefix);
  if (problem === undefined) return [];
  return given === undefined
    ? [`the default Cognito domain prefix ${show(prefix)} of stack ${show(name)} breaks Cognito's rules (${problem}): set smart.cognito.domainPrefix`]
    : [`smart.cognito.domainPrefix ${show(given)} breaks Cognito's domain prefix rules: ${problem}`];
};

/** A redirect URL Cognito accepts: HTTPS (or http://localhost), no fragment. */
function redirectUrlProblems(field: string, urls: readonly string[]): string[] {
  return urls.flatMap((url, i) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return [`${field}[${i}] ${show(url)} is not a URL`];
    }
    const localhost = parsed.protocol === "http:" && parsed.hostname === "localhost";
    if (parsed.protocol !== "https:" && !localhost)
      return [`${field}[${i}] ${show(url)} is not HTTPS: Cognito only accepts https URLs, and http://localhost for testing`];
    if (parsed.hash) return [`${field}[${i}] ${show(url)} has a fragment, which OAuth redirect URIs must not have`];
    return [];
  });
}

/** A URL as a browser goes to it (host in lower case, no default port), so that two spellings of one address compare equal. */
function asVisited(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

export const redirectUrls: ConfigRule = ({ smart }) => {
  const publicUrls = smart?.smartFront?.publicClientCallbackUrls ?? [];
  const confidential = new Set((smart?.cognito?.callbackUrls ?? []).map(asVisited));
  const shared = publicUrls.filter((url) => confidential.has(asVisited(url)));
  return [
    ...(["callbackUrls", "logoutUrls"] as const).flatMap((field) => redirectUrlProblems(`smart.cognito.${field}`, smart?.cognito?.[field] ?? [])),
    ...redirectUrlProblems("smart.smartFront.publicClientCallbackUrls", publicUrls),
    ...(shared.length > 0
      ? [
          `smart.smartFront.publicClientCallbackUrls ${show(shared)} are also smart.cognito.callbackUrls: a code issued to the public client could then land at the confidential client's app, and be redeemed without its secret: give the public client callback URLs of its own`,
        ]
      : []),
  ];
};

const SECONDS: Record<TokenValidityUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };
// Cognito app client limits: access and ID tokens 5 minutes to 1 day, refresh tokens 60 minutes to 10 years.
const VALIDITY_LIMITS = {
  accessToken: [300, 86_400, "5 minutes and 1 day"],
  idToken: [300, 86_400, "5 minutes and 1 day"],
  refreshToken: [3600, 315_360_000, "60 minutes and 3650 days"],
} as const;
export const tokenValidity: ConfigRule = ({ smart }) => {
  if (!smart?.cognito) return [];
  const { tokenValidity: validity, tokenValidityUnits: units } = smart.cognito;
  return (Object.keys(VALIDITY_LIMITS) as (keyof typeof VALIDITY_LIMITS)[]).flatMap((token) => {
    const [min, max, words] = VALIDITY_LIMITS[token];
    const seconds = validity[token] * SECONDS[units[token]];
    return Number.isInteger(validity[token]) && seconds >= min && seconds <= max
      ? []
      : [`smart.cognito.tokenValidity.${token} ${validity[token]} ${units[token]} is outside Cognito's limits: use a whole number between ${words}`];
  });
};

// Anything in the configuration lands in cdk.tf.json; a password there would be committed with it.
// The types have no such field, but `cdktf synth` runs the app without type checking.
export const passwordsOutOfConfig: ConfigRule = ({ smart }) =>
  [
    ...(smart?.cognito?.testUsers ?? []).map(
      (user, i) => [`smart.cognito.testUsers[${i}]`, user, `TF_VAR_test_user_passwords='{"${user.username}":"..."}'`] as const,
    ),
    ...(smart?.cognito?.singleTestUser ? [["smart.cognito.singleTestUser", smart.cognito.singleTestUser, "TF_VAR_test_user_password='...'"] as const] : []),
  ]
    .filter(([, user]) => "password" in user)
    .map(
      ([field, , fix]) =>
        `${field}.password is set (value not shown): a password in the configuration would be written into cdk.tf.json; remove it and pass it at deploy instead: ${fix}`,
    );

export const uniqueTestUsers: ConfigRule = ({ smart }) => {
  const names = (smart?.cognito?.testUsers ?? []).map((u) => u.username);
  const repeated = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  return repeated.map((n) => `smart.cognito.testUsers has user ${show(n)} more than once: usernames must be unique`);
};

/** The flows of the authorization server, Cognito's or an external one, and the field that sets them. */
function flowsOf(smart: NonNullable<ResolvedConfig["smart"]>): { field: string; flows: readonly OAuthFlow[] } {
  const external = smart.externalAuthorizationServer;
  return external && !smart.cognito
    ? { field: "smart.externalAuthorizationServer.oauthFlows", flows: external.oauthFlows }
    : { field: "smart.cognito.oauthFlows", flows: smart.cognito?.oauthFlows ?? [] };
}

export const oauthFlows: ConfigRule = ({ smart }) => {
  if (!smart) return [];
  const { field, flows } = flowsOf(smart);
  if (flows.length === 0) return [`${field} is empty: allow "client_credentials", "code" or both`];
  const unknown = flows.filter((flow) => !["client_credentials", "code"].includes(flow));
  if (unknown.length > 0) return [`${field} ${show(flows)} holds ${show(unknown)}: use "client_credentials" and/or "code"`];
  if (new Set(flows).size !== flows.length) return [`${field} ${show(flows)} repeats a flow: list each once`];
  if (flows.includes("code") && smart.cognito && smart.cognito.callbackUrls.length === 0) {
    return ["smart.cognito.callbackUrls is empty, but the code flow needs at least one callback URL"];
  }
  const problems: string[] = [];
  if (flows.includes("client_credentials") && !smart.scopes.some((scope) => scope.startsWith("system/"))) {
    problems.push(
      `${field} includes "client_credentials", but smart.scopes ${show(smart.scopes)} has no system/ scope for the machine client: add one, e.g. "system/*.read"`,
    );
  }
  if (flows.includes("code") && !smart.scopes.some((scope) => /^(patient|user)\//.test(scope))) {
    problems.push(
      `${field} includes "code", but smart.scopes ${show(smart.scopes)} has no patient/ or user/ scope for people (system/ scopes are for machines only): add one, e.g. "patient/*.read"`,
    );
  }
  return problems;
};

// Cognito refuses SetUserPoolMfaConfig with MFA ON or OPTIONAL and no factor, after it created the pool.
export const mfaFactor: ConfigRule = ({ smart }) =>
  smart?.cognito && smart.cognito.mfaConfiguration !== "OFF" && !smart.cognito.mfaSoftwareToken && !smart.cognito.sms
    ? [
        `smart.cognito.mfaConfiguration ${show(smart.cognito.mfaConfiguration)} needs a second factor, but smart.cognito.mfaSoftwareToken is false and smart.cognito.sms is not set: keep mfaSoftwareToken, configure sms, or set mfaConfiguration "OFF"`,
      ]
    : [];

export const smsRole: ConfigRule = ({ smart }) => {
  const sms = smart?.cognito?.sms;
  return !sms || ROLE_ARN.test(sms.snsCallerArn)
    ? []
    : [`smart.cognito.sms.snsCallerArn ${show(sms.snsCallerArn)} is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`];
};

const LEVEL_SCOPE = /^(launch|patient|user|system)\/(.+)$/;
// Cognito's ScopeName pattern: printable ASCII but space, " and \ and /.
const COGNITO_SCOPE_NAME = /^[\x21\x23-\x2e\x30-\x5b\x5d-\x7e]{1,256}$/;
export const smartScopes: ConfigRule = ({ smart }) => {
  if (!smart) return [];
  const { scopes, authorizationStrategy } = smart;
  if (!scopes.some((scope) => parseClinicalScope(scope))) {
    return [
      `smart.scopes ${show(scopes)} holds no clinical scope: HealthLake needs at least one (patient|user|system)/<Type|*>.<permissions>, e.g. "system/*.read"`,
    ];
  }
  return scopes.flatMap((scope) => {
    const parts = LEVEL_SCOPE.exec(scope);
    const clinical = parseClinicalScope(scope);
    if (!parts || !COGNITO_SCOPE_NAME.test(parts[2]) || (parts[1] === "launch" ? parts[2] !== "patient" : !clinical)) {
      return [
        `smart.scopes ${show(scope)} is not a SMART scope Cognito can issue: use launch/patient or (patient|user|system)/<FHIR R4 type or *>.<read|write|*|cruds>`,
      ];
    }
    if (clinical?.version === 2 && authorizationStrategy === "SMART_ON_FHIR_V1") {
      return [
        `smart.scopes ${show(scope)} is a SMART v2 scope, which SMART_ON_FHIR_V1 does not honour: set smart.authorizationStrategy "SMART_ON_FHIR" or use a v1 scope`,
      ];
    }
    return [];
  });
};

const ACCOUNT_ID = /^\d{12}$/;
const ARN_ACCOUNT = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/;
/** Every account the guard allows is an account id, and every ARN the configuration names lies in one of them. */
export const accountGuard: ConfigRule = (config) => {
  const allowed = config.allowedAccountIds;
  if (allowed === undefined) return [];
  if (allowed.length === 0) return ["allowedAccountIds is empty, which no account satisfies: list your account id, or remove the field"];
  const malformed = allowed.filter((id) => !ACCOUNT_ID.test(id));
  if (malformed.length > 0) return [`allowedAccountIds ${show(malformed)} are not 12-digit AWS account ids`];
  const arns = [
    ["kmsAdminArn", config.kmsAdminArn],
    ["datastore.kmsKeyArn", config.datastore.kmsKeyArn],
    ["smart.validator.logKmsKeyArn", config.smart?.validator.logKmsKeyArn],
    ["smart.identityClaims.logKmsKeyArn", config.smart?.identityClaims?.logKmsKeyArn],
    ["smart.smartFront.logKmsKeyArn", config.smart?.smartFront?.logKmsKeyArn],
    ["smart.cognito.sms.snsCallerArn", config.smart?.cognito?.sms?.snsCallerArn],
  ] as const;
  return arns.flatMap(([field, arn]) => {
    const account = arn === undefined ? undefined : ARN_ACCOUNT.exec(arn)?.[1];
    return account === undefined || allowed.includes(account)
      ? []
      : [`${field} ${show(arn)} is in account ${account}, which allowedAccountIds ${show(allowed)} does not list: use an ARN of your account, or add it`];
  });
};

export const datastoreKey: ConfigRule = ({ datastore }) => {
  const problems: string[] = [];
  if (datastore.createKmsKey && datastore.kmsKeyArn) {
    problems.push(`datastore.kmsKeyArn ${show(datastore.kmsKeyArn)} contradicts datastore.createKmsKey: true: set one of them`);
  }
  if (datastore.kmsKeyArn && !/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[\w/-]+$/.test(datastore.kmsKeyArn)) {
    problems.push(`datastore.kmsKeyArn ${show(datastore.kmsKeyArn)} is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)`);
  }
  return problems;
};

export const kmsAdmin: ConfigRule = ({ kmsAdminArn, datastore, importExport }) => {
  if (kmsAdminArn === undefined) {
    return datastore.createKmsKey || importExport
      ? ["kmsAdminArn is missing, but a KMS key is created (datastore.createKmsKey or importExport): name the IAM user or role that administers the keys"]
      : [];
  }
  return /^arn:aws[a-z-]*:iam::\d{12}:(root|user\/[\w+=,.@/-]+|role\/[\w+=,.@/-]+)$/.test(kmsAdminArn)
    ? []
    : [`kmsAdminArn ${show(kmsAdminArn)} is not an IAM user, role or root ARN (arn:aws:iam::<account>:role/<name>)`];
};

// The values CloudWatch Logs accepts for a retention period.
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** The limits Lambda and CloudWatch Logs put on a function's memory, timeout and log retention. */
function functionLimits(section: string, memory: number, timeout: number, maxTimeout: number, why: string, retention: number): string[] {
  const problems: string[] = [];
  if (!LOG_RETENTION_DAYS.includes(retention)) {
    problems.push(`${section}.logRetentionDays ${retention} is not a CloudWatch Logs retention: use one of ${LOG_RETENTION_DAYS.join(", ")}`);
  }
  if (!(Number.isInteger(memory) && memory >= 128 && memory <= 10_240)) {
    problems.push(`${section}.memoryMiB ${memory} is outside Lambda's limits: use a whole number from 128 to 10240`);
  }
  if (!(Number.isInteger(timeout) && timeout >= 1 && timeout <= maxTimeout)) {
    problems.push(`${section}.timeoutSeconds ${timeout} is outside its limits: use a whole number from 1 to ${maxTimeout} (${why})`);
  }
  return problems;
}

export const validatorLimits: ConfigRule = ({ smart }) => {
  if (!smart) return [];
  const { reservedConcurrency: reserved, provisionedConcurrency: provisioned, invokeCondition, memoryMiB, timeoutSeconds, logRetentionDays } = smart.validator;
  const problems = functionLimits("smart.validator", memoryMiB, timeoutSeconds, 900, "Lambda stops at 900; HealthLake waits 1 s", logRetentionDays);
  if (reserved !== undefined && !(Number.isInteger(reserved) && reserved >= 1)) {
    problems.push(`smart.validator.reservedConcurrency ${reserved} would stop the validator: use a whole number of at least 1`);
  }
  if (!(Number.isInteger(provisioned) && provisioned >= 0)) {
    problems.push(`smart.validator.provisionedConcurrency ${provisioned} must be a whole number of 0 or more`);
  } else if (reserved !== undefined && provisioned > reserved) {
    problems.push(
      `smart.validator.provisionedConcurrency ${provisioned} exceeds smart.validator.reservedConcurrency ${reserved}, which Lambda refuses: lower it, or raise the reservation`,
    );
  }
  if (!["none", "account", "datastore"].includes(invokeCondition)) {
    problems.push(`smart.validator.invokeCondition ${show(invokeCondition)} is not one of "none", "account", "datastore"`);
  }
  return problems;
};

const USER_POOL_TIERS = ["LITE", "ESSENTIALS", "PLUS"];
export const userPoolTier: ConfigRule = ({ smart }) => {
  if (!smart?.cognito) return [];
  const tier = smart.cognito.userPoolTier;
  if (!USER_POOL_TIERS.includes(tier)) return [`smart.cognito.userPoolTier ${show(tier)} is not one of ${USER_POOL_TIERS.map(show).join(", ")}`];
  return smart.identityClaims && tier === "LITE"
    ? [
        'smart.identityClaims needs access token customization, which Cognito refuses on smart.cognito.userPoolTier "LITE": set userPoolTier "ESSENTIALS" (or "PLUS"), or remove identityClaims',
      ]
    : [];
};

/**
 * A person's token is only usable with a patient or a `fhirUser` in it (the validator drops a
 * `patient/` scope without a patient, a `user/` scope without a `fhirUser`), and only the trigger puts them there.
 */
export const peopleNeedIdentityClaims: ConfigRule = ({ smart }) => {
  if (!smart?.cognito || smart.identityClaims || !smart.cognito.oauthFlows.includes("code")) return [];
  const narrowing = smart.fineGrainedAuthorization ? " (the claims smart.fineGrainedAuthorization narrows access by)" : "";
  return [
    `smart.cognito.oauthFlows includes "code" (a client for people), but smart.identityClaims is not set: Cognito's tokens then carry no patient or fhirUser${narrowing}, so the validator refuses every person's token: add smart.identityClaims: {} (it needs userPoolTier "ESSENTIALS" or "PLUS"), or keep only "client_credentials"`,
  ];
};

// A Lambda function name, and an IAM role name.
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
export const identityClaimsFunction: ConfigRule = ({ smart }) => {
  const claims = smart?.identityClaims;
  if (!claims) return [];
  const problems = functionLimits(
    "smart.identityClaims",
    claims.memoryMiB,
    claims.timeoutSeconds,
    5,
    "Cognito waits 5 s for the trigger",
    claims.logRetentionDays,
  );
  if (!FUNCTION_NAME.test(claims.functionName)) {
    problems.push(
      `smart.identityClaims.functionName ${show(claims.functionName)} is not a Lambda function name: use 1–64 letters, digits, hyphens and underscores`,
    );
  }
  if (claims.reservedConcurrency !== undefined && !(Number.isInteger(claims.reservedConcurrency) && claims.reservedConcurrency >= 1)) {
    problems.push(`smart.identityClaims.reservedConcurrency ${claims.reservedConcurrency} would stop every sign-in: use a whole number of at least 1`);
  }
  if (!ROLE_NAME.test(claims.roleName)) {
    problems.push(`smart.identityClaims.roleName ${show(claims.roleName)} is not an IAM role name: use 1–64 letters, digits and +=,.@_-`);
  }
  return problems;
};

const SMART_FRONT = "smart.smartFront";
/** The SMART front: Cognito's, for its client for people, inside Lambda's and API Gateway's limits. */
export const smartFrontSettings: ConfigRule = ({ smart, name }) => {
  const given = smart?.smartFrontGiven;
  if (given?.enabled === false && given.publicClientCallbackUrls !== undefined)
    return [
      `${SMART_FRONT}.publicClientCallbackUrls is set, but ${SMART_FRONT}.enabled is false: the public client needs the front's PKCE; remove enabled: false, or the URLs`,
    ];
  if (given && given.enabled !== false) {
    if (smart?.externalAuthorizationServer)
      return [`${SMART_FRONT} is the SMART front for Cognito, but ${EXTERNAL} replaces Cognito and serves SMART apps itself: remove smartFront`];
    if (!smart?.cognito?.oauthFlows.includes("code"))
      return [`${SMART_FRONT} serves people's SMART apps, but smart.cognito.oauthFlows has no "code" client for people: add "code", or remove smartFront`];
  }
  const front = smart?.smartFront;
  if (!front) return [];
  const problems = functionLimits(SMART_FRONT, front.memoryMiB, front.timeoutSeconds, 29, "API Gateway waits at most 30 s", front.logRetentionDays);
  if (front.timeoutSeconds < 2)
    problems.push(`${SMART_FRONT}.timeoutSeconds ${front.timeoutSeconds} leaves Cognito no time: use at least 2 (the front waits 1 s less)`);
  if (!FUNCTION_NAME.test(front.functionName) || front.functionName.length > 50) {
    problems.push(
      given?.functionName === undefined
        ? `the SMART front's default function name ${show(front.functionName)} (from name ${show(name)}) is over 50 characters: set ${SMART_FRONT}.functionName, or shorten name to 38`
        : `${SMART_FRONT}.functionName ${show(front.functionName)} is not a name for the function and its API: use 1–50 letters, digits, hyphens and underscores`,
    );
  }
  if (front.reservedConcurrency !== undefined && !(Number.isInteger(front.reservedConcurrency) && front.reservedConcurrency >= 1)) {
    problems.push(`${SMART_FRONT}.reservedConcurrency ${front.reservedConcurrency} would stop every launch: use a whole number of at least 1`);
  }
  if (!ROLE_NAME.test(front.roleName)) {
    problems.push(`${SMART_FRONT}.roleName ${show(front.roleName)} is not an IAM role name: use 1–64 letters, digits and +=,.@_-`);
  }
  if (!(typeof front.throttlingRateLimit === "number" && front.throttlingRateLimit >= 1 && front.throttlingRateLimit <= 10_000)) {
    problems.push(
      `${SMART_FRONT}.throttlingRateLimit ${show(front.throttlingRateLimit)} would refuse every request or exceed an account's limit: use 1 to 10000 requests per second`,
    );
  }
  if (!(Number.isInteger(front.throttlingBurstLimit) && front.throttlingBurstLimit >= 1 && front.throttlingBurstLimit <= 5_000)) {
    problems.push(
      `${SMART_FRONT}.throttlingBurstLimit ${show(front.throttlingBurstLimit)} would refuse every request or exceed an account's limit: use a whole number from 1 to 5000`,
    );
  }
  return problems;
};

/** Test users' identity attributes: only on a pool that has them, and only values the trigger accepts. */
export const testUserIdentities: ConfigRule = ({ smart, region }) =>
  (smart?.cognito?.testUsers ?? []).flatMap((user, i) => {
    const field = `smart.cognito.testUsers[${i}]`;
    if (user.fhirUser === undefined && user.patientId === undefined) return [];
    if (!smart?.identityClaims) {
      return [`${field} sets fhirUser or patientId, but smart.identityClaims is not set, so the pool has no such attributes: add smart.identityClaims: {}`];
    }
    const problems: string[] = [];
    if (user.fhirUser !== undefined && !parseFhirUser(user.fhirUser, (base) => isHealthLakeFhirBase(base, region))) {
      problems.push(
        `${field}.fhirUser ${show(user.fhirUser)} is not a person the trigger accepts: use Patient/<id>, Practitioner/<id> or RelatedPerson/<id>, or one under a HealthLake FHIR base URL of ${region}`,
      );
    }
    if (user.patientId !== undefined && !FHIR_ID.test(user.patientId)) {
      problems.push(`${field}.patientId ${show(user.patientId)} is not a FHIR id: use 1–64 letters, digits, "-" and "."`);
    }
    return problems;
  });

const EXTERNAL = "smart.externalAuthorizationServer";
const PRESET_NAMES = Object.keys(AUTHORIZATION_SERVER_PRESETS);

/** An external authorization server replaces Cognito: nothing of Cognito's may be configured beside it. */
export const externalReplacesCognito: ConfigRule = ({ smart }) => {
  if (!smart?.externalAuthorizationServer) return [];
  return [
    ...(smart.cognito ? [`smart.cognito is set, but ${EXTERNAL} replaces the Cognito user pool: remove one of them`] : []),
    ...(smart.identityClaims
      ? [
          `smart.identityClaims is a Cognito trigger, but ${EXTERNAL} replaces Cognito: remove identityClaims, and set ${EXTERNAL}.personClaims once your server puts fhirUser and patient into people's tokens`,
        ]
      : []),
  ];
};

function httpsUrlProblem(field: string, url: string | undefined): string[] {
  if (url === undefined) return [];
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "https:" && parsed.username === "" && parsed.password === "") return [];
  } catch {
    // not a URL
  }
  return [`${field} ${show(url)} is not an https URL`];
}

/** The endpoints discovery advertises and the validator calls: https, present, and the introspection pieces with `introspection`. */
export const externalEndpoints: ConfigRule = ({ smart }) => {
  const external = smart?.externalAuthorizationServer;
  if (!external) return [];
  const { preset, validation } = external;
  if (preset !== undefined && !PRESET_NAMES.includes(preset)) return [`${EXTERNAL}.preset ${show(preset)} is not one of ${PRESET_NAMES.map(show).join(", ")}`];
  const problems = (["issuer", "jwksUri", "authorizationEndpoint", "tokenEndpoint", "introspectionEndpoint"] as const).flatMap((field) =>
    httpsUrlProblem(`${EXTERNAL}.${field}`, external[field]),
  );
  for (const field of ["authorizationEndpoint", "tokenEndpoint"] as const) {
    if (external[field] === undefined) problems.push(`${EXTERNAL}.${field} is missing: set it, or a preset (${PRESET_NAMES.join(", ")})`);
  }
  if (!["oidc", "introspection"].includes(validation)) problems.push(`${EXTERNAL}.validation ${show(validation)} is not "oidc" or "introspection"`);
  if (validation === "introspection") {
    if (external.introspectionEndpoint === undefined) {
      problems.push(
        preset
          ? `${EXTERNAL}.validation is "introspection", but ${preset} documents no introspection endpoint: use validation "oidc", or set introspectionEndpoint`
          : `${EXTERNAL}.introspectionEndpoint is missing, and validation "introspection" needs it`,
      );
    }
    if (external.introspectionClientId === undefined || !CLIENT_ID.test(external.introspectionClientId)) {
      problems.push(
        `${EXTERNAL}.introspectionClientId is missing or not printable ASCII: name the client the validator authenticates as at the introspection endpoint`,
      );
    }
  }
  return problems;
};

// What the validator reads back (smart/validator-environment.ts): the same patterns, checked here at synth.
const { clientId: CLIENT_ID, audience: AUDIENCE, claimName: CLAIM_NAME, lifetimeSeconds: LIFETIME_SECONDS } = VALIDATOR_PATTERNS;

/** What the validator checks in the server's tokens: clients, audience, claim names, algorithms, lifetime; and people need person claims. */
export const externalTokens: ConfigRule = ({ smart }) => {
  const external = smart?.externalAuthorizationServer;
  if (!external) return [];
  const problems: string[] = [];
  if (external.clientIds.length === 0 || !external.clientIds.every((id) => CLIENT_ID.test(id))) {
    problems.push(`${EXTERNAL}.clientIds ${show(external.clientIds)} must list the accepted app clients, each printable ASCII without commas`);
  }
  if (external.audience !== undefined && !AUDIENCE.test(external.audience)) {
    problems.push(`${EXTERNAL}.audience ${show(external.audience)} must be printable ASCII without commas, at most 256 characters`);
  }
  if (!CLAIM_NAME.test(external.clientClaim)) problems.push(`${EXTERNAL}.clientClaim ${show(external.clientClaim)} is not a claim name`);
  if (external.scopeClaims.length === 0 || !external.scopeClaims.every((name) => CLAIM_NAME.test(name))) {
    problems.push(`${EXTERNAL}.scopeClaims ${show(external.scopeClaims)} must list claim names, e.g. ["scope"] or ["scp"]`);
  }
  if (external.algorithms.length === 0 || !external.algorithms.every(isSignatureAlgorithm)) {
    problems.push(
      `${EXTERNAL}.algorithms ${show(external.algorithms)} must list algorithms of ${SIGNATURE_ALGORITHMS.join(", ")} (those the validator verifies): list the ones your server signs with`,
    );
  }
  const lifetime = external.maxTokenLifetimeSeconds;
  if (!Number.isInteger(lifetime) || lifetime < LIFETIME_SECONDS[0] || lifetime > LIFETIME_SECONDS[1]) {
    problems.push(`${EXTERNAL}.maxTokenLifetimeSeconds ${lifetime} must be a whole number from ${LIFETIME_SECONDS[0]} to ${LIFETIME_SECONDS[1]}`);
  }
  if (external.oauthFlows.includes("code") && !external.personClaims) {
    problems.push(
      `${EXTERNAL}.oauthFlows includes "code" (people), but personClaims is false: a person's token without fhirUser and patient is refused by the validator: set personClaims true once your server adds those claims, or keep only "client_credentials"`,
    );
  }
  return problems;
};

export const remoteStateBucket: ConfigRule = ({ remoteState }) =>
  !remoteState || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(remoteState.bucket)
    ? []
    : [`remoteState.bucket ${show(remoteState.bucket)} is not an S3 bucket name`];

export const CONFIG_RULES: readonly ConfigRule[] = [
  stackName,
  healthLakeRegion,
  accountGuard,
  bucketPrefixes,
  cognitoDomainPrefix,
  redirectUrls,
  tokenValidity,
  passwordsOutOfConfig,
  uniqueTestUsers,
  oauthFlows,
  mfaFactor,
  smsRole,
  smartScopes,
  datastoreKey,
  kmsAdmin,
  validatorLimits,
  userPoolTier,
  peopleNeedIdentityClaims,
  identityClaimsFunction,
  smartFrontSettings,
  testUserIdentities,
  externalReplacesCognito,
  externalEndpoints,
  externalTokens,
  remoteStateBucket,
];

/** Every problem every rule finds in one resolved environment. */
export function configProblems(config: ResolvedConfig): string[] {
  return CONFIG_RULES.flatMap((rule) => rule(config));
}
