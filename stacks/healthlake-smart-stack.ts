import { Construct } from "constructs";
import { LocalBackend, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { ArchiveProvider } from "@cdktf/provider-archive/lib/provider";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { AwsccProvider } from "../.gen/providers/awscc/provider";
import { HealthLakeSmartConfig } from "./config";
import { buildSmartMetadata } from "./smart-metadata";
import { AuthorizationServer, REFERENCE_RESOURCE_SERVERS } from "./constructs/authorization-server";
import { FhirDatastore } from "./constructs/fhir-datastore";
import { SmartServiceRole } from "./constructs/smart-service-role";
import { TokenValidator } from "./constructs/token-validator";

export interface HealthLakeSmartStackProps {
  readonly config: HealthLakeSmartConfig;
  /**
   * Folder holding the validator bundle.
   * @default - `lambda/dist` of this checkout
   */
  readonly validatorBundleDir?: string;
}

/**
 * A SMART-on-FHIR HealthLake datastore with its Cognito authorization server and token
 * validator, at the Terraform addresses of the reference gist.
 */
export class HealthLakeSmartStack extends TerraformStack {
  constructor(scope: Construct, props: HealthLakeSmartStackProps) {
    const { config } = props;
    super(scope, config.name);

    // Relative to the stack folder (cdktf.out/stacks/<name>), so the state stays in the project
    // root, outside cdktf.out, and no path of the synthesizing machine lands in cdk.tf.json.
    new LocalBackend(this, { path: `../../../terraform.${config.name}.tfstate` });

    new AwsProvider(this, "aws", { region: config.region });
    new AwsccProvider(this, "awscc", { region: config.region });
    new ArchiveProvider(this, "archive");

    const region = new DataAwsRegion(this, "current");
    new DataAwsCallerIdentity(this, "current-identity").overrideLogicalId("current");

    const testUserPassword = config.cognito.testUser ? new TerraformVariable(this, "test_user_password", {
      type: "string",
      sensitive: true,
      description: `Password of the Cognito test user "${config.cognito.testUser.username}" (8+ characters with upper case, lower case, a digit and a symbol)`,
    }).stringValue : undefined;

    const auth = new AuthorizationServer(this, "authorization-server", {
      ...config.cognito,
      // `name` (the gist's attribute) exists in aws 5.x and 6.x; `region` is 6.x only.
      region: region.name,
      resourceServers: REFERENCE_RESOURCE_SERVERS,
      testUserPassword,
    });

    const serviceRole = new SmartServiceRole(this, "smart-service-role", { roleName: config.serviceRoleName });

    const validator = new TokenValidator(this, "token-validator", {
      ...config.validator,
      bundleDir: props.validatorBundleDir,
      environment: {
        USER_POOL_ID: auth.userPool.id,
        CLIENT_ID: auth.client.id,
        JWKS_URI: auth.urls.jwks,
        USER_ROLE_ARN: serviceRole.role.arn,
      },
    });

    const datastore = new FhirDatastore(this, "fhir-datastore", {
      ...config.datastore,
      smart: {
        authorizationStrategy: config.datastore.authorizationStrategy,
        fineGrainedAuthorization: config.datastore.fineGrainedAuthorization,
        idpLambdaArn: validator.function.arn,
        metadata: buildSmartMetadata({
          urls: auth.urls,
          oauthFlows: config.cognito.oauthFlows,
          scopes: auth.clientScopes,
          authorizationStrategy: config.datastore.authorizationStrategy,
        }),
      },
    }).datastore;

    new TerraformOutput(this, "cognito_scopes", {
      description: "Cognito scopes",
      value: Object.fromEntries(Object.entries(auth.resourceServers).map(([id, server]) => [id, server.id])),
    });
    new TerraformOutput(this, "cognito_oauth_endpoints", {
      description: "OAuth endpoints for Cognito",
      value: { authorization: auth.urls.authorize, token: auth.urls.token, userinfo: auth.urls.userInfo, jwks: auth.urls.jwks },
    });
    new TerraformOutput(this, "cognito_domain", { description: "Cognito domain", value: auth.urls.hostedUi });
    new TerraformOutput(this, "cognito_client_credentials", {
      description: "Cognito Client credentials",
      value: { client_id: auth.client.id, client_secret: auth.client.clientSecret },
      sensitive: true,
    });
    new TerraformOutput(this, "datastore_endpoint", { description: "FHIR R4 base URL of the datastore", value: datastore.datastoreEndpoint });
    new TerraformOutput(this, "datastore_arn", { description: "ARN of the datastore", value: datastore.datastoreArn });
  }
}
