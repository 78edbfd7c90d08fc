import { Construct } from "constructs";
import { TerraformIterator, Token } from "cdktf";
import { CognitoResourceServer } from "@cdktf/provider-aws/lib/cognito-resource-server";
import { CognitoUser } from "@cdktf/provider-aws/lib/cognito-user";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import { CognitoUserPoolDomain } from "@cdktf/provider-aws/lib/cognito-user-pool-domain";
import { type CognitoUrls, cognitoUrls } from "../cognito-urls";
import { PASSWORD_POLICY } from "../password-policy";
import { customAttribute, IDENTITY_ATTRIBUTES } from "../../smart/identity-attributes";
import { PRE_TOKEN_GENERATION_VERSION } from "./pre-token-generation-function";
import type { OAuthFlow, ResolvedCognito } from "../config";

/**
 * A Cognito resource server turns `<identifier>/<scope name>` into one SMART scope: identifier
 * `system` with scope name `*.*` issues `system/*.*`. Cognito forbids `/` in scope names, so the
 * SMART level (patient, user, system, launch) has to be the identifier.
 */
export interface SmartResourceServer {
  readonly identifier: string;
  readonly scopes: readonly { readonly name: string; readonly description: string }[];
}

// The gist's descriptions of its three scopes; other scopes are described by their text.
const SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "launch/patient": "Request patient data",
  "system/*.*": "Full system access",
  "patient/*.read": "Read patient data",
};

/** One resource server per SMART level in `scopes`, in order of first appearance, at `aws_cognito_resource_server.<level>`. */
export function resourceServersFor(scopes: readonly string[]): SmartResourceServer[] {
  const byLevel = new Map<string, { name: string; description: string }[]>();
  for (const scope of scopes) {
    const [level, name] = [scope.slice(0, scope.indexOf("/")), scope.slice(scope.indexOf("/") + 1)];
    byLevel.set(level, [...(byLevel.get(level) ?? []), { name, description: SCOPE_DESCRIPTIONS[scope] ?? `SMART scope ${scope}` }]);
  }
  return [...byLevel].map(([identifier, serverScopes]) => ({ identifier, scopes: serverScopes }));
}

// Cognito issues these standard scopes only through the authorization code flow.
const OIDC_SCOPES = ["openid", "profile", "email", "phone"];

/**
 * The scopes one app client may request: a machine client (client credentials) gets the `system/`
 * scopes and nothing else; the client people sign in with gets OIDC, launch, patient and user scopes,
 * never `system/` ones, which would let any user of the pool read and write everything.
 */
export function clientScopes(flow: OAuthFlow, scopes: readonly string[]): string[] {
  const system = (scope: string) => scope.startsWith("system/");
  return flow === "client_credentials" ? scopes.filter(system) : [...OIDC_SCOPES, ...scopes.filter((scope) => !system(scope))];
}

/** What each flow's client is called in Terraform addresses and outputs when it is not the first. */
export const CLIENT_KIND: Readonly<Record<OAuthFlow, string>> = { client_credentials: "machine", code: "people" };

const STANDARD_ATTRIBUTES = [
  "address",
  "birthdate",
  "email",
  "family_name",
  "gender",
  "given_name",
  "locale",
  "middle_name",
  "name",
  "nickname",
  "phone_number",
  "picture",
  "preferred_username",
  "profile",
  "updated_at",
  "website",
  "zoneinfo",
];

export interface AuthorizationServerProps extends Omit<ResolvedCognito, "domainPrefix"> {
  /** Region of the pool, for the hosted UI and issuer URLs. */
  readonly region: string;
  /** The hosted UI's domain prefix (a Terraform expression when composed from the account id). */
  readonly domainPrefix: string;
  /** Every SMART scope the pool can issue, `<level>/<name>`. */
  readonly scopes: readonly string[];
  /** Initial password of `singleTestUser`: a sensitive Terraform variable reference, never a literal. */
  readonly singleTestUserPassword?: string;
  /** Name of the sensitive Terraform map variable holding `testUsers` passwords by username. */
  readonly testUserPasswordsVariable?: string;
  /**
   * The pre token generation trigger. With it the pool has the identity attributes (`custom:fhir_user`,
   * `custom:patient_id`), which the app clients may read and never write. @default - no trigger, no attributes
   */
  readonly preTokenGenerationLambdaArn?: string;
  /**
   * A public app client for people beside the confidential one, with these callback URLs of its own: no
   * secret, for browser and mobile apps, which must use PKCE (the SMART front requires it).
   * @default - no public client
   */
  readonly publicClientCallbackUrls?: readonly string[];
}

/** The identity attributes in the pool schema: strings an administrator sets, bounded in length. */
const IDENTITY_SCHEMA = Object.values(IDENTITY_ATTRIBUTES).map(({ name, maxLength }) => ({
  attributeDataType: "String",
  developerOnlyAttribute: false,
  mutable: true,
  name,
  required: false,
  stringAttributeConstraints: { maxLength: String(maxLength), minLength: "1" },
}));

/**
 * A test user's password is only the one it starts with: later plans need no password (a user may
 * have changed it), and one given later does not reset it.
 */
const INITIAL_PASSWORD_ONLY = { ignoreChanges: ["password"] };

/** The OAuth 2.0 authorization server SMART clients get their tokens from: a Cognito user pool. */
export class AuthorizationServer extends Construct {
  readonly userPool: CognitoUserPool;
  readonly domain: CognitoUserPoolDomain;
  readonly resourceServers: Record<string, CognitoResourceServer>;
  /** One app client per OAuth flow, in the configured order; the first is at the reference address `client`. */
  readonly clients: readonly { readonly flow: OAuthFlow; readonly address: string; readonly client: CognitoUserPoolClient }[];
  /** With `publicClientCallbackUrls`: the app client without a secret, at `aws_cognito_user_pool_client.public`. */
  readonly publicClient?: CognitoUserPoolClient;
  readonly urls: CognitoUrls;
  /** Every scope some app client may request, as it appears in a token's `scope` claim. */
  readonly clientScopes: string[];

  constructor(scope: Construct, id: string, props: AuthorizationServerProps) {
    super(scope, id);
    const trigger = props.preTokenGenerationLambdaArn;

    this.userPool = new CognitoUserPool(this, "user-pool", {
      name: props.userPoolName,
      userPoolTier: props.userPoolTier,
      lambdaConfig: trigger ? { preTokenGenerationConfig: { lambdaArn: trigger, lambdaVersion: PRE_TOKEN_GENERATION_VERSION } } : undefined,
      deletionProtection: props.deletionProtection,
      mfaConfiguration: props.mfaConfiguration,
      // Cognito refuses MFA ON or OPTIONAL without a factor, and only after it has created the pool.
      softwareTokenMfaConfiguration: props.mfaConfiguration !== "OFF" && props.mfaSoftwareToken ? { enabled: true } : undefined,
      smsConfiguration: props.sms,
      aliasAttributes: ["email"],
      autoVerifiedAttributes: ["email"],
      accountRecoverySetting: { recoveryMechanism: [{ name: "verified_email", priority: 1 }] },
      adminCreateUserConfig: { allowAdminCreateUserOnly: true },
      emailConfiguration: { emailSendingAccount: "COGNITO_DEFAULT" },
      passwordPolicy: { ...PASSWORD_POLICY },
      schema: [
        {
          attributeDataType: "String",
          developerOnlyAttribute: false,
          mutable: true,
          name: "email",
          required: true,
          stringAttributeConstraints: { maxLength: "2048", minLength: "0" },
        },
        // Cognito can add a custom attribute to a pool but never remove one.
        ...(trigger ? IDENTITY_SCHEMA : []),
      ],
      userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdate: ["email"] },
      usernameConfiguration: { caseSensitive: false },
      verificationMessageTemplate: { defaultEmailOption: "CONFIRM_WITH_CODE" },
    });
    this.userPool.overrideLogicalId("main");

    this.domain = new CognitoUserPoolDomain(this, "domain", {
      domain: props.domainPrefix,
      userPoolId: this.userPool.id,
    });
    this.domain.overrideLogicalId("this");

    this.resourceServers = {};
    for (const server of resourceServersFor(props.scopes)) {
      const resource = new CognitoResourceServer(this, `resource-server-${server.identifier}`, {
        identifier: server.identifier,
        name: server.identifier,
        userPoolId: this.userPool.id,
        scope: server.scopes.map((s) => ({ scopeName: s.name, scopeDescription: s.description })),
      });
      resource.overrideLogicalId(server.identifier);
      this.resourceServers[server.identifier] = resource;
    }

    // Every client may read the identity attributes, none may write them: only an administrator sets who a user is.
    const readAttributes = [
      ...STANDARD_ATTRIBUTES,
      "email_verified",
      "phone_number_verified",
      ...(trigger ? IDENTITY_SCHEMA.map((a) => customAttribute(a.name)) : []),
    ].sort();
    const clientSettings = (flow: OAuthFlow, callbackUrls: readonly string[]) => ({
      userPoolId: this.userPool.id,
      preventUserExistenceErrors: "ENABLED",
      allowedOauthFlows: [flow],
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthScopes: clientScopes(flow, props.scopes),
      callbackUrls: [...callbackUrls],
      logoutUrls: [...props.logoutUrls],
      supportedIdentityProviders: ["COGNITO"],
      accessTokenValidity: props.tokenValidity.accessToken,
      idTokenValidity: props.tokenValidity.idToken,
      refreshTokenValidity: props.tokenValidity.refreshToken,
      readAttributes,
      writeAttributes: STANDARD_ATTRIBUTES,
      tokenValidityUnits: [
        {
          accessToken: props.tokenValidityUnits.accessToken,
          idToken: props.tokenValidityUnits.idToken,
          refreshToken: props.tokenValidityUnits.refreshToken,
        },
      ],
      // A client may only name scopes that already exist on a resource server.
      dependsOn: Object.values(this.resourceServers),
    });
    this.clients = props.oauthFlows.map((flow, i) => {
      const address = i === 0 ? "client" : CLIENT_KIND[flow];
      const client = new CognitoUserPoolClient(this, `client-${flow}`, {
        name: i === 0 ? props.clientName : `${props.clientName}-${CLIENT_KIND[flow]}`,
        generateSecret: true,
        ...clientSettings(flow, props.callbackUrls),
      });
      client.overrideLogicalId(address);
      return { flow, address, client };
    });
    if (props.publicClientCallbackUrls && props.publicClientCallbackUrls.length > 0) {
      // Callback URLs of its own: a code Cognito issues for one client never lands at another client's app.
      this.publicClient = new CognitoUserPoolClient(this, "client-public", {
        name: `${props.clientName}-public`,
        generateSecret: false,
        ...clientSettings("code", props.publicClientCallbackUrls),
      });
      this.publicClient.overrideLogicalId("public");
    }
    this.clientScopes = [...new Set(props.oauthFlows.flatMap((flow) => clientScopes(flow, props.scopes)))];

    if (props.singleTestUser) {
      const user = new CognitoUser(this, "test-user", {
        userPoolId: this.userPool.id,
        username: props.singleTestUser.username,
        password: props.singleTestUserPassword,
        // Without a password Cognito sets a temporary one; it is not mailed to the gist's address,
        // which belongs to someone else. Set a password with `aws cognito-idp admin-set-user-password`.
        messageAction: "SUPPRESS",
        attributes: {
          preferred_username: props.singleTestUser.preferredUsername,
          email: props.singleTestUser.email,
          email_verified: "true",
        },
        lifecycle: INITIAL_PASSWORD_ONLY,
      });
      user.overrideLogicalId("test_user");
    }

    if (props.testUsers.length > 0) {
      // for_each keyed by username, as in the module: aws_cognito_user.test_users["<username>"].
      const users = TerraformIterator.fromMap(
        Object.fromEntries(
          props.testUsers.map((user) => [
            user.username,
            {
              email: user.email,
              preferred_username: user.preferredUsername ?? user.username,
              email_verified: String(user.emailVerified ?? true),
              // The provider writes custom attributes without their `custom:` prefix.
              ...(user.fhirUser === undefined ? {} : { [IDENTITY_ATTRIBUTES.fhirUser.name]: user.fhirUser }),
              ...(user.patientId === undefined ? {} : { [IDENTITY_ATTRIBUTES.patientId.name]: user.patientId }),
            },
          ]),
        ),
      );
      new CognitoUser(this, "test-users", {
        forEach: users,
        userPoolId: this.userPool.id,
        username: users.key,
        // A user without a password gets a temporary one. Written out because cdktf renders a null
        // default of Fn.lookup as an empty argument.
        password: props.testUserPasswordsVariable ? `\${lookup(var.${props.testUserPasswordsVariable}, each.key, null)}` : undefined,
        // Test users' addresses are examples, someone else's domains: Cognito mails no invitation.
        messageAction: "SUPPRESS",
        // Each user's map above: users differ in which identity attributes they have.
        attributes: Token.asStringMap(users.value),
        lifecycle: INITIAL_PASSWORD_ONLY,
      }).overrideLogicalId("test_users");
    }

    this.urls = cognitoUrls(this.domain.domain, props.region, this.userPool.id);
  }
}
