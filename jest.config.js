/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" } }],
    // jose (PS256 in the validator) ships ES modules only; jest loads CommonJS.
    "/node_modules/jose/.+\\.js$": ["@swc/jest", { jsc: { parser: { syntax: "ecmascript" }, target: "es2022" }, module: { type: "commonjs" } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!jose/)"],
  modulePathIgnorePatterns: ["<rootDir>/cdktf.out"],
  globalSetup: "<rootDir>/__tests__/global-setup.ts",
};
