import { policy, r, type Block, type Rule, type Statement, isPublicPrincipal, list, resources, statements } from "./rule";
import type { TerraformJson } from "../support/synth";

/** Identity policies: managed and inline. Key and bucket policies are resource policies, checked elsewhere. */
function identityStatements(stack: TerraformJson): [string, Statement][] {
  return [...resources(stack, "aws_iam_policy"), ...resources(stack, "aws_iam_role_policy")].flatMap(([address, p]: [string, Block]) =>
    statements(p.policy).map((s): [string, Statement] => [address, s]),
  );
}
const allows = (stack: TerraformJson) => identityStatements(stack).filter(([, s]) => s.Effect === "Allow");

const FORBIDDEN_MANAGED_POLICIES = ["AdministratorAccess", "IAMFullAccess", "PowerUserAccess", "AmazonHealthLakeFullAccess"];
const CONFUSED_DEPUTY_SERVICES = ["healthlake.amazonaws.com"];

export const IAM_RULES: Rule[] = [
  {
    ids: ["CKV_AWS_60", "CKV_AWS_61"],
    description: "no role can be assumed by every principal",
    breaks: (j) => {
      r(j, "aws_iam_role", "lambda_role").assume_role_policy = policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" });
    },
    check: (stack) =>
      resources(stack, "aws_iam_role").flatMap(([address, role]) =>
        statements(role.assume_role_policy)
          .filter((s) => s.Effect === "Allow" && (isPublicPrincipal(s.Principal) || list((s.Principal as Block)?.Service).includes("*")))
          .map(() => ({ address, message: "trust policy allows every principal" })),
      ),
  },
  {
    ids: ["HLS-IAM-CONFUSED-DEPUTY"],
    description: "a role HealthLake assumes is limited to this account and this datastore",
    breaks: (j) => {
      r(j, "aws_iam_role", "healthlake_service_role").assume_role_policy = policy({
        Effect: "Allow",
        Principal: { Service: "healthlake.amazonaws.com" },
        Action: "sts:AssumeRole",
      });
    },
    check: (stack) =>
      resources(stack, "aws_iam_role").flatMap(([address, role]) =>
        statements(role.assume_role_policy)
          .filter((s) => list((s.Principal as Block)?.Service).some((svc: string) => CONFUSED_DEPUTY_SERVICES.includes(svc)))
          .filter((s) => !((s.Condition?.StringEquals as Block)?.["aws:SourceAccount"] && (s.Condition?.ArnEquals as Block)?.["aws:SourceArn"]))
          .map(() => ({ address, message: "service trust without aws:SourceAccount and aws:SourceArn" })),
      ),
  },
  {
    ids: ["HLS-IAM-DATASTORE-CONTROL"],
    description: "HealthLake's datastore control plane (create, update, delete) is allowed on this datastore only, never by wildcard",
    breaks: (j) => {
      r(j, "aws_iam_role_policy", "identity_provider_update").policy = policy({ Effect: "Allow", Action: "healthlake:UpdateFHIRDatastore", Resource: "*" });
    },
    check: (stack) =>
      allows(stack)
        .filter(([, s]) => list(s.Action).some((a) => /^healthlake:(\*|(Create|Update|Delete)FHIRDatastore)$/.test(a) || a === "healthlake:*Datastore"))
        .filter(([, s]) => list(s.Resource).some((resource) => !/:datastore\/fhir\/\$\{awscc_healthlake_fhir_datastore\.this\.datastore_id\}$/.test(resource)))
        .map(([address]) => ({ address, message: "datastore control-plane action on a resource other than this datastore" })),
  },
  {
    ids: ["CKV_AWS_62", "CKV_AWS_63", "AVD-AWS-0057"],
    description: "no identity policy allows every action",
    breaks: (j) => {
      r(j, "aws_iam_policy", "healthlake").policy = policy({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::b" });
    },
    check: (stack) =>
      allows(stack)
        .filter(([, s]) => list(s.Action).some((a) => a === "*" || a === "*:*"))
        .map(([address]) => ({ address, message: 'Action "*"' })),
  },
  {
    ids: ["CKV_AWS_355", "CKV_AWS_290"],
    description: "no identity policy allows actions on every resource",
    breaks: (j) => {
      r(j, "aws_iam_role_policy", "cognito_access").policy = policy({ Effect: "Allow", Action: "cognito-idp:GetUser", Resource: "*" });
    },
    check: (stack) =>
      allows(stack)
        .filter(([, s]) => list(s.Resource).includes("*"))
        .map(([address, s]) => ({ address, message: `Resource "*" for ${list(s.Action).join(", ")}` })),
  },
  {
    ids: ["AVD-AWS-0345", "AVD-AWS-0346"],
    description: "no identity policy allows s3:* or s3 reads and writes on every bucket",
    breaks: (j) => {
      r(j, "aws_iam_policy", "healthlake").policy = policy({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b" });
    },
    check: (stack) =>
      allows(stack)
        .filter(([, s]) => list(s.Action).includes("s3:*") || (list(s.Resource).includes("*") && list(s.Action).some((a) => /^s3:(Get|Put)/.test(a))))
        .map(([address]) => ({ address, message: "broad S3 access" })),
  },
  {
    ids: ["AVD-AWS-0342"],
    description: "iam:PassRole only for named roles",
    breaks: (j) => {
      r(j, "aws_iam_policy", "healthlake").policy = policy({ Effect: "Allow", Action: "iam:PassRole", Resource: "*" });
    },
    check: (stack) =>
      allows(stack)
        .filter(([, s]) => list(s.Action).some((a) => a === "iam:PassRole" || a === "iam:*") && list(s.Resource).some((r) => r.includes("*")))
        .map(([address]) => ({ address, message: "iam:PassRole on a wildcard" })),
  },
  {
    ids: ["CKV_AWS_274", "CKV2_AWS_40", "CKV2_AWS_56", "HLS-IAM-NO-FULL-ACCESS"],
    description: "no administrator, IAM-full or HealthLake-full managed policy is attached",
    breaks: (j) => {
      r(j, "aws_iam_role_policy_attachment", "healthlake_policy").policy_arn = "arn:aws:iam::aws:policy/AmazonHealthLakeFullAccess";
    },
    check: (stack) =>
      resources(stack, "aws_iam_role_policy_attachment")
        .filter(([, a]) => FORBIDDEN_MANAGED_POLICIES.some((name) => String(a.policy_arn).endsWith(`:policy/${name}`)))
        .map(([address, a]) => ({ address, message: `attaches ${a.policy_arn}` })),
  },
];
