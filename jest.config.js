/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" } }] },
  modulePathIgnorePatterns: ["<rootDir>/cdktf.out"],
  globalSetup: "<rootDir>/__tests__/global-setup.ts",
};
