import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { captureIo } from './capture-io';
import { ExitCode } from '../../src/cli/lint-command';
import { main, MAIN_USAGE, nodeIo, packageVersion, runMain } from '../../src/cli/main';
import * as engine from '../../src/rules/engine';
import { fixture } from '../support/fixtures';

const ROOT = path.join(__dirname, '..', '..');

function run(argv: string[]) {
  const io = captureIo();
  const code = main(argv, io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

describe('main', () => {
  test('--version prints the package.json version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
    expect(run(['--version'])).toEqual({ code: ExitCode.CLEAN, stdout: `${version}\n`, stderr: '' });
    expect(packageVersion()).toBe(version);
  });

  test.each([['--help'], ['-h'], ['help']])('%s prints the usage and exits 0', (flag) => {
    expect(run([flag])).toEqual({ code: ExitCode.CLEAN, stdout: MAIN_USAGE, stderr: '' });
  });

  test('"lint" runs the lint command with the remaining arguments', () => {
    const result = run(['lint', '--profile', 'privileged', fixture('privileged-latest-pod.yaml')]);
    expect(result.code).toBe(ExitCode.CLEAN);
    expect(result.stdout).toMatch(/in 1 object\n$/);
  });

  test('no command is a usage error', () => {
    expect(run([])).toEqual({
      code: ExitCode.USAGE,
      stdout: '',
      stderr: 'cdk8s-pod-patterns: no command given: try "cdk8s-pod-patterns lint FILE..." (see cdk8s-pod-patterns --help)\n',
    });
  });

  test('an unknown command is a usage error', () => {
    expect(run(['check', 'x.yaml']).stderr).toBe('cdk8s-pod-patterns: unknown command "check": the commands are "lint", "import-compose" and "explain" (see cdk8s-pod-patterns --help)\n');
  });

  test('a crash inside a rule is one line on stderr and exit 2, not a stack trace', () => {
    const spy = jest.spyOn(engine, 'lintReports').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'image')");
    });
    try {
      const result = run(['lint', fixture('clean/deployment.yaml')]);
      expect(result.code).toBe(ExitCode.USAGE);
      expect(result.stderr).toBe("cdk8s-pod-patterns: internal error: Cannot read properties of undefined (reading 'image'): please report it with the manifest that caused it\n");
    } finally {
      spy.mockRestore();
    }
  });
});

describe('runMain (what the bin calls)', () => {
  const savedExitCode = process.exitCode;
  let errorListenersBefore: Function[];

  beforeEach(() => {
    errorListenersBefore = process.stdout.listeners('error');
  });

  afterEach(() => {
    for (const listener of process.stdout.listeners('error')) {
      if (!errorListenersBefore.includes(listener)) {
        process.stdout.removeListener('error', listener as (...args: any[]) => void);
      }
    }
    process.exitCode = savedExitCode;
    jest.restoreAllMocks();
  });

  test('sets the process exit code instead of exiting, so piped output is flushed', () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    runMain(['lint']);
    expect(process.exitCode).toBe(ExitCode.USAGE);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('no manifest files given'));
    expect(exit).not.toHaveBeenCalled();
  });

  // `cdk8s-pod-patterns lint dir/ | head`: the reader closed the pipe.
  test('a closed stdout pipe (EPIPE) exits quietly with the exit code already set', () => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    runMain(['--version']);
    process.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exit).toHaveBeenCalledWith();
    expect(process.exitCode).toBe(ExitCode.CLEAN);
  });

  test('any other stdout error is not swallowed', () => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    runMain(['--version']);
    expect(() => process.stdout.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' }))).toThrow('write EIO');
  });
});

describe('nodeIo', () => {
  const io = nodeIo();

  test('pathKind tells files, directories and missing paths apart', () => {
    expect(io.pathKind(fixture('clean'))).toBe('directory');
    expect(io.pathKind(fixture('clean/deployment.yaml'))).toBe('file');
    expect(io.pathKind(fixture('nope.yaml'))).toBeUndefined();
    expect(io.pathKind(fixture('clean/deployment.yaml/below'))).toBeUndefined();
  });

  test('listDirectory follows a symbolic link to a file but not one to a directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-links-'));
    try {
      fs.symlinkSync(fixture('clean/deployment.yaml'), path.join(dir, 'linked.yaml'));
      fs.symlinkSync(dir, path.join(dir, 'loop'));
      const entries = io.listDirectory(dir).sort((a, b) => a.name.localeCompare(b.name));
      expect(entries).toEqual([{ name: 'linked.yaml', kind: 'file' }, { name: 'loop', kind: 'other' }]);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});

// The bin requires ../lib/cli/main.js, the compiled output. So that this test
// runs the real launcher against the current sources (lib/ may be missing or
// stale), it copies the bin next to a lib/cli/main.js that loads src/ through
// ts-node. CI also smoke-tests the packaged bin after the build.
describe('bin/cdk8s-pod-patterns', () => {
  let sandbox: string;
  let bin: string;

  beforeAll(() => {
    sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'bin-'));
    fs.mkdirSync(path.join(sandbox, 'bin'));
    fs.mkdirSync(path.join(sandbox, 'lib', 'cli'), { recursive: true });
    bin = path.join(sandbox, 'bin', 'cdk8s-pod-patterns');
    fs.copyFileSync(path.join(ROOT, 'bin', 'cdk8s-pod-patterns'), bin);
    fs.writeFileSync(path.join(sandbox, 'lib', 'cli', 'main.js'), [
      `require(${JSON.stringify(require.resolve('ts-node'))}).register({ transpileOnly: true, project: ${JSON.stringify(path.join(ROOT, 'tsconfig.dev.json'))} });`,
      `module.exports = require(${JSON.stringify(path.join(ROOT, 'src', 'cli', 'main.ts'))});`,
    ].join('\n'));
  });

  afterAll(() => {
    fs.rmSync(sandbox, { recursive: true });
  });

  test('is an executable node script', () => {
    const source = path.join(ROOT, 'bin', 'cdk8s-pod-patterns');
    expect(fs.readFileSync(source, 'utf-8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(() => fs.accessSync(source, fs.constants.X_OK)).not.toThrow();
  });

  test('exit codes 1, 0 and 2 reach the shell, with the report on stdout and errors on stderr', () => {
    const failing = spawnSync(process.execPath, [bin, 'lint', fixture('privileged-latest-pod.yaml')], { encoding: 'utf-8' });
    expect(failing.status).toBe(ExitCode.FINDINGS);
    expect(failing.stdout).toContain('pss-baseline-privileged');

    const clean = spawnSync(process.execPath, [bin, 'lint', '-'], { input: fs.readFileSync(fixture('clean/deployment.yaml')), encoding: 'utf-8' });
    expect(clean.status).toBe(ExitCode.CLEAN);
    expect(clean.stdout).toBe('0 errors, 0 warnings in 1 object\n');

    const usage = spawnSync(process.execPath, [bin, 'lint', '--nope'], { encoding: 'utf-8' });
    expect(usage.status).toBe(ExitCode.USAGE);
    expect(usage.stderr).toBe('cdk8s-pod-patterns lint: unknown option "--nope": the options are --format, --profile, --minimum-profile, --disable, --kubernetes-version, --feature-gates, --service-cluster-ip-range, --list-rules and --help (see cdk8s-pod-patterns lint --help)\n');
  }, 60_000);
});
