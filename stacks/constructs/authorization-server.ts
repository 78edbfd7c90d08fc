import { Construct } from "constructs";
import { TerraformIterator } from "cdktf";
import { CognitoResourceServer } from "@cdktf/provider-aws/lib/cognito-resource-server";
import { CognitoUser } from "@cdktf/provider-aws/lib/cognito-user";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import { CognitoUserPoolDomain } from "@cdktf/provider-aws/lib/cognito-user-pool-domain";
import { CognitoUrls, cognitoUrls } from "../cognito-urls";
import { PASSWORD_POLICY } from "../password-policy";
import { ResolvedCognito } from "../resolve-config";

/**
 * A Cognito resource server turns `<identifier>/<scope name>` into one SMART scope: identifier
 * `system` with scope name `*.*` issues `system/*.*`. Cognito forbids `/` in scope names, so the
 * SMART level (patient, user, system, launch) has to be the identifier.
 */
export interface SmartResourceServer {
  readonly identifier: string;
  readonly scopes: readonly { readonly name: string; readonly description: string }[];
}

/** The reference gist's three resource servers, at `aws_cognito_resource_server.<identifier>`. */
export const REFERENCE_RESOURCE_SERVERS: readonly SmartResourceServer[] = [
  { identifier: "launch", scopes: [{ name: "patient", description: "Request patient data" }] },
  { identifier: "system", scopes: [{ name: "*.*", description: "Full system access" }] },
  { identifier: "patient", scopes: [{ name: "*.read", description: "Read patient data" }] },
];

// Cognito issues these standard scopes only through the authorization code flow.
const OIDC_SCOPES = ["openid", "profile", "email", "phone"];

const STANDARD_ATTRIBUTES = [
  "address", "birthdate", "email", "family_name", "gender", "given_name", "locale", "middle_name",
  "name", "nickname", "phone_number", "picture", "preferred_username", "profile", "updated_at",
  "website", "zoneinfo",
];

export interface AuthorizationServerProps extends ResolvedCognito {
  /** Region of the pool, for the hosted UI and issuer URLs. */
  readonly region: string;
  readonly resourceServers: readonly SmartResourceServer[];
  /** Password of `gistTestUser`: a sensitive Terraform variable reference, never a literal. */
  readonly gistTestUserPassword?: string;
  /** Name of the sensitive Terraform map variable holding `testUsers` passwords by username. */
  readonly testUserPasswordsVariable?: string;
}

/** The OAuth 2.0 authorization server SMART clients get their tokens from: a Cognito user pool. */
export class AuthorizationServer extends Construct {
  readonly userPool: CognitoUserPool;
  readonly domain: CognitoUserPoolDomain;
  readonly resourceServers: Record<string, CognitoResourceServer>;
  readonly client: CognitoUserPoolClient;
  readonly urls: CognitoUrls;
  /** Every scope the app client may request, as it appears in a token's `scope` claim. */
  readonly clientScopes: string[];

  constructor(scope: Construct, id: string, props: AuthorizationServerProps) {
    super(scope, id);

    this.userPool = new CognitoUserPool(this, "user-pool", {
      name: props.userPoolName,
      deletionProtection: props.deletionProtection,
      mfaConfiguration: props.mfaConfiguration,
      aliasAttributes: ["email"],
      autoVerifiedAttributes: ["email"],
      accountRecoverySetting: { recoveryMechanism: [{ name: "verified_email", priority: 1 }] },
      adminCreateUserConfig: { allowAdminCreateUserOnly: true },
      emailConfiguration: { emailSendingAccount: "COGNITO_DEFAULT" },
      passwordPolicy: { ...PASSWORD_POLICY },
      schema: [{
        attributeDataType: "String",
        developerOnlyAttribute: false,
        mutable: true,
        name: "email",
        required: true,
        stringAttributeConstraints: { maxLength: "2048", minLength: "0" },
      }],
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
    for (const server of props.resourceServers) {
      const resource = new CognitoResourceServer(this, `resource-server-${server.identifier}`, {
        identifier: server.identifier,
        name: server.identifier,
        userPoolId: this.userPool.id,
        scope: server.scopes.map((s) => ({ scopeName: s.name, scopeDescription: s.description })),
      });
      resource.overrideLogicalId(server.identifier);
      this.resourceServers[server.identifier] = resource;
    }

    const smartScopes = props.resourceServers.flatMap((server) =>
      server.scopes.map((s) => `${server.identifier}/${s.name}`));
    this.clientScopes = props.oauthFlows.includes("code") ? [...OIDC_SCOPES, ...smartScopes] : smartScopes;

    this.client = new CognitoUserPoolClient(this, "client", {
      name: props.clientName,
      userPoolId: this.userPool.id,
      generateSecret: true,
      preventUserExistenceErrors: "ENABLED",
      allowedOauthFlows: [...props.oauthFlows],
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthScopes: this.clientScopes,
      callbackUrls: [...props.callbackUrls],
      logoutUrls: [...props.logoutUrls],
      supportedIdentityProviders: ["COGNITO"],
      accessTokenValidity: props.tokenValidity.accessToken,
      idTokenValidity: props.tokenValidity.idToken,
      refreshTokenValidity: props.tokenValidity.refreshToken,
      readAttributes: [...STANDARD_ATTRIBUTES, "email_verified", "phone_number_verified"].sort(),
      writeAttributes: STANDARD_ATTRIBUTES,
      tokenValidityUnits: [{
        accessToken: props.tokenValidityUnits.accessToken,
        idToken: props.tokenValidityUnits.idToken,
        refreshToken: props.tokenValidityUnits.refreshToken,
      }],
      // A client may only name scopes that already exist on a resource server.
      dependsOn: Object.values(this.resourceServers),
    });
    this.client.overrideLogicalId("client");

    if (props.gistTestUser) {
      const user = new CognitoUser(this, "test-user", {
        userPoolId: this.userPool.id,
        username: props.gistTestUser.username,
        password: props.gistTestUserPassword,
        attributes: {
          preferred_username: props.gistTestUser.preferredUsername,
          email: props.gistTestUser.email,
          email_verified: "true",
        },
      });
      user.overrideLogicalId("test_user");
    }

    if (props.testUsers.length > 0) {
      // for_each keyed by username, as in the module: aws_cognito_user.test_users["<username>"].
      const users = TerraformIterator.fromMap(Object.fromEntries(props.testUsers.map((user) => [user.username, {
        email: user.email,
        preferred_username: user.preferredUsername ?? user.username,
        email_verified: String(user.emailVerified ?? true),
      }])));
      new CognitoUser(this, "test-users", {
        forEach: users,
        userPoolId: this.userPool.id,
        username: users.key,
        // A user without a password gets a temporary one by email. Written out because cdktf
        // renders a null default of Fn.lookup as an empty argument.
        password: props.testUserPasswordsVariable ? `\${lookup(var.${props.testUserPasswordsVariable}, each.key, null)}` : undefined,
        attributes: {
          email: users.getString("email"),
          preferred_username: users.getString("preferred_username"),
          email_verified: users.getString("email_verified"),
        },
      }).overrideLogicalId("test_users");
    }

    this.urls = cognitoUrls(this.domain.domain, props.region, this.userPool.id);
  }
}
