import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ImportComposeIo, IMPORT_COMPOSE_USAGE, runImportCompose } from '../../src/cli/import-compose-command';
import { ExitCode } from '../../src/cli/lint-command';
import { main } from '../../src/cli/main';
import { ComposeImporter } from '../../src/compose/compose-importer';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'compose');
const BAD = path.join(FIXTURES, 'bad');

function run(argv: string[], environment: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const io: ImportComposeIo = {
    writeFile: (file, text) => {
      if (file.startsWith('/nonexistent/')) throw Object.assign(new Error('no such directory'), { code: 'ENOENT' });
      written.set(file, text);
    },
    stdout: text => out.push(text),
    stderr: text => err.push(text),
    environment,
  };
  const code = runImportCompose(argv, io);
  return { code, stdout: out.join(''), stderr: err.join(''), written };
}

/** Exit 2, exactly one line on stderr, nothing on stdout, no stack trace. */
function expectOneLineError(result: ReturnType<typeof run>, pattern: RegExp): void {
  expect(result.stderr).toMatch(pattern);
  expect(result.code).toBe(ExitCode.USAGE);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('import-compose: a project that cannot be converted faithfully is one line naming file, service and key, exit 2', () => {
  const bad = (name: string) => path.join(BAD, name);
  test.each([
    ['malformed YAML, with line and column', 'malformed.yaml', /malformed\.yaml:4:1: yaml: malformed YAML: /],
    ['an unknown top-level key', 'unknown-top-level.yaml', /unknown-top-level\.yaml: servers: unknown top-level key/],
    ['depends_on a missing service', 'missing-dependency.yaml', /missing-dependency\.yaml: service "web": depends_on\.db: no service named "db"/],
    ['a cycle in depends_on', 'cycle.yaml', /cycle\.yaml: service "c": depends_on\.a: dependency cycle a → b → c → a/],
    ['a port range', 'port-range.yaml', /port-range\.yaml: service "web": ports: port range "8000-8005" cannot be converted/],
    ['a name that cannot be normalised', 'invalid-name.yaml', /invalid-name\.yaml: service "1web": name: cannot be normalised to a Kubernetes Service name/],
    ['build without image and no --image-registry', 'build-without-image.yaml', /build-without-image\.yaml: service "app": build: has no image: .*--image-registry/],
    ['service_healthy on a service without healthcheck', 'healthy-without-healthcheck.yaml', /service "db": healthcheck: service_healthy is required/],
    ['a restart value Docker rejects', 'bad-restart.yaml', /service "web": restart: docker --restart "sometimes": invalid restart policy/],
    ['an unknown service key', 'unknown-service-key.yaml', /service "web": prots: not a compose service key/],
    ['a required variable without value', 'required-variable.yaml', /service "web": image: required variable IMAGE is missing a value: set IMAGE to the image to run/],
    ['an unclosed quote in a command', 'unclosed-quote.yaml', /service "web": command: .* has an unclosed quote/],
    ['two names that normalise alike', 'name-clash.yaml', /service "web-app": name: normalises to "web-app", like service "web_app"/],
    ['an undeclared named volume', 'undeclared-volume.yaml', /service "web": volumes: named volume "data" is not declared/],
    ['a missing file', 'no-such-file.yaml', /no-such-file\.yaml: file: cannot read .*: it does not exist; check the path/],
  ])('%s', (_, file, pattern) => {
    const result = run([bad(file)]);
    expectOneLineError(result, pattern);
    expect(result.stderr).toContain(bad(file));
  });
});

describe('import-compose: usage', () => {
  test('--help prints the usage, exit 0', () => {
    expect(run(['--help'])).toMatchObject({ code: ExitCode.CLEAN, stdout: IMPORT_COMPOSE_USAGE, stderr: '' });
  });

  test.each([
    [[], /no compose file given/],
    [['--profile', 'strict', 'x.yaml'], /unknown profile "strict": use one of privileged, baseline, restricted/],
    [['--bogus', 'x.yaml'], /Unknown option '--bogus'/],
  ])('%j is a one-line usage error', (argv, pattern) => {
    expectOneLineError(run(argv as string[]), pattern);
  });

  test('an unwritable --out is a one-line error', () => {
    expectOneLineError(run([path.join(FIXTURES, 'interpolation', 'compose.yaml'), '--out', '/nonexistent/main.ts']), /cannot write "\/nonexistent\/main\.ts" \(ENOENT\)/);
  });
});

describe('import-compose: converting', () => {
  const files = [path.join(FIXTURES, 'override', 'compose.yaml'), path.join(FIXTURES, 'override', 'compose.override.yaml')];

  test('writes the same code as ComposeImporter, to stdout or --out, exit 0', () => {
    const expected = ComposeImporter.fromFiles(files, { environment: {} }).toTypeScript();
    expect(run(files)).toMatchObject({ code: ExitCode.CLEAN, stdout: expected });
    const result = run([...files, '--out', 'main.ts']);
    expect(result.code).toBe(ExitCode.CLEAN);
    expect(result.stdout).toBe('');
    expect(result.written.get('main.ts')).toBe(expected);
  });

  test('every ignored key is a warning on stderr, and in the header', () => {
    const spec = path.join(FIXTURES, 'spec', 'compose.yaml');
    const result = run([spec]);
    expect(result.code).toBe(ExitCode.CLEAN);
    const warnings = result.stderr.trimEnd().split('\n');
    expect(warnings.length).toBeGreaterThan(5);
    for (const line of warnings) expect(line).toMatch(/^cdk8s-pod-patterns import-compose: warning: /);
    expect(result.stderr).toContain(`${spec}: service "front_end": networks: not carried over`);
    expect(result.stderr).toContain(`${spec}: service "front_end": x-notes: not carried over`);
    expect(result.stdout).toContain('//   - compose.yaml: service "front_end": networks: not carried over');
  });

  test('--profile, --chart, --image-registry and --image-tag reach the code', () => {
    const result = run([path.join(FIXTURES, 'build', 'compose.yaml'), '--profile', 'baseline', '--chart', 'my-app', '--image-registry', 'reg.example/x', '--image-tag', '9.9.9']);
    expect(result.code).toBe(ExitCode.CLEAN);
    expect(result.stdout).toContain('export class MyAppChart extends Chart');
    expect(result.stdout).toContain('new MyAppChart(app, \'my-app\');');
    expect(result.stdout).toContain('image: \'reg.example/x/app:9.9.9\'');
    expect(result.stdout).not.toContain('SecurityProfile.RESTRICTED,');
  });

  test('the environment given to the command is used for interpolation', () => {
    const result = run([path.join(FIXTURES, 'interpolation', 'compose.yaml')], { TAG: '7.7.7', RESTART: 'always' });
    expect(result.stdout).toContain('image: \'docker.io/library/httpd:7.7.7\'');
  });
});

test('through main: import-compose is dispatched; a real --out file is written', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-compose-'));
  const out = path.join(dir, 'main.ts');
  const lintIo = {
    readFile: fs.readFileSync,
    readStdin: () => new Uint8Array(),
    pathKind: () => undefined,
    listDirectory: () => [],
    stdout: () => {},
    stderr: () => {},
  };
  const err: string[] = [];
  const composeIo: ImportComposeIo = { writeFile: fs.writeFileSync, stdout: () => {}, stderr: text => err.push(text), environment: {} };
  try {
    expect(main(['import-compose', path.join(FIXTURES, 'override', 'compose.yaml'), '--out', out], lintIo, composeIo)).toBe(ExitCode.CLEAN);
    expect(fs.readFileSync(out, 'utf-8')).toContain('export class OverrideChart extends Chart');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
