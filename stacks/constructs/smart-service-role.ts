import { Construct } from "constructs";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { healthLakeActionsForScopes } from "../healthlake-actions";
import { type PolicyStatement, healthLakeTrustPolicy, policyDocument } from "../iam-policy";

export interface SmartServiceRoleProps {
  readonly roleName: string;
  readonly accountId: string;
  readonly region: string;
  readonly datastoreArn: string;
  /** The scopes the app client can be issued; they decide which data-plane actions the role needs. */
  readonly scopes: readonly string[];
  /** The datastore's customer-managed key, if any. @default - an AWS-owned key, nothing to grant */
  readonly datastoreKeyArn?: string;
}

/** The role the validator returns as `iamRoleARN`: HealthLake assumes it to serve an allowed request. */
export class SmartServiceRole extends Construct {
  readonly role: IamRole;

  /**
   * The role's ARN from its name, known before the role exists. The validator carries it, so the
   * Lambda does not depend on the role, and the role can name the datastore (which depends on the
   * Lambda) in its trust policy without a dependency cycle.
   */
  static arnOf(roleName: string, accountId: string): string {
    return `arn:aws:iam::${accountId}:role/${roleName}`;
  }

  constructor(scope: Construct, id: string, props: SmartServiceRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, "role", {
      name: props.roleName,
      description: "Service role for AWS HealthLake FHIR operations",
      assumeRolePolicy: healthLakeTrustPolicy(props.accountId, props.datastoreArn),
    });
    this.role.overrideLogicalId("healthlake_service_role");

    const statements: PolicyStatement[] = [
      {
        Sid: "FhirDataPlane",
        Effect: "Allow",
        Action: healthLakeActionsForScopes(props.scopes),
        Resource: props.datastoreArn,
      },
    ];
    if (props.datastoreKeyArn) {
      statements.push({
        Sid: "DatastoreKeyThroughHealthLake",
        Effect: "Allow",
        Action: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
        Resource: props.datastoreKeyArn,
        Condition: { StringEquals: { "kms:ViaService": `healthlake.${props.region}.amazonaws.com` } },
      });
    }
    const policy = new IamPolicy(this, "policy", {
      name: props.roleName,
      description: "FHIR actions the SMART scopes of this datastore can reach, on this datastore only",
      policy: policyDocument(statements),
    });
    policy.overrideLogicalId("healthlake_service_role");

    // The gist's attachment, now of this least-privilege policy instead of AmazonHealthLakeFullAccess.
    new IamRolePolicyAttachment(this, "policy-attachment", { role: this.role.name, policyArn: policy.arn }).overrideLogicalId("healthlake_policy");
  }
}
