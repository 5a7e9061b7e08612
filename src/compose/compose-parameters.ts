import { literal } from './code-builder';

/** How a compose reference reads its variable: `${V}`, `${V-d}`, `${V:-d}`, `${V?msg}`, `${V:?msg}`. */
export type ParameterOperator = '' | '-' | ':-' | '?' | ':?';

/** One `${VAR...}` left for the generated chart to fill in at synth. */
export interface ParameterUse {
  readonly name: string;
  readonly operator: ParameterOperator;
  /** The default (`-`, `:-`) or the error message (`?`, `:?`), literal text. */
  readonly argument: string;
  /** As written in the compose file, for comments. */
  readonly text: string;
}

/** Private-use code points: they never occur in compose files' values, and survive the model unchanged. */
const OPEN = '\u{F0000}';
const CLOSE = '\u{F0001}';
const MARKER = /\u{F0000}(\d+)\u{F0001}/gu;

/**
 * The compose variables of image references and environment values, kept as
 * parameters of the generated chart instead of values frozen at import. While
 * the model is built, each use is a marker inside the string; the writer turns
 * strings holding markers into template literals over the chart's variables.
 *
 * A variable's default in the chart is its value in the project's `.env`
 * (part of the project), never the importing shell's environment; a variable
 * used without a compose default (`${V}`, `$V`, `${V:?msg}`) and absent from
 * `.env` is required at synth.
 */
export class ComposeParameters {
  private readonly uses: ParameterUse[] = [];

  public constructor(private readonly dotEnv: Readonly<Record<string, string | undefined>>) {}

  /** The marker that stands for `use` in a value. */
  public mark(use: ParameterUse): string {
    this.uses.push(use);
    return `${OPEN}${this.uses.length - 1}${CLOSE}`;
  }

  public hasMarkers(text: string): boolean {
    return text.includes(OPEN);
  }

  /** The variables, sorted, with their `.env` default and whether synth needs a value. */
  public variables(): Array<{ readonly name: string; readonly dotEnv?: string; readonly required: boolean; readonly uses: string[] }> {
    const names = [...new Set(this.uses.map(u => u.name))].sort();
    return names.map(name => {
      const uses = this.uses.filter(u => u.name === name);
      const dotEnv = this.dotEnv[name];
      const required = dotEnv === undefined && uses.some(u => u.operator === '' || u.operator.endsWith('?'));
      return { name, dotEnv, required, uses: [...new Set(uses.map(u => u.text))] };
    });
  }

  /** What the value is with the chart's defaults (`.env`, compose defaults; `x` for a required variable): for checks at import. */
  public preview(text: string): string {
    return text.replace(MARKER, (_, i: string) => {
      const use = this.uses[Number(i)];
      const value = this.dotEnv[use.name];
      if (use.operator === ':-') return value === undefined || value === '' ? use.argument : value;
      if (use.operator === '-') return value ?? use.argument;
      return value ?? 'x';
    });
  }

  /** The value as written in the compose file, for comments and warnings. */
  public describe(text: string): string {
    return text.replace(MARKER, (_, i: string) => this.uses[Number(i)].text);
  }

  /**
   * A TypeScript expression for a value holding markers, reading the chart's
   * variables from `variables`; `escape` names a function applied to each
   * variable's value (e.g. doubling `$` for the kubelet), if any.
   */
  public expression(text: string, variables: string, escape?: string): string {
    const parts: string[] = [];
    let last = 0;
    for (const match of text.matchAll(MARKER)) {
      if (match.index > last) parts.push(literal(text.slice(last, match.index)));
      const use = this.uses[Number(match[1])];
      const read = `${variables}.${use.name}`;
      const value = use.operator === ':-' ? `(${read} || ${literal(use.argument)})`
        : use.operator === '-' ? `(${read} ?? ${literal(use.argument)})`
          : `${read}!`;
      parts.push(escape === undefined ? value : `${escape}(${value})`);
      last = match.index + match[0].length;
    }
    if (last < text.length) parts.push(literal(text.slice(last)));
    return parts.join(' + ');
  }
}
