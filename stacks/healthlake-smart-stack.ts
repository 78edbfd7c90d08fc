import { Construct } from "constructs";
import { LocalBackend, S3Backend, TerraformOutput, TerraformStack, TerraformVariable, Token } from "cdktf";
import { ArchiveProvider } from "@cdktf/provider-archive/lib/provider";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { HealthlakeFhirDatastore } from "../.gen/providers/awscc/healthlake-fhir-datastore";
import { AwsccProvider } from "../.gen/providers/awscc/provider";
import { HealthLakeSmartConfig } from "./config";
import { assertValidConfig } from "./config-rules";
import { ResolvedConfig, ResolvedSmart, resolveConfig } from "./resolve-config";
import { buildSmartMetadata } from "./smart-metadata";
import { AuthorizationServer, REFERENCE_RESOURCE_SERVERS } from "./constructs/authorization-server";
import { EncryptionKey } from "./constructs/encryption-key";
import { FhirDatastore } from "./constructs/fhir-datastore";
import { ImportExport } from "./constructs/import-export";
import { SmartServiceRole } from "./constructs/smart-service-role";
import { TokenValidator } from "./constructs/token-validator";
import { PASSWORD_POLICY } from "./password-policy";

export interface HealthLakeSmartStackProps {
  readonly config: HealthLakeSmartConfig;
  /**
   * Folder holding the validator bundle.
   * @default - `lambda/dist` of this checkout
   */
  readonly validatorBundleDir?: string;
}

/**
 * A HealthLake FHIR datastore, optionally SMART-on-FHIR enabled with its Cognito authorization
 * server and token validator, with optional KMS keys and import/export storage, at the Terraform
 * addresses of the reference gist and module.
 */
export class HealthLakeSmartStack extends TerraformStack {
  constructor(scope: Construct, props: HealthLakeSmartStackProps) {
    assertValidConfig(props.config);
    const config = resolveConfig(props.config);
    super(scope, config.name);
    this.configureState(config);

    const tags = Object.keys(config.tags).length > 0 ? [{ tags: { ...config.tags } }] : undefined;
    new AwsProvider(this, "aws", { region: config.region, defaultTags: tags });
    new AwsccProvider(this, "awscc", { region: config.region });

    const region = new DataAwsRegion(this, "current");
    const caller = new DataAwsCallerIdentity(this, "current-identity");
    caller.overrideLogicalId("current");

    const datastoreKey = config.datastore.createKmsKey ? new EncryptionKey(this, "datastore-key", {
      address: "datastore",
      description: `Encrypts the HealthLake datastore ${config.datastore.name}`,
      accountId: caller.accountId,
      adminArn: config.kmsAdminArn!,
    }).key : undefined;
    const datastoreKeyArn = datastoreKey?.arn ?? config.datastore.kmsKeyArn;

    // `name` (the gist's attribute) exists in aws 5.x and 6.x; `region` is 6.x only.
    const smart = config.smart && this.smartOnFhir(config.smart, region.name, caller.accountId, props.validatorBundleDir);

    const datastore = new FhirDatastore(this, "fhir-datastore", {
      ...config.datastore,
      kmsKeyArn: datastoreKeyArn,
      tags: config.tags,
      preventDestroy: config.protectData,
      smart: smart?.datastoreSettings,
    }).datastore;

    smart?.completeWith(datastore, datastoreKeyArn);
    new TerraformOutput(this, "datastore_endpoint", { description: "FHIR R4 base URL of the datastore", value: datastore.datastoreEndpoint });
    new TerraformOutput(this, "datastore_arn", { description: "ARN of the datastore", value: datastore.datastoreArn });
    if (config.datastore.createKmsKey || config.importExport) {
      new TerraformOutput(this, "datastore_kms_key_arn", {
        description: "ARN of the customer-managed key of the datastore, or null with an AWS-owned key",
        value: datastoreKeyArn ?? Token.nullValue(),
      });
    }

    if (config.importExport) {
      const storage = new ImportExport(this, "import-export", {
        ...config.importExport,
        accountId: caller.accountId,
        kmsAdminArn: config.kmsAdminArn!,
        datastoreArn: datastore.datastoreArn,
        preventDestroy: config.protectData,
      });
      new TerraformOutput(this, "export_role_arn", { description: "Role to pass to StartFHIRImportJob and StartFHIRExportJob", value: storage.role.arn });
      new TerraformOutput(this, "s3_bucket", { description: "Bucket for import and export files", value: storage.dataBucket.bucket.id });
      new TerraformOutput(this, "s3_kms_key_arn", { description: "Key that encrypts the import/export bucket", value: storage.key.arn });
    }
  }

  private configureState(config: ResolvedConfig): void {
    if (config.remoteState) {
      const backend = new S3Backend(this, { ...config.remoteState, encrypt: true });
      // S3-native locking (Terraform >= 1.10); cdktf 0.21's S3BackendConfig predates the option.
      backend.addOverride("use_lockfile", true);
    } else {
      // Relative to the stack folder (cdktf.out/stacks/<name>), so the state stays in the project
      // root, outside cdktf.out, and no path of the synthesizing machine lands in cdk.tf.json.
      new LocalBackend(this, { path: `../../../terraform.${config.name}.tfstate` });
    }
  }

  /**
   * Cognito and the token validator; what names the datastore (the service role, the invoke
   * permission, the outputs) is added by `completeWith` once the datastore exists.
   */
  private smartOnFhir(smart: ResolvedSmart, regionName: string, accountId: string, bundleDir: string | undefined) {
    new ArchiveProvider(this, "archive");
    const { cognito } = smart;

    const gistTestUserPassword = cognito.gistTestUser ? new TerraformVariable(this, "test_user_password", {
      type: "string",
      sensitive: true,
      description: `Password of the Cognito test user "${cognito.gistTestUser.username}" (${PASSWORD_POLICY.minimumLength}+ characters with upper case, lower case, a digit and a symbol)`,
    }).stringValue : undefined;
    const testUserPasswordsVariable = cognito.testUsers.length > 0 ? this.testUserPasswordsVariable(cognito.testUsers) : undefined;

    const auth = new AuthorizationServer(this, "authorization-server", {
      ...cognito,
      region: regionName,
      resourceServers: REFERENCE_RESOURCE_SERVERS,
      gistTestUserPassword,
      testUserPasswordsVariable,
    });

    const validator = new TokenValidator(this, "token-validator", {
      ...smart.validator,
      bundleDir,
      environment: {
        USER_POOL_ID: auth.userPool.id,
        CLIENT_ID: auth.client.id,
        JWKS_URI: auth.urls.jwks,
        USER_ROLE_ARN: SmartServiceRole.arnOf(smart.serviceRoleName, accountId),
      },
    });

    return {
      datastoreSettings: {
        authorizationStrategy: smart.authorizationStrategy,
        fineGrainedAuthorization: smart.fineGrainedAuthorization,
        idpLambdaArn: validator.invokeArn,
        metadata: buildSmartMetadata({
          urls: auth.urls,
          oauthFlows: cognito.oauthFlows,
          scopes: auth.clientScopes,
          authorizationStrategy: smart.authorizationStrategy,
        }),
      },
      completeWith: (datastore: HealthlakeFhirDatastore, datastoreKeyArn: string | undefined) => {
        new SmartServiceRole(this, "smart-service-role", {
          roleName: smart.serviceRoleName,
          accountId,
          region: regionName,
          datastoreArn: datastore.datastoreArn,
          scopes: auth.clientScopes,
          datastoreKeyArn,
        });
        // The datastore's ARN (Service Authorization Reference format), composed from its parts
        // so that offline validation, which knows no awscc value, sees an unknown ARN, not a placeholder.
        validator.allowHealthLake(`arn:aws:healthlake:${regionName}:${accountId}:datastore/fhir/${datastore.datastoreId}`, accountId);
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
      },
    };
  }

  /**
   * Passwords of the module-style test users, by username. Passwords given in the configuration
   * (already checked at synth) become its default; others can be passed at deploy. Terraform checks
   * every value against the pool's policy at plan, before anything is created.
   */
  private testUserPasswordsVariable(users: ResolvedSmart["cognito"]["testUsers"]): string {
    const name = "test_user_passwords";
    const configured = Object.fromEntries(users.filter((u) => u.password !== undefined).map((u) => [u.username, u.password!]));
    const { minimumLength } = PASSWORD_POLICY;
    new TerraformVariable(this, name, {
      type: "map(string)",
      sensitive: true,
      default: configured,
      description: "Passwords of the Cognito test users by username; a user without one gets a temporary password by email",
      validation: [{
        condition: `\${alltrue([for p in values(var.${name}) : length(p) >= ${minimumLength} && can(regex("[a-z]", p)) && can(regex("[A-Z]", p)) && can(regex("[0-9]", p)) && can(regex("[^A-Za-z0-9]", p))])}`,
        errorMessage: `Every test user password needs ${minimumLength}+ characters with a lower-case letter, an upper-case letter, a digit and a symbol.`,
      }],
    });
    return name;
  }
}
