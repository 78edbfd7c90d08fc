import type { Construct } from "constructs";
import { TerraformOutput } from "cdktf";
import type { HealthlakeFhirDatastore } from "../.gen/providers/awscc/healthlake-fhir-datastore";
import type { ImportExport } from "./constructs/import-export";
import type { SmartOnFhir } from "./constructs/smart-on-fhir";

// Every output of the stack, named as in the reference gist and module.

// Terraform's null as an expression: `synth --hcl` cannot render cdktf's Token.nullValue() (it crashes).
const TERRAFORM_NULL = "${null}";

/** `datastore_endpoint`, `datastore_arn`, and the datastore's key when keys are the module's concern. */
export function datastoreOutputs(scope: Construct, datastore: HealthlakeFhirDatastore, key?: { readonly arn: string | undefined }): void {
  new TerraformOutput(scope, "datastore_endpoint", { description: "FHIR R4 base URL of the datastore", value: datastore.datastoreEndpoint });
  new TerraformOutput(scope, "datastore_arn", { description: "ARN of the datastore", value: datastore.datastoreArn });
  if (key) {
    new TerraformOutput(scope, "datastore_kms_key_arn", {
      description: "ARN of the customer-managed key of the datastore, or null with an AWS-owned key",
      value: key.arn ?? TERRAFORM_NULL,
    });
  }
}

/** The gist's Cognito outputs and each app client's credentials (sensitive); or, with an external server, what to register there. */
export function smartOutputs(scope: Construct, smart: SmartOnFhir, datastore: HealthlakeFhirDatastore): void {
  // What `npm run smoke` compares the live datastore with, and where it reads the validator's decisions.
  new TerraformOutput(scope, "smart_configuration", {
    description: "The SMART configuration (discovery document) this stack creates the datastore with",
    value: smart.identityProvider.metadata,
  });
  new TerraformOutput(scope, "token_validator_function_name", {
    description: "The token validator's Lambda function",
    value: smart.validator.function.functionName,
  });
  const auth = smart.authorizationServer;
  if (auth) {
    new TerraformOutput(scope, "cognito_scopes", {
      description: "Cognito scopes",
      value: Object.fromEntries(Object.entries(auth.resourceServers).map(([id, server]) => [id, server.id])),
    });
    new TerraformOutput(scope, "cognito_oauth_endpoints", {
      description: "OAuth endpoints for Cognito",
      value: { authorization: auth.urls.authorize, token: auth.urls.token, userinfo: auth.urls.userInfo, jwks: auth.urls.jwks },
    });
    new TerraformOutput(scope, "cognito_domain", { description: "Cognito domain", value: auth.urls.hostedUi });
    if (auth.publicClient) {
      new TerraformOutput(scope, "cognito_public_client_id", {
        description: "Cognito public client for browser and mobile SMART apps (no secret; PKCE required by the SMART front)",
        value: auth.publicClient.id,
      });
    }
    if (smart.smartFront) {
      new TerraformOutput(scope, "smart_front_endpoints", {
        description: "The SMART front's authorize and token endpoints, which discovery advertises in place of Cognito's",
        value: { authorization: smart.smartFront.urls.authorize, token: smart.smartFront.urls.token },
      });
    }
    for (const { address, flow, client } of auth.clients) {
      new TerraformOutput(scope, address === "client" ? "cognito_client_credentials" : `cognito_${address}_client_credentials`, {
        description: `Cognito Client credentials (${flow === "code" ? "authorization code with PKCE, for people" : "client credentials, for machines"})`,
        value: { client_id: client.id, client_secret: client.clientSecret },
        sensitive: true,
      });
    }
  }
  const external = smart.externalAuthorizationServer;
  if (external) {
    new TerraformOutput(scope, "smart_app_registration", {
      description: "What to configure at your authorization server and in SMART apps: the audience tokens must name, the FHIR base URL and its SMART discovery",
      value: {
        issuer: external.urls.issuer,
        audience: external.audience ?? datastore.datastoreEndpoint,
        fhir_base_url: datastore.datastoreEndpoint,
        smart_configuration: `${datastore.datastoreEndpoint}.well-known/smart-configuration`,
        authorization_endpoint: external.urls.authorize,
        token_endpoint: external.urls.token,
        scopes: smart.clientScopes,
      },
    });
    if (external.introspectionSecret) {
      new TerraformOutput(scope, "introspection_client_secret_arn", {
        description: "Put the validator's client secret here: aws secretsmanager put-secret-value --secret-id <arn> --secret-string <secret>",
        value: external.introspectionSecret.arn,
      });
    }
  }
}

/** The module's import/export outputs. */
export function importExportOutputs(scope: Construct, storage: ImportExport): void {
  new TerraformOutput(scope, "export_role_arn", { description: "Role to pass to StartFHIRImportJob and StartFHIRExportJob", value: storage.role.arn });
  new TerraformOutput(scope, "s3_bucket", { description: "Bucket for import and export files", value: storage.dataBucket.bucket.id });
  new TerraformOutput(scope, "s3_kms_key_arn", { description: "Key that encrypts the import/export bucket", value: storage.key.arn });
}
