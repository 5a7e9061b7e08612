import { Buffer, isUtf8 } from 'buffer';
import type { Document, LineCounter, ScalarTag, Tags } from 'yaml';
import { readYamlFast } from './fast-yaml';
import { resolvePlainScalar } from './yaml-v2-scalars';

// The `yaml` package (144 modules) is loaded only when a text needs the exact
// reader or an error needs a position: most `lint` runs never load it.
let yamlPackage: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return yamlPackage ??= require('yaml') as typeof import('yaml');
}

/**
 * A manifest input that cannot be linted (missing, binary, malformed, not a
 * Kubernetes object). The message is one line that names the file, the
 * position when known, what is wrong and what was expected.
 */
export class ManifestInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestInputError';
  }
}

/**
 * A well-formed YAML/JSON document that is not a Kubernetes object (no `kind`,
 * or not a mapping): e.g. the `construct-metadata.json` cdk8s writes beside
 * its manifests.
 */
export class NotAManifestError extends ManifestInputError {
  constructor(message: string) {
    super(message);
    this.name = 'NotAManifestError';
  }
}

/**
 * Reads and parses one manifest file (or stdin, through `read`): the one reader the
 * `lint` command and the cdk8s plugin share. Throws `ManifestInputError` with one
 * line naming the file when it cannot be read or parsed.
 */
export function readManifestFile(file: string, read: () => Uint8Array): ManifestFile {
  let bytes: Uint8Array;
  try {
    bytes = read();
  } catch (e) {
    throw new ManifestInputError(`${file}: ${describeReadError(e as NodeJS.ErrnoException)}`);
  }
  return { file, objects: parseManifestText(decodeManifestText(bytes, file), file) };
}

/** A Node.js `fs` error in a few words, with the fix where there is one. */
export function describeReadError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: make the file readable';
    case 'EISDIR':
      return 'is a directory';
    default:
      return `cannot read: ${error.code ?? error.message}`;
  }
}

/** The Kubernetes objects read from one file (or stdin). */
export interface ManifestFile {
  /** The name to show for the file: the path as given, or `<stdin>`. */
  readonly file: string;
  /** Plain objects, in document order, with `List`s expanded to their items. */
  readonly objects: any[];
}

const YAML_TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';
const UNSUPPORTED_TAG_IDS = ['intTime', 'floatTime', 'timestamp'];

// Kubernetes 1.28 decodes YAML with gopkg.in/yaml.v2 v2.4.0 (through
// sigs.k8s.io/yaml v1.3.0; k8s: go.mod, staging/src/k8s.io/apimachinery/pkg/util/yaml/decoder.go).
// yaml.v2 follows YAML 1.1 for booleans (`yes`, `on`, `y` are true) and octals
// (`0755`), so a linter reading YAML 1.2 would see `privileged: yes` as a string
// and miss it. Untagged plain scalars resolve exactly as yaml.v2's resolve.go
// (see yaml-v2-scalars.ts, shared with the fast reader); the YAML 1.1 tags stay
// for explicit tags, without base-60 numbers (`22:22` stays a string; resolve.go
// "purposefully unsupported") and timestamps (yaml.v2 turns them back into strings).
const YAML_V2_PLAIN_TAG: ScalarTag = {
  tag: 'tag:yaml.org,2002:k8s-yaml-v2-plain',
  default: true,
  // Not the empty scalar (the null tag has it) nor `<<` (the merge key).
  test: /^[-+.~yYnNtTfFoO0-9]/,
  resolve: resolvePlainScalar,
  identify: () => false,
};

function kubernetesYamlTags(tags: Tags): Tags {
  return [YAML_V2_PLAIN_TAG, ...tags.filter((tag) => typeof tag === 'string'
    ? !UNSUPPORTED_TAG_IDS.includes(tag)
    : tag.format !== 'TIME' && tag.tag !== YAML_TIMESTAMP_TAG)];
}

// YAML forbids C0 control characters other than tab, LF and CR (YAML 1.2 §5.1
// c-printable); a NUL or similar byte means the file is not text at all.
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

/**
 * Decodes a manifest's bytes as UTF-8 text, rejecting binary data with a clear
 * message instead of letting the YAML parser report a confusing syntax error.
 */
export function decodeManifestText(bytes: Uint8Array, file: string): string {
  // What TextDecoder('utf-8', { fatal: true }) does, in a fraction of its time.
  if (!isUtf8(bytes)) {
    throw new ManifestInputError(`${file}: binary data (not UTF-8 text): expected a YAML or JSON manifest`);
  }
  const text = withoutByteOrderMark(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  const control = NON_PRINTABLE.exec(text);
  if (control) {
    const { line, col } = new LineCounterAt(text).position(control.index);
    const byte = control[0].charCodeAt(0).toString(16).padStart(2, '0');
    throw new ManifestInputError(`${file}:${line}:${col}: binary data (control byte 0x${byte}): expected a YAML or JSON manifest`);
  }
  return text;
}

// TextDecoder drops a leading byte order mark; Buffer#toString keeps it.
function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Line/column lookup for a text that did not go through the YAML parser. */
class LineCounterAt {
  private readonly counter: LineCounter = new (yaml().LineCounter)();

  constructor(text: string) {
    this.counter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.counter.addNewLine(i + 1);
    }
  }

  public position(offset: number): { line: number; col: number } {
    return this.counter.linePos(offset);
  }
}

/**
 * Parses a multi-document YAML (or JSON, which is YAML) text into Kubernetes
 * objects. Empty documents are skipped; a top-level array and `kind: List`
 * (or any `*List` with `items`) expand to their items.
 */
export function parseManifestText(text: string, file: string): any[] {
  return manifestObjectsFast(text) ?? parseManifestTextExactly(text, file);
}

// The fast reader's objects when it read the text and every document is a
// Kubernetes object; otherwise the exact reader reads it again and reports
// what is wrong with the position, as it always has.
function manifestObjectsFast(text: string): any[] | undefined {
  const read = readYamlFast(text);
  if (!('documents' in read)) {
    return undefined;
  }
  const objects: any[] = [];
  try {
    for (const value of read.documents) {
      if (value === null || value === undefined) {
        continue;
      }
      for (const item of Array.isArray(value) ? value : [value]) {
        collectObject(item, 'fast', objects);
      }
    }
  } catch (e) {
    if (e instanceof NotAManifestError) {
      return undefined;
    }
    throw e;
  }
  return objects;
}

/**
 * `parseManifestText` without the fast reader: the `yaml` package, with positions
 * in its errors. The fast reader must give the same objects (its tests compare them).
 */
export function parseManifestTextExactly(text: string, file: string): any[] {
  const lineCounter = new (yaml().LineCounter)();
  const documents = yaml().parseAllDocuments(text, {
    lineCounter,
    version: '1.1',
    customTags: kubernetesYamlTags,
  });
  const objects: any[] = [];
  let index = 0;
  for (const document of documents) {
    index += 1;
    const where = documentPosition(document, lineCounter, file);
    const value = documentValue(document, lineCounter, file, where);
    if (value === null || value === undefined) {
      continue; // `---` separators around nothing, as kubectl allows
    }
    const label = `document ${index}`;
    if (Array.isArray(value)) {
      value.forEach((item, i) => collectObject(item, `${where}: ${label}, item ${i}`, objects));
    } else {
      collectObject(value, `${where}: ${label}`, objects);
    }
  }
  return objects;
}

function documentPosition(document: Document, lineCounter: LineCounter, file: string): string {
  const offset = document.contents?.range?.[0] ?? document.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return `${file}:${line}:${col}`;
}

function documentValue(document: Document, lineCounter: LineCounter, file: string, where: string): unknown {
  const [error] = document.errors;
  if (error) {
    const position = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
    throw new ManifestInputError(`${file}:${position.line}:${position.col}: malformed YAML/JSON: ${firstLine(error.message)}`);
  }
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Unresolved or exploding aliases only fail here, not in document.errors.
    throw new ManifestInputError(`${where}: malformed YAML/JSON: ${firstLine((e as Error).message)}`);
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function collectObject(value: unknown, label: string, into: any[]): void {
  if (!isPlainObject(value)) {
    throw new NotAManifestError(`${label} is ${describe(value)}, not a Kubernetes object: expected a mapping with apiVersion and kind`);
  }
  if (typeof value.kind !== 'string' || value.kind === '') {
    throw new NotAManifestError(`${label} has no "kind": expected a Kubernetes object with apiVersion and kind`);
  }
  if (isList(value)) {
    value.items.forEach((item: unknown, i: number) => collectObject(item, `${label}, ${value.kind} items[${i}]`, into));
    return;
  }
  into.push(value);
}

// Whatever the kind (`List`, `PodList`, ...), an object whose `items` is an
// array is a list to kubectl, and the objects are the items
// (k8s: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/unstructured.go IsList).
function isList(value: Record<string, any>): value is { kind: string; items: unknown[] } {
  return Array.isArray(value.items);
}

function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (value instanceof Uint8Array) {
    return 'binary data';
  }
  if (value === null) {
    return 'null';
  }
  const shown = JSON.stringify(value) ?? String(value);
  return `a ${typeof value} (${shown.length > 40 ? `${shown.slice(0, 40)}...` : shown})`;
}
