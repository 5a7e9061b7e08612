/**
 * The committed differential corpus: every generated object with the verdicts
 * a Kubernetes 1.28 API server gave it (server-side dry-run create, strict
 * field validation) in three namespaces: no Pod Security enforcement,
 * `baseline` and `restricted`. Stored gzipped (objects with 1 MiB ConfigMaps
 * and 256 KiB annotations would make plain JSON tens of megabytes); long runs of
 * one character are stored as `{ "$repeat": c, "count": n }` and expanded on load.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { gunzipSync, gzipSync } from 'zlib';

/** The namespaces a verdict was recorded in, by Pod Security level enforced. */
export const CONTEXTS = ['none', 'baseline', 'restricted'] as const;
export type Context = typeof CONTEXTS[number];

/** One `details.causes[]` entry of a rejection. */
export interface Cause {
  readonly field?: string;
  readonly reason?: string;
  readonly message?: string;
}

/** What the API server said about one object in one namespace. */
export interface Verdict {
  /** HTTP status code of the dry-run create. */
  readonly code: number;
  readonly accepted: boolean;
  /** `Status.reason` (`Invalid`, `BadRequest`, `Forbidden`...), absent when accepted. */
  readonly reason?: string;
  readonly message?: string;
  readonly causes?: Cause[];
  /** `Warning` headers of the response. */
  readonly warnings?: string[];
}

export interface CorpusEntry {
  readonly id: string;
  readonly kind: string;
  readonly operators: string[];
  readonly object: any;
  readonly verdicts: Record<Context, Verdict>;
}

export interface Corpus {
  /** `gitVersion` of the server that judged the objects. */
  readonly server: string;
  readonly seed: number;
  /** The server's `--service-cluster-ip-range`, when the recording says it (the main corpus: 10.96.0.0/12, docs/differential-testing.md). */
  readonly serviceClusterIpRange?: string;
  readonly entries: CorpusEntry[];
}

export const CORPUS_FILE = join(__dirname, 'corpus.json.gz');

/**
 * The corpus judged again by a server started with `--feature-gates`: only the
 * verdicts that differ from the committed corpus's (a decision, or the fields
 * named), every other object having been judged the same.
 */
export interface GateRecording {
  /** `gitVersion` of the server. */
  readonly server: string;
  /** The server's `--feature-gates`, as the recorder was told them. */
  readonly featureGates: Record<string, boolean>;
  /** How many objects the server judged: the whole corpus. */
  readonly judged: number;
  /** The verdicts that differ from the committed corpus's, by entry id. */
  readonly verdicts: Record<string, Record<Context, Verdict>>;
}

export const GATE_RECORDINGS_DIR = join(__dirname, 'gates');

/** Whether two verdicts differ in what the differential test compares: the decision, or the fields the server named. */
export function verdictsDiffer(a: Verdict, b: Verdict): boolean {
  const fields = (v: Verdict) => JSON.stringify((v.causes ?? []).map((c) => c.field ?? '').sort());
  return a.accepted !== b.accepted || fields(a) !== fields(b);
}

export function loadGateRecording(file: string): GateRecording {
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
}

export function saveGateRecording(recording: GateRecording, file: string): void {
  writeFileSync(file, gzipSync(Buffer.from(`${JSON.stringify(recording, null, 1)}\n`, 'utf8'), { level: 9 }));
}
const REPEAT_MIN = 1024;

export function loadCorpus(file: string = CORPUS_FILE): Corpus {
  return expand(JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')));
}

export function saveCorpus(corpus: Corpus, file: string = CORPUS_FILE): void {
  const text = JSON.stringify(compact(corpus)).replace(/\{"id"/g, '\n{"id"');
  writeFileSync(file, gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
}

function compact(value: any): any {
  if (typeof value === 'string' && value.length >= REPEAT_MIN && value === value[0].repeat(value.length)) {
    return { $repeat: value[0], count: value.length };
  }
  if (Array.isArray(value)) return value.map(compact);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  }
  return value;
}

function expand(value: any): any {
  if (Array.isArray(value)) return value.map(expand);
  if (value !== null && typeof value === 'object') {
    if (typeof value.$repeat === 'string' && typeof value.count === 'number' && Object.keys(value).length === 2) {
      return value.$repeat.repeat(value.count);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)]));
  }
  return value;
}
