import { OAuthFlow, SmartAuthorizationStrategy } from "./smart-metadata";

/** Everything one environment deploys. Each environment under `environments/` is one of these. */
export interface HealthLakeSmartConfig {
  /** Stack name: `cdktf deploy <name>`, and the folder under `cdktf.out/stacks/`. */
  readonly name: string;
  /** AWS region of every resource (HealthLake is only offered in some regions). */
  readonly region: string;
  readonly datastore: DatastoreConfig;
  readonly cognito: CognitoConfig;
  readonly validator: ValidatorConfig;
  /** Name of the role HealthLake assumes to serve a request the validator allowed. */
  readonly serviceRoleName: string;
}

export interface DatastoreConfig {
  readonly name: string;
  /** Load Synthea sample patients at creation (replaces the datastore if changed later). */
  readonly preloadSynthea: boolean;
  readonly authorizationStrategy: SmartAuthorizationStrategy;
  /** HealthLake narrows `user/` and `patient/` access to the `fhirUser` compartment. */
  readonly fineGrainedAuthorization: boolean;
}

export type TokenValidityUnit = "seconds" | "minutes" | "hours" | "days";

export interface TokenValidity {
  readonly accessToken: number;
  readonly idToken: number;
  readonly refreshToken: number;
}

export interface TokenValidityUnits {
  readonly accessToken: TokenValidityUnit;
  readonly idToken: TokenValidityUnit;
  readonly refreshToken: TokenValidityUnit;
}

export interface CognitoTestUser {
  readonly username: string;
  readonly email: string;
  readonly preferredUsername: string;
}

export interface CognitoConfig {
  readonly userPoolName: string;
  /** Hosted UI prefix: `https://<domainPrefix>.auth.<region>.amazoncognito.com`. */
  readonly domainPrefix: string;
  readonly clientName: string;
  readonly deletionProtection: "ACTIVE" | "INACTIVE";
  readonly mfaConfiguration: "OFF" | "ON" | "OPTIONAL";
  readonly oauthFlows: readonly OAuthFlow[];
  readonly callbackUrls: readonly string[];
  readonly logoutUrls: readonly string[];
  readonly tokenValidity: TokenValidity;
  readonly tokenValidityUnits: TokenValidityUnits;
  /**
   * A user for trying the authorization code flow. Its password is the sensitive Terraform
   * variable `test_user_password`, so it never sits in code or in `cdk.tf.json`.
   */
  readonly testUser?: CognitoTestUser;
}

export interface ValidatorConfig {
  readonly functionName: string;
  readonly roleName: string;
  /** Name of the inline policy `aws_iam_role_policy.cognito_access`. */
  readonly cognitoPolicyName: string;
  readonly memoryMiB: number;
  /** Lambda's own limit; HealthLake stops waiting after 1 second regardless. */
  readonly timeoutSeconds: number;
}
