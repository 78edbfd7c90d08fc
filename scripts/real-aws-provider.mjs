// Prints the path of the real hashicorp/aws provider binary of a local filesystem mirror (the newest version), for
// TF_OFFLINE_AWS_PROVIDER. ../shared/tools searches the disk for it when it is not in Terraform's usual plugin
// folders (here it is in /opt/tf-plugins), and that search also finds the scratch mirror of any
// `tf-validate-all --aws-schema` running at the time, whose aws is a stand-in script named like the real binary
// (terraform-provider-aws_v6.25.0): a tool started then would take that stand-in for the real 5.100.0. This keeps
// executables only (ELF), outside $TMPDIR. Exit 2 when there is none.
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readSync } from "node:fs";
import { tmpdir } from "node:os";
import { sep } from "node:path";

const found = spawnSync(
  "sh",
  [
    "-c",
    "find / -xdev \\( -path /proc -o -path /sys -o -path '*/node_modules' -o -path '*/.terraform' \\) -prune -o " +
      "-type f -name 'terraform-provider-aws_v*' -path '*registry.terraform.io/hashicorp/aws/*' -print 2>/dev/null",
  ],
  { encoding: "utf8", maxBuffer: 1 << 24 },
).stdout;
const elf = (file) => {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.toString("latin1") === "\x7fELF";
  } finally {
    closeSync(fd);
  }
};
const version = (file) => file.split(sep).at(-3).split(".").map(Number);
const newer = (a, b) => {
  const [x, y] = [version(a), version(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return y[i] - x[i];
  return 0;
};
const binaries = found
  .split("\n")
  .filter((file) => file && !file.startsWith(tmpdir() + sep) && elf(file))
  .sort(newer);
if (binaries.length === 0) {
  console.error("no real hashicorp/aws provider binary in a local filesystem mirror on this machine");
  process.exit(2);
}
console.log(binaries[0]);
