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
  // Every core, not jest's default of one less: on 2 cores that default runs one file at a time, and many
  // files spend their time waiting for terraform or a child process (55 s against 40 s here).
  maxWorkers: "100%",
};
