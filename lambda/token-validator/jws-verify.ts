// The one part of jose the validator uses, in a module of its own: the bundle imports it lazily
// (rsassa-pss.ts), and esbuild keeps only what this import needs.
export { compactVerify } from "jose";
