import { Construct } from "constructs";
import { Fn, Op, TerraformStack } from "cdktf";
import { HealthlakeFhirDatastore } from "../../.gen/providers/awscc/healthlake-fhir-datastore";
import type { AuthorizationStrategy } from "../../smart/scope-grammar";

/** What a SMART-on-FHIR datastore is created with: HealthLake's `IdentityProviderConfiguration`. */
export interface IdentityProviderSettings {
  readonly authorizationStrategy: AuthorizationStrategy;
  readonly fineGrainedAuthorization: boolean;
  /** ARN HealthLake invokes to validate each bearer token. */
  readonly idpLambdaArn: string;
  /** SMART configuration document, served at `.well-known/smart-configuration`. */
  readonly metadata: Record<string, unknown>;
}

export interface FhirDatastoreProps {
  readonly name: string;
  readonly fhirVersion: "R4";
  readonly preloadSynthea: boolean;
  /** Customer-managed key. @default - an AWS-owned key */
  readonly kmsKeyArn?: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Terraform refuses to plan the datastore's deletion. */
  readonly preventDestroy: boolean;
  /** SMART on FHIR. @default - AWS_AUTH: SigV4-signed requests only */
  readonly identityProvider?: IdentityProviderSettings;
}

/**
 * Create-only attributes: any change plans a replacement, which deletes every FHIR resource. The
 * awscc provider has also shipped perpetual diffs on them (`preload_data_config`), so a normal
 * deploy could replace the datastore without anyone changing a thing. Changed on purpose, they take
 * `terraform apply -replace` (docs: changing a create-only setting).
 */
export const DATASTORE_IGNORED_CHANGES = ["identity_provider_configuration", "preload_data_config", "sse_configuration"];

/** The HealthLake FHIR R4 datastore, SMART-on-FHIR enabled or AWS_AUTH. */
export class FhirDatastore extends Construct {
  readonly datastore: HealthlakeFhirDatastore;

  constructor(scope: Construct, id: string, props: FhirDatastoreProps) {
    super(scope, id);
    const { identityProvider: smart, tags } = props;
    const metadata = smart && Fn.jsonencode(smart.metadata);
    this.datastore = new HealthlakeFhirDatastore(this, "datastore", {
      datastoreName: props.name,
      datastoreTypeVersion: props.fhirVersion,
      preloadDataConfig: props.preloadSynthea ? { preloadDataType: "SYNTHEA" } : undefined,
      identityProviderConfiguration: smart
        ? {
            authorizationStrategy: smart.authorizationStrategy,
            fineGrainedAuthorizationEnabled: smart.fineGrainedAuthorization,
            idpLambdaArn: smart.idpLambdaArn,
            metadata,
          }
        : { authorizationStrategy: "AWS_AUTH", fineGrainedAuthorizationEnabled: false },
      sseConfiguration: {
        kmsEncryptionConfig: props.kmsKeyArn ? { cmkType: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: props.kmsKeyArn } : { cmkType: "AWS_OWNED_KMS_KEY" },
      },
      tags: Object.keys(tags).length > 0 ? Object.entries(tags).map(([key, value]) => ({ key, value })) : undefined,
      lifecycle: {
        preventDestroy: props.preventDestroy || undefined,
        ignoreChanges: DATASTORE_IGNORED_CHANGES,
      },
    });
    this.datastore.overrideLogicalId("this");

    // A SMART datastore's configuration is kept in step by IdentityProviderUpdate, which checks it.
    if (!smart) {
      TerraformStack.of(this).addOverride("check.identity_provider_configuration", {
        assert: [
          {
            condition: Op.eq(this.datastore.identityProviderConfiguration.authorizationStrategy, "AWS_AUTH"),
            error_message:
              "The datastore's identity provider configuration is not AWS_AUTH, as this stack has it. Terraform ignores it, because a change would replace the datastore: " +
              "set it back with `aws healthlake update-fhir-datastore` (docs/identity-provider-update.md).",
          },
        ],
      });
    }
  }
}
