import type { Construct } from "constructs";
import { AssetType, Fn, TerraformAsset } from "cdktf";
import { DataArchiveFile, type DataArchiveFileSource } from "@cdktf/provider-archive/lib/data-archive-file";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsCloudwatchLogGroups } from "@cdktf/provider-aws/lib/data-aws-cloudwatch-log-groups";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { type NodejsBundleOptions, stagedBundle } from "../bundling";
import { serviceTrustPolicy } from "../iam-policy";
import { ImportIfPresent } from "./import-if-present";

/** The Terraform names (logical ids) of a function's parts: the validator keeps the reference's. */
export interface NodejsFunctionNames {
  readonly zip: string;
  /** The zip's `output_path`, relative to the stack folder. */
  readonly zipFile: string;
  readonly role: string;
  readonly basicExecution: string;
  readonly xray: string;
  readonly logGroup: string;
  readonly function: string;
}

export interface NodejsFunctionProps {
  readonly names: NodejsFunctionNames;
  /** The handler's source and how to bundle it; bundled with esbuild at synth into `index.js`. */
  readonly bundling: NodejsBundleOptions;
  /** Files zipped beside `index.js`. @default - none */
  readonly extraFiles?: readonly DataArchiveFileSource[];
  readonly functionName: string;
  readonly roleName: string;
  readonly memoryMiB: number;
  readonly timeoutSeconds: number;
  readonly logRetentionDays: number;
  /** @default - CloudWatch Logs' own encryption */
  readonly logKmsKeyArn?: string;
  /** Import the log group a function of this name already made. @default false */
  readonly importExistingLogGroup?: boolean;
  /** @default - none: the account's unreserved pool */
  readonly reservedConcurrency?: number;
  readonly tracing: boolean;
  /** Publish a version on each change. @default false */
  readonly publish?: boolean;
  /** @default - none */
  readonly environment?: Record<string, string>;
}

export interface NodejsFunctionParts {
  readonly function: LambdaFunction;
  readonly role: IamRole;
}

/**
 * A Node.js Lambda function from a TypeScript entry, as aws-lambda-nodejs builds one: bundled at
 * synth, zipped by `archive_file` with reproducible bytes, with its own role (basic execution, and
 * X-Ray with tracing) and a log group with retention created before it. Its parts are placed in
 * `scope` itself, under the ids `bundle`, `zip`, `role`, `basic-execution`, `xray`, `log-group` and
 * `function`, so a construct that uses it keeps the element paths it always had.
 */
export function addNodejsFunction(scope: Construct, props: NodejsFunctionProps): NodejsFunctionParts {
  const { names } = props;
  // The asset copies the bundle into the stack folder, so cdk.tf.json only holds stack-relative paths.
  const bundle = new TerraformAsset(scope, "bundle", { path: stagedBundle(props.bundling), type: AssetType.DIRECTORY });
  const zip = new DataArchiveFile(scope, "zip", {
    type: "zip",
    source: [{ filename: "index.js", content: Fn.file(`${bundle.path}/index.js`) }, ...(props.extraFiles ?? [])],
    outputPath: names.zipFile,
    // The archive provider zeroes timestamps; a fixed mode makes the bytes independent of umask.
    outputFileMode: "0644",
  });
  zip.overrideLogicalId(names.zip);

  const role = new IamRole(scope, "role", {
    name: props.roleName,
    assumeRolePolicy: serviceTrustPolicy("lambda.amazonaws.com"),
  });
  role.overrideLogicalId(names.role);
  new IamRolePolicyAttachment(scope, "basic-execution", {
    policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    role: role.name,
  }).overrideLogicalId(names.basicExecution);
  if (props.tracing) {
    new IamRolePolicyAttachment(scope, "xray", {
      policyArn: "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
      role: role.name,
    }).overrideLogicalId(names.xray);
  }

  // Created before the function, so Lambda never makes one without retention.
  const logGroupName = `/aws/lambda/${props.functionName}`;
  const logGroup = new CloudwatchLogGroup(scope, "log-group", {
    name: logGroupName,
    retentionInDays: props.logRetentionDays,
    kmsKeyId: props.logKmsKeyArn,
  });
  logGroup.overrideLogicalId(names.logGroup);
  // A function that ran before this stack managed it made this group on its first call; after a
  // destroy there is none, and the group is created.
  if (props.importExistingLogGroup) {
    const existing = new DataAwsCloudwatchLogGroups(scope, "existing-log-group", { logGroupNamePrefix: logGroupName });
    existing.overrideLogicalId(names.logGroup);
    new ImportIfPresent(scope, "log-group-import", { to: logGroup, id: logGroupName, existing: { dataSource: existing, attribute: "log_group_names" } });
  }

  const fn = new LambdaFunction(scope, "function", {
    functionName: props.functionName,
    role: role.arn,
    filename: zip.outputPath,
    sourceCodeHash: zip.outputBase64Sha256,
    handler: "index.handler",
    runtime: "nodejs22.x",
    // The bundle is plain JavaScript, so Graviton costs 20 % less per GB-second with nothing to port.
    architectures: ["arm64"],
    memorySize: props.memoryMiB,
    timeout: props.timeoutSeconds,
    reservedConcurrentExecutions: props.reservedConcurrency,
    publish: props.publish,
    tracingConfig: props.tracing ? { mode: "Active" } : undefined,
    environment: props.environment && { variables: props.environment },
    dependsOn: [logGroup],
  });
  fn.overrideLogicalId(names.function);
  return { function: fn, role };
}
