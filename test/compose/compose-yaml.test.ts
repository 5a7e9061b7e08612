import { ComposeError } from '../../src/compose/compose-error';
import { MAX_DEPTH, MAX_EXPANDED_NODES, parseComposeText } from '../../src/compose/compose-yaml';

function refusal(text: string): string {
  try {
    parseComposeText(text, 'c.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ComposeError);
    const message = (e as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error('not refused');
}

describe('anchors and merge keys, as compose-go (yaml.v3) reads them', () => {
  test('<<: *a and <<: [*a, *b]: explicit keys win, then the first mapping listed (YAML merge key spec)', () => {
    const doc: any = parseComposeText([
      'x-a: &a { image: "a:1", restart: always, environment: { A: "1" } }',
      'x-b: &b { image: "b:1", user: "1000" }',
      'services:',
      '  one: { <<: *a }',
      '  two: { <<: [*a, *b] }',
      '  three: { <<: [*b, *a], restart: "no" }',
    ].join('\n'), 'c.yaml');
    expect(doc.services.one).toEqual({ image: 'a:1', restart: 'always', environment: { A: '1' } });
    expect(doc.services.two).toEqual({ image: 'a:1', restart: 'always', environment: { A: '1' }, user: '1000' });
    expect(doc.services.three).toEqual({ image: 'b:1', user: '1000', restart: 'no', environment: { A: '1' } });
  });

  test('the scale of large self-hosted products: 400 services merging nested anchors, hundreds of aliases', () => {
    const lines = [
      'x-restart: &restart { restart: unless-stopped }',
      'x-logging: &logging { logging: { driver: json-file, options: { max-size: 10m } } }',
      'x-defaults: &defaults',
      '  <<: [*restart, *logging]',
      '  image: "app:1.0"',
      '  environment: &env { A: "1", B: "2", C: "3" }',
      '  depends_on: &deps { db: { condition: service_healthy } }',
      'services:',
      ...Array.from({ length: 400 }, (_, i) => `  s${i}: { <<: *defaults, environment: { <<: *env, N: "${i}" }, depends_on: *deps, labels: *env }`),
    ];
    const started = Date.now();
    const doc: any = parseComposeText(lines.join('\n'), 'c.yaml');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(Object.keys(doc.services)).toHaveLength(400);
    expect(doc.services.s399).toEqual({
      restart: 'unless-stopped',
      logging: { driver: 'json-file', options: { 'max-size': '10m' } },
      image: 'app:1.0',
      environment: { A: '1', B: '2', C: '3', N: '399' },
      depends_on: { db: { condition: 'service_healthy' } },
      labels: { A: '1', B: '2', C: '3' },
    });
  });
});

describe('alias bombs are refused quickly, in bounded memory, in one line with file:line:column', () => {
  // the classic "billion laughs": 10 levels of 10 aliases, 10^10 nodes expanded
  const bomb = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ...'bcdefghij'.split('').map((l, i) => {
      const prev = 'abcdefghij'[i];
      return `${l}: &${l} [${Array(10).fill(`*${prev}`).join(',')}]`;
    }),
    'services: { x: { image: *j } }',
  ].join('\n');

  test('billion laughs', () => {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    const message = refusal(bomb);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    expect(message).toMatch(new RegExp(`^c\\.yaml:\\d+:\\d+: yaml: its aliases expand to more than ${MAX_EXPANDED_NODES} nodes \\(an alias bomb`));
  });

  test('a quadratic blow-up through merge keys is counted too', () => {
    const lines = ['x0: &x0 { k: v }'];
    for (let i = 1; i <= 30; i++) lines.push(`x${i}: &x${i} { a: *x${i - 1}, b: *x${i - 1} }`);
    expect(refusal([...lines, 'services: { s: { <<: *x30 } }'].join('\n'))).toMatch(/^c\.yaml:\d+:\d+: yaml: its aliases expand to more than/);
  });
});

describe('malformed YAML: one line with file:line:column', () => {
  test.each([
    ['a tab-indented block', 'services:\n  web:\n\timage: x\n', /^c\.yaml:3:1: yaml: malformed YAML: /],
    ['a duplicate key', 'services:\n  web: { image: a }\n  web: { image: b }\n', /^c\.yaml:3:3: yaml: malformed YAML: Map keys must be unique/],
    ['an unclosed flow sequence', 'services: { web: { ports: [80 }\n', /^c\.yaml:1:\d+: yaml: malformed YAML: /],
    ['two documents', 'services: {}\n---\nservices: {}\n', /^c\.yaml:2:1: yaml: holds 2 YAML documents \(separated by ---\): put each in its own file/],
  ])('%s', (_, text, pattern) => {
    expect(refusal(text)).toMatch(pattern);
  });

  test.each([
    ['a list', 'x: &l [a, b]\nservices:\n  s:\n    <<: *l\n', 'c.yaml:4:9'],
    ['a scalar in a list of sources', 'x: &m { a: 1 }\ny: &v 2\nservices:\n  s:\n    <<: [*m, *v]\n', 'c.yaml:5:14'],
  ])('a merge key (<<) whose source is %s', (_, text, at) => {
    expect(refusal(text)).toBe(`${at}: yaml: a merge key (<<) needs a mapping or a list of mappings: compose cannot read it either`);
  });

  test('a quoted "<<" is an ordinary key, not a merge key', () => {
    expect(parseComposeText('x: &l [a]\nservices: { s: { "<<": *l } }\n', 'c.yaml')).toEqual({ x: ['a'], services: { s: { '<<': ['a'] } } });
  });

  test('an alias without anchor', () => {
    expect(refusal('services:\n  web: *nope\n')).toBe('c.yaml:2:8: yaml: alias *nope has no anchor &nope before it');
  });

  test('a recursive alias', () => {
    expect(refusal('x: &a [1, *a]\nservices: {}\n')).toMatch(/^c\.yaml:1:\d+: yaml: (alias \*a refers to the node that contains it|malformed YAML)/);
  });

  test(`nesting deeper than ${MAX_DEPTH} levels`, () => {
    const deep = `services: ${'['.repeat(MAX_DEPTH + 5)}${']'.repeat(MAX_DEPTH + 5)}\n`;
    expect(refusal(deep)).toMatch(new RegExp(`^c\\.yaml:1:\\d+: yaml: nested deeper than ${MAX_DEPTH} levels`));
  });

  test('nesting that would exhaust the parser\'s stack is one line too', () => {
    expect(refusal(`services: ${'['.repeat(20_000)}`)).toMatch(/^c\.yaml(:\d+:\d+)?: yaml: /);
  });
});
