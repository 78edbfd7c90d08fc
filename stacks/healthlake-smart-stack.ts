import { Construct } from "constructs";
import { Fn, LocalBackend, S3Backend, TerraformOutput, TerraformStack, TerraformVariable, Token } from "cdktf";
import { ArchiveProvider } from "@cdktf/provider-archive/lib/provider";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { HttpProvider } from "@cdktf/provider-http/lib/provider";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { HealthlakeFhirDatastore } from "../.gen/providers/awscc/healthlake-fhir-datastore";
import { AwsccProvider } from "../.gen/providers/awscc/provider";
import { HealthLakeSmartConfig } from "./config";
import { assertValidConfig } from "./config-rules";
import { ResolvedConfig, ResolvedSmart, resolveConfig } from "./resolve-config";
import { buildSmartMetadata } from "./smart-metadata";
import { AuthorizationServer } from "./constructs/authorization-server";
import { EncryptionKey } from "./constructs/encryption-key";
import { FhirDatastore } from "./constructs/fhir-datastore";
import { ImportExport } from "./constructs/import-export";
import { SmartServiceRole } from "./constructs/smart-service-role";
import { TokenValidator } from "./constructs/token-validator";
import { PASSWORD_POLICY_WORDS, passwordPolicyCondition } from "./password-policy";

export interface HealthLakeSmartStackProps {
  readonly config: HealthLakeSmartConfig;
  /**
   * Folder holding the validator bundle.
   * @default - `lambda/dist` of this checkout
   */
  readonly validatorBundleDir?: string;
}

/** The validator's CLIENT_ID: one id as itself, several comma-separated. */
const clientIdList = (ids: string[]) => (ids.length === 1 ? ids[0] : Fn.join(",", ids));

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
    // allowed_account_ids: a plan in any other account stops before it changes anything.
    new AwsProvider(this, "aws", { region: config.region, allowedAccountIds: config.allowedAccountIds && [...config.allowedAccountIds], defaultTags: tags });
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
    const smart = config.smart && this.smartOnFhir(config.name, config.smart, region.name, caller.accountId, props.validatorBundleDir);

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
  private smartOnFhir(stackName: string, smart: ResolvedSmart, regionName: string, accountId: string, bundleDir: string | undefined) {
    new ArchiveProvider(this, "archive");
    new HttpProvider(this, "http");
    const { cognito } = smart;

    const gistTestUserPassword = cognito.gistTestUser ? this.optionalPasswordVariable(cognito.gistTestUser.username) : undefined;
    const testUserPasswordsVariable = cognito.testUsers.length > 0 ? this.testUserPasswordsVariable() : undefined;


    const auth = new AuthorizationServer(this, "authorization-server", {
      ...cognito,
      // Domain prefixes are unique per region across all accounts; the account id makes the default free.
      domainPrefix: cognito.domainPrefix ?? `${stackName}-fhir-${accountId}`,
      region: regionName,
      scopes: smart.scopes,
      gistTestUserPassword,
      testUserPasswordsVariable,
    });

    const validator = new TokenValidator(this, "token-validator", {
      ...smart.validator,
      bundleDir,
      keySetUrl: auth.urls.jwks,
      environment: {
        USER_POOL_ID: auth.userPool.id,
        CLIENT_ID: clientIdList(auth.clients.map(({ client }) => client.id)),
        JWKS_URI: auth.urls.jwks,
        USER_ROLE_ARN: SmartServiceRole.arnOf(smart.serviceRoleName, accountId),
        // Which scope versions HealthLake honours, so the function passes no others.
        AUTHORIZATION_STRATEGY: smart.authorizationStrategy,
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
          // Cognito's tokens carry neither claim.
          patientClaim: false,
          fhirUserClaim: false,
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
        validator.allowHealthLake(smart.validator.invokeCondition, `arn:aws:healthlake:${regionName}:${accountId}:datastore/fhir/${datastore.datastoreId}`, accountId);
        new TerraformOutput(this, "cognito_scopes", {
          description: "Cognito scopes",
          value: Object.fromEntries(Object.entries(auth.resourceServers).map(([id, server]) => [id, server.id])),
        });
        new TerraformOutput(this, "cognito_oauth_endpoints", {
          description: "OAuth endpoints for Cognito",
          value: { authorization: auth.urls.authorize, token: auth.urls.token, userinfo: auth.urls.userInfo, jwks: auth.urls.jwks },
        });
        new TerraformOutput(this, "cognito_domain", { description: "Cognito domain", value: auth.urls.hostedUi });
        for (const { address, flow, client } of auth.clients) {
          new TerraformOutput(this, address === "client" ? "cognito_client_credentials" : `cognito_${address}_client_credentials`, {
            description: `Cognito Client credentials (${flow === "code" ? "authorization code with PKCE, for people" : "client credentials, for machines"})`,
            value: { client_id: client.id, client_secret: client.clientSecret },
            sensitive: true,
          });
        }
      },
    };
  }

  /**
   * The initial password of the gist's test user. Optional (default null), so plan and destroy run
   * without it; it only matters when the user is created.
   */
  private optionalPasswordVariable(username: string): string {
    const variable = new TerraformVariable(this, "test_user_password", {
      type: "string",
      sensitive: true,
      nullable: true,
      description: `Initial password of the Cognito test user "${username}" (${PASSWORD_POLICY_WORDS}); without it the user gets a temporary password that is not mailed`,
      validation: [{
        condition: `\${var.test_user_password == null ? true : ${passwordPolicyCondition("var.test_user_password")}}`,
        errorMessage: `The test user password needs ${PASSWORD_POLICY_WORDS}.`,
      }],
    });
    // cdktf cannot render a null default from the constructor.
    variable.addOverride("default", null);
    return variable.stringValue;
  }

  /**
   * Initial passwords of the module-style test users, by username, given at deploy
   * (`TF_VAR_test_user_passwords`), never in the configuration: its default is empty. Terraform
   * checks every value against the pool's policy at plan, before anything is created.
   */
  private testUserPasswordsVariable(): string {
    const name = "test_user_passwords";
    new TerraformVariable(this, name, {
      type: "map(string)",
      sensitive: true,
      default: {},
      description: "Initial passwords of the Cognito test users by username; a user without one gets a temporary password by email",
      validation: [{
        condition: `\${alltrue([for p in values(var.${name}) : ${passwordPolicyCondition("p")}])}`,
        errorMessage: `Every test user password needs ${PASSWORD_POLICY_WORDS}.`,
      }],
    });
    return name;
  }
}
