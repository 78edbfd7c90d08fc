import { Construct } from "constructs";
import { DataHttp } from "@cdktf/provider-http/lib/data-http";
import type { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaAlias } from "@cdktf/provider-aws/lib/lambda-alias";
import type { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { LambdaProvisionedConcurrencyConfig } from "@cdktf/provider-aws/lib/lambda-provisioned-concurrency-config";
import type { NodejsBundleOptions } from "../bundling";
import type { InvokeCondition, ResolvedValidator } from "../config";
import { policyDocument } from "../iam-policy";
import { DEPLOY_TIME_READ } from "./deploy-time-read";
import { addNodejsFunction } from "./nodejs-function";

const ALIAS = "live";
const JWKS_ADDRESS = "jwks";

/**
 * The key set in `body` as a Terraform expression: its `keys` alone, sorted by `kid` (keys without one,
 * or with a null one, first, keys sharing one in the issuer's order), each in jsonencode's canonical form (members sorted).
 * So an issuer that respaces, reorders or adds members redeploys nothing. Anything but a key set (an
 * error page) ships as an empty file, and the function then downloads the keys at init. Grouping by
 * `kid` into an object sorts the groups: `values` returns them in key order. Written out because
 * cdktf has no grouping for expression, and a reference inside it must be bare.
 */
function canonicalKeySet(body: string): string {
  // slice: `keys` must be a list; an object's members would otherwise pass as keys.
  const keys = `jsondecode(${body}).keys`;
  const byKid = `{ for key in slice(${keys}, 0, length(${keys})) : try(coalesce(tostring(key.kid), ""), "") => key... }`;
  return `\${try(jsonencode({ keys = flatten(values(${byKid})) }), "")}`;
}

export interface TokenValidatorFunctionProps extends ResolvedValidator {
  /** The handler's source and how to bundle it; bundled with esbuild at synth. */
  readonly bundling: NodejsBundleOptions;
  /** Variables of the function: issuer, allowed clients and the role to return. Never secrets. */
  readonly environment: Record<string, string>;
  /**
   * The issuer's JWKS URL: read at deploy (`data.http.jwks`) and zipped beside the bundle as
   * `jwks.json`, so a cold start verifies with no network at all; the function still refreshes the
   * set in the background, and falls back to downloading it when the file is unusable.
   * @default - no keys shipped (introspection verifies without keys)
   */
  readonly keySetUrl?: string;
}

/** The Lambda HealthLake calls on every FHIR request to turn a bearer token into allow or deny. */
export class TokenValidatorFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: IamRole;
  /** The ARN HealthLake invokes (its `IdpLambdaArn`): the alias `live`, with or without provisioned concurrency. */
  readonly idpLambdaArn: string;
  private readonly alias: LambdaAlias;

  constructor(scope: Construct, id: string, props: TokenValidatorFunctionProps) {
    super(scope, id);
    // Read at deploy, so a cold start has the keys without a download.
    const keySet =
      props.keySetUrl === undefined
        ? undefined
        : new DataHttp(this, "key-set", { url: props.keySetUrl, requestHeaders: { Accept: "application/json" }, ...DEPLOY_TIME_READ });
    keySet?.overrideLogicalId(JWKS_ADDRESS);

    const provisioned = props.provisionedConcurrency > 0;
    const parts = addNodejsFunction(this, {
      ...props,
      names: {
        zip: "lambda_zip",
        zipFile: "lambda_function.zip",
        role: "lambda_role",
        basicExecution: "lambda_basic",
        xray: "lambda_xray",
        logGroup: "token_validator",
        function: "token_validator",
      },
      extraFiles: keySet && [{ filename: "jwks.json", content: canonicalKeySet(`data.http.${JWKS_ADDRESS}.response_body`) }],
      publish: provisioned ? true : undefined,
    });
    this.function = parts.function;
    this.role = parts.role;

    // The validator reads only the issuer's public keys, over HTTPS; it calls no Cognito API. The
    // gist's address stays, holding a guard: whatever is attached to this role later, no Cognito access.
    new IamRolePolicy(this, "cognito-access", {
      name: props.cognitoPolicyName,
      role: this.role.id,
      policy: policyDocument([{ Sid: "NoCognitoApiAccess", Effect: "Deny", Action: "cognito-idp:*", Resource: "*" }]),
    }).overrideLogicalId("cognito_access");

    // HealthLake always calls the alias `live`, never the function: switching provisioned concurrency on or off
    // only moves the alias (to each published version, or to $LATEST), so the datastore's validator ARN, the
    // alias and its invoke permission stay. Deleting an alias the datastore still calls would cut it off until
    // an identity provider update points it elsewhere, and Terraform deletes a former dependency first.
    this.alias = new LambdaAlias(this, "alias", {
      name: ALIAS,
      functionName: this.function.functionName,
      functionVersion: provisioned ? this.function.version : "$LATEST",
    });
    this.alias.overrideLogicalId("token_validator");
    if (provisioned) {
      // Each code change publishes a version and moves the alias, and its warm environments with it.
      new LambdaProvisionedConcurrencyConfig(this, "provisioned-concurrency", {
        functionName: this.function.functionName,
        qualifier: this.alias.name,
        provisionedConcurrentExecutions: props.provisionedConcurrency,
      }).overrideLogicalId("token_validator");
    }
    this.idpLambdaArn = this.alias.arn;
  }

  /** Lets the validator read the introspection client secret, that one secret only. */
  allowSecretRead(secretArn: string): void {
    new IamRolePolicy(this, "read-introspection-secret", {
      name: "read-introspection-client-secret",
      role: this.role.id,
      policy: policyDocument([{ Sid: "ReadIntrospectionClientSecret", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: secretArn }]),
    }).overrideLogicalId("read_introspection_secret");
  }

  /**
   * Lets HealthLake invoke the validator, under the configured condition: the alias it calls, and the
   * function itself, which a datastore created by the gist or by an earlier version of this stack calls
   * until the identity provider update moves it to the alias. The datastore needs the validator's ARN
   * first, so this is called once the datastore exists.
   */
  allowHealthLake(condition: InvokeCondition, datastoreArn: string, accountId: string): LambdaPermission[] {
    // Distinct statement ids: one policy statement per qualifier, never two of the same id.
    const grant = (id: string, address: string, qualifier: string | undefined) => {
      const permission = new LambdaPermission(this, id, {
        statementId: address,
        action: "lambda:InvokeFunction",
        functionName: this.function.functionName,
        qualifier,
        principal: "healthlake.amazonaws.com",
        sourceAccount: condition === "none" ? undefined : accountId,
        sourceArn: condition === "datastore" ? datastoreArn : undefined,
      });
      permission.overrideLogicalId(address);
      return permission;
    };
    return [grant("healthlake-invoke", "healthlake", undefined), grant("healthlake-invoke-alias", "healthlake_alias", this.alias.name)];
  }
}
