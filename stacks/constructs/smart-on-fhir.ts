import type { Construct } from "constructs";
import { Fn, TerraformVariable } from "cdktf";
import { ArchiveProvider } from "@cdktf/provider-archive/lib/provider";
import { HttpProvider } from "@cdktf/provider-http/lib/provider";
import type { HealthlakeFhirDatastore } from "../../.gen/providers/awscc/healthlake-fhir-datastore";
import type { NodejsBundleOptions } from "../bundling";
import type { ResolvedCognito, ResolvedExternalAuthorizationServer, ResolvedSmart } from "../config";
import { PASSWORD_POLICY_WORDS, passwordPolicyCondition } from "../password-policy";
import { defaultDomainPrefix } from "../cognito-domain-prefix";
import { identityProviderUpdateReserves } from "../lambda-concurrency";
import { COGNITO_ACCESS_TOKEN_CLAIMS, type SmartMetadataInput, buildSmartMetadata } from "../smart-metadata";
import { externalValidatorEnvironment } from "../validator-environment";
import { AuthorizationServer } from "./authorization-server";
import { ExternalAuthorizationServer } from "./external-authorization-server";
import { IdentityProviderUpdate } from "./identity-provider-update";
import { PreTokenGenerationFunction } from "./pre-token-generation-function";
import type { IdentityProviderSettings } from "./fhir-datastore";
import { SmartServiceRole } from "./smart-service-role";
import { TokenValidatorFunction } from "./token-validator-function";
import { SmartFront } from "./smart-front";
import { SCOPES_THE_FRONT_ADVERTISES } from "../../smart/smart-front";
import { VALIDATOR_ENVIRONMENT } from "../../smart/validator-environment";

export interface SmartOnFhirProps extends ResolvedSmart {
  /** The stack's name, in the default Cognito domain prefix. */
  readonly stackName: string;
  /** Whether a destroy keeps what can be kept (`protectData`). */
  readonly protectData: boolean;
  /** Region and account of the deployment (Terraform expressions). */
  readonly region: string;
  readonly accountId: string;
  /** The token validator's source and how to bundle it. */
  readonly validatorBundling: NodejsBundleOptions;
  /** The pre token generation trigger's source and how to bundle it (with `identityClaims`). */
  readonly preTokenGenerationBundling: NodejsBundleOptions;
  /** The identity provider update function's source and how to bundle it. */
  readonly identityProviderUpdateBundling: NodejsBundleOptions;
  /** The SMART front's source and how to bundle it (with `smartFront`). */
  readonly smartFrontBundling: NodejsBundleOptions;
}

/**
 * SMART on FHIR for one datastore: the Cognito authorization server with its test users and the
 * token validator, built before the datastore, which needs `identityProvider`; then `bind(datastore)`
 * adds what names the datastore: the role HealthLake assumes, the validator's invoke permission and
 * the function that keeps the datastore's identity provider configuration in step.
 *
 * Its parts are placed directly in the given scope, not under a construct of its own: cdktf writes
 * every element's construct path into cdk.tf.json and names the validator's asset folder after it,
 * so one more level would rename both for every existing deployment (ARCHITECTURE.md).
 */
export class SmartOnFhir {
  /** The Cognito user pool, unless the authorization server is external. */
  readonly authorizationServer?: AuthorizationServer;
  /** The external authorization server, when configured. */
  readonly externalAuthorizationServer?: ExternalAuthorizationServer;
  readonly validator: TokenValidatorFunction;
  /** With `identityClaims`: the trigger that puts `fhirUser` and `patient` into people's tokens. */
  readonly preTokenGeneration?: PreTokenGenerationFunction;
  /** What the datastore is created with. */
  readonly identityProvider: IdentityProviderSettings;
  /** Every scope a client may request, as it appears in a token's `scope`. */
  readonly clientScopes: readonly string[];
  /** With `smartFront`: SMART's authorize and token endpoints in front of Cognito. */
  readonly smartFront?: SmartFront;
  /** After `bind`: keeps the datastore's identity provider configuration in step, in place. */
  identityProviderUpdate?: IdentityProviderUpdate;

  constructor(
    private readonly scope: Construct,
    private readonly props: SmartOnFhirProps,
  ) {
    new ArchiveProvider(scope, "archive");
    new HttpProvider(scope, "http");

    const server = props.externalAuthorizationServer ? this.external(props.externalAuthorizationServer) : this.cognito(props.cognito as ResolvedCognito);
    this.authorizationServer = server.authorizationServer;
    this.preTokenGeneration = server.preTokenGeneration;
    this.externalAuthorizationServer = server.externalAuthorizationServer;
    this.smartFront = server.smartFront;
    this.clientScopes = server.clientScopes;

    this.validator = new TokenValidatorFunction(scope, "token-validator", {
      ...props.validator,
      bundling: props.validatorBundling,
      keySetUrl: server.keySetUrl,
      environment: {
        ...server.validatorEnvironment,
        [VALIDATOR_ENVIRONMENT.userRoleArn]: SmartServiceRole.arnOf(props.serviceRoleName, props.accountId),
        // Which scope versions HealthLake honours, so the function passes no others.
        [VALIDATOR_ENVIRONMENT.authorizationStrategy]: props.authorizationStrategy,
      },
    });
    const secret = this.externalAuthorizationServer?.introspectionSecret;
    if (secret) this.validator.allowSecretRead(secret.arn);

    this.identityProvider = {
      authorizationStrategy: props.authorizationStrategy,
      fineGrainedAuthorization: props.fineGrainedAuthorization,
      idpLambdaArn: this.validator.idpLambdaArn,
      metadata: buildSmartMetadata({ ...server.discovery, scopes: server.clientScopes, authorizationStrategy: props.authorizationStrategy }),
    };
  }

  /** The Cognito user pool this stack creates, with its optional pre token generation trigger. */
  private cognito(cognito: ResolvedCognito): AuthorizationServerParts {
    const { props, scope } = this;
    // Before the pool, which names it; the pool is then allowed to invoke it.
    const trigger =
      props.identityClaims &&
      new PreTokenGenerationFunction(scope, "pre-token-generation", { ...props.identityClaims, bundling: props.preTokenGenerationBundling });

    const auth = new AuthorizationServer(scope, "authorization-server", {
      ...cognito,
      domainPrefix: cognito.domainPrefix ?? defaultDomainPrefix(props.stackName, props.accountId),
      region: props.region,
      scopes: props.scopes,
      singleTestUserPassword: cognito.singleTestUser && this.singleTestUserPassword(cognito.singleTestUser.username),
      testUserPasswordsVariable: cognito.testUsers.length > 0 ? this.testUserPasswords() : undefined,
      preTokenGenerationLambdaArn: trigger?.function.arn,
      publicClientCallbackUrls: props.smartFront?.publicClientCallbackUrls,
    });
    trigger?.allowUserPool(auth.userPool.arn, props.accountId);
    const front = props.smartFront && new SmartFront(scope, "smart-front", { ...props.smartFront, bundling: props.smartFrontBundling });
    const clientIds = [...auth.clients.map(({ client }) => client.id), ...(auth.publicClient ? [auth.publicClient.id] : [])];
    return {
      authorizationServer: auth,
      preTokenGeneration: trigger,
      smartFront: front,
      clientScopes: auth.clientScopes,
      keySetUrl: auth.urls.jwks,
      validatorEnvironment: {
        [VALIDATOR_ENVIRONMENT.userPoolId]: auth.userPool.id,
        [VALIDATOR_ENVIRONMENT.clientId]: clientIdList(clientIds),
        [VALIDATOR_ENVIRONMENT.jwksUri]: auth.urls.jwks,
      },
      discovery: {
        // SMART apps talk to the front, which talks to Cognito.
        urls: front ? { ...auth.urls, ...front.urls } : auth.urls,
        oauthFlows: cognito.oauthFlows,
        // Only the trigger puts them into Cognito's tokens.
        patientClaim: trigger !== undefined,
        fhirUserClaim: trigger !== undefined,
        // Confidential clients have a secret; a public client has none and authenticates with PKCE.
        clientAuthMethods: ["client_secret_basic", "client_secret_post", ...(auth.publicClient ? ["none"] : [])],
        tokenClaims: COGNITO_ACCESS_TOKEN_CLAIMS,
        // Cognito's authorize endpoint answers in the query string only: no fragment, no form_post.
        responseModes: ["query"],
        // Without the front Cognito's own endpoints answer, which no SMART app completes a launch with.
        smartLaunch: front !== undefined,
        publicClients: auth.publicClient !== undefined,
        // Cognito issues a refresh token with every authorization code grant; the front tells SMART apps so.
        refreshTokens: front !== undefined && props.smartFront?.advertiseRefreshTokenGrant === true,
        extraScopes: front ? SCOPES_THE_FRONT_ADVERTISES : [],
      },
    };
  }

  /** An authorization server the user runs: nothing of Cognito's, discovery from its endpoints. */
  private external(external: ResolvedExternalAuthorizationServer): AuthorizationServerParts {
    const { props } = this;
    const server = new ExternalAuthorizationServer(this.scope, "external-authorization-server", {
      ...external,
      scopes: props.scopes,
      secretName: `${props.stackName}/introspection-client-secret`,
      protectData: props.protectData,
    });
    return {
      externalAuthorizationServer: server,
      clientScopes: server.clientScopes,
      // Keys shipped with the validator, as for Cognito; introspection needs none.
      keySetUrl: external.validation === "oidc" ? server.jwksUri : undefined,
      validatorEnvironment: externalValidatorEnvironment(external, { jwksUri: server.jwksUri, introspectionSecretArn: server.introspectionSecret?.arn }),
      discovery: { urls: server.urls, oauthFlows: external.oauthFlows, patientClaim: external.personClaims, fhirUserClaim: external.personClaims },
    };
  }

  /**
   * The service role, which trusts HealthLake for this datastore only, and the invoke permission,
   * under the configured condition. Both name the datastore, which needs the validator first.
   */
  bind(datastore: HealthlakeFhirDatastore, datastoreKeyArn: string | undefined): void {
    const { props } = this;
    new SmartServiceRole(this.scope, "smart-service-role", {
      roleName: props.serviceRoleName,
      accountId: props.accountId,
      region: props.region,
      datastoreArn: datastore.datastoreArn,
      scopes: this.clientScopes,
      datastoreKeyArn,
    });
    // The datastore's ARN (Service Authorization Reference format), composed from its parts so that
    // offline validation, which knows no awscc value, sees an unknown ARN, not a placeholder.
    const datastoreArn = `arn:aws:healthlake:${props.region}:${props.accountId}:datastore/fhir/${datastore.datastoreId}`;
    const validatorPermissions = this.validator.allowHealthLake(props.validator.invokeCondition, datastoreArn, props.accountId);
    this.identityProviderUpdate = new IdentityProviderUpdate(this.scope, "identity-provider-update", {
      datastore,
      datastoreArn,
      settings: this.identityProvider,
      bundling: props.identityProviderUpdateBundling,
      // At most 40 + 11 characters: every stack name gives a valid function and role name.
      functionName: `${props.stackName}-idp-update`,
      logRetentionDays: props.validator.logRetentionDays,
      logKmsKeyArn: props.validator.logKmsKeyArn,
      tracing: props.validator.tracing,
      // Where the validator has a reservation the account has room for one more execution.
      reserveConcurrency: identityProviderUpdateReserves(props.validator),
      validatorPermissions,
    });
    const auth = this.authorizationServer;
    if (this.smartFront && auth) {
      const callbackUrls = props.cognito?.callbackUrls ?? [];
      const people = auth.clients.filter(({ flow }) => flow === "code").map(({ client }) => ({ id: client.id, redirectUris: callbackUrls }));
      const publicClient = auth.publicClient && { id: auth.publicClient.id, redirectUris: props.smartFront?.publicClientCallbackUrls ?? [] };
      this.smartFront.connect({
        cognitoBaseUrl: auth.urls.hostedUi,
        fhirBaseUrl: datastore.datastoreEndpoint,
        clients: [...people, ...(publicClient ? [publicClient] : [])],
        accountId: props.accountId,
      });
    }
  }

  /**
   * The initial password of the gist's test user. Optional (default null), so plan and destroy run
   * without it; it only matters when the user is created.
   */
  private singleTestUserPassword(username: string): string {
    const variable = new TerraformVariable(this.scope, "test_user_password", {
      type: "string",
      sensitive: true,
      nullable: true,
      description: `Initial password of the Cognito test user "${username}" (${PASSWORD_POLICY_WORDS}); without it the user gets a temporary password that is not mailed`,
      validation: [
        {
          condition: `\${var.test_user_password == null ? true : ${passwordPolicyCondition("var.test_user_password")}}`,
          errorMessage: `The test user password needs ${PASSWORD_POLICY_WORDS}.`,
        },
      ],
    });
    // cdktf cannot render a null default from the constructor.
    variable.addOverride("default", null);
    return variable.stringValue;
  }

  /**
   * Initial passwords of the module-style test users, by username, given at deploy
   * (`TF_VAR_test_user_passwords`), never in the configuration: its default is empty. Terraform
   * checks every value against the pool's policy at plan, before anything is created.
   */
  private testUserPasswords(): string {
    const name = "test_user_passwords";
    new TerraformVariable(this.scope, name, {
      type: "map(string)",
      sensitive: true,
      default: {},
      description: "Initial passwords of the Cognito test users by username; a user without one gets a temporary password by email",
      validation: [
        {
          condition: `\${alltrue([for p in values(var.${name}) : ${passwordPolicyCondition("p")}])}`,
          errorMessage: `Every test user password needs ${PASSWORD_POLICY_WORDS}.`,
        },
      ],
    });
    return name;
  }
}

/** What the validator and discovery take from the authorization server, whichever it is. */
interface AuthorizationServerParts {
  readonly authorizationServer?: AuthorizationServer;
  readonly preTokenGeneration?: PreTokenGenerationFunction;
  readonly externalAuthorizationServer?: ExternalAuthorizationServer;
  readonly smartFront?: SmartFront;
  readonly clientScopes: readonly string[];
  /** Read at deploy and shipped with the validator. */
  readonly keySetUrl?: string;
  readonly validatorEnvironment: Record<string, string>;
  readonly discovery: Omit<SmartMetadataInput, "scopes" | "authorizationStrategy">;
}

/** The validator's CLIENT_ID: one id as itself, several comma-separated. */
const clientIdList = (ids: string[]) => (ids.length === 1 ? ids[0] : Fn.join(",", ids));
