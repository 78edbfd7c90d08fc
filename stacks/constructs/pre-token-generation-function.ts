import { Construct } from "constructs";
import type { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import type { NodejsBundleOptions } from "../bundling";
import type { ResolvedIdentityClaims } from "../config";
import { addNodejsFunction } from "./nodejs-function";

export interface PreTokenGenerationFunctionProps extends ResolvedIdentityClaims {
  /** The handler's source and how to bundle it; bundled with esbuild at synth. */
  readonly bundling: NodejsBundleOptions;
}

/** The event version Cognito sends: `V2_0` customizes people's access tokens (`V3_0` adds machines', which this trigger leaves alone). */
export const PRE_TOKEN_GENERATION_VERSION = "V2_0";

/**
 * Cognito's pre token generation trigger: puts `fhirUser` and `patient` into a person's tokens. It
 * reads only the event, so its role may write its logs (and traces) and nothing else.
 */
export class PreTokenGenerationFunction extends Construct {
  readonly function: LambdaFunction;

  constructor(scope: Construct, id: string, props: PreTokenGenerationFunctionProps) {
    super(scope, id);
    this.function = addNodejsFunction(this, {
      ...props,
      names: {
        zip: "pre_token_generation_zip",
        zipFile: "pre_token_generation.zip",
        role: "pre_token_generation",
        basicExecution: "pre_token_generation_basic",
        xray: "pre_token_generation_xray",
        logGroup: "pre_token_generation",
        function: "pre_token_generation",
      },
    }).function;
  }

  /** Lets this user pool, in this account, and no other invoke the trigger (the form Cognito's guide shows). */
  allowUserPool(userPoolArn: string, accountId: string): void {
    new LambdaPermission(this, "cognito-invoke", {
      statementId: "cognito_pre_token_generation",
      action: "lambda:InvokeFunction",
      functionName: this.function.functionName,
      principal: "cognito-idp.amazonaws.com",
      sourceAccount: accountId,
      sourceArn: userPoolArn,
    }).overrideLogicalId("cognito_pre_token_generation");
  }
}
