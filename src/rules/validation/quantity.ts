/**
 * resource.Quantity as the API server decodes it: a port of
 * staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go
 * (UnmarshalJSON, ParseQuantity, parseQuantityString) and suffix.go. A string
 * that does not parse is a decoding error (HTTP 400, before validation): `1GB`,
 * `1.1.1`, `abc`.
 */

const DECIMAL_SUFFIXES: Record<string, number> = { 'n': -9, 'u': -6, 'm': -3, '': 0, 'k': 3, 'M': 6, 'G': 9, 'T': 12, 'P': 15, 'E': 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** A parsed quantity: its value as a float (enough for signs and comparisons) and whether it is an integer. */
export interface Quantity {
  readonly value: number;
  readonly text: string;
}

/** k8s: quantity.go ErrFormatWrong's message, as the decoder reports it. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/**
 * The quantity a JSON value decodes to: a number or a string (trimmed, as
 * UnmarshalJSON does); `undefined` for what the decoder rejects.
 */
export function parseQuantity(raw: unknown): Quantity | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? parseQuantityString(String(raw)) : undefined;
  if (typeof raw !== 'string') return undefined;
  return parseQuantityString(raw.trim());
}

// k8s: quantity.go parseQuantityString + ParseQuantity + suffixer.interpret
function parseQuantityString(str: string): Quantity | undefined {
  if (str.length === 0) return undefined;
  if (str === '0') return { value: 0, text: str };
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/.exec(str);
  if (m === null) return undefined;
  const [, sign, num, denom, suffix] = m;
  // Go accepts "" numerators ("." parses as 0), but a non-number suffix start is caught below.
  const exponentMatch = /^([eEinumkKMGTP]*)([-+]?[0-9]*)$/.exec(suffix);
  if (exponentMatch === null) return undefined;
  const letters = exponentMatch[1];
  const digits = exponentMatch[2];
  let factor: number;
  if (digits !== '') {
    // A decimal exponent: `e3`, `E-2` (only a single e/E before the digits).
    if (letters !== 'e' && letters !== 'E') return undefined;
    if (!/^[-+]?[0-9]+$/.test(digits)) return undefined;
    factor = Math.pow(10, Number(digits));
  } else if (letters in DECIMAL_SUFFIXES) {
    factor = Math.pow(10, DECIMAL_SUFFIXES[letters]);
  } else if (letters in BINARY_SUFFIXES) {
    factor = Math.pow(2, BINARY_SUFFIXES[letters]);
  } else {
    return undefined;
  }
  const magnitude = Number(`${num === '' ? '0' : num}.${denom ?? ''}0`) * factor;
  return { value: sign === '-' ? -magnitude : magnitude, text: str };
}
