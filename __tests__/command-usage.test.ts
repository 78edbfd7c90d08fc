import { spawnSync } from "node:child_process";
import * as path from "node:path";

// The project's commands as a user runs them: --help answers with the usage and exit 0; a call without
// a stack is a usage error (exit 2) that says how to call them.
const ROOT = path.join(__dirname, "..");
const run = (entry: string, ...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, entry), ...args], { cwd: ROOT, encoding: "utf8", env: { PATH: process.env.PATH } });

describe.each([
  ["npm run smoke", "smoke/main.ts"],
  ["npm run eject", "eject/main.ts"],
])("%s", (command, entry) => {
  test.each(["--help", "-h"])("%s prints the usage on stdout and exits 0", (flag) => {
    const result = run(entry, flag);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^usage: ${command} -- <stack>`));
  });

  test("without a stack: the usage on stderr, exit 2", () => {
    const result = run(entry);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`usage: ${command} -- <stack>`));
  });
});
