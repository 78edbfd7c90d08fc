// npm run check:gen: the committed .gen/ is exactly what `npm run gen` makes from provider-schemas/.
// Regenerates it offline in a scratch folder and compares file by file; exit 1 on any difference.
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const files = (dir, base = dir) =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name), base) : [relative(base, join(dir, entry.name))]))
    .sort();

const scratch = mkdtempSync(join(tmpdir(), "check-gen-"));
try {
  for (const file of ["cdktf.json", "package.json"]) copyFileSync(join(root, file), join(scratch, file));
  cpSync(join(root, "provider-schemas"), join(scratch, "provider-schemas"), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(scratch, "node_modules"));
  execFileSync(join(root, "node_modules", ".bin", "cdktf"), ["get", "--experimental-provider-schema-cache-path", "provider-schemas"], {
    cwd: scratch,
    stdio: "pipe",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", CDKTF_DISABLE_PLUGIN_CACHE_ENV: "1" },
  });
  const [committed, fresh] = [join(root, ".gen"), join(scratch, ".gen")];
  const names = [...new Set([...files(committed), ...files(fresh)])].sort();
  const differing = names.filter((name) => {
    const read = (dir) => {
      try {
        return readFileSync(join(dir, name), "utf8");
      } catch {
        return undefined;
      }
    };
    return read(committed) !== read(fresh);
  });
  if (differing.length > 0) {
    console.error(
      `.gen/ differs from what \`npm run gen\` makes from provider-schemas/ in: ${differing.join(", ")}\nrun \`npm run gen\` and commit the result`,
    );
    process.exitCode = 1;
  } else {
    console.log(`.gen/ is what \`npm run gen\` makes from provider-schemas/ (${names.length} files)`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
