import { complete } from "../environments/complete";
import type { HealthLakeSmartConfig } from "../stacks/config";
import { addresses, synthJson } from "./support/synth";

// HealthLake calls the validator's alias `live` whether provisioned concurrency is on or off. Switching it
// then deletes nothing the datastore calls: had the alias existed only with provisioned concurrency,
// switching off would delete it while the datastore still called it, and Terraform deletes a former
// dependency before replacing what depended on it (the identity provider update that moves the datastore).
const withProvisioned = (provisionedConcurrency: number): HealthLakeSmartConfig => ({
  ...complete,
  smart: { ...complete.smart, validator: { ...complete.smart?.validator, provisionedConcurrency } },
});
const on = synthJson(withProvisioned(2));
const off = synthJson(withProvisioned(0));
const idpLambdaArn = (json: typeof on) => json.resource.awscc_healthlake_fhir_datastore.this.identity_provider_configuration.idp_lambda_arn;

describe("switching the validator's provisioned concurrency", () => {
  test("the datastore calls the alias either way, so its validator ARN does not change", () => {
    expect(idpLambdaArn(on)).toBe("${aws_lambda_alias.token_validator.arn}");
    expect(idpLambdaArn(off)).toBe(idpLambdaArn(on));
    expect(on.resource.aws_lambda_invocation.identity_provider_update.input).toBe(off.resource.aws_lambda_invocation.identity_provider_update.input);
  });

  test("switching off deletes only the provisioned concurrency: the alias and both invoke permissions stay", () => {
    const gone = addresses(on).filter((address) => !addresses(off).includes(address));
    expect(gone).toEqual(["aws_lambda_provisioned_concurrency_config.token_validator"]);
    expect(Object.keys(off.resource.aws_lambda_permission)).toEqual(expect.arrayContaining(["healthlake", "healthlake_alias"]));
  });

  test("the alias follows each published version with provisioned concurrency, and $LATEST without", () => {
    expect(on.resource.aws_lambda_alias.token_validator).toMatchObject({ name: "live", function_version: "${aws_lambda_function.token_validator.version}" });
    expect(on.resource.aws_lambda_function.token_validator.publish).toBe(true);
    expect(off.resource.aws_lambda_alias.token_validator).toMatchObject({ name: "live", function_version: "$LATEST" });
    expect(off.resource.aws_lambda_function.token_validator).not.toHaveProperty("publish");
  });
});
