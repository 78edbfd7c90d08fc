// The configuration of one environment. Each option is defined and documented in ./types.ts,
// defaulted in ./defaults.ts (applied by ./resolve.ts), checked by ./rules.ts at synth, and listed with
// its default in docs/configuration.md (a test holds that table to DEFAULTS).
export * from "./types";
export { DEFAULTS } from "./defaults";
export { resolveConfig } from "./resolve";
export type {
  ResolvedCognito,
  ResolvedConfig,
  ResolvedDatastore,
  ResolvedExternalAuthorizationServer,
  ResolvedIdentityClaims,
  ResolvedImportExport,
  ResolvedSmart,
  ResolvedSmartFront,
  ResolvedValidator,
} from "./resolve";
export { configProblems } from "./rules";
export { environmentProblems, environmentsReport, validateConfig } from "./validate";
export { shapeProblems } from "./shape";
export {
  AUTHORIZATION_SERVER_PRESETS,
  type AuthorizationServerPreset,
  type AuthorizationServerUrls,
} from "./authorization-server-presets";
export type { SignatureAlgorithm } from "../../smart/signature-algorithms";
