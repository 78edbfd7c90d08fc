import { Construct } from "constructs";
import { Fn } from "cdktf";
import { DataHttp } from "@cdktf/provider-http/lib/data-http";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import type { AuthorizationServerUrls, ResolvedExternalAuthorizationServer } from "../config";
import { DEPLOY_TIME_READ } from "./deploy-time-read";

export interface ExternalAuthorizationServerProps extends ResolvedExternalAuthorizationServer {
  /** Every SMART scope the deployment uses, `<level>/<name>`. */
  readonly scopes: readonly string[];
  /** Name of the introspection client secret (`introspection`). */
  readonly secretName: string;
  /**
   * A destroy leaves the introspection secret in AWS's 7-day recovery window, so it can be restored;
   * otherwise it is deleted at once, and the same stack can be created again under the same name.
   */
  readonly protectData: boolean;
}

/**
 * An authorization server this stack does not create (Okta, Entra ID, Auth0, Keycloak, any OpenID
 * provider): what discovery says about it, where the validator finds its keys (the configuration, the
 * preset, or its discovery document read at deploy, never per request), and for introspection the
 * secret the operator fills with the validator's client secret.
 */
export class ExternalAuthorizationServer extends Construct {
  readonly urls: AuthorizationServerUrls;
  /** The issuer's JWKS URL: given, the preset's, or from its discovery document at deploy. */
  readonly jwksUri?: string;
  /** `introspection`: created without a value; its ARN is the validator's, its value never is. */
  readonly introspectionSecret?: SecretsmanagerSecret;
  /** Every scope a client of this server may request, as discovery lists them. */
  readonly clientScopes: string[];
  /** The `aud` tokens must name; absent, the datastore endpoint. */
  readonly audience?: string;

  constructor(scope: Construct, id: string, props: ExternalAuthorizationServerProps) {
    super(scope, id);
    this.audience = props.audience;
    this.jwksUri = props.jwksUri ?? (props.validation === "oidc" ? this.discoveredJwksUri(props.issuer) : undefined);
    this.urls = {
      issuer: props.issuer,
      // biome-ignore lint/style/noNonNullAssertion: rules.externalEndpoints requires both
      authorize: props.authorizationEndpoint!,
      // biome-ignore lint/style/noNonNullAssertion: rules.externalEndpoints requires both
      token: props.tokenEndpoint!,
      jwks: this.jwksUri,
      revoke: props.revocationEndpoint,
      userInfo: props.userinfoEndpoint,
    };
    // People sign in with OpenID Connect; an external server can define the bare `fhirUser` scope Cognito cannot.
    const people = props.oauthFlows.includes("code") ? ["openid", ...(props.personClaims ? ["fhirUser"] : [])] : [];
    this.clientScopes = [...people, ...props.scopes];

    if (props.validation === "introspection") {
      this.introspectionSecret = new SecretsmanagerSecret(this, "introspection-secret", {
        name: props.secretName,
        description: `Client secret of ${props.introspectionClientId} at ${props.introspectionEndpoint}: put it here (put-secret-value); the token validator reads it`,
        // 0 deletes at once: a secret in its recovery window keeps its name, and CreateSecret refuses it.
        recoveryWindowInDays: props.protectData ? 7 : 0,
      });
      this.introspectionSecret.overrideLogicalId("introspection_client_secret");
    }
  }

  /**
   * `jwks_uri` of the issuer's OpenID discovery document, read at deploy. A plan stops, naming the
   * document, when it is unreachable or names no https key set: a validator without keys would deny
   * every request.
   */
  private discoveredJwksUri(issuer: string): string {
    const url = `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
    const discovery = new DataHttp(this, "discovery", {
      url,
      requestHeaders: { Accept: "application/json" },
      ...DEPLOY_TIME_READ,
      lifecycle: {
        postcondition: [
          {
            condition: '${self.status_code == 200 && can(regex("^https://", jsondecode(self.response_body).jwks_uri))}',
            errorMessage: `The issuer's discovery document ${url} is unreachable or names no https jwks_uri: set smart.externalAuthorizationServer.jwksUri, or fix the issuer.`,
          },
        ],
      },
    });
    discovery.overrideLogicalId("openid_configuration");
    return Fn.lookup(Fn.jsondecode(discovery.responseBody), "jwks_uri");
  }
}
