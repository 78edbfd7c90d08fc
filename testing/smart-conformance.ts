// What the Inferno SMART App Launch test kit (STU2) asserts of a server, written as checks of our own:
// the kit is Ruby and cannot run here. Each check returns the problems it finds, empty when it passes.
// Sources: inferno-framework/smart-app-launch-test-kit, lib/smart_app_launch/ (well_known_capabilities_stu2_test.rb,
// token_response_body_test.rb, token_payload_validation.rb, token_response_headers_test.rb, token_refresh_body_test.rb).

type Json = Readonly<Record<string, unknown>>;

const nonBlankString = (value: unknown) => typeof value === "string" && value.trim() !== "";
const nonBlankArray = (value: unknown): value is unknown[] => Array.isArray(value) && value.length > 0;

/** `.well-known/smart-configuration`: the STU2 capability checks, and SMART's "otherwise omitted" for issuer. */
export function discoveryProblems(discovery: Json): string[] {
  const problems: string[] = [];
  for (const field of ["authorization_endpoint", "token_endpoint"]) if (!nonBlankString(discovery[field])) problems.push(`${field} is not a non-blank string`);
  const capabilities = discovery.capabilities;
  if (!nonBlankArray(capabilities) || !capabilities.every((c) => typeof c === "string")) problems.push("capabilities is not a non-empty array of strings");
  const grants = discovery.grant_types_supported;
  if (!nonBlankArray(grants) || !grants.includes("authorization_code")) problems.push("grant_types_supported does not include authorization_code");
  const methods = discovery.code_challenge_methods_supported;
  if (!nonBlankArray(methods) || !methods.includes("S256")) problems.push("code_challenge_methods_supported does not include S256");
  if (Array.isArray(methods) && methods.includes("plain")) problems.push("code_challenge_methods_supported includes plain");
  const openId = Array.isArray(capabilities) && capabilities.includes("sso-openid-connect");
  for (const field of ["issuer", "jwks_uri"]) {
    if (openId && !nonBlankString(discovery[field])) problems.push(`${field} is missing, but capabilities include sso-openid-connect`);
    if (!openId && field in discovery) problems.push(`${field} is present without sso-openid-connect (SMART: otherwise omitted)`);
  }
  return problems;
}

/** A token response's body and headers (code or refresh grant); `launchPatient`: the app asked for launch/patient. */
export function tokenResponseProblems(
  body: Json,
  headers: Readonly<Record<string, string | undefined>>,
  options: { readonly launchPatient?: boolean } = {},
): string[] {
  const problems: string[] = [];
  for (const field of ["access_token", "token_type", "expires_in", "scope"]) {
    const value = body[field];
    if (value === undefined || value === null || value === "") problems.push(`${field} is missing or blank`);
  }
  for (const field of ["access_token", "token_type", "scope", "refresh_token", "patient"])
    if (field in body && typeof body[field] !== "string") problems.push(`${field} is not a string`);
  if ("expires_in" in body && typeof body.expires_in !== "number") problems.push("expires_in is not a number");
  if (typeof body.token_type === "string" && body.token_type.toLowerCase() !== "bearer") problems.push("token_type is not Bearer");
  if (!(headers["cache-control"] ?? "").toLowerCase().includes("no-store")) problems.push("Cache-Control does not contain no-store");
  if (!(headers.pragma ?? "").toLowerCase().includes("no-cache")) problems.push("Pragma does not contain no-cache");
  if (options.launchPatient && !nonBlankString(body.patient)) problems.push("patient is missing for a launch/patient request");
  return problems;
}

/** A refresh's scopes must be among those first granted. */
export function refreshScopeProblems(first: string, refreshed: string): string[] {
  const granted = new Set(first.split(" "));
  return refreshed
    .split(" ")
    .filter((scope) => scope !== "" && !granted.has(scope))
    .map((scope) => `the refresh granted ${scope}, which the first grant did not`);
}
