import { Construct } from "constructs";
import { Fn } from "cdktf";
import { HealthlakeFhirDatastore } from "../../.gen/providers/awscc/healthlake-fhir-datastore";
import { SmartAuthorizationStrategy } from "../smart-metadata";

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
  readonly smart?: {
    readonly authorizationStrategy: SmartAuthorizationStrategy;
    readonly fineGrainedAuthorization: boolean;
    /** ARN HealthLake invokes to validate each bearer token. */
    readonly idpLambdaArn: string;
    /** SMART configuration document, served at `.well-known/smart-configuration`. */
    readonly metadata: Record<string, unknown>;
  };
}

/** The HealthLake FHIR R4 datastore, SMART-on-FHIR enabled or AWS_AUTH. */
export class FhirDatastore extends Construct {
  readonly datastore: HealthlakeFhirDatastore;

  constructor(scope: Construct, id: string, props: FhirDatastoreProps) {
    super(scope, id);
    const { smart, tags } = props;
    this.datastore = new HealthlakeFhirDatastore(this, "datastore", {
      datastoreName: props.name,
      datastoreTypeVersion: props.fhirVersion,
      preloadDataConfig: props.preloadSynthea ? { preloadDataType: "SYNTHEA" } : undefined,
      identityProviderConfiguration: smart ? {
        authorizationStrategy: smart.authorizationStrategy,
        fineGrainedAuthorizationEnabled: smart.fineGrainedAuthorization,
        idpLambdaArn: smart.idpLambdaArn,
        metadata: Fn.jsonencode(smart.metadata),
      } : { authorizationStrategy: "AWS_AUTH", fineGrainedAuthorizationEnabled: false },
      sseConfiguration: {
        kmsEncryptionConfig: props.kmsKeyArn
          ? { cmkType: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: props.kmsKeyArn }
          : { cmkType: "AWS_OWNED_KMS_KEY" },
      },
      tags: Object.keys(tags).length > 0 ? Object.entries(tags).map(([key, value]) => ({ key, value })) : undefined,
      lifecycle: {
        preventDestroy: props.preventDestroy || undefined,
        // Every change to this block replaces the datastore and deletes its data (the attribute is
        // create-only in CloudFormation). Change it out of band with UpdateFHIRDatastore instead.
        ignoreChanges: ["identity_provider_configuration"],
      },
    });
    this.datastore.overrideLogicalId("this");
  }
}
