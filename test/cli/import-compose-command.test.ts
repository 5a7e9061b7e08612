import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ImportComposeIo, IMPORT_COMPOSE_USAGE, nodeImportComposeIo, runImportCompose } from '../../src/cli/import-compose-command';
import { ExitCode } from '../../src/cli/lint-command';
import { main } from '../../src/cli/main';
import { ComposeImporter } from '../../src/compose/compose-importer';
import { KubernetesVersion } from '../../src/k8s/kubernetes-version';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'compose');
const BAD = path.join(FIXTURES, 'bad');

function run(argv: string[], environment: Record<string, string> = {}, existing: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const io: ImportComposeIo = {
    exists: file => existing.includes(file),
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
    ['a restart value Docker rejects', 'bad-restart.yaml', /service "web": restart: docker --restart "sometimes": invalid restart policy/],
    ['an unknown service key', 'unknown-service-key.yaml', /service "web": prots: not a compose service key/],
    ['a required variable without value, where values are resolved at import', 'required-variable.yaml', /service "web": ports\.0: required variable PORT is missing a value: set PORT to the port it listens on/],
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
    const result = run([path.join(FIXTURES, 'interpolation', 'compose.yaml'), '--freeze'], { TAG: '7.7.7', RESTART: 'always' });
    expect(result.stdout).toContain('image: \'docker.io/library/httpd:7.7.7\'');
    const parameterized = run([path.join(FIXTURES, 'interpolation', 'compose.yaml')], { TAG: '7.7.7', RESTART: 'always' });
    expect(parameterized.stdout).toContain('image: (v.REGISTRY || \'docker.io/library\') + \'/\' + v.IMAGE_NAME! + \':\' + (v.TAG ?? \'1.0.0\'),');
    expect(parameterized.stdout).toContain('// app: compose restart "always"');
  });
});

describe('import-compose --kubernetes-version', () => {
  const hostile = path.join(FIXTURES, 'hostile', 'compose.yaml');

  test('1.33: the chart sets the release, the header says to lint with it, and ComposeImporter writes the same code', () => {
    const result = run([hostile, '--kubernetes-version', '1.33']);
    expect(result.code).toBe(ExitCode.CLEAN);
    expect(result.stdout).toContain('    PodPatterns.setKubernetesVersion(this, KubernetesVersion.V1_33);\n');
    expect(result.stdout).toMatch(/^import \{ DockerRestart, InitGatedApp, KubernetesVersion, PodPatterns, SecurityProfile \} from 'cdk8s-pod-patterns';$/m);
    expect(result.stdout).toContain('// For Kubernetes 1.33: the chart sets that release; lint its output with --kubernetes-version 1.33.');
    expect(result.stdout).toBe(ComposeImporter.fromFiles([hostile], { environment: {}, kubernetesVersion: KubernetesVersion.V1_33 }).toTypeScript());
  });

  test('1.28 named explicitly writes exactly what the default writes (no release in the code)', () => {
    const explicit = run([hostile, '--kubernetes-version=1.28']);
    expect(explicit.stdout).toBe(run([hostile]).stdout);
    expect(explicit.stdout).not.toContain('KubernetesVersion');
  });

  // k8s: pkg/apis/core/validation/validation.go ValidateEnv: IsEnvVarName, or IsRelaxedEnvVarName (any printable ASCII
  // but '=') when RelaxedEnvironmentVariableValidation is on, by default from 1.32 (pkg/features/kube_features.go).
  test.each([['1.31', true], ['1.32', false], ['1.35', false]])('%s: the env name BAD\'NAME*/ dropped with a warning: %s', (version, dropped) => {
    const result = run([hostile, '--kubernetes-version', version as string]);
    expect(result.code).toBe(ExitCode.CLEAN);
    const warning = 'service "evil": environment.BAD\'NAME*/: not carried over: not a valid Kubernetes environment variable name';
    expect(result.stderr.includes(warning)).toBe(dropped);
    expect(result.stdout.includes('dropped with a warning')).toBe(!dropped);
  });

  // 1.29+ vendors github.com/distribution/reference v0.5.0 (regexp.go `host = (?:domainName|ipv6address)`): an IPv6
  // registry in brackets is an image reference from 1.29, and is not one for 1.28 (docker/distribution v2.8.2).
  test('the image check follows the release: an IPv6 registry is refused for 1.28, converted for 1.29', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-compose-ipv6-'));
    try {
      const file = path.join(dir, 'compose.yaml');
      fs.writeFileSync(file, 'services:\n  app:\n    image: "[::1]:5000/app:1.0"\n');
      expectOneLineError(run([file]), /service "app": image: image "\[::1\]:5000\/app:1\.0" is not a valid image reference/);
      const at129 = run([file, '--kubernetes-version', '1.29']);
      expect(at129.code).toBe(ExitCode.CLEAN);
      expect(at129.stdout).toContain('image: \'[::1]:5000/app:1.0\'');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each(['1.27', '1.36', 'v1.33', 'latest'])('%s is a one-line usage error listing the supported releases, exit 2', (bad) => {
    expectOneLineError(run([hostile, '--kubernetes-version', bad]),
      /^cdk8s-pod-patterns import-compose: --kubernetes-version: unsupported Kubernetes version ".*": use one of 1\.28, 1\.29, 1\.30, 1\.31, 1\.32, 1\.33, 1\.34, 1\.35 \(see cdk8s-pod-patterns import-compose --help\)\n$/);
  });

  test('--help documents it', () => {
    expect(IMPORT_COMPOSE_USAGE).toMatch(/--kubernetes-version 1\.N +the release the cluster runs: one of\n +1\.28, 1\.29, 1\.30, 1\.31, 1\.32, 1\.33, 1\.34, 1\.35 \(default: 1\.28\)/);
  });
});

test('service_healthy on a service without healthcheck (compose then uses the image\'s HEALTHCHECK): converted, with a warning', () => {
  const result = run([path.join(FIXTURES, 'healthy-without-healthcheck', 'compose.yaml')]);
  expect(result.code).toBe(ExitCode.CLEAN);
  expect(result.stderr).toContain('service "db": healthcheck: service_healthy is required by a dependent, but "db" has no healthcheck here (compose would use its image\'s HEALTHCHECK');
  expect(result.stdout).toContain('//   web: after db has a ready endpoint (service_healthy)');
});

describe('import-compose: --out, --force, --default-restart, build commands', () => {
  const spec = path.join(FIXTURES, 'spec', 'compose.yaml');

  test('--out never overwrites an existing file (it may hold edits) without --force', () => {
    const refused = run([spec, '--out', 'main.ts'], {}, ['main.ts']);
    expectOneLineError(refused, /"main\.ts" exists and may hold your edits: choose another --out, or add --force to replace it/);
    expect(refused.written.size).toBe(0);
    const forced = run([spec, '--out', 'main.ts', '--force'], {}, ['main.ts']);
    expect(forced.code).toBe(ExitCode.CLEAN);
    expect(forced.written.get('main.ts')).toContain('export class');
  });

  test('--default-restart applies to services without restart:, not to the others', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'default-restart-'));
    const compose = path.join(dir, 'compose.yaml');
    fs.writeFileSync(compose, 'services:\n  quiet:\n    image: nginx:1.27.2\n  once:\n    image: nginx:1.27.2\n    restart: "no"\n');
    try {
      const result = run([compose, '--default-restart', 'unless-stopped']);
      expect(result.code).toBe(ExitCode.CLEAN);
      expect(result.stdout).toContain('// quiet: compose restart "unless-stopped" → DEPLOYMENT');
      expect(result.stdout).toContain('// once: compose restart "no" → POD');
      expect(run([compose]).stdout).toContain('// quiet: compose restart "no" → POD');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expectOneLineError(run([spec, '--default-restart', 'sometimes']), /defaultRestart: docker --restart "sometimes": invalid restart policy/);
  });

  test('a build: service\'s header says how to build and push its image: tag, Dockerfile, target, context', () => {
    const result = run([path.join(FIXTURES, 'build', 'compose.yaml'), '--image-registry', 'reg.example/x', '--image-tag', '9.9.9']);
    expect(result.stdout).toContain('// Images built from build: sections; build and push them first, from the project directory:\n'
      + '//   docker build -t reg.example/x/app:9.9.9 . && docker push reg.example/x/app:9.9.9\n'
      + '//   docker build -t example/sidecar:3.2.1 -f sidecar/Dockerfile.prod --target runtime ./sidecar && docker push example/sidecar:3.2.1\n');
  });
});

describe('import-compose: bad input is one line and exit 2 (or a conversion with a warning), never a stack trace or a partial --out', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-compose-bad-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function file(name: string, content: string): string {
    fs.writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  }

  test.each([
    ['a directory given as a file', () => dir, /: file: cannot read .*: it is a directory, not a file/],
    ['a compose file that is a YAML list', () => file('list.yaml', '- services\n- web\n'), /list\.yaml: <root>: a compose file must be a mapping/],
    ['a billion-laughs file', () => file('bomb.yaml', ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...'bcdefghi'.split('').map((l, i) => `${l}: &${l} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`), 'services: {}'].join('\n')),
      /bomb\.yaml:\d+:\d+: yaml: its aliases expand to more than 1000000 nodes/],
    ['a 50 MB file', () => {
      const big = file('big.yaml', '');
      fs.truncateSync(big, 50 * 1024 * 1024);
      return big;
    }, /big\.yaml: file: cannot read .*: it is larger than 4 MiB/],
    ['a service named __proto__', () => file('proto.yaml', 'services:\n  __proto__:\n    image: nginx:1.27.2\n'), /service "__proto__": name: "__proto__" is not a valid compose service name/],
    ['/dev/zero as the compose file', () => '/dev/zero', /\/dev\/zero: file: cannot read .*: it is not a regular file/],
  ])('%s', (_, make, pattern) => {
    const out = path.join(dir, 'out.ts');
    const started = Date.now();
    const result = run([make(), '--out', out]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expectOneLineError(result, pattern);
    expect(result.written.size).toBe(0);
  });

  test('an env var value of 1 MB: converted without it, with a warning', () => {
    const result = run([file('huge-env.yaml', `services:\n  web:\n    image: nginx:1.27.2\n    environment:\n      BIG: "${'x'.repeat(1024 * 1024)}"\n      SMALL: ok\n`)]);
    expect(result.code).toBe(ExitCode.CLEAN);
    expect(result.stderr).toContain('service "web": environment.BIG: not carried over: its value is 1048576 bytes, more than the 64 KiB embedded in code');
    expect(result.stdout).not.toContain('xxxxxxxx');
    expect(result.stdout).toContain('SMALL');
  });

  test('a failed write leaves no partial --out file (the real writer renames a complete temporary file)', () => {
    const target = path.join(dir, 'no-such-dir', 'main.ts');
    const composeIo = nodeImportComposeIo();
    const result = runImportCompose([path.join(FIXTURES, 'spec', 'compose.yaml'), '--out', target], { ...composeIo, stderr: () => {} });
    expect(result).toBe(ExitCode.USAGE);
    expect(fs.existsSync(path.dirname(target))).toBe(false);
    const out = path.join(dir, 'main.ts');
    expect(runImportCompose([path.join(FIXTURES, 'spec', 'compose.yaml'), '--out', out], { ...composeIo, stderr: () => {} })).toBe(ExitCode.CLEAN);
    expect(fs.readdirSync(dir).filter(f => f.includes('.tmp'))).toEqual([]);
    expect(fs.readFileSync(out, 'utf-8')).toContain('export class SpecChart');
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
