import { Construct } from "constructs";
import { Fn, type IResolvable, Op, TerraformLocal, TerraformStack } from "cdktf";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaInvocation } from "@cdktf/provider-aws/lib/lambda-invocation";
import type { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import type { HealthlakeFhirDatastore } from "../../.gen/providers/awscc/healthlake-fhir-datastore";
import type { NodejsBundleOptions } from "../bundling";
import { IDENTITY_PROVIDER_UPDATE_ENVIRONMENT as ENV } from "../../smart/identity-provider-update";
import { policyDocument } from "../iam-policy";
import { IDENTITY_PROVIDER_UPDATE_RESERVATION } from "../lambda-concurrency";
import type { IdentityProviderSettings } from "./fhir-datastore";
import { addNodejsFunction } from "./nodejs-function";

export interface IdentityProviderUpdateProps {
  readonly datastore: HealthlakeFhirDatastore;
  /** The datastore's ARN, composed from its parts (what IAM names). */
  readonly datastoreArn: string;
  /** What the datastore should have; the datastore was created with the same object. */
  readonly settings: IdentityProviderSettings;
  /** The handler's source and how to bundle it. */
  readonly bundling: NodejsBundleOptions;
  readonly functionName: string;
  readonly logRetentionDays: number;
  /** @default - CloudWatch Logs' own encryption */
  readonly logKmsKeyArn?: string;
  readonly tracing: boolean;
  /** Reserve one execution: one update at a time. @default false: an account must keep 100 executions unreserved, and new ones often have 10 in all */
  readonly reserveConcurrency?: boolean;
  /** What HealthLake needs before it accepts a validator ARN: its invoke permissions. */
  readonly validatorPermissions: readonly LambdaPermission[];
}

// Within this the function describes, updates and waits for the change to show (90 s, lambda/identity-provider-update).
const TIMEOUT_SECONDS = 120;

/**
 * Keeps the datastore's identity provider configuration (SMART metadata, validator ARN, strategy,
 * fine-grained flag) in step with the stack, in place. Terraform ignores that attribute on the
 * datastore, because a change there would replace it and delete every FHIR resource; instead a
 * function of its own is invoked (`aws_lambda_invocation`) whenever the desired configuration
 * changes, and calls UpdateFHIRDatastore. A plan shows the invocation's new input; the check block
 * confirms the result. docs/identity-provider-update.md says why this mechanism.
 */
export class IdentityProviderUpdate extends Construct {
  readonly invocation: LambdaInvocation;

  constructor(scope: Construct, id: string, props: IdentityProviderUpdateProps) {
    super(scope, id);
    const { settings, datastore } = props;
    // The document as Terraform encodes it, once, so its digest is a function of a reference: cdktf
    // cannot render a function call whose argument holds `${...}` (it warns, and may render it wrong).
    const metadataJson = new TerraformLocal(this, "metadata", Fn.jsonencode(settings.metadata));
    metadataJson.overrideLogicalId("identity_provider_metadata");
    const { function: fn, role } = addNodejsFunction(this, {
      names: {
        zip: "identity_provider_update_zip",
        zipFile: "identity_provider_update.zip",
        role: "identity_provider_update",
        basicExecution: "identity_provider_update_basic",
        xray: "identity_provider_update_xray",
        logGroup: "identity_provider_update",
        function: "identity_provider_update",
      },
      bundling: props.bundling,
      functionName: props.functionName,
      roleName: props.functionName,
      memoryMiB: 256,
      timeoutSeconds: TIMEOUT_SECONDS,
      logRetentionDays: props.logRetentionDays,
      logKmsKeyArn: props.logKmsKeyArn,
      tracing: props.tracing,
      reservedConcurrency: props.reserveConcurrency ? IDENTITY_PROVIDER_UPDATE_RESERVATION : undefined,
      // The one datastore it may update and the one configuration it may send it: it refuses an event
      // that differs in any of them, so invoking it can only bring the datastore in line with this stack.
      environment: {
        [ENV.datastoreId]: datastore.datastoreId,
        [ENV.idpLambdaArn]: settings.idpLambdaArn,
        [ENV.authorizationStrategy]: settings.authorizationStrategy,
        [ENV.fineGrainedAuthorization]: String(settings.fineGrainedAuthorization),
        // Terraform's own digest of the document it sends (smart/identity-provider-update.ts: terraformJsonencode).
        [ENV.metadataSha256]: Fn.sha256(metadataJson.asString),
      },
    });
    const policy = new IamRolePolicy(this, "healthlake-access", {
      name: "update-identity-provider-of-this-datastore",
      role: role.id,
      policy: policyDocument([
        {
          Sid: "UpdateThisDatastoresIdentityProvider",
          Effect: "Allow",
          Action: ["healthlake:DescribeFHIRDatastore", "healthlake:UpdateFHIRDatastore"],
          Resource: props.datastoreArn,
        },
      ]),
    });
    policy.overrideLogicalId("identity_provider_update");

    // The whole object, as the datastore was created with it: UpdateFHIRDatastore replaces it whole.
    // Metadata goes as the document; the function serializes it (cdktf cannot nest jsonencode calls).
    const desired = {
      AuthorizationStrategy: settings.authorizationStrategy,
      FineGrainedAuthorizationEnabled: settings.fineGrainedAuthorization,
      IdpLambdaArn: settings.idpLambdaArn,
      Metadata: settings.metadata,
    };
    // CREATE_ONLY (the default): invoked at create and whenever the input changes, never on destroy.
    this.invocation = new LambdaInvocation(this, "invocation", {
      functionName: fn.functionName,
      input: Fn.jsonencode({ DatastoreId: datastore.datastoreId, IdentityProviderConfiguration: desired }),
      dependsOn: [policy, ...props.validatorPermissions],
    });
    this.invocation.overrideLogicalId("identity_provider_update");

    this.addCheck(props);
  }

  /**
   * Says at every plan when the datastore's configuration is not the stack's, and is silent when the
   * update function has just brought it in line: its result shows the configuration Terraform last
   * read (`before`) changed into the stack's (`after`). Until the invocation runs again the result is
   * unknown, and so is the check, rather than a false warning.
   */
  private addCheck(props: IdentityProviderUpdateProps): void {
    const { settings } = props;
    const actual = props.datastore.identityProviderConfiguration;
    const read = {
      AuthorizationStrategy: actual.authorizationStrategy,
      FineGrainedAuthorizationEnabled: actual.fineGrainedAuthorizationEnabled,
      IdpLambdaArn: actual.idpLambdaArn,
      Metadata: actual.metadata,
    };
    // The function reports every field (null where unset) and Metadata decoded (lambda/identity-provider-update).
    const result = Fn.jsondecode(this.invocation.result);
    const reported = (side: "before" | "after") => (field: keyof typeof read) => Fn.lookupNested(result, [side, field]);
    const all = (conditions: IResolvable[]) => conditions.reduce((both, condition) => Op.and(both, condition));
    const isDesired = (field: (name: keyof typeof read) => unknown, metadata: unknown) =>
      all([
        Op.eq(field("AuthorizationStrategy"), settings.authorizationStrategy),
        Op.eq(field("FineGrainedAuthorizationEnabled"), settings.fineGrainedAuthorization),
        Op.eq(field("IdpLambdaArn"), settings.idpLambdaArn),
        Op.eq(metadata, settings.metadata),
      ]);
    const before = reported("before");
    const wasRead = all([
      Op.eq(before("AuthorizationStrategy"), read.AuthorizationStrategy),
      Op.eq(before("FineGrainedAuthorizationEnabled"), read.FineGrainedAuthorizationEnabled),
      Op.eq(before("IdpLambdaArn"), read.IdpLambdaArn),
      Op.eq(before("Metadata"), Fn.jsondecode(read.Metadata)),
    ]);
    const inStep = isDesired((name) => read[name], Fn.jsondecode(read.Metadata));
    const justUpdated = Op.and(wasRead, isDesired(reported("after"), reported("after")("Metadata")));
    TerraformStack.of(this).addOverride("check.identity_provider_configuration", {
      assert: [
        {
          condition: Op.or(inStep, justUpdated),
          error_message:
            "The datastore's identity provider configuration (SMART metadata, validator ARN, strategy) differs from this stack's: " +
            "it was changed outside this stack after the last deploy, or the last update failed. " +
            "Bring it in line from the stack folder: `terraform apply -replace=aws_lambda_invocation.identity_provider_update` (docs/identity-provider-update.md).",
        },
      ],
    });
  }
}
