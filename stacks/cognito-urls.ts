/** The Cognito endpoints a SMART client and the validator need, derived from the pool and its domain. */
export interface CognitoUrls {
  /** Hosted UI base URL (`https://<prefix>.auth.<region>.amazoncognito.com`). */
  readonly hostedUi: string;
  readonly authorize: string;
  readonly token: string;
  readonly userInfo: string;
  readonly revoke: string;
  /** `iss` of every token the pool signs; never the hosted UI domain. */
  readonly issuer: string;
  readonly jwks: string;
}

/** Values may be Terraform tokens: the strings are only concatenated. */
export function cognitoUrls(domainPrefix: string, region: string, userPoolId: string): CognitoUrls {
  const hostedUi = `https://${domainPrefix}.auth.${region}.amazoncognito.com`;
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  return {
    hostedUi,
    authorize: `${hostedUi}/oauth2/authorize`,
    token: `${hostedUi}/oauth2/token`,
    userInfo: `${hostedUi}/oauth2/userInfo`,
    revoke: `${hostedUi}/oauth2/revoke`,
    issuer,
    jwks: `${issuer}/.well-known/jwks.json`,
  };
}
