/** What a stack asks of Terraform itself, and from which version Terraform has it. */
export interface TerraformFeatures {
  /** The S3 backend with S3-native locking (`use_lockfile`). */
  readonly s3NativeLocking: boolean;
  /** An `import` block with `for_each` (importExistingLogGroup). */
  readonly conditionalImport: boolean;
}

// Newest first. `check` blocks are in every stack (the datastore's identity provider configuration).
const REQUIREMENTS: readonly { readonly since: string; readonly needed: (features: TerraformFeatures) => boolean }[] = [
  { since: "1.10", needed: (features) => features.s3NativeLocking },
  { since: "1.7", needed: (features) => features.conditionalImport },
  { since: "1.5", needed: () => true },
];

/**
 * `required_version` for a stack that uses `features`: the oldest Terraform that has them all, so an older
 * one stops at init with a version message instead of "Unsupported argument" or "Unsupported block type".
 */
export function requiredTerraformVersion(features: TerraformFeatures): string {
  const oldest = REQUIREMENTS.find((requirement) => requirement.needed(features));
  return `>= ${oldest?.since ?? "1.5"}`;
}
