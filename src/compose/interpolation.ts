import { ComposeError } from './compose-error';
import { ComposeParameters, ParameterOperator } from './compose-parameters';

/** Variables for interpolation: the environment over the project's `.env`. */
export type Variables = Readonly<Record<string, string | undefined>>;

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/** What interpolating one value found out, besides its result. */
export interface InterpolationResult {
  readonly value: string;
  /** Variables used without a value and without a default (compose substitutes ""). */
  readonly unset: readonly string[];
}

/**
 * Compose-spec interpolation of one string: `$$` → `$`, `$VAR`, `${VAR}`,
 * `${VAR:-default}` (unset or empty), `${VAR-default}` (unset),
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}`; defaults may
 * nest interpolations. As in compose-go, a `$` followed by anything else is an
 * invalid template, and an unset variable becomes "" (reported in `unset`).
 *
 * `where` names the file, service and key for the error message.
 */
export function interpolate(
  text: string, vars: Variables, where: (reason: string) => ComposeError, parameters?: ComposeParameters,
): InterpolationResult {
  const unset: string[] = [];
  const value = expand(text, vars, where, unset, parameters);
  return { value, unset };
}

function expand(text: string, vars: Variables, where: (reason: string) => ComposeError, unset: string[], parameters?: ComposeParameters): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar === -1) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next === '{') {
      const end = closingBrace(text, dollar + 2);
      if (end === -1) throw where(`invalid interpolation format in ${JSON.stringify(text)}: "\${" without a closing "}"`);
      out += braced(text.slice(dollar + 2, end), text, vars, where, unset, parameters);
      i = end + 1;
    } else {
      const name = NAME.exec(text.slice(dollar + 1))?.[0];
      if (name === undefined) {
        throw where(`invalid interpolation format in ${JSON.stringify(text)}: a "$" must start $VAR or \${VAR}; write "$$" for a literal "$"`);
      }
      out += parameters === undefined ? lookup(name, vars, unset) : parameters.mark({ name, operator: '', argument: '', text: `$${name}` });
      i = dollar + 1 + name.length;
    }
  }
  return out;
}

/** The index of the `}` that closes a `${` whose body starts at `start`, counting nested `${`. */
function closingBrace(text: string, start: number): number {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '$') {
      i++;
    } else if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

function braced(
  body: string, text: string, vars: Variables, where: (reason: string) => ComposeError, unset: string[], parameters?: ComposeParameters,
): string {
  const name = NAME.exec(body)?.[0];
  if (name === undefined) throw where(`invalid interpolation format in ${JSON.stringify(text)}: "\${${body}}" does not start with a variable name`);
  const rest = body.slice(name.length);
  if (rest === '') {
    return parameters === undefined ? lookup(name, vars, unset) : parameters.mark({ name, operator: '', argument: '', text: `\${${body}}` });
  }
  const operator = /^(:?[-?+])/.exec(rest)?.[1];
  if (operator === undefined) throw where(`invalid interpolation format in ${JSON.stringify(text)}: unknown operator in "\${${body}}"; use :-, -, :?, ?, :+ or +`);
  const argument = rest.slice(operator.length);
  // a parameter when its default or message is plain text; `+` (alternative values) and nested references are resolved now
  if (parameters !== undefined && !operator.endsWith('+') && !argument.includes('$')) {
    return parameters.mark({ name, operator: operator as ParameterOperator, argument, text: `\${${body}}` });
  }
  const value = vars[name];
  const missing = operator.startsWith(':') ? value === undefined || value === '' : value === undefined;
  switch (operator.replace(':', '')) {
    case '-':
      return missing ? expand(argument, vars, where, unset, parameters) : value!;
    case '+':
      return missing ? '' : expand(argument, vars, where, unset, parameters);
    default: {
      if (!missing) return value!;
      const message = expand(argument, vars, where, unset);
      throw where(`required variable ${name} is missing a value${message === '' ? '' : `: ${message}`}`);
    }
  }
}

function lookup(name: string, vars: Variables, unset: string[]): string {
  const value = vars[name];
  if (value === undefined) {
    unset.push(name);
    return '';
  }
  return value;
}
