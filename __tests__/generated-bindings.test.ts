import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.join(__dirname, "..");

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  }).sort();
}

describe(".gen (awscc bindings)", () => {
  test("is what `npm run gen` makes from the committed schema", () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "gen-check-"));
    try {
      for (const file of ["cdktf.json", "package.json"]) fs.copyFileSync(path.join(root, file), path.join(scratch, file));
      fs.cpSync(path.join(root, "provider-schemas"), path.join(scratch, "provider-schemas"), { recursive: true });
      fs.symlinkSync(path.join(root, "node_modules"), path.join(scratch, "node_modules"));
      execFileSync(path.join(root, "node_modules", ".bin", "cdktf"),
        ["get", "--experimental-provider-schema-cache-path", "provider-schemas"],
        { cwd: scratch, stdio: "pipe", env: { ...process.env, CHECKPOINT_DISABLE: "1", CDKTF_DISABLE_PLUGIN_CACHE_ENV: "1" } });

      const fresh = path.join(scratch, ".gen");
      const committed = path.join(root, ".gen");
      expect(listFiles(committed)).toEqual(listFiles(fresh));
      for (const file of listFiles(fresh)) {
        expect({ file, text: fs.readFileSync(path.join(committed, file), "utf8") })
          .toEqual({ file, text: fs.readFileSync(path.join(fresh, file), "utf8") });
      }
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});
