import { complete } from "../environments/complete";
import { external } from "../environments/external";
import { sandbox } from "../environments/sandbox";
import { metadataDigest } from "../smart/identity-provider-update";
import { decodeJsonencode } from "./support/jsonencode";
import { synthJson } from "./support/synth";
import { hasTerraform, terraformConsole } from "./support/terraform";

const stacks = [sandbox, complete, external].map((config) => ({ name: config.name, json: synthJson(config) }));

describe.each(stacks)("$name: the identity provider configuration is kept in step in place", ({ json }) => {
  const datastore = json.resource.awscc_healthlake_fhir_datastore.this;
  const invocation = json.resource.aws_lambda_invocation.identity_provider_update;
  const input = decodeJsonencode(invocation.input) as { DatastoreId: string; IdentityProviderConfiguration: Record<string, unknown> };
  const created = datastore.identity_provider_configuration;

  test("the datastore never plans a replacement for it: Terraform still ignores the attribute", () => {
    expect(datastore.lifecycle.ignore_changes).toContain("identity_provider_configuration");
  });

  test("the invocation sends this datastore the whole object the datastore is created with", () => {
    expect(input.DatastoreId).toBe("${awscc_healthlake_fhir_datastore.this.datastore_id}");
    expect(input.IdentityProviderConfiguration).toEqual({
      AuthorizationStrategy: created.authorization_strategy,
      FineGrainedAuthorizationEnabled: created.fine_grained_authorization_enabled,
      IdpLambdaArn: created.idp_lambda_arn,
      Metadata: decodeJsonencode(created.metadata),
    });
  });

  test("the function's environment pins what the invocation sends: validator, strategy, fine-grained flag and a digest of the metadata", () => {
    const pinned = json.resource.aws_lambda_function.identity_provider_update.environment.variables;
    expect(pinned).toMatchObject({
      IDP_LAMBDA_ARN: created.idp_lambda_arn,
      AUTHORIZATION_STRATEGY: created.authorization_strategy,
      FINE_GRAINED_AUTHORIZATION: String(created.fine_grained_authorization_enabled),
    });
    // The digest of the very document the datastore is created with and the invocation sends, in Terraform's own terms.
    expect(pinned.METADATA_SHA256).toBe("${sha256(local.identity_provider_metadata)}");
    expect(json.locals?.identity_provider_metadata).toBe(created.metadata);
  });

  (hasTerraform ? test : test.skip)("Terraform's sha256(jsonencode()) of the metadata is the digest the function computes from what it receives", () => {
    // Every reference in the document replaced by a value, alike on both sides.
    const values = (text: string) => text.replace(/\$\{([a-z0-9_.]+)\}/g, (_whole, reference: string) => `value-of-${reference}`);
    const document: string = json.locals?.identity_provider_metadata;
    const terraform = JSON.parse(terraformConsole("", `sha256(${values(document.slice(2, -1))})`));
    const received = JSON.parse(values(JSON.stringify(input.IdentityProviderConfiguration.Metadata)));
    expect(metadataDigest(received)).toBe(terraform);
  });

  test("a new Cognito domain or validator changes that input, so the next deploy updates the datastore in place", () => {
    const endpoints = JSON.stringify(input.IdentityProviderConfiguration.Metadata);
    if (json.resource.aws_cognito_user_pool_domain) expect(endpoints).toContain("${aws_cognito_user_pool_domain.this.domain}");
    expect(String(input.IdentityProviderConfiguration.IdpLambdaArn)).toMatch(/^\$\{aws_lambda_(function|alias)\.token_validator\.arn\}$/);
  });

  test("it runs when that input changes, and never on destroy", () => {
    expect(invocation.function_name).toBe("${aws_lambda_function.identity_provider_update.function_name}");
    // CREATE_ONLY, the default: a changed input replaces the invocation, which invokes again; destroy invokes nothing.
    expect(invocation.lifecycle_scope ?? "CREATE_ONLY").toBe("CREATE_ONLY");
    expect(invocation.triggers).toBeUndefined();
  });

  test("it waits for its permissions and for HealthLake's permission to invoke the validator", () => {
    const permissions = Object.entries(json.resource.aws_lambda_permission)
      .filter(([, permission]) => permission.principal === "healthlake.amazonaws.com")
      .map(([name]) => `aws_lambda_permission.${name}`);
    expect(permissions.length).toBeGreaterThan(0);
    expect(invocation.depends_on).toEqual(["aws_iam_role_policy.identity_provider_update", ...permissions]);
  });

  test("its function may describe and update this datastore, and nothing else", () => {
    const policy = decodeJsonencode(json.resource.aws_iam_role_policy.identity_provider_update.policy) as { Statement: Record<string, unknown>[] };
    expect(policy.Statement).toEqual([
      {
        Sid: "UpdateThisDatastoresIdentityProvider",
        Effect: "Allow",
        Action: ["healthlake:DescribeFHIRDatastore", "healthlake:UpdateFHIRDatastore"],
        Resource:
          "arn:aws:healthlake:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:datastore/fhir/${awscc_healthlake_fhir_datastore.this.datastore_id}",
      },
    ]);
    expect(json.resource.aws_iam_role_policy.identity_provider_update.role).toBe("${aws_iam_role.identity_provider_update.id}");
  });

  test("its function outlasts its own 90 s wait and never blocks a deploy for longer", () => {
    const fn = json.resource.aws_lambda_function.identity_provider_update;
    expect(fn.timeout).toBe(120);
    expect(fn.runtime).toBe("nodejs22.x");
    expect(fn.environment.variables.DATASTORE_ID).toBe("${awscc_healthlake_fhir_datastore.this.datastore_id}");
    expect(json.resource.aws_cloudwatch_log_group.identity_provider_update.name).toBe(`/aws/lambda/${fn.function_name}`);
  });

  test("the check reads the invocation's result, and its message says how to bring a datastore back in line", () => {
    const [assertion] = json.check!.identity_provider_configuration.assert;
    expect(assertion.condition).toContain("jsondecode(aws_lambda_invocation.identity_provider_update.result).after.IdpLambdaArn");
    expect(assertion.condition).toContain("jsondecode(aws_lambda_invocation.identity_provider_update.result).before.IdpLambdaArn");
    expect(assertion.error_message).toContain("terraform apply -replace=aws_lambda_invocation.identity_provider_update");
  });
});

test("one execution is reserved where the validator has a reservation, none on the sandbox's small-quota default", () => {
  const reserved = (name: string) =>
    stacks.find((stack) => stack.name === name)?.json.resource.aws_lambda_function.identity_provider_update.reserved_concurrent_executions;
  expect(reserved("complete")).toBe(1);
  expect(reserved("sandbox")).toBeUndefined();
});

test("an AWS_AUTH datastore has no update function", () => {
  expect(synthJson({ name: "plain", datastore: { name: "fhir" } }).resource.aws_lambda_invocation).toBeUndefined();
});

(hasTerraform ? test : test.skip)("the digest escapes as Terraform does: <, >, &, U+2028, U+2029, and sorts keys byte by byte", () => {
  const value = { z: ["<a href=x&y>", "\u2028\u2029", "é"], B: true, a: { é: 1, e: 'q"' } };
  const expression = 'sha256(jsonencode({z = ["<a href=x&y>", "\\u2028\\u2029", "é"], B = true, a = {"é" = 1, e = "q\\""}}))';
  expect(metadataDigest(value)).toBe(JSON.parse(terraformConsole("", expression)));
});
