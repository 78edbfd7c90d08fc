import { Construct } from "constructs";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { serviceTrustPolicy } from "../iam-policy";

export interface SmartServiceRoleProps {
  readonly roleName: string;
}

/** The role the validator returns as `iamRoleARN`: HealthLake assumes it to serve an allowed request. */
export class SmartServiceRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: SmartServiceRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, "role", {
      name: props.roleName,
      description: "Service role for AWS HealthLake FHIR operations",
      assumeRolePolicy: serviceTrustPolicy("healthlake.amazonaws.com"),
    });
    this.role.overrideLogicalId("healthlake_service_role");

    new IamRolePolicyAttachment(this, "policy", {
      role: this.role.name,
      policyArn: "arn:aws:iam::aws:policy/AmazonHealthLakeFullAccess",
    }).overrideLogicalId("healthlake_policy");
  }
}
