import { Fn } from "cdktf";

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: Record<string, string | string[]>;
  readonly Action: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

/**
 * An IAM policy document as a Terraform `jsonencode(...)` expression. Unlike JSON.stringify it
 * renders correctly with `cdktf synth --hcl` when a statement holds a reference (terraform-cdk#3911).
 */
export function policyDocument(statements: readonly PolicyStatement[]): string {
  return Fn.jsonencode({ Version: "2012-10-17", Statement: statements });
}

/** Trust policy letting one AWS service assume a role, optionally only on behalf of given sources. */
export function serviceTrustPolicy(service: string, condition?: PolicyStatement["Condition"]): string {
  return policyDocument([
    {
      Effect: "Allow",
      Principal: { Service: service },
      Action: "sts:AssumeRole",
      ...(condition ? { Condition: condition } : {}),
    },
  ]);
}

/** Trust policy for HealthLake acting for one datastore of one account only (AWS's confused-deputy guard). */
export function healthLakeTrustPolicy(accountId: string, datastoreArn: string): string {
  return serviceTrustPolicy("healthlake.amazonaws.com", {
    StringEquals: { "aws:SourceAccount": accountId },
    ArnEquals: { "aws:SourceArn": datastoreArn },
  });
}
