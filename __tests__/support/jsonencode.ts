/**
 * Reads back the value of a `${jsonencode(...)}` expression as cdktf renders it, e.g.
 * `${jsonencode({"Action" = "sts:AssumeRole", "Resource" = aws_iam_role.x.arn})}`.
 * A bare reference comes back as the interpolation `${aws_iam_role.x.arn}`.
 */
export function decodeJsonencode(expression: string): unknown {
  const match = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(expression);
  if (!match) throw new Error(`not a jsonencode expression: ${expression.slice(0, 80)}`);
  const parser = new HclValueParser(match[1]);
  const value = parser.value();
  parser.end();
  return value;
}

class HclValueParser {
  private i = 0;
  constructor(private readonly text: string) {}

  value(): unknown {
    this.skipSpace();
    const c = this.text[this.i];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    const literal = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(this.i));
    if (literal) {
      this.i += literal[0].length;
      return JSON.parse(literal[0]);
    }
    const reference = /^[A-Za-z_][\w-]*(?:\.[\w-]+|\[[^\]]*\])*/.exec(this.text.slice(this.i));
    if (reference) {
      this.i += reference[0].length;
      return `\${${reference[0]}}`;
    }
    throw new Error(`unexpected input at ${this.i}: ${this.text.slice(this.i, this.i + 40)}`);
  }

  end(): void {
    this.skipSpace();
    if (this.i !== this.text.length) throw new Error(`trailing input: ${this.text.slice(this.i, this.i + 40)}`);
  }

  private object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.expect("{");
    while (!this.accept("}")) {
      const key = this.string();
      this.expect("=");
      result[key] = this.value();
      this.accept(",");
    }
    return result;
  }

  private array(): unknown[] {
    const result: unknown[] = [];
    this.expect("[");
    while (!this.accept("]")) {
      result.push(this.value());
      this.accept(",");
    }
    return result;
  }

  private string(): string {
    this.skipSpace();
    const start = this.i;
    this.expect('"');
    let depth = 0;
    while (this.i < this.text.length) {
      const c = this.text[this.i];
      if (c === "\\") this.i += 2;
      else if (c === "$" && this.text[this.i + 1] === "{") {
        depth++;
        this.i += 2;
      } else if (c === "}" && depth > 0) {
        depth--;
        this.i++;
      } else if (c === '"' && depth === 0) {
        this.i++;
        return JSON.parse(this.text.slice(start, this.i));
      } else this.i++;
    }
    throw new Error("unterminated string");
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.i] ?? "")) this.i++;
  }

  private accept(token: string): boolean {
    this.skipSpace();
    if (this.text[this.i] !== token) return false;
    this.i++;
    return true;
  }

  private expect(token: string): void {
    if (!this.accept(token)) throw new Error(`expected ${token} at ${this.i}: ${this.text.slice(this.i, this.i + 40)}`);
  }
}
