import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..");

/** stagedBundle of the trigger in a fresh Node process whose temporary folder is `tmp`: the folder it returns. */
function stageIn(tmp: string): string {
  const code = `const { stagedBundle } = require("./stacks/bundling"); const { PRE_TOKEN_GENERATION_BUNDLE } = require("./lambda/bundle"); console.log(stagedBundle(PRE_TOKEN_GENERATION_BUNDLE));`;
  return execFileSync(process.execPath, ["--import", "tsx", "-e", code], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, encoding: "utf8" }).trim();
}

const posix = process.getuid !== undefined;

describe("stagedBundle", () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "staging-test-"));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  (posix ? test : test.skip)("stages the same bytes in the same folder, private to this user, whichever process asks", () => {
    const first = stageIn(tmp);
    const second = stageIn(tmp);
    expect(second).toBe(first);
    const parent = path.join(tmp, `nodejs-bundles-${process.getuid?.()}`);
    expect(path.dirname(first)).toBe(parent);
    expect(fs.statSync(parent).mode & 0o777).toBe(0o700);
    // Nothing else is left behind: no half-built folder of either process.
    expect(fs.readdirSync(parent)).toEqual([path.basename(first)]);
    expect(fs.readdirSync(first)).toEqual(["index.js"]);
  });

  (posix ? test : test.skip)("never stages in a folder others may write: it takes a fresh one of its own", () => {
    const shared = path.join(tmp, `nodejs-bundles-${process.getuid?.()}`);
    fs.mkdirSync(shared);
    fs.chmodSync(shared, 0o777);
    const staged = stageIn(tmp);
    expect(staged.startsWith(shared)).toBe(false);
    expect(path.basename(staged)).toMatch(/^nodejs-bundle-/);
    expect(fs.readdirSync(staged)).toEqual(["index.js"]);
  });
});
