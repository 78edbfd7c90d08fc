import type { Construct } from "constructs";
import { type TerraformDataSource, TerraformElement, type TerraformResource } from "cdktf";

export interface ImportIfPresentProps {
  /** The resource to import into. */
  readonly to: TerraformResource;
  /** The object's import id. */
  readonly id: string;
  /** The ids that exist now, read at plan: a list attribute of a data source. */
  readonly existing: { readonly dataSource: TerraformDataSource; readonly attribute: string };
}

/**
 * An `import` block for `to` that applies only while the object exists (`for_each` over the ids that exist,
 * Terraform 1.7): the first deploy adopts an object made outside Terraform, and a deploy after a destroy,
 * when there is nothing to adopt, creates it instead of failing with "Cannot import non-existent remote
 * object". Once the object is in state, Terraform skips the block. cdktf's `importFrom` has no `for_each`.
 */
export class ImportIfPresent extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: ImportIfPresentProps,
  ) {
    super(scope, id);
  }

  // Written out: a reference inside a for expression must be bare, and cdktf's tokens come wrapped in ${}.
  private get forEach(): string {
    const { dataSource, attribute } = this.props.existing;
    const existing = `data.${dataSource.terraformResourceType}.${dataSource.friendlyUniqueId}.${attribute}`;
    return `\${toset([for id in ${existing} : id if id == ${JSON.stringify(this.props.id)}])}`;
  }

  private get target(): string {
    return `${this.props.to.terraformResourceType}.${this.props.to.friendlyUniqueId}`;
  }

  override toTerraform() {
    return { import: [{ for_each: this.forEach, to: this.target, id: "${each.value}" }] };
  }

  override toHclTerraform() {
    return {
      import: [
        {
          for_each: { value: this.forEach, type: "simple", storageClassType: "string" },
          to: { value: this.target, type: "simple", storageClassType: "reference" },
          id: { value: "${each.value}", type: "simple", storageClassType: "string" },
        },
      ],
    };
  }
}
