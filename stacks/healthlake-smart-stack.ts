import type { Construct } from "constructs";
import { Annotations, LocalBackend, S3Backend, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { AwsccProvider } from "../.gen/providers/awscc/provider";
import { IDENTITY_PROVIDER_UPDATE_BUNDLE, PRE_TOKEN_GENERATION_BUNDLE, SMART_FRONT_BUNDLE, VALIDATOR_BUNDLE } from "../lambda/bundle";
import type { NodejsBundleOptions } from "./bundling";
import { type HealthLakeSmartConfig, type ResolvedConfig, validateConfig } from "./config";
import { EncryptionKey } from "./constructs/encryption-key";
import { FhirDatastore } from "./constructs/fhir-datastore";
import { ImportExport } from "./constructs/import-export";
import { SmartOnFhir } from "./constructs/smart-on-fhir";
import { concurrencyNeeds, concurrencyNote } from "./lambda-concurrency";
import { requiredTerraformVersion } from "./terraform-version";
import { datastoreOutputs, importExportOutputs, smartOutputs } from "./outputs";

export interface HealthLakeSmartStackProps {
  /** One environment (`environments/`); its `name` is the stack's id. */
  readonly config: HealthLakeSmartConfig;
  /** The token validator's source and how to bundle it. @default VALIDATOR_BUNDLE (`lambda/token-validator/index.ts`) */
  readonly validatorBundling?: NodejsBundleOptions;
}

/**
 * A HealthLake FHIR datastore, optionally SMART-on-FHIR enabled with its Cognito authorization
 * server and token validator, with optional KMS keys and import/export storage, at the Terraform
 * addresses of the reference gist and module. Built in dependency order: keys, the SMART-on-FHIR
 * parts the datastore refers to, the datastore, then what refers to the datastore.
 */
export class HealthLakeSmartStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: HealthLakeSmartStackProps) {
    const config = validateConfig(props.config);
    if (id !== config.name)
      throw new Error(`stack id ${JSON.stringify(id)} differs from config.name ${JSON.stringify(config.name)}: pass the configuration's name as the id`);
    super(scope, id);
    this.configureState(config);
    const concurrency = concurrencyNote(config.name, concurrencyNeeds(config));
    if (concurrency) Annotations.of(this).addInfo(concurrency);
    this.addOverride(
      "terraform.required_version",
      requiredTerraformVersion({
        s3NativeLocking: config.remoteState !== undefined,
        conditionalImport: config.smart?.validator.importExistingLogGroup === true,
      }),
    );

    const tags = Object.keys(config.tags).length > 0 ? [{ tags: { ...config.tags } }] : undefined;
    // allowed_account_ids: a plan in any other account stops before it changes anything.
    new AwsProvider(this, "aws", { region: config.region, allowedAccountIds: config.allowedAccountIds && [...config.allowedAccountIds], defaultTags: tags });
    new AwsccProvider(this, "awscc", { region: config.region });

    // `region`: aws 6.0 deprecated the gist's `name`, and warns at every reference to it.
    const region = new DataAwsRegion(this, "current").region;
    const caller = new DataAwsCallerIdentity(this, "current-identity");
    caller.overrideLogicalId("current");
    const accountId = caller.accountId;

    const datastoreKeyArn = config.datastore.createKmsKey
      ? new EncryptionKey(this, "datastore-key", {
          terraformName: "datastore",
          description: `Encrypts the HealthLake datastore ${config.datastore.name}`,
          accountId,
          // biome-ignore lint/style/noNonNullAssertion: rules.kmsAdmin requires it whenever a key is created
          adminArn: config.kmsAdminArn!,
        }).key.arn
      : config.datastore.kmsKeyArn;

    const smart =
      config.smart &&
      new SmartOnFhir(this, {
        ...config.smart,
        stackName: config.name,
        protectData: config.protectData,
        region,
        accountId,
        validatorBundling: props.validatorBundling ?? VALIDATOR_BUNDLE,
        preTokenGenerationBundling: PRE_TOKEN_GENERATION_BUNDLE,
        identityProviderUpdateBundling: IDENTITY_PROVIDER_UPDATE_BUNDLE,
        smartFrontBundling: SMART_FRONT_BUNDLE,
      });

    const datastore = new FhirDatastore(this, "fhir-datastore", {
      ...config.datastore,
      kmsKeyArn: datastoreKeyArn,
      tags: config.tags,
      preventDestroy: config.protectData,
      identityProvider: smart?.identityProvider,
    }).datastore;
    smart?.bind(datastore, datastoreKeyArn);

    const storage =
      config.importExport &&
      new ImportExport(this, "import-export", {
        ...config.importExport,
        accountId,
        // biome-ignore lint/style/noNonNullAssertion: rules.kmsAdmin requires it whenever a key is created
        kmsAdminArn: config.kmsAdminArn!,
        datastoreArn: datastore.datastoreArn,
        preventDestroy: config.protectData,
      });

    if (smart) smartOutputs(this, smart, datastore);
    datastoreOutputs(this, datastore, config.datastore.createKmsKey || storage ? { arn: datastoreKeyArn } : undefined);
    if (storage) importExportOutputs(this, storage);
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
}
