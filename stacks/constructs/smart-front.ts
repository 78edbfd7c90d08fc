import { Construct } from "constructs";
import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api";
import { Apigatewayv2Integration } from "@cdktf/provider-aws/lib/apigatewayv2-integration";
import { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route";
import { Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { type FrontClient, SMART_FRONT_ENVIRONMENT, SMART_FRONT_ROUTES, clientsEnvironment, routePath } from "../../smart/smart-front";
import type { NodejsBundleOptions } from "../bundling";
import type { ResolvedSmartFront } from "../config";
import { addNodejsFunction } from "./nodejs-function";

export interface SmartFrontProps extends ResolvedSmartFront {
  /** The handler's source and how to bundle it; bundled with esbuild at synth. */
  readonly bundling: NodejsBundleOptions;
}

/** What the front's function needs to know, once Cognito and the datastore exist. */
export interface SmartFrontTargets {
  /** Cognito's hosted UI base URL. */
  readonly cognitoBaseUrl: string;
  /** The datastore's FHIR base URL: the `aud` SMART apps send. */
  readonly fhirBaseUrl: string;
  /** The app clients people sign in with, each with its own callback URLs. */
  readonly clients: readonly FrontClient[];
  /** The account, whose API alone may invoke the function. */
  readonly accountId: string;
}

// API Gateway's HTTP API waits at most 30 s for an integration.
const MAX_INTEGRATION_MS = 30_000;

// No query string, body or header: an authorization request's query holds the PKCE challenge and state.
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: "$context.requestId",
  ip: "$context.identity.sourceIp",
  requestTime: "$context.requestTime",
  routeKey: "$context.routeKey",
  status: "$context.status",
  responseLength: "$context.responseLength",
  integrationLatency: "$context.integrationLatency",
  integrationError: "$context.integrationErrorMessage",
});

/**
 * The SMART front for Cognito: an API Gateway HTTP API whose `/authorize` and `/token` a SMART app
 * calls instead of Cognito's (lambda/smart-front/ says what each does). The API exists before the
 * datastore, whose discovery names its URLs; `connect` adds the function, which needs the datastore's
 * FHIR base URL, and the routes and stage that reach it.
 */
export class SmartFront extends Construct {
  readonly api: Apigatewayv2Api;
  /** The endpoints discovery advertises. */
  readonly urls: { readonly authorize: string; readonly token: string };
  function?: LambdaFunction;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: SmartFrontProps,
  ) {
    super(scope, id);
    this.api = new Apigatewayv2Api(this, "api", {
      name: props.functionName,
      protocolType: "HTTP",
      description: "SMART App Launch authorize and token endpoints in front of Cognito",
    });
    this.api.overrideLogicalId("smart_front");
    this.urls = {
      authorize: `${this.api.apiEndpoint}${routePath(SMART_FRONT_ROUTES.authorize)}`,
      token: `${this.api.apiEndpoint}${routePath(SMART_FRONT_ROUTES.token)}`,
    };
  }

  connect(targets: SmartFrontTargets): void {
    const { props } = this;
    const timeoutMs = props.timeoutSeconds * 1000;
    const fn = addNodejsFunction(this, {
      ...props,
      names: {
        zip: "smart_front_zip",
        zipFile: "smart_front.zip",
        role: "smart_front",
        basicExecution: "smart_front_basic",
        xray: "smart_front_xray",
        logGroup: "smart_front",
        function: "smart_front",
      },
      environment: {
        [SMART_FRONT_ENVIRONMENT.cognitoBaseUrl]: targets.cognitoBaseUrl,
        [SMART_FRONT_ENVIRONMENT.fhirBaseUrl]: targets.fhirBaseUrl,
        [SMART_FRONT_ENVIRONMENT.clients]: clientsEnvironment(targets.clients),
        // A second for the function to answer the app after Cognito's deadline.
        [SMART_FRONT_ENVIRONMENT.upstreamTimeoutMs]: String(timeoutMs - 1000),
      },
    }).function;
    this.function = fn;

    const integration = new Apigatewayv2Integration(this, "integration", {
      apiId: this.api.id,
      integrationType: "AWS_PROXY",
      integrationMethod: "POST",
      integrationUri: fn.invokeArn,
      payloadFormatVersion: "2.0",
      timeoutMilliseconds: Math.min(MAX_INTEGRATION_MS, timeoutMs + 1000),
    });
    integration.overrideLogicalId("smart_front");

    const routes = { authorize: "smart_front_authorize", token: "smart_front_token", tokenPreflight: "smart_front_token_preflight" } as const;
    for (const [route, address] of Object.entries(routes) as [keyof typeof routes, string][]) {
      new Apigatewayv2Route(this, `route-${address}`, {
        apiId: this.api.id,
        routeKey: SMART_FRONT_ROUTES[route],
        target: `integrations/${integration.id}`,
      }).overrideLogicalId(address);
    }

    const accessLog = new CloudwatchLogGroup(this, "access-log", {
      name: `/aws/apigateway/${props.functionName}`,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.logKmsKeyArn,
    });
    accessLog.overrideLogicalId("smart_front_access");
    new Apigatewayv2Stage(this, "stage", {
      apiId: this.api.id,
      name: "$default",
      autoDeploy: true,
      // Both limits always: the aws provider sends 0 for one left out, and 0 refuses every request.
      defaultRouteSettings: { throttlingRateLimit: props.throttlingRateLimit, throttlingBurstLimit: props.throttlingBurstLimit },
      accessLogSettings: { destinationArn: accessLog.arn, format: ACCESS_LOG_FORMAT },
    }).overrideLogicalId("smart_front");

    // This API's default stage only, any of its routes.
    new LambdaPermission(this, "invoke", {
      statementId: "smart_front_api",
      action: "lambda:InvokeFunction",
      functionName: fn.functionName,
      principal: "apigateway.amazonaws.com",
      sourceAccount: targets.accountId,
      sourceArn: `${this.api.executionArn}/$default/*`,
    }).overrideLogicalId("smart_front_api");
  }
}
