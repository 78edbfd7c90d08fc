import * as crypto from "crypto";
import * as fs from "fs";
import { buildValidatorBundle } from "../lambda/build";

const sha256 = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("validator bundle (npm run build)", () => {
  const outfile = buildValidatorBundle();

  test("is the same bytes when built again from the same source", () => {
    const first = sha256(outfile);
    buildValidatorBundle();
    expect(sha256(outfile)).toBe(first);
  });

  test("is CommonJS exporting an async handler, with no path of this checkout in it", () => {
    const text = fs.readFileSync(outfile, "utf8");
    expect(text).not.toContain(process.cwd());
    expect(text).not.toMatch(/^\s*(import|export)\s/m);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(outfile);
    expect(typeof mod.handler).toBe("function");
  });
});
