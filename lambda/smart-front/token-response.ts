/** The claims of a JWT Cognito just issued, read without verifying: it came from Cognito over TLS, not from the caller. */
export function claimsOf(token: unknown): Record<string, unknown> | undefined {
  if (typeof token !== "string") return undefined;
  const payload = token.split(".")[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return claims !== null && typeof claims === "object" && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Cognito's token response as SMART App Launch requires it: the granted `scope` (the access token's,
 * `fhirUser` when the ID token carries one, `offline_access` when the app holds a refresh token) and the
 * launch context `patient` (the access token's claim, which the pre token generation trigger sets),
 * with `need_patient_banner`. Cognito's own members are kept as they are.
 */
export function smartTokenResponse(cognito: Readonly<Record<string, unknown>>, grantType: string | undefined): Record<string, unknown> {
  const access = claimsOf(cognito.access_token);
  const id = claimsOf(cognito.id_token);
  const granted = typeof access?.scope === "string" ? access.scope.split(" ").filter(Boolean) : [];
  if (typeof id?.fhirUser === "string") granted.push("fhirUser");
  // A refresh grant returns no new refresh token: the app still holds the one it used.
  if (typeof cognito.refresh_token === "string" || grantType === "refresh_token") granted.push("offline_access");
  const patient = typeof access?.patient === "string" && access.patient !== "" ? access.patient : undefined;
  return {
    ...cognito,
    scope: [...new Set(granted)].join(" "),
    ...(patient === undefined ? {} : { patient, need_patient_banner: true }),
  };
}
