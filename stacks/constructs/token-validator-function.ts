import { Construct } from "constructs";
import { AssetType, Fn, TerraformAsset } from "cdktf";
import { DataArchiveFile } from "@cdktf/provider-archive/lib/data-archive-file";
import { DataHttp } from "@cdktf/provider-http/lib/data-http";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { LambdaAlias } from "@cdktf/provider-aws/lib/lambda-alias";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { LambdaProvisionedConcurrencyConfig } from "@cdktf/provider-aws/lib/lambda-provisioned-concurrency-config";
import { type NodejsBundleOptions, stagedBundle } from "../bundling";
import type { InvokeCondition, ResolvedValidator } from "../config";
import { policyDocument, serviceTrustPolicy } from "../iam-policy";

const ALIAS = "live";

export interface TokenValidatorFunctionProps extends ResolvedValidator {
  /** The handler's source and how to bundle it; bundled with esbuild at synth. */
  readonly bundling: NodejsBundleOptions;
  /** Variables of the function: issuer, allowed clients and the role to return. Never secrets. */
  readonly environment: Record<string, string>;
  /**
   * The issuer's JWKS URL: read at deploy (`data.http.jwks`) and zipped beside the bundle as
   * `jwks.json`, so a cold start verifies with no network at all; the function still refreshes the
   * set in the background, and falls back to downloading it when the file is unusable.
   */
  readonly keySetUrl: string;
}

/** The Lambda HealthLake calls on every FHIR request to turn a bearer token into allow or deny. */
export class TokenValidatorFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: IamRole;
  /** The ARN HealthLake invokes (its `IdpLambdaArn`): the alias `live` with provisioned concurrency, else the function. */
  readonly idpLambdaArn: string;
  private readonly alias?: LambdaAlias;

  constructor(scope: Construct, id: string, props: TokenValidatorFunctionProps) {
    super(scope, id);
    // The asset copies the bundle into the stack folder, so cdk.tf.json only holds stack-relative paths.
    const bundle = new TerraformAsset(this, "bundle", { path: stagedBundle(props.bundling), type: AssetType.DIRECTORY });
    const keySet = new DataHttp(this, "key-set", { url: props.keySetUrl, requestHeaders: { Accept: "application/json" } });
    keySet.overrideLogicalId("jwks");
    const zip = new DataArchiveFile(this, "zip", {
      type: "zip",
      source: [
        { filename: "index.js", content: Fn.file(`${bundle.path}/index.js`) },
        // Canonical (sorted) keys only, so an issuer reordering its JSON redeploys nothing; anything but a
        // key set (an error page) ships as an empty file, and the function then downloads the keys at init.
        { filename: "jwks.json", content: Fn.try([Fn.jsonencode({ keys: Fn.lookup(Fn.jsondecode(keySet.responseBody), "keys") }), ""]) },
      ],
      outputPath: "lambda_function.zip",
      // The archive provider zeroes timestamps; a fixed mode makes the bytes independent of umask.
      outputFileMode: "0644",
    });
    zip.overrideLogicalId("lambda_zip");

    this.role = new IamRole(this, "role", {
      name: props.roleName,
      assumeRolePolicy: serviceTrustPolicy("lambda.amazonaws.com"),
    });
    this.role.overrideLogicalId("lambda_role");

    new IamRolePolicyAttachment(this, "basic-execution", {
      policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
      role: this.role.name,
    }).overrideLogicalId("lambda_basic");

    // The validator reads only the issuer's public keys, over HTTPS; it calls no Cognito API. The
    // gist's address stays, holding a guard: whatever is attached to this role later, no Cognito access.
    new IamRolePolicy(this, "cognito-access", {
      name: props.cognitoPolicyName,
      role: this.role.id,
      policy: policyDocument([{ Sid: "NoCognitoApiAccess", Effect: "Deny", Action: "cognito-idp:*", Resource: "*" }]),
    }).overrideLogicalId("cognito_access");

    if (props.tracing) {
      new IamRolePolicyAttachment(this, "xray", {
        policyArn: "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
        role: this.role.name,
      }).overrideLogicalId("lambda_xray");
    }

    // Created before the function, so Lambda never makes one without retention.
    const logGroupName = `/aws/lambda/${props.functionName}`;
    const logGroup = new CloudwatchLogGroup(this, "log-group", {
      name: logGroupName,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.logKmsKeyArn,
    });
    logGroup.overrideLogicalId("token_validator");
    // A function that ran before this stack managed it (the gist's) made this group on its first call.
    if (props.importExistingLogGroup) logGroup.importFrom(logGroupName);

    const provisioned = props.provisionedConcurrency > 0;
    this.function = new LambdaFunction(this, "function", {
      functionName: props.functionName,
      role: this.role.arn,
      filename: zip.outputPath,
      sourceCodeHash: zip.outputBase64Sha256,
      handler: "index.handler",
      runtime: "nodejs22.x",
      // The bundle is plain JavaScript, so Graviton costs 20 % less per GB-second with nothing to port.
      architectures: ["arm64"],
      memorySize: props.memoryMiB,
      timeout: props.timeoutSeconds,
      reservedConcurrentExecutions: props.reservedConcurrency,
      publish: provisioned ? true : undefined,
      tracingConfig: props.tracing ? { mode: "Active" } : undefined,
      environment: { variables: props.environment },
      dependsOn: [logGroup],
    });
    this.function.overrideLogicalId("token_validator");

    if (provisioned) {
      // Each code change publishes a version and moves the alias; HealthLake keeps calling the alias.
      this.alias = new LambdaAlias(this, "alias", {
        name: ALIAS,
        functionName: this.function.functionName,
        functionVersion: this.function.version,
      });
      this.alias.overrideLogicalId("token_validator");
      new LambdaProvisionedConcurrencyConfig(this, "provisioned-concurrency", {
        functionName: this.function.functionName,
        qualifier: this.alias.name,
        provisionedConcurrentExecutions: props.provisionedConcurrency,
      }).overrideLogicalId("token_validator");
    }
    this.idpLambdaArn = this.alias?.arn ?? this.function.arn;
  }

  /**
   * Lets HealthLake invoke the validator, under the configured condition. The function itself and,
   * with provisioned concurrency, the alias both get a permission: a datastore keeps calling the ARN
   * it was created with, so switching provisioned concurrency on or off never cuts it off. The
   * datastore needs the validator's ARN first, so this is called once the datastore exists.
   */
  allowHealthLake(condition: InvokeCondition, datastoreArn: string, accountId: string): void {
    // Distinct statement ids: one policy statement per qualifier, never two of the same id.
    const grant = (id: string, address: string, qualifier: string | undefined) =>
      new LambdaPermission(this, id, {
        statementId: address,
        action: "lambda:InvokeFunction",
        functionName: this.function.functionName,
        qualifier,
        principal: "healthlake.amazonaws.com",
        sourceAccount: condition === "none" ? undefined : accountId,
        sourceArn: condition === "datastore" ? datastoreArn : undefined,
      }).overrideLogicalId(address);
    grant("healthlake-invoke", "healthlake", undefined);
    if (this.alias) grant("healthlake-invoke-alias", "healthlake_alias", this.alias.name);
  }
}
