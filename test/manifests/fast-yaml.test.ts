import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { FastYamlFallback, readYamlFast } from '../../src/manifests/fast-yaml';
import { parseManifestText, parseManifestTextExactly } from '../../src/manifests/read-manifests';
import { loadCorpus } from '../differential/corpus';

const TEST_DIR = path.join(__dirname, '..');

function yamlFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : yamlFilesUnder(full);
    return /\.(ya?ml|json)$/.test(entry.name) ? [full] : [];
  });
}

/** What a reader gives for `text`: the objects, or the error it throws. */
function outcome(read: (text: string, file: string) => any[], text: string): unknown {
  try {
    return { objects: read(text, 'f.yaml') };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

function withLongStringsCut(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 4096 ? value.slice(0, 4096) : value;
  if (Array.isArray(value)) return value.map(withLongStringsCut);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withLongStringsCut(item)]));
}

function fallbackOf(text: string): FastYamlFallback | undefined {
  const result = readYamlFast(text);
  return 'fallback' in result ? result.fallback : undefined;
}

describe('readYamlFast declines what only the exact reader reads right', () => {
  test.each([
    ['an anchor and its alias', 'kind: A\na: &x 1\nb: *x\n', FastYamlFallback.ANCHOR_OR_ALIAS],
    ['an anchor on a mapping', 'kind: A\na: &x {b: 1}\n', FastYamlFallback.ANCHOR_OR_ALIAS],
    ['an alias to an unknown anchor', 'kind: A\nb: *nowhere\n', FastYamlFallback.ANCHOR_OR_ALIAS],
    ['an explicit !!str tag', 'kind: A\nv: !!str 10\n', FastYamlFallback.TAG],
    ['an explicit !!int tag', 'kind: A\nv: !!int "10"\n', FastYamlFallback.TAG],
    ['the non-specific tag !', 'kind: A\nv: ! 10\n', FastYamlFallback.TAG],
    ['a local tag on a mapping', 'kind: A\nv: !thing {a: 1}\n', FastYamlFallback.TAG],
    ['a %YAML directive', '%YAML 1.1\n---\nkind: A\n', FastYamlFallback.DIRECTIVE],
    ['a %TAG directive', '%TAG !y! tag:yaml.org,2002:\n---\nkind: A\n', FastYamlFallback.DIRECTIVE],
    ['a merge key', 'kind: A\nbase: &b {x: 1}\nm:\n  <<: *b\n', FastYamlFallback.MERGE_KEY],
    ['"<<" anywhere, even in a string', 'kind: A\nv: "a << b"\n', FastYamlFallback.MERGE_KEY],
    // sigs.k8s.io/yaml (yaml.go convertToJSONableObject) turns such keys into strings its own way, or fails.
    ['a null key', 'kind: A\n~: x\n', FastYamlFallback.NON_STRING_KEY],
    ['an empty key in a flow mapping', 'kind: A\nv: {: x}\n', FastYamlFallback.NON_STRING_KEY],
    ['a boolean key (YAML 1.1 y)', 'kind: A\ny: x\n', FastYamlFallback.NON_STRING_KEY],
    ['a float key', 'kind: A\nm: {1.50: x}\n', FastYamlFallback.NON_STRING_KEY],
    ['an integer key in a nested mapping', 'kind: A\nm:\n  s: [a, b]\n  0x10: x\n', FastYamlFallback.NON_STRING_KEY],
    // libyaml (and the yaml package) limit an implicit key to 1024 characters; js-yaml does not.
    ['an implicit key of 1,100 characters', `kind: A\n${'k'.repeat(1100)}: 1\n`, FastYamlFallback.LONG_KEY],
    ['a syntax error', 'kind: A\nv: [1, 2\n', FastYamlFallback.UNREADABLE],
    ['a complex (sequence) key', 'kind: A\n? [a, b]\n: x\n', FastYamlFallback.UNREADABLE],
    ['a duplicate key', 'kind: A\nkind: B\n', FastYamlFallback.UNREADABLE],
    ['a tab used for indentation', 'kind: A\nv:\n\tx: 1\n', FastYamlFallback.UNREADABLE],
  ])('%s', (_label, text, reason) => {
    expect(fallbackOf(text)).toBe(reason);
    // Declined or not, lint sees what the exact reader sees, errors included.
    expect(outcome(parseManifestText, text)).toEqual(outcome(parseManifestTextExactly, text));
  });

  test.each([
    ['quoted keys that look like numbers, booleans or null', 'kind: A\n"1": a\n\'yes\': b\n"": c\n"~": d\n'],
    ['values (not keys) that resolve', 'kind: A\nv: [yes, ~, 1.5, {a: 0x10}]\nw: ~\n'],
    ['keys inside sequences of mappings', 'kind: A\nl:\n- name: a\n  on_call: x\n- {name: b, value: 1}\n'],
    ['a __proto__ key (an own property, never the prototype)', 'kind: A\n__proto__: {polluted: 1}\n'],
  ])('reads %s', (_label, text) => {
    expect(fallbackOf(text)).toBeUndefined();
    expect(outcome(parseManifestText, text)).toEqual(outcome(parseManifestTextExactly, text));
    const [object] = parseManifestText(text, 'f.yaml');
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(({} as any).polluted).toBeUndefined();
  });

  test('reads a plain multi-document stream', () => {
    const result = readYamlFast('kind: A\nv: yes\n---\n---\nkind: B\nmode: 0755\n');
    expect(result).toEqual({ documents: [{ kind: 'A', v: true }, null, { kind: 'B', mode: 493 }] });
  });

  test.each([
    ['a scalar document', 'just text\n'],
    ['a document without kind', 'apiVersion: v1\nmetadata: {name: a}\n'],
    ['a list item that is not an object', '- kind: A\n- 3\n'],
    ['a List item without kind', 'kind: List\nitems:\n- {kind: A}\n- {metadata: {}}\n'],
  ])('leaves %s to the exact reader, which names it with its position', (_label, text) => {
    expect(fallbackOf(text)).toBeUndefined();
    const exact = outcome(parseManifestTextExactly, text);
    expect(exact).toEqual({ error: expect.stringMatching(/^NotAManifestError: f\.yaml:\d+:\d+: /) });
    expect(outcome(parseManifestText, text)).toEqual(exact);
  });

  test('keeps numbers JSON cannot carry (.nan, .inf, -0.0)', () => {
    const [object] = parseManifestText('kind: A\nnan: .nan\ninf: -.inf\nzero: -0.0\n', 'f.yaml');
    expect(object).toEqual({ kind: 'A', nan: NaN, inf: -Infinity, zero: -0 });
    expect(Object.is(object.zero, -0)).toBe(true);
  });
});

describe('the fast reader gives the exact reader\'s objects', () => {
  const files = yamlFilesUnder(TEST_DIR);

  test('there are YAML and JSON fixtures to compare', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  test.each(files.map((file) => [path.relative(TEST_DIR, file), file]))('test/%s', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8');
    expect(outcome(parseManifestText, text)).toEqual(outcome(parseManifestTextExactly, text));
  });

  // The corpus's 1 MiB ConfigMap/Secret values are cut to 4 KiB: their size
  // tests the engine, not the readers, and would make this test take minutes.
  // Every object is read as YAML, one in five also as JSON (the `yaml`
  // package reads JSON slowly, and JSON has no plain scalars to resolve).
  test('every object of the differential corpus as YAML, one in five as JSON', () => {
    const { entries } = loadCorpus();
    expect(entries.length).toBeGreaterThan(3000);
    let read = 0;
    entries.forEach(({ id, object: full }, index) => {
      const object = withLongStringsCut(full);
      const texts = [stringify(object, { version: '1.1' })];
      if (index % 5 === 0) texts.push(JSON.stringify(object, null, 1));
      for (const text of texts) {
        const fast = outcome(parseManifestText, text);
        const exact = outcome(parseManifestTextExactly, text);
        if (JSON.stringify(fast) !== JSON.stringify(exact)) {
          expect({ id, text, fast }).toEqual({ id, text, fast: exact });
        }
        read += 'objects' in (fast as object) ? 1 : 0;
      }
    });
    // Nearly all of the corpus are objects with a kind: both readers must have read them.
    expect(read).toBeGreaterThan(entries.length * 0.9);
  });
});
