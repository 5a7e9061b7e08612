/**
 * A tiny TypeScript code builder: values from a compose file only ever enter
 * the generated code through `literal` (strings) or `comment` (comments), so
 * nothing in them can end a string, a comment or a line early.
 */

/** Code: raw TypeScript, an object literal or an array literal. */
export type Code = string | CodeObject | CodeArray;

export class CodeObject {
  public constructor(public readonly entries: ReadonlyArray<readonly [string, Code]>) {}
}

export class CodeArray {
  public constructor(public readonly items: readonly Code[]) {}
}

/** An object literal of the entries whose value is not `undefined`. */
export function obj(entries: ReadonlyArray<readonly [string, Code | undefined]>): CodeObject {
  return new CodeObject(entries.filter((e): e is readonly [string, Code] => e[1] !== undefined));
}

export function arr(items: readonly Code[]): CodeArray {
  return new CodeArray(items);
}

/** A single-quoted string literal that evaluates to exactly `value`. */
export function literal(value: string): string {
  let out = '\'';
  for (const ch of value) {
    out += escapeChar(ch);
  }
  return `${out}'`;
}

function escapeChar(ch: string): string {
  switch (ch) {
    case '\\': return '\\\\';
    case '\'': return '\\\'';
    case '\n': return '\\n';
    case '\r': return '\\r';
    case '\t': return '\\t';
    default: {
      const code = ch.codePointAt(0)!;
      // control characters, U+2028/U+2029 (line terminators in JS source) and lone surrogates
      const unsafe = code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff);
      return unsafe ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
    }
  }
}

/** Text safe inside a `//` comment: no line terminator, no `*\/`, no control character. */
export function commentText(text: string): string {
  return [...text].map(ch => {
    const code = ch.codePointAt(0)!;
    if (ch === '\n') return '\\n';
    if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff)) return `\\u${code.toString(16).padStart(4, '0')}`;
    return ch;
  }).join('').replace(/\*\//g, '*\\/');
}

/** `// text` lines at `indent`, one per entry. */
export function comment(lines: readonly string[], indent: string): string {
  return lines.map(line => `${indent}//${line === '' ? '' : ` ${commentText(line)}`}\n`).join('');
}

const MAX_INLINE = 140;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Renders `code` at `indent` spaces; short literals stay on one line.
 * `column` is where the code starts on its line (after any prefix).
 */
export function render(code: Code, indent = 0, column = indent): string {
  if (typeof code === 'string') return code;
  const inline = renderInline(code);
  if (inline !== undefined && column + inline.length <= MAX_INLINE) return inline;
  const pad = ' '.repeat(indent + 2);
  const close = ' '.repeat(indent);
  if (code instanceof CodeArray) {
    return `[\n${code.items.map(item => `${pad}${render(item, indent + 2)},\n`).join('')}${close}]`;
  }
  const quote = needsQuotes(code);
  return `{\n${code.entries.map(([k, v]) => `${pad}${key(k, quote)}: ${render(v, indent + 2)},\n`).join('')}${close}}`;
}

function renderInline(code: Code): string | undefined {
  if (typeof code === 'string') return code.includes('\n') ? undefined : code;
  if (code instanceof CodeArray) {
    const items = code.items.map(renderInline);
    return items.some(i => i === undefined) ? undefined : `[${items.join(', ')}]`;
  }
  if (code.entries.length === 0) return '{}';
  const quote = needsQuotes(code);
  const entries = code.entries.map(([k, v]) => {
    const value = renderInline(v);
    return value === undefined ? undefined : `${key(k, quote)}: ${value}`;
  });
  return entries.some(e => e === undefined) ? undefined : `{ ${entries.join(', ')} }`;
}

/** eslint quote-props "consistent-as-needed": quote every key when one needs it. */
function needsQuotes(code: CodeObject): boolean {
  return code.entries.some(([k]) => !IDENTIFIER.test(k));
}

function key(name: string, quote: boolean): string {
  return quote ? literal(name) : name;
}
