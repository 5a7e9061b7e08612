import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mergeDocuments, readComposeFiles } from '../../src/compose/compose-file';

// Merge rules of the compose specification (13-merge.md), as docker compose -f a -f b applies them.
describe('mergeDocuments', () => {
  const merge = (a: any, b: any) => mergeDocuments({ services: { s: a } }, { services: { s: b } }).services.s;

  test('scalars of the later file win; mappings merge recursively', () => {
    expect(merge({ image: 'a:1', deploy: { replicas: 1, resources: { limits: { memory: '1g' } } } }, { image: 'b:2', deploy: { resources: { limits: { cpus: '1' } } } }))
      .toEqual({ image: 'b:2', deploy: { replicas: 1, resources: { limits: { memory: '1g', cpus: '1' } } } });
  });

  test('command, entrypoint and healthcheck.test are replaced', () => {
    expect(merge({ command: ['a', 'b'], entrypoint: ['x'], healthcheck: { test: ['CMD', 'a'], retries: 3 } }, { command: ['c'], entrypoint: 'y', healthcheck: { test: ['CMD', 'b'] } }))
      .toEqual({ command: ['c'], entrypoint: 'y', healthcheck: { test: ['CMD', 'b'], retries: 3 } });
  });

  test('environment, labels and depends_on merge as mappings, whatever their form', () => {
    expect(merge({ environment: ['A=1', 'B=2'], labels: { x: '1' }, depends_on: ['db'] }, { environment: { B: '3', C: null }, labels: ['y=2'], depends_on: { cache: { condition: 'service_healthy' } } }))
      .toEqual({ environment: { A: '1', B: '3', C: null }, labels: { x: '1', y: '2' }, depends_on: { db: null, cache: { condition: 'service_healthy' } } });
  });

  test('volumes merge by target and ports by container port; other sequences append without repeats', () => {
    expect(merge(
      { volumes: ['./a:/data', 'logs:/logs'], ports: ['8080:80', '443'], cap_add: ['A'], expose: ['1'] },
      { volumes: [{ type: 'volume', source: 'data', target: '/data' }], ports: ['9090:80'], cap_add: ['A', 'B'], expose: ['2'] },
    )).toEqual({
      volumes: [{ type: 'volume', source: 'data', target: '/data' }, 'logs:/logs'],
      ports: ['9090:80', '443'],
      cap_add: ['A', 'B'],
      expose: ['1', '2'],
    });
  });

  test('a service only in the override is added', () => {
    expect(mergeDocuments({ services: { a: { image: 'a:1' } } }, { services: { b: { image: 'b:1' } } }).services).toEqual({ a: { image: 'a:1' }, b: { image: 'b:1' } });
  });
});

describe('readComposeFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-file-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('.env of the first file\'s directory, overridden by the environment; YAML 1.2 core: yes and on stay strings', () => {
    fs.writeFileSync(path.join(dir, '.env'), 'A=from-dotenv\nB=from-dotenv\n');
    fs.writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  s:\n    image: "x:${A}-${B}"\n    environment: { FLAG: yes, ON: on, N: 010 }\n');
    const source = readComposeFiles([path.join(dir, 'compose.yaml')], { B: 'from-env' });
    expect(source.document.services.s.image).toBe('x:from-dotenv-from-env');
    expect(source.document.services.s.environment).toEqual({ FLAG: 'yes', ON: 'on', N: 10 });
    expect(source.serviceFiles.get('s')).toBe(path.join(dir, 'compose.yaml'));
  });

  test('anchors and << merge keys are resolved', () => {
    fs.writeFileSync(path.join(dir, 'compose.yaml'), 'x-base: &base\n  image: x:1\n  restart: always\nservices:\n  s:\n    <<: *base\n    restart: "no"\n');
    expect(readComposeFiles([path.join(dir, 'compose.yaml')], {}).document.services.s).toEqual({ image: 'x:1', restart: 'no' });
  });

  test.each([
    ['duplicate keys', 'services:\n  s: {}\n  s: {}\n', /yaml: malformed YAML/],
    ['a list at the root', '- a\n', /<root>: a compose file must be a mapping/],
    ['an empty file', '', /services: the file is empty/],
    ['include', 'include: [a.yaml]\nservices: {}\n', /include: include is not supported/],
    ['a version 1 file', 'web:\n  image: x:1\n', /web: unknown top-level key: .*version 1 file/],
  ])('%s is refused', (_, text, pattern) => {
    fs.writeFileSync(path.join(dir, 'compose.yaml'), text);
    expect(() => readComposeFiles([path.join(dir, 'compose.yaml')], {})).toThrow(pattern);
  });
});
