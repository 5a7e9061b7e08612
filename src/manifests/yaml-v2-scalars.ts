// How Kubernetes 1.28 reads an untagged plain YAML scalar: gopkg.in/yaml.v2
// v2.4.0 `resolve()` (k8s 1.28.7: vendor/gopkg.in/yaml.v2/resolve.go), reached
// through sigs.k8s.io/yaml. Both YAML readers of `src/manifests` (the fast one
// and the exact one) call this, so a scalar means the same whichever reads it.
// Quoted and block scalars are always strings there and never come here.

// resolve.go `resolveMapList` (without `<<`, which is a merge key, not a value).
const KNOWN_PLAIN_SCALARS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s) => [s, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((s) => [s, false] as const),
  ...['', '~', 'null', 'Null', 'NULL'].map((s) => [s, null] as const),
  ...['.nan', '.NaN', '.NAN'].map((s) => [s, NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s) => [s, Infinity] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((s) => [s, -Infinity] as const),
]);

/**
 * The first characters for which resolve.go's `resolveTable` has a hint: any
 * other plain scalar is a string without further look.
 */
export const RESOLVABLE_FIRST_CHARS: readonly string[] = [
  '', '+', '-', '.', '~', 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
];

// resolve.go hint '.': strconv.ParseFloat(in) of a text starting with a dot.
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;
// resolve.go `yamlStyleFloat`, applied to the text without underscores.
const YAML_STYLE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
// strconv.ParseInt(s, 0, 64) syntax (Go ≥ 1.13): sign, then 0x / 0b / 0o / 0 (octal) prefixes.
const GO_BASE0_INTEGER = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]([0-7]+)|0([0-7]+)|([0-9]+))$/;
// resolve.go's own `0b` branch: strconv.ParseInt(plain[2:], 2, 64), which lets a sign follow the prefix.
const SIGN_AFTER_0B = /^0b([-+]?)([01]+)$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const CHAR_DOT = 0x2e;

/**
 * The value gopkg.in/yaml.v2 v2.4.0 gives the plain scalar `source`: a
 * boolean, null, a number, or the text itself. YAML 1.1 booleans (`yes`, `on`,
 * `y`), 0-prefixed octal, `0x`/`0o`/`0b`, `_` between digits and `.inf`/`.nan`
 * resolve; base-60 numbers and timestamps stay strings (resolve.go "purposefully
 * unsupported"; decode.go keeps a timestamp's text for an interface{} target).
 */
export function resolvePlainScalar(source: string): unknown {
  if (KNOWN_PLAIN_SCALARS.has(source)) {
    return KNOWN_PLAIN_SCALARS.get(source);
  }
  const first = source.charCodeAt(0);
  if (first === CHAR_DOT) {
    return DOT_FLOAT.test(source) ? finiteOr(Number(source), source) : source;
  }
  if (isDigitOrSign(first)) {
    return numberOf(source.replace(/_/g, '')) ?? source;
  }
  return source;
}

function isDigitOrSign(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d;
}

// resolve.go hints 'D' and 'S', in its order: ParseInt, ParseUint, yamlStyleFloat, the `0b` branch.
// A timestamp (`2001-12-14`) fails all of them and stays a string, as decode.go keeps it.
function numberOf(plain: string): number | undefined {
  return goBase0Integer(plain) ?? yamlStyleFloat(plain) ?? signAfter0b(plain);
}

function goBase0Integer(plain: string): number | undefined {
  const match = GO_BASE0_INTEGER.exec(plain);
  if (!match) {
    return undefined;
  }
  const [, sign, hex, binary, octal, legacyOctal, decimal] = match;
  const magnitude = hex !== undefined ? BigInt(`0x${hex}`)
    : binary !== undefined ? BigInt(`0b${binary}`)
      : octal !== undefined ? BigInt(`0o${octal}`)
        : legacyOctal !== undefined ? BigInt(`0o${legacyOctal}`)
          : BigInt(decimal);
  const value = sign === '-' ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) {
    return Number(value);
  }
  // strconv.ParseUint: no sign allowed, up to 2^64-1.
  return sign === '' && value <= UINT64_MAX ? Number(value) : undefined;
}

function yamlStyleFloat(plain: string): number | undefined {
  if (!YAML_STYLE_FLOAT.test(plain)) {
    return undefined;
  }
  // strconv.ParseFloat fails with ErrRange on overflow: the scalar stays a string.
  const value = Number(plain);
  return Number.isFinite(value) ? value : undefined;
}

function signAfter0b(plain: string): number | undefined {
  const match = SIGN_AFTER_0B.exec(plain);
  if (!match) {
    return undefined;
  }
  const value = BigInt(`0b${match[2]}`) * (match[1] === '-' ? -1n : 1n);
  if (value >= INT64_MIN && value <= INT64_MAX) {
    return Number(value);
  }
  return match[1] === '' && value <= UINT64_MAX ? Number(value) : undefined;
}

function finiteOr(value: number, source: string): number | string {
  return Number.isFinite(value) ? value : source;
}
