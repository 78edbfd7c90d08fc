import { Construct } from "constructs";
import { Fn } from "cdktf";
import { HealthlakeFhirDatastore } from "../../.gen/providers/awscc/healthlake-fhir-datastore";
import { SmartAuthorizationStrategy } from "../smart-metadata";

export interface FhirDatastoreProps {
  readonly name: string;
  readonly preloadSynthea: boolean;
  readonly smart: {
    readonly authorizationStrategy: SmartAuthorizationStrategy;
    readonly fineGrainedAuthorization: boolean;
    /** ARN HealthLake invokes to validate each bearer token. */
    readonly idpLambdaArn: string;
    /** SMART configuration document, served at `.well-known/smart-configuration`. */
    readonly metadata: Record<string, unknown>;
  };
}

/** The HealthLake FHIR R4 datastore, SMART-on-FHIR enabled. */
export class FhirDatastore extends Construct {
  readonly datastore: HealthlakeFhirDatastore;

  constructor(scope: Construct, id: string, props: FhirDatastoreProps) {
    super(scope, id);
    this.datastore = new HealthlakeFhirDatastore(this, "datastore", {
      datastoreName: props.name,
      datastoreTypeVersion: "R4",
      preloadDataConfig: props.preloadSynthea ? { preloadDataType: "SYNTHEA" } : undefined,
      identityProviderConfiguration: {
        authorizationStrategy: props.smart.authorizationStrategy,
        fineGrainedAuthorizationEnabled: props.smart.fineGrainedAuthorization,
        idpLambdaArn: props.smart.idpLambdaArn,
        metadata: Fn.jsonencode(props.smart.metadata),
      },
      sseConfiguration: { kmsEncryptionConfig: { cmkType: "AWS_OWNED_KMS_KEY" } },
      lifecycle: {
        // Every change to this block replaces the datastore and deletes its data (the attribute is
        // create-only in CloudFormation). Change it out of band with UpdateFHIRDatastore instead.
        ignoreChanges: ["identity_provider_configuration"],
      },
    });
    this.datastore.overrideLogicalId("this");
  }
}
