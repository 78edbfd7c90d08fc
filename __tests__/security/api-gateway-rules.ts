import { r, type Rule, resources } from "./rule";

export const API_GATEWAY_RULES: Rule[] = [
  {
    ids: ["CKV_AWS_76", "AVD-AWS-0001"],
    description: "every API stage writes an access log",
    breaks: (j) => delete r(j, "aws_apigatewayv2_stage", "smart_front").access_log_settings,
    check: (stack) =>
      resources(stack, "aws_apigatewayv2_stage")
        .filter(([, stage]) => !stage.access_log_settings?.destination_arn)
        .map(([address]) => ({ address, message: "no access log" })),
  },
  {
    ids: ["HLS-APIGW-THROTTLE"],
    description: "every API stage throttles its routes with both limits above 0 (the aws provider sends 0 for one left out, and 0 refuses every request)",
    breaks: (j) => delete r(j, "aws_apigatewayv2_stage", "smart_front").default_route_settings.throttling_burst_limit,
    check: (stack) =>
      resources(stack, "aws_apigatewayv2_stage")
        .filter(([, stage]) => !(stage.default_route_settings?.throttling_rate_limit > 0 && stage.default_route_settings?.throttling_burst_limit > 0))
        .map(([address]) => ({ address, message: "a throttling limit is missing or 0" })),
  },
  {
    ids: ["HLS-APIGW-ACCESS-LOG-NO-QUERY"],
    description: "no access log holds a query string or a header, where an authorization request's PKCE challenge and state travel",
    breaks: (j) => {
      r(j, "aws_apigatewayv2_stage", "smart_front").access_log_settings.format = '{"path":"$context.path","query":"$request.querystring"}';
    },
    check: (stack) =>
      resources(stack, "aws_apigatewayv2_stage")
        .filter(([, stage]) => /\$request\.|querystring|\$input\./i.test(String(stage.access_log_settings?.format ?? "")))
        .map(([address]) => ({ address, message: "the access log format reads the request" })),
  },
];
