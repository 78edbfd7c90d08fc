import { complete } from "../environments/complete";
import { external } from "../environments/external";
import { sandbox } from "../environments/sandbox";
import type { HealthLakeSmartConfig } from "../stacks/config";
import { discoveryProblems, refreshScopeProblems, tokenResponseProblems } from "../testing/smart-conformance";
import { decodeJsonencode } from "./support/jsonencode";
import { synthJson } from "./support/synth";

const metadataOf = (config: HealthLakeSmartConfig) =>
  decodeJsonencode(synthJson(config).resource.awscc_healthlake_fhir_datastore.this.identity_provider_configuration.metadata) as Record<string, unknown>;
const frontOff: HealthLakeSmartConfig = { ...complete, name: "front-off", smart: { ...complete.smart, smartFront: { enabled: false } } };

describe("discovery passes the SMART App Launch conformance checks", () => {
  test.each([
    ["complete (the front)", complete],
    ["complete with the front off", frontOff],
    ["external (an authorization server of your own)", external],
  ])("%s", (_name, config) => {
    expect(discoveryProblems(metadataOf(config))).toEqual([]);
  });

  test("sandbox is for machines only: it offers no launch, and says so", () => {
    const metadata = metadataOf(sandbox);
    expect(metadata.capabilities).not.toContain("launch-standalone");
    expect(discoveryProblems(metadata)).toEqual([
      "grant_types_supported does not include authorization_code",
      "issuer is present without sso-openid-connect (SMART: otherwise omitted)",
      "jwks_uri is present without sso-openid-connect (SMART: otherwise omitted)",
    ]);
  });

  test("with the front, every capability of complete's discovery is one the launch test proves, and the scopes it delivers are advertised", () => {
    const metadata = metadataOf(complete);
    // Each is exercised in smart-launch.test.ts; a new capability must be added there before it is advertised.
    const proven = [
      "client-confidential-symmetric",
      "client-public",
      "launch-standalone",
      "context-standalone-patient",
      "permission-patient",
      "permission-user",
      "sso-openid-connect",
    ];
    const versions = ["permission-v1", "permission-v2", "permission-v2.2"];
    expect((metadata.capabilities as string[]).filter((c) => !proven.includes(c) && !versions.includes(c))).toEqual([]);
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(["openid", "fhirUser", "launch/patient", "offline_access"]));
    expect(metadata.grant_types_supported).toEqual(["authorization_code", "refresh_token", "client_credentials"]);
  });

  test("advertiseRefreshTokenGrant false: only the grants HealthLake documents, and discovery still passes", () => {
    const strict: HealthLakeSmartConfig = { ...complete, name: "strict", smart: { ...complete.smart, smartFront: { advertiseRefreshTokenGrant: false } } };
    const metadata = metadataOf(strict);
    expect(metadata.grant_types_supported).toEqual(["authorization_code", "client_credentials"]);
    expect(discoveryProblems(metadata)).toEqual([]);
  });

  test("with the front off, none of what it delivers is advertised", () => {
    const metadata = metadataOf(frontOff);
    for (const capability of ["launch-standalone", "client-public", "context-standalone-patient", "sso-openid-connect"])
      expect(metadata.capabilities).not.toContain(capability);
    expect(metadata.scopes_supported).not.toContain("fhirUser");
    expect(metadata.scopes_supported).not.toContain("offline_access");
    expect(String(metadata.authorization_endpoint)).toMatch(/amazoncognito\.com\/oauth2\/authorize$/);
    expect(metadata.grant_types_supported).toEqual(["authorization_code", "client_credentials"]);
  });
});

describe("the checks themselves", () => {
  const good = {
    authorization_endpoint: "https://a/authorize",
    token_endpoint: "https://a/token",
    capabilities: ["launch-standalone", "sso-openid-connect"],
    grant_types_supported: ["authorization_code"],
    code_challenge_methods_supported: ["S256"],
    issuer: "https://a",
    jwks_uri: "https://a/jwks",
  };
  test.each([
    ["no token endpoint", { token_endpoint: undefined }, /token_endpoint/],
    ["plain PKCE", { code_challenge_methods_supported: ["S256", "plain"] }, /plain/],
    ["no S256", { code_challenge_methods_supported: ["plain"] }, /S256/],
    ["no authorization_code", { grant_types_supported: ["client_credentials"] }, /authorization_code/],
    ["capabilities not strings", { capabilities: [1] }, /capabilities/],
    ["sso-openid-connect without jwks_uri", { jwks_uri: undefined }, /jwks_uri is missing/],
    ["issuer without sso-openid-connect", { capabilities: ["launch-standalone"] }, /issuer is present/],
  ])("discovery with %s fails", (_name, change, problem) => {
    const discovery = Object.fromEntries(Object.entries({ ...good, ...change }).filter(([, v]) => v !== undefined));
    expect(discoveryProblems(discovery).join("\n")).toMatch(problem);
  });
  test("good discovery passes", () => expect(discoveryProblems(good)).toEqual([]));

  const token = { access_token: "a", token_type: "bearer", expires_in: 300, scope: "openid launch/patient", patient: "p" };
  const headers = { "cache-control": "no-store", pragma: "no-cache" };
  test.each([
    ["no scope (Cognito's own answer)", { scope: undefined }, headers, /scope is missing/],
    ["no patient for launch/patient", { patient: undefined }, headers, /patient is missing/],
    ["expires_in as text", { expires_in: "300" }, headers, /expires_in/],
    ["a MAC token", { token_type: "mac" }, headers, /Bearer/],
    ["a cacheable answer", {}, { pragma: "no-cache" }, /Cache-Control/],
  ])("a token response with %s fails", (_name, change, answerHeaders, problem) => {
    const body = Object.fromEntries(Object.entries({ ...token, ...change }).filter(([, v]) => v !== undefined));
    expect(tokenResponseProblems(body, answerHeaders, { launchPatient: true }).join("\n")).toMatch(problem);
  });
  test("a good token response passes", () => expect(tokenResponseProblems(token, headers, { launchPatient: true })).toEqual([]));
  test("a refresh may narrow the scopes, never widen them", () => {
    expect(refreshScopeProblems("a b c", "a b")).toEqual([]);
    expect(refreshScopeProblems("a b", "a d")).toEqual(["the refresh granted d, which the first grant did not"]);
  });
});
