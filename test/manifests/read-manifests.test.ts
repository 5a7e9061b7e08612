import * as fs from 'fs';
import { decodeManifestText, describeReadError, ManifestInputError, parseManifestText, readManifestFile } from '../../src/manifests/read-manifests';
import { fixture } from '../support/fixtures';

// Documents with a kind, so that only stream splitting is under test.
const A = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
const B = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n';

function names(text: string, file = 'f.yaml'): string[] {
  return parseManifestText(text, file).map((object) => `${object.kind}/${object.metadata?.name}`);
}

function parseError(text: string, file = 'f.yaml'): string {
  try {
    parseManifestText(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ManifestInputError);
    return (e as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe('parseManifestText: document streams', () => {
  // k8s: staging/src/k8s.io/apimachinery/pkg/util/yaml/decoder_test.go TestYAMLOrJSONDecoder (accepted cases)
  test.each([
    ['two documents', `${A}---\n${B}`, ['ConfigMap/a', 'ConfigMap/b']],
    ['trailing separator and newline', `${A}---\n`, ['ConfigMap/a']],
    ['trailing separator without newline', `${A}---`, ['ConfigMap/a']],
    ['leading separator and blank document', `---\n${A}\n---   \n  `, ['ConfigMap/a']],
    ['empty input', '', []],
    ['whitespace before a JSON object', ' \n{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}', ['ConfigMap/a']],
  ])('accepts %s (decoder_test.go)', (_label, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  // k8s: decoder_test.go TestYAMLOrJSONDecoder (rejected: "foo: bar\n--", "foo: bar\n-")
  test.each([
    ['a truncated separator', `${A}--`],
    ['a dangling sequence dash', `${A}-`],
  ])('rejects %s with file and line:column', (_label, text) => {
    expect(parseError(text)).toMatch(/^f\.yaml:5:1: malformed YAML\/JSON: /);
  });

  test('skips empty documents between objects, as kubectl does', () => {
    expect(names(`---\n---\n${A}---\n# only a comment\n---\n${B}`)).toEqual(['ConfigMap/a', 'ConfigMap/b']);
  });
});

describe('parseManifestText: syntax errors carry the position', () => {
  // k8s: decoder_test.go TestDecodeBrokenYAML expects "yaml: line 3:" for a tab-indented line 3.
  test('a tab used for indentation on line 3', () => {
    expect(parseError('---\nstuff: 1\n\t\ttest-foo: 1\n\n---\n  ', 'broken.yaml')).toMatch(/^broken\.yaml:3:1: malformed YAML\/JSON: Tabs are not allowed as indentation/);
  });

  // k8s: decoder_test.go TestDecodeBrokenJSON: the missing comma after `"stuff": 1` (line 3).
  test('a JSON object with a missing comma', () => {
    const json = '{\n\t"foo": {\n\t\t"stuff": 1\n\t\t"otherStuff": 2\n\t}\n}\n  ';
    expect(parseError(json, 'broken.json')).toMatch(/^broken\.json:3:\d+: malformed YAML\/JSON: /);
  });

  test('the fixture with a tab-indented key names line 8', () => {
    const text = fs.readFileSync(fixture('malformed-tab.yaml'), 'utf-8');
    expect(parseError(text, 'malformed-tab.yaml')).toMatch(/^malformed-tab\.yaml:8:\d+: malformed YAML\/JSON: /);
  });

  test('the message is a single line', () => {
    expect(parseError('a: b: c\n')).not.toContain('\n');
  });

  // Kubernetes decodes strictly enough to reject duplicate fields; a linter that
  // silently kept the last `privileged:` could pass a manifest the cluster reads differently.
  test('rejects a duplicate key', () => {
    expect(parseError(`${A}metadata:\n  name: again\n`)).toMatch(/^f\.yaml:5:1: malformed YAML\/JSON: Map keys must be unique/);
  });

  test('rejects an alias to an anchor that does not exist', () => {
    expect(parseError('apiVersion: v1\nkind: ConfigMap\ndata: *missing\n')).toMatch(/^f\.yaml:1:1: malformed YAML\/JSON: Unresolved alias/);
  });
});

describe('parseManifestText: YAML 1.1 scalars, as Kubernetes reads them', () => {
  // k8s 1.28 go.mod: sigs.k8s.io/yaml v1.3.0 on gopkg.in/yaml.v2 v2.4.0;
  // vendor/gopkg.in/yaml.v2/resolve.go resolveMapList.
  test.each([
    ['yes', true], ['Yes', true], ['on', true], ['y', true], ['true', true],
    ['no', false], ['Off', false], ['n', false], ['false', false],
  ])('reads `privileged: %s` as %s', (literal, expected) => {
    const [pod] = parseManifestText(`apiVersion: v1\nkind: Pod\nspec:\n  privileged: ${literal}\n`, 'f.yaml');
    expect(pod.spec.privileged).toBe(expected);
  });

  // resolve.go: strconv.ParseInt(plain, 0, 64) reads a leading 0 as octal.
  test('reads `defaultMode: 0644` as octal 420', () => {
    const [pod] = parseManifestText('apiVersion: v1\nkind: Pod\nspec:\n  defaultMode: 0644\n', 'f.yaml');
    expect(pod.spec.defaultMode).toBe(0o644);
  });

  // resolve.go: "Base 60 floats ... are purposefully unsupported here".
  test('keeps `22:22` a string (no base-60 numbers)', () => {
    const [svc] = parseManifestText('apiVersion: v1\nkind: Service\nspec:\n  note: 22:22\n', 'f.yaml');
    expect(svc.spec.note).toBe('22:22');
  });

  test('keeps a date a string', () => {
    const [cm] = parseManifestText('apiVersion: v1\nkind: ConfigMap\ndata:\n  day: 2001-12-14\n', 'f.yaml');
    expect(cm.data.day).toBe('2001-12-14');
  });

  test('keeps quoted "yes" a string', () => {
    const [cm] = parseManifestText('apiVersion: v1\nkind: ConfigMap\ndata:\n  answer: "yes"\n', 'f.yaml');
    expect(cm.data.answer).toBe('yes');
  });
});

describe('parseManifestText: lists', () => {
  test('a kind: List JSON file expands to its items', () => {
    const text = fs.readFileSync(fixture('pod-list.json'), 'utf-8');
    expect(names(text, 'pod-list.json')).toEqual(['ConfigMap/settings', 'Pod/host-network-pod']);
  });

  test('a typed list (PodList) expands to its items', () => {
    const text = 'apiVersion: v1\nkind: PodList\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p1\n';
    expect(names(text)).toEqual(['Pod/p1']);
  });

  test('a List inside a List expands all the way', () => {
    const inner = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'deep' } }] };
    expect(names(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [inner] }))).toEqual(['ConfigMap/deep']);
  });

  test('a top-level JSON array expands to its items', () => {
    expect(names(JSON.stringify([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }]))).toEqual(['ConfigMap/x']);
  });

  // k8s: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/unstructured.go IsList:
  // `items` holding an array makes a list, whatever the kind; anything else is an object.
  test('a kind ending in List but without items is an ordinary object', () => {
    expect(names('apiVersion: example.com/v1\nkind: AllowList\nmetadata:\n  name: ips\n')).toEqual(['AllowList/ips']);
  });

  test('an object whose items is not an array is an ordinary object', () => {
    expect(names('apiVersion: example.com/v1\nkind: Inventory\nmetadata:\n  name: i\nitems: 3\n')).toEqual(['Inventory/i']);
  });
});

describe('parseManifestText: documents that are not Kubernetes objects', () => {
  test('a scalar document is rejected with its document number and line', () => {
    const text = fs.readFileSync(fixture('scalar-document.yaml'), 'utf-8');
    expect(parseError(text, 'scalar-document.yaml')).toBe(
      'scalar-document.yaml:6:1: document 2 is a string ("just a sentence, not an object"), not a Kubernetes object: expected a mapping with apiVersion and kind',
    );
  });

  test('a list item that is a number is rejected', () => {
    expect(parseError('apiVersion: v1\nkind: List\nitems:\n- 42\n')).toMatch(/^f\.yaml:1:1: document 1, List items\[0\] is a number \(42\), not a Kubernetes object/);
  });

  test('a mapping without kind is rejected', () => {
    expect(parseError('apiVersion: v1\nmetadata:\n  name: x\n')).toBe(
      'f.yaml:1:1: document 1 has no "kind": expected a Kubernetes object with apiVersion and kind',
    );
  });
});

describe('decodeManifestText', () => {
  test('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeManifestText(Buffer.from('\ufeffkind: Pod\n', 'utf-8'), 'f.yaml')).toBe('kind: Pod\n');
  });

  test('rejects bytes that are not UTF-8', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]);
    expect(() => decodeManifestText(png, 'logo.yaml')).toThrow(
      new ManifestInputError('logo.yaml: binary data (not UTF-8 text): expected a YAML or JSON manifest'),
    );
  });

  // What TextDecoder('utf-8', { fatal: true }) rejects (WHATWG Encoding, UTF-8 decoder).
  test.each([
    ['an overlong encoding of /', [0xc0, 0xaf]],
    ['a UTF-16 surrogate encoded as UTF-8 (CESU-8)', [0xed, 0xa0, 0x80]],
    ['a truncated sequence at the end', [0x6b, 0x3a, 0x20, 0xe2, 0x82]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('rejects %s as binary data', (_label, bytes) => {
    expect(() => decodeManifestText(Uint8Array.from(bytes), 'f.yaml')).toThrow(/^f\.yaml: binary data \(not UTF-8 text\)/);
  });

  test('decodes only the bytes of a view into a larger buffer', () => {
    const whole = Buffer.from('xxkind: Pod\nyy');
    expect(decodeManifestText(whole.subarray(2, 12), 'f.yaml')).toBe('kind: Pod\n');
  });

  // YAML 1.2 §5.1: c-printable excludes C0 controls other than tab, LF, CR.
  test('rejects valid UTF-8 that holds a NUL byte, with its position', () => {
    expect(() => decodeManifestText(Buffer.from('kind: Pod\nname: a\u0000b\n'), 'f.yaml')).toThrow(
      'f.yaml:2:8: binary data (control byte 0x00): expected a YAML or JSON manifest',
    );
  });

  test('accepts tabs and CRLF line endings', () => {
    expect(decodeManifestText(Buffer.from('kind: Pod\r\ndata:\t{}\r\n'), 'f.yaml')).toBe('kind: Pod\r\ndata:\t{}\r\n');
  });
});

describe('readManifestFile (shared by lint and the plugin)', () => {
  test('reads and parses a file', () => {
    expect(readManifestFile('a.yaml', () => Buffer.from(A)).objects.map((o) => o.metadata.name)).toEqual(['a']);
  });

  test('a read error becomes one ManifestInputError line naming the file', () => {
    const missing = () => {
      throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    };
    expect(() => readManifestFile('gone.yaml', missing)).toThrow(new ManifestInputError('gone.yaml: no such file or directory'));
  });

  test.each([
    ['ENOENT', 'no such file or directory'],
    ['EACCES', 'permission denied: make the file readable'],
    ['EPERM', 'permission denied: make the file readable'],
    ['EISDIR', 'is a directory'],
    ['EIO', 'cannot read: EIO'],
  ])('describeReadError %s', (code, text) => {
    expect(describeReadError(Object.assign(new Error('x'), { code }))).toBe(text);
  });
});
