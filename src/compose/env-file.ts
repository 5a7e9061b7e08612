import { ComposeError } from './compose-error';
import { interpolate, Variables } from './interpolation';

/**
 * Interpolates one value of an env file; `earlier` holds the file's variables
 * defined above it, which compose looks up before the environment.
 */
export type EnvFileExpander = (raw: string, earlier: ReadonlyMap<string, string | undefined>) => string;

/**
 * Parses a `.env` or `env_file` file as compose does: `KEY=VALUE` lines, `#`
 * comments, an optional `export ` prefix, single-quoted values kept literally,
 * double-quoted values with `\n`, `\t`, `\"` and `\\` escapes, and ` #` starting
 * a comment after an unquoted value. A line without `=` names a variable with
 * no value (compose then leaves it unset). Unquoted and double-quoted values
 * are interpolated with `expand` (compose's env-file syntax); single-quoted
 * ones are not.
 *
 * @returns the variables in file order, or the 1-based number of a line that
 * cannot be read
 */
export function parseEnvFile(text: string, expand?: EnvFileExpander): Map<string, string | undefined> | number {
  const vars = new Map<string, string | undefined>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([^=\s]+)\s*(?:=\s*(.*))?$/.exec(line);
    if (match === null) return n + 1;
    const value = match[2] === undefined ? undefined : unquote(match[2]);
    if (value === null) return n + 1;
    const literal = match[2]?.startsWith('\'') ?? true;
    vars.set(match[1], value === undefined || literal || expand === undefined ? value : expand(value, vars));
  }
  return vars;
}

function unquote(raw: string): string | undefined | null {
  if (raw.startsWith('\'')) {
    const end = raw.indexOf('\'', 1);
    return end === -1 ? null : raw.slice(1, end);
  }
  if (raw.startsWith('"')) {
    let out = '';
    for (let i = 1; i < raw.length; i++) {
      const c = raw[i];
      if (c === '"') return out;
      if (c === '\\' && i + 1 < raw.length) {
        const e = raw[++i];
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
      } else {
        out += c;
      }
    }
    return null;
  }
  const comment = raw.search(/\s#/);
  return (comment === -1 ? raw : raw.slice(0, comment)).trim();
}

/** Compose's lookup in an env file: the file's earlier variables first, then `environment`. */
export function envFileExpander(environment: Variables, where: (reason: string) => ComposeError): EnvFileExpander {
  return (raw, earlier) => interpolate(raw, { ...environment, ...Object.fromEntries(earlier) }, where).value;
}
