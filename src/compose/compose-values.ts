import { ComposeError } from './compose-error';

/** Turns a reason into the error for the key being read. */
export type Fail = (reason: string) => ComposeError;

const DURATION_UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** A Go duration (`1m30s`, `1.5s`, `500ms`) as seconds; compose writes durations this way. */
export function parseDuration(value: unknown, fail: Fail): number {
  if (typeof value === 'number' && value >= 0) return value / 1e9; // compose reads a bare number as nanoseconds
  const text = String(value);
  const pattern = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g;
  let seconds = 0;
  let consumed = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index !== consumed) break;
    seconds += Number(match[1]) * DURATION_UNITS[match[2]];
    consumed += match[0].length;
  }
  if (consumed !== text.length || text === '') throw fail(`${JSON.stringify(text)} is not a duration: write it like 30s, 1m30s or 500ms`);
  return seconds;
}

const BYTE_UNITS: Record<string, number> = { '': 1, 'b': 1, 'k': 1024, 'kb': 1024, 'm': 1024 ** 2, 'mb': 1024 ** 2, 'g': 1024 ** 3, 'gb': 1024 ** 3, 't': 1024 ** 4, 'tb': 1024 ** 4 };

/** A docker byte size (`512m`, `1G`, `1048576`), units binary as in docker's RAMInBytes. */
export function parseBytes(value: unknown, fail: Fail): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(String(value).trim());
  const unit = match?.[2].toLowerCase();
  if (match === null || unit === undefined || BYTE_UNITS[unit] === undefined) {
    throw fail(`${JSON.stringify(String(value))} is not a size: write it like 512m or 1g`);
  }
  return Math.ceil(Number(match[1]) * BYTE_UNITS[unit]);
}

/** Docker `cpus` (`0.5`, `2`) as millicores. */
export function parseCpus(value: unknown, fail: Fail): number {
  const cpus = Number(value);
  if (!Number.isFinite(cpus) || cpus <= 0) throw fail(`${JSON.stringify(String(value))} is not a CPU count: write it like 0.5 or 2`);
  return Math.max(1, Math.round(cpus * 1000));
}

/** A TCP/UDP port number, 1-65535. */
export function parsePortNumber(value: unknown, fail: Fail): number {
  const text = String(value).trim();
  if (/^\d+-\d+$/.test(text)) throw fail(`port range ${JSON.stringify(text)} cannot be converted: a Kubernetes Service lists each port; write the ports one by one`);
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw fail(`${JSON.stringify(text)} is not a port number (1-65535)`);
  return port;
}

/** A value compose reads as a string: YAML numbers and booleans are written back as text. */
export function asText(value: unknown, fail: Fail, what: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw fail(`${what} must be a string, not ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`);
}

/** A list of strings, or a single string when `single` allows it. */
export function asTextList(value: unknown, fail: Fail, what: string): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) throw fail(`${what} must be a list of strings`);
  return value.map(item => asText(item, fail, what));
}
