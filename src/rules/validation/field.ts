/**
 * Field errors as the API server words them, `<type>: <detail>`, with the path
 * beside them: every report prints the path before the message, as the server's `<path>: <type>: <detail>`.
 * A port of staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go
 * (Required, Invalid, NotSupported, Forbidden, Duplicate, TooLong, TooMany).
 * Each error also carries the fix where one is more than "change the value".
 */
import { isObject } from '../pod-templates';
import { RuleHit } from '../rule';

export type Errors = RuleHit[];

function render(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'null';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function withFix(text: string, fix?: string): string {
  return fix === undefined ? text : `${text}; ${fix}`;
}

/** k8s: field.Required */
export function required(path: string, detail = '', fix?: string): RuleHit {
  return { path, message: withFix(`Required value${detail ? `: ${detail}` : ''}`, fix) };
}

/** k8s: field.Invalid */
export function invalid(path: string, value: unknown, detail: string, fix?: string): RuleHit {
  return { path, message: withFix(`Invalid value: ${render(value)}: ${detail}`, fix) };
}

/** k8s: field.NotSupported */
export function notSupported(path: string, value: unknown, valid: readonly string[]): RuleHit {
  return { path, message: `Unsupported value: ${render(value)}: supported values: ${valid.map((v) => `"${v}"`).join(', ')}` };
}

/** k8s: field.Forbidden */
export function forbidden(path: string, detail: string, fix?: string): RuleHit {
  return { path, message: withFix(`Forbidden: ${detail}`, fix) };
}

/** k8s: field.Duplicate */
export function duplicate(path: string, value: unknown, fix?: string): RuleHit {
  return { path, message: withFix(`Duplicate value: ${render(value)}`, fix) };
}

/** k8s: field.TooLong */
export function tooLong(path: string, max: number): RuleHit {
  return { path, message: `Too long: must have at most ${max} bytes` };
}

/** k8s: field.TooMany */
export function tooMany(path: string, actual: number, max: number): RuleHit {
  return { path, message: `Too many: ${actual}: must have at most ${max} items` };
}

/** Decoding errors (HTTP 400 before validation): wrong JSON types, unknown fields under strict validation, malformed quantities. */
export function decoding(path: string, detail: string): RuleHit {
  return { path, message: `the API server cannot decode this field (request rejected before validation): ${detail}` };
}

/** One `Invalid` error per message of a name or value checker, as `for _, msg := range IsX(v)` does upstream. */
export function invalidEach(path: string, value: unknown, messages: readonly string[]): Errors {
  return messages.map((msg) => invalid(path, value, msg));
}

// The engine's own test for a JSON object, shared so that both read a manifest the same way.
export { isObject };

/** Set in JSON (Go's `!= nil` / non-zero for the manifest's view). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** `value` as a list when it is one, else `[]` (a wrong type is a decoding error reported elsewhere). */
export function list(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

export function obj(value: unknown): Record<string, any> {
  return isObject(value) ? value : {};
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** k8s: apimachinery validation.ValidateNonnegativeField (for an integer the manifest sets). */
export function nonNegative(value: unknown, path: string): Errors {
  return isInt(value) && value < 0 ? [invalid(path, value, 'must be greater than or equal to 0')] : [];
}

/** Byte length of a string in UTF-8, as Go's `len(s)`. */
export function byteLength(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}
