import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { captureIo } from './capture-io';
import { ExitCode, LINT_USAGE, runLint } from '../../src/cli/lint-command';
import { fixture, FIXTURES } from '../support/fixtures';

const PRIVILEGED_POD = fixture('privileged-latest-pod.yaml');
const CLEAN_DIR = fixture('clean');

function lint(argv: string[], options: Parameters<typeof captureIo>[0] = {}) {
  const io = captureIo(options);
  const code = runLint(argv, io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

/** Usage errors and unreadable input: exit 2, exactly one line on stderr, nothing on stdout, no stack. */
function expectUsageError(result: ReturnType<typeof lint>, pattern: RegExp): void {
  expect(result.code).toBe(ExitCode.USAGE);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('lint: a hand-written privileged :latest Pod', () => {
  // k8s: staging/src/k8s.io/pod-security-admission/policy/check_privileged.go (baseline and above);
  // pkg/apis/core/v1/defaults.go SetDefaults_Container (`:latest` -> Always, a mutable tag).
  test('fails the default restricted profile with exit 1 and names the rule, object and path', () => {
    const result = lint([PRIVILEGED_POD]);
    expect(result.code).toBe(ExitCode.FINDINGS);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`${PRIVILEGED_POD}: Pod/debug-shell\n`);
    expect(result.stdout).toMatch(/^ {2}error {4}pss-baseline-privileged +spec\.containers\[0\]\.securityContext\.privileged: /m);
    expect(result.stdout).toMatch(/^ {2}warning {2}bp-mutable-image-tag +spec\.containers\[0\]\.image: /m);
    expect(result.stdout).toMatch(/\n\n\d+ errors?, \d+ warnings? in 1 object\n$/);
  });

  test('also fails baseline, since privileged containers are a baseline violation', () => {
    expect(lint(['--profile', 'baseline', PRIVILEGED_POD]).code).toBe(ExitCode.FINDINGS);
  });

  test('passes the privileged profile: only warnings remain', () => {
    const result = lint(['--profile=privileged', PRIVILEGED_POD]);
    expect(result.code).toBe(ExitCode.CLEAN);
    expect(result.stdout).not.toContain('pss-');
    expect(result.stdout).toContain('bp-mutable-image-tag');
  });
});

describe('lint: output formats', () => {
  test('--format json prints the findings with file, rule, severity, kind, name, path and message', () => {
    const result = lint(['--format', 'json', PRIVILEGED_POD]);
    expect(result.code).toBe(ExitCode.FINDINGS);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['findings', 'suppressed']);
    expect(report.findings).toContainEqual(expect.objectContaining({
      file: PRIVILEGED_POD,
      ruleId: 'pss-baseline-privileged',
      severity: 'error',
      kind: 'Pod',
      name: 'debug-shell',
      path: 'spec.containers[0].securityContext.privileged',
      message: expect.any(String),
    }));
  });

  test('--format json of a clean input is an empty list and exit 0', () => {
    const result = lint(['--format=json', fixture('clean/deployment.yaml')]);
    expect(result).toEqual({ code: ExitCode.CLEAN, stdout: '{\n  "findings": [],\n  "suppressed": []\n}\n', stderr: '' });
  });

  test('text output of a clean input is the summary line alone', () => {
    const result = lint([fixture('clean/deployment.yaml')]);
    expect(result).toEqual({ code: ExitCode.CLEAN, stdout: '0 errors, 0 warnings in 1 object\n', stderr: '' });
  });
});

describe('lint: inputs', () => {
  test('"-" reads stdin, shown as <stdin>', () => {
    const result = lint(['--format', 'json', '-'], { stdin: fs.readFileSync(PRIVILEGED_POD) });
    expect(result.code).toBe(ExitCode.FINDINGS);
    const files = JSON.parse(result.stdout).findings.map((f: { file: string }) => f.file);
    expect(new Set(files)).toEqual(new Set(['<stdin>']));
  });

  test('a directory is walked recursively, only *.yaml/*.yml/*.json, in sorted order', () => {
    const io = captureIo();
    const seen: string[] = [];
    const readFile = io.readFile;
    const code = runLint([CLEAN_DIR], { ...io, readFile: (p) => (seen.push(p), readFile(p)) });
    expect(code).toBe(ExitCode.CLEAN);
    expect(seen.map((p) => path.relative(FIXTURES, p))).toEqual([
      'clean/deployment.yaml',
      'clean/nested/config.json',
      'clean/nested/services.yml',
    ]);
    // 1 Deployment + 1 ConfigMap + 2 Services; README.txt was skipped.
    expect(io.stdoutText()).toBe('0 errors, 0 warnings in 4 objects\n');
  });

  test('directory order is byte order of the whole path, the same in every locale', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-order-'));
    try {
      const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
      fs.mkdirSync(path.join(dir, 'a'));
      fs.writeFileSync(path.join(dir, 'a', 'z.yaml'), configMap('z'));
      fs.writeFileSync(path.join(dir, 'a.yaml'), configMap('a'));
      fs.writeFileSync(path.join(dir, 'B.YML'), configMap('b'));
      const io = captureIo();
      const seen: string[] = [];
      runLint([dir], { ...io, readFile: (p) => (seen.push(p), io.readFile(p)) });
      expect(seen.map((p) => path.relative(dir, p))).toEqual(['B.YML', 'a.yaml', path.join('a', 'z.yaml')]);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  test('in a directory, JSON/YAML that is not a manifest (cdk8s.out/construct-metadata.json) is skipped with a note', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-cdk8s-out-'));
    try {
      fs.writeFileSync(path.join(dir, 'app.k8s.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
      fs.writeFileSync(path.join(dir, 'construct-metadata.json'), '{"version": "1.0.0", "resources": {}}');
      const inDirectory = lint([dir]);
      expect(inDirectory.code).toBe(ExitCode.CLEAN);
      expect(inDirectory.stderr).toMatch(/^cdk8s-pod-patterns lint: skipped, not a Kubernetes manifest: .*construct-metadata\.json.*has no "kind"/);
      expect(inDirectory.stdout).toBe('0 errors, 0 warnings in 1 object\n');

      const named = lint([path.join(dir, 'construct-metadata.json')]);
      expect(named.code).toBe(ExitCode.USAGE);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  test('findings from several files keep file order in the report', () => {
    const result = lint(['--profile', 'baseline', PRIVILEGED_POD, fixture('pod-list.json')]);
    const headers = result.stdout.split('\n').filter((line) => !line.startsWith(' ') && line.includes(': '));
    expect(headers).toEqual([
      `${PRIVILEGED_POD}: Pod/debug-shell`,
      `${fixture('pod-list.json')}: Pod/host-network-pod`,
    ]);
  });

  // k8s: check_hostNamespaces.go: hostNetwork is a baseline violation.
  test('a kind: List JSON file is linted item by item', () => {
    const result = lint(['--format', 'json', '--profile', 'baseline', fixture('pod-list.json')]);
    expect(result.code).toBe(ExitCode.FINDINGS);
    const findings = JSON.parse(result.stdout).findings;
    expect(findings).toContainEqual(expect.objectContaining({
      ruleId: 'pss-baseline-host-namespaces',
      kind: 'Pod',
      name: 'host-network-pod',
      path: 'spec.hostNetwork',
    }));
    expect(findings.filter((f: { kind: string }) => f.kind === 'ConfigMap')).toEqual([]);
  });

  test('the guide\'s own Pod fails restricted (it runs busybox as root)', () => {
    const result = lint(['--format', 'json', fixture('guide-pod.yaml')]);
    expect(result.code).toBe(ExitCode.FINDINGS);
    const ruleIds = JSON.parse(result.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ruleIds).toContain('pss-restricted-run-as-non-root');
  });
});

describe('lint: unreadable input exits 2 with one line', () => {
  test('a missing file', () => {
    expectUsageError(lint(['no-such-file.yaml']), /^cdk8s-pod-patterns lint: no-such-file\.yaml: no such file or directory\n$/);
  });

  test('malformed YAML names file and line:column', () => {
    const file = fixture('malformed-tab.yaml');
    expectUsageError(lint([file]), new RegExp(`^cdk8s-pod-patterns lint: ${escape(file)}:8:\\d+: malformed YAML/JSON: `));
  });

  test('malformed YAML on stdin names <stdin>', () => {
    expectUsageError(lint(['-'], { stdin: 'kind: Pod\nmetadata: {name: x\n' }), /^cdk8s-pod-patterns lint: <stdin>:\d+:\d+: malformed YAML\/JSON: /);
  });

  test('binary garbage', () => {
    const garbage = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0xff, 0xd8, 0xc3, 0x28]);
    expectUsageError(lint(['app.bin'], { files: { 'app.bin': garbage } }), /^cdk8s-pod-patterns lint: app\.bin: binary data \(not UTF-8 text\): expected a YAML or JSON manifest\n$/);
  });

  test('a document that is not an object', () => {
    expectUsageError(lint([fixture('scalar-document.yaml')]), /scalar-document\.yaml:6:1: document 2 is a string .*not a Kubernetes object/);
  });

  test('a directory without manifests', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-empty-'));
    try {
      expectUsageError(lint([empty]), /: directory contains no \*\.yaml, \*\.yml or \*\.json file\n$/);
    } finally {
      fs.rmdirSync(empty);
    }
  });

  test('one bad file among good ones stops the run before any output', () => {
    expectUsageError(lint([PRIVILEGED_POD, 'missing.yaml']), /missing\.yaml: no such file or directory/);
  });
});

describe('lint: no objects at all is an error (exit 2, one line)', () => {
  test('empty stdin', () => {
    expectUsageError(lint(['-'], { stdin: '' }), /^cdk8s-pod-patterns lint: no Kubernetes objects found in <stdin>: expected YAML or JSON manifests with apiVersion and kind\n$/);
  });

  test('a file with only empty documents', () => {
    expectUsageError(lint(['empty.yaml'], { files: { 'empty.yaml': '---\n---\n' } }), /no Kubernetes objects found in empty\.yaml/);
  });

  test('a directory holding only non-manifests: each skipped with a note, then the error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-nonmanifest-'));
    try {
      fs.writeFileSync(path.join(dir, 'construct-metadata.json'), '{"version": "1.0.0"}');
      const result = lint([dir]);
      expect(result.code).toBe(ExitCode.USAGE);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(/^cdk8s-pod-patterns lint: skipped, not a Kubernetes manifest: .*construct-metadata\.json/),
        `cdk8s-pod-patterns lint: no Kubernetes objects found in ${dir}: expected YAML or JSON manifests with apiVersion and kind`,
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});

describe('lint: a malformed file inside a directory', () => {
  test('is reported in one line naming the file and the parse error; every other file is still linted; exit 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-malformed-'));
    try {
      fs.copyFileSync(PRIVILEGED_POD, path.join(dir, 'a-pod.yaml'));
      fs.writeFileSync(path.join(dir, 'b-broken.yaml'), 'kind: Pod\nmetadata: {name: x\n');
      fs.copyFileSync(fixture('guide-pod.yaml'), path.join(dir, 'c-guide.yaml'));
      const result = lint(['--format', 'json', dir]);
      expect(result.code).toBe(ExitCode.USAGE);
      expect(result.stderr).toMatch(new RegExp(`^cdk8s-pod-patterns lint: ${escape(path.join(dir, 'b-broken.yaml'))}:\\d+:\\d+: malformed YAML/JSON: [^\n]+\n$`));
      const files = new Set(JSON.parse(result.stdout).findings.map((f: { file: string }) => f.file));
      expect(files).toEqual(new Set([path.join(dir, 'a-pod.yaml'), path.join(dir, 'c-guide.yaml')]));
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});

describe('lint: --disable and suppression annotations', () => {
  test('--disable RULE (repeatable) drops those rules from the run', () => {
    const all = JSON.parse(lint(['--format', 'json', '--profile', 'privileged', PRIVILEGED_POD]).stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(all).toEqual(expect.arrayContaining(['bp-mutable-image-tag', 'bp-bare-pod']));
    const result = lint(['--format', 'json', '--profile', 'privileged', '--disable', 'bp-mutable-image-tag', '--disable=bp-bare-pod', PRIVILEGED_POD]);
    const left = JSON.parse(result.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(left).toEqual(all.filter((id: string) => id !== 'bp-mutable-image-tag' && id !== 'bp-bare-pod'));
  });

  test('an unknown rule for --disable is a usage error in one line', () => {
    expectUsageError(lint(['--disable', 'bp-latest', PRIVILEGED_POD]), /^cdk8s-pod-patterns lint: unknown rule "bp-latest" for --disable: use a rule id from the rules table/);
  });

  const ANNOTATED = `apiVersion: v1
kind: Pod
metadata:
  name: debug-shell
  annotations:
    ignore-check.cdk8s-pod-patterns.io/bp-bare-pod: a throwaway debugging Pod
    ignore-check.cdk8s-pod-patterns.io/pss-baseline-privileged: needs the host's devices
spec:
  containers:
  - name: shell
    image: busybox:1.36
    securityContext: {privileged: true}
    resources: {requests: {cpu: 10m, memory: 16Mi}}
`;

  test('text output lists what was suppressed and why, after the findings', () => {
    const result = lint(['--profile', 'baseline', '-'], { stdin: ANNOTATED });
    expect(result.code).toBe(ExitCode.CLEAN);
    expect(result.stdout).toBe([
      'suppressed:',
      '  <stdin>: Pod/debug-shell  bp-bare-pod  kind: a throwaway debugging Pod',
      '  <stdin>: Pod/debug-shell  pss-baseline-privileged  spec.containers[0].securityContext.privileged: needs the host\'s devices',
      '',
      '0 errors, 0 warnings in 1 object (2 suppressed)',
      '',
    ].join('\n'));
  });

  test('--format json has a suppressed array with the reasons', () => {
    const report = JSON.parse(lint(['--format', 'json', '--profile', 'baseline', '-'], { stdin: ANNOTATED }).stdout);
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((f: { ruleId: string; reason: string }) => [f.ruleId, f.reason])).toEqual([
      ['bp-bare-pod', 'a throwaway debugging Pod'],
      ['pss-baseline-privileged', 'needs the host\'s devices'],
    ]);
  });

  test('an annotation that cannot suppress (an api- rule) is itself a warning and suppresses nothing', () => {
    const stdin = ANNOTATED.replace('pss-baseline-privileged: needs', 'api-container-name: needs');
    const result = lint(['--profile', 'baseline', '-'], { stdin });
    expect(result.code).toBe(ExitCode.FINDINGS);
    expect(result.stdout).toMatch(/warning {2}bp-invalid-suppression +metadata\.annotations\[ignore-check\.cdk8s-pod-patterns\.io\/api-container-name\]: /);
    expect(result.stdout).toMatch(/error {4}pss-baseline-privileged/);
  });
});

describe('lint: usage errors exit 2 with one line', () => {
  test.each([
    ['an unknown flag', ['--fromat', 'json', PRIVILEGED_POD], /unknown option "--fromat": the options are --format, --profile, --minimum-profile, --disable, --kubernetes-version, --feature-gates, --service-cluster-ip-range, --list-rules and --help/],
    ['an unknown short flag', ['-x', PRIVILEGED_POD], /unknown option "-x"/],
    ['an unknown format', ['--format', 'xml', PRIVILEGED_POD], /unknown --format "xml": use text or json/],
    ['an unknown profile', ['--profile', 'strict', PRIVILEGED_POD], /unknown --profile "strict": use privileged, baseline, restricted/],
    ['a flag without its value', [PRIVILEGED_POD, '--format'], /option "--format" needs a value/],
    ['no files', [], /no manifest files given: pass one or more FILEs, a directory, or "-" for stdin/],
    ['only flags', ['--format', 'json'], /no manifest files given/],
    ['a value on a boolean flag', ['--help=yes', PRIVILEGED_POD], /option "-h, --help" takes no value/],
  ])('%s', (_label, argv, pattern) => {
    expectUsageError(lint(argv), pattern);
  });

  test('--help prints the usage on stdout and exits 0', () => {
    expect(lint(['--help'])).toEqual({ code: ExitCode.CLEAN, stdout: LINT_USAGE, stderr: '' });
    expect(lint(['-h', PRIVILEGED_POD]).stdout).toBe(LINT_USAGE);
  });

  test('"--" lets a file name start with a dash', () => {
    expectUsageError(lint(['--', '-odd.yaml']), /-odd\.yaml: no such file or directory/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('lint: objects declare the profile the constructs built them with', () => {
  // nginx starts as root: baseline admits it, restricted does not
  // (k8s: staging/src/k8s.io/pod-security-admission/policy/check_runAsNonRoot.go).
  const DECLARES_BASELINE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    cdk8s-pod-patterns.io/security-profile: baseline
    cdk8s-pod-patterns.io/construct-path: front/web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27.2
        imagePullPolicy: IfNotPresent
        securityContext: {allowPrivilegeEscalation: false, seccompProfile: {type: RuntimeDefault}}
        resources: {requests: {cpu: 10m, memory: 16Mi}}
`;

  test('the default restricted run judges it at baseline, as the construct did', () => {
    expect(lint(['-'], { stdin: DECLARES_BASELINE }).code).toBe(ExitCode.CLEAN);
  });

  test('--minimum-profile restricted fails it, naming the object', () => {
    const result = lint(['--minimum-profile', 'restricted', '-'], { stdin: DECLARES_BASELINE });
    expect(result.code).toBe(ExitCode.FINDINGS);
    expect(result.stdout).toMatch(/Deployment\/web/);
    expect(result.stdout).toMatch(/pss-restricted-run-as-non-root/);
  });

  test('--format json says the profile each object was judged at and its construct', () => {
    const report = JSON.parse(lint(['--format', 'json', '--minimum-profile=restricted', '-'], { stdin: DECLARES_BASELINE }).stdout);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(new Set(report.findings.map((f: { profile: string; constructPath: string }) => `${f.profile} ${f.constructPath}`))).toEqual(new Set(['restricted front/web']));
  });

  test('an unknown --minimum-profile is a usage error', () => {
    expectUsageError(lint(['--minimum-profile', 'high', '-'], { stdin: DECLARES_BASELINE }), /unknown --minimum-profile "high": use privileged, baseline, restricted/);
  });
});

describe('lint --kubernetes-version', () => {
  // A native sidecar: SidecarContainers is alpha/off in 1.28, beta/on from 1.29 (pkg/features/kube_features.go).
  const SIDECAR_POD = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: { name: with-sidecar }',
    'spec:',
    '  initContainers: [{ name: proxy, image: "envoyproxy/envoy:v1.29.1", restartPolicy: Always }]',
    '  containers: [{ name: app, image: "busybox:1.36.1" }]',
    '',
  ].join('\n');

  test('1.28 (the default) warns that native sidecars need the gate; 1.29 and 1.35 do not', () => {
    const rule = 'bp-sidecar-feature-gate';
    expect(lint(['--profile', 'privileged', '-'], { stdin: SIDECAR_POD }).stdout).toContain(rule);
    expect(lint(['--profile', 'privileged', '--kubernetes-version', '1.28', '-'], { stdin: SIDECAR_POD }).stdout).toContain(rule);
    expect(lint(['--profile', 'privileged', '--kubernetes-version', '1.29', '-'], { stdin: SIDECAR_POD }).stdout).not.toContain(rule);
    expect(lint(['--profile', 'privileged', '--kubernetes-version=1.35', '-'], { stdin: SIDECAR_POD }).stdout).not.toContain(rule);
  });

  test.each(['1.27', '1.36', 'v1.33', 'latest', '1.33.1', ''])('"%s" is a usage error listing the supported versions', (bad) => {
    expectUsageError(lint(['--kubernetes-version', bad, PRIVILEGED_POD]),
      new RegExp(`^cdk8s-pod-patterns lint: --kubernetes-version: unsupported Kubernetes version "${bad.replace(/\./g, '\\.')}": use one of 1\\.28, 1\\.29, 1\\.30, 1\\.31, 1\\.32, 1\\.33, 1\\.34, 1\\.35\\n$`));
  });

  test('--help documents the option and its supported values', () => {
    expect(LINT_USAGE).toMatch(/--kubernetes-version 1\.N\n.*\n.*\n\s+1\.28, 1\.29, 1\.30, 1\.31, 1\.32, 1\.33, 1\.34, 1\.35 \(default: 1\.28\)/);
  });
});

describe('lint --feature-gates', () => {
  // A sidecar with a probe: a default 1.28 API server drops its restartPolicy and refuses the probe
  // (kube-apiserver v1.28.7's verdicts in test/differential agree); one started with --feature-gates=SidecarContainers=true accepts it.
  const SIDECAR_WITH_PROBE = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: { name: with-sidecar }',
    'spec:',
    '  initContainers: [{ name: proxy, image: "envoyproxy/envoy:v1.29.1", restartPolicy: Always, readinessProbe: { tcpSocket: { port: 9901 } } }]',
    '  containers: [{ name: app, image: "busybox:1.36.1" }]',
    '',
  ].join('\n');

  test('SidecarContainers=true on 1.28: the sidecar\'s probe is accepted and the gate warning is gone', () => {
    const stock = lint(['--profile', 'privileged', '-'], { stdin: SIDECAR_WITH_PROBE });
    expect(stock.code).toBe(ExitCode.FINDINGS);
    expect(stock.stdout).toContain('api-init-container-probes');
    const gated = lint(['--profile', 'privileged', '--feature-gates', 'SidecarContainers=true', '-'], { stdin: SIDECAR_WITH_PROBE });
    expect(gated.stdout).not.toContain('api-init-container-probes');
    expect(gated.stdout).not.toContain('bp-sidecar-feature-gate');
    expect(gated.code).toBe(ExitCode.CLEAN);
  });

  test('kube-apiserver\'s syntax: comma-separated, repeatable, Go booleans; a later setting wins', () => {
    expect(lint(['--profile', 'privileged', '--feature-gates=ProcMountType=t,SidecarContainers=TRUE', '-'], { stdin: SIDECAR_WITH_PROBE }).code).toBe(ExitCode.CLEAN);
    expect(lint(['--profile', 'privileged', '--feature-gates', 'SidecarContainers=true', '--feature-gates', 'SidecarContainers=false', '-'], { stdin: SIDECAR_WITH_PROBE }).code)
      .toBe(ExitCode.FINDINGS);
    expect(lint(['--profile', 'privileged', '--kubernetes-version', '1.30', '--feature-gates', 'SidecarContainers=0', '-'], { stdin: SIDECAR_WITH_PROBE }).stdout)
      .toContain('feature gate SidecarContainers, beta, set to false on this cluster');
  });

  test.each([
    ['an unknown gate', ['--feature-gates', 'SidecarContainer=true'], /^cdk8s-pod-patterns lint: --feature-gates: unknown feature gate "SidecarContainer": the gates that change what the rules judge are SidecarContainers, /],
    ['a gate the release lacks', ['--feature-gates', 'RelaxedDNSSearchValidation=true'], /--feature-gates: feature gate RelaxedDNSSearchValidation is not in Kubernetes 1\.28 \(it was added in 1\.32\)/],
    ['no value', ['--feature-gates', 'SidecarContainers'], /--feature-gates: "SidecarContainers" is not GATE=true or GATE=false \(e\.g\. --feature-gates SidecarContainers=true,ProcMountType=true\)/],
    ['not a boolean', ['--feature-gates', 'SidecarContainers=yes'], /--feature-gates: "SidecarContainers=yes" is not GATE=true or GATE=false/],
  ])('%s is a usage error', (_label, argv, pattern) => {
    expectUsageError(lint([...argv, PRIVILEGED_POD]), pattern);
  });

  test('--list-rules does not take it', () => {
    expectUsageError(lint(['--list-rules', '--feature-gates', 'SidecarContainers=true']), /--list-rules lists the rules and lints nothing: drop --feature-gates/);
  });
});

describe('lint --list-rules', () => {
  test('prints every rule with its releases and exits 0, reading no input', () => {
    const result = lint(['--list-rules']);
    expect(result.code).toBe(ExitCode.CLEAN);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^RULE +SEVERITY +SUPPRESSIBLE +KUBERNETES +SUMMARY\n/);
    // pkg/features/kube_features.go: SidecarContainers on by default from 1.29, ProcMountType from 1.33.
    expect(result.stdout).toMatch(/^bp-sidecar-feature-gate +warning +yes +1\.28 +Native sidecars/m);
    expect(result.stdout).toMatch(/^pss-baseline-proc-mount +error +yes +1\.33–1\.35 /m);
  });

  test('--kubernetes-version 1.33 --format json: parses, names the release, only its rules', () => {
    const result = lint(['--list-rules', '--kubernetes-version', '1.33', '--format', 'json']);
    expect(result.code).toBe(ExitCode.CLEAN);
    const report = JSON.parse(result.stdout);
    expect(report.kubernetesVersion).toBe('1.33');
    const ids = report.rules.map((rule: { id: string }) => rule.id);
    expect(ids).toContain('pss-baseline-proc-mount');
    expect(ids).not.toContain('bp-sidecar-feature-gate');
  });

  test.each([
    ['a file', ['--list-rules', PRIVILEGED_POD], /--list-rules lists the rules and lints nothing: drop FILE ".*privileged-latest-pod\.yaml", or drop --list-rules to lint/],
    ['--profile', ['--list-rules', '--profile', 'baseline'], /--list-rules lists the rules and lints nothing: drop --profile, or drop --list-rules to lint/],
    ['--disable', ['--list-rules', '--disable', 'bp-bare-pod'], /drop --disable/],
    ['an unsupported release', ['--list-rules', '--kubernetes-version', '1.36'], /--kubernetes-version: unsupported Kubernetes version "1\.36": use one of 1\.28/],
    ['an unknown format', ['--list-rules', '--format', 'yaml'], /unknown --format "yaml"/],
  ])('with %s is a usage error', (_label, argv, pattern) => {
    expectUsageError(lint(argv), pattern);
  });

  test('--help documents it', () => {
    expect(LINT_USAGE).toContain('--list-rules [--format text|json] [--kubernetes-version 1.N]');
    expect(LINT_USAGE).toMatch(/ {2}--list-rules +print the rules instead of linting/);
  });
});

// The lint corpus (test/fixtures/manifests, plus test/fixtures/versioned/gated-fields.yaml whose fields depend on
// feature gates) at every supported version. Expected verdicts from pkg/features/kube_features.go:
// SidecarContainers on from 1.29 (dropDisabledFields keeps an init container's restartPolicy, so validation judges
// it); JobBackoffLimitPerIndex and JobPodReplacementPolicy on from 1.29; UserNamespacesSupport, ProcMountType and
// InPlacePodVerticalScaling on from 1.33 (procMount Unmasked then reaches Pod Security); MaxUnavailableStatefulSet
// on from 1.35.
describe('the lint corpus at each supported Kubernetes version', () => {
  const VERSIONED_RULES = /^(bp-sidecar-feature-gate|bp-dropped-alpha-field|api-container-restart-policy|api-init-container-probes|pss-baseline-proc-mount)$/;
  const CORPUS = [FIXTURES, path.join(FIXTURES, '..', 'versioned')];
  // 1.28 drops the sidecar's restartPolicy, then refuses its probe as an init container's (kube-apiserver v1.28.7, test/differential).
  const SIDECAR_128 = [
    'api-init-container-probes Pod/native-sidecar spec.initContainers[0].readinessProbe',
    'bp-sidecar-feature-gate Pod/native-sidecar spec.initContainers[0].restartPolicy',
    'bp-dropped-alpha-field Pod/native-sidecar spec.initContainers[1].restartPolicy',
  ];
  const SIDECAR_FROM_129 = ['api-container-restart-policy Pod/native-sidecar spec.initContainers[1].restartPolicy'];
  const USER_NS_BEFORE_133 = [
    'bp-dropped-alpha-field Pod/user-namespaced spec.containers[0].resizePolicy',
    'bp-dropped-alpha-field Pod/user-namespaced spec.containers[0].securityContext.procMount',
    'bp-dropped-alpha-field Pod/user-namespaced spec.hostUsers',
  ];
  const USER_NS_FROM_133 = ['pss-baseline-proc-mount Pod/user-namespaced spec.containers[0].securityContext.procMount'];
  const JOB_128 = [
    'bp-dropped-alpha-field Job/indexed spec.backoffLimitPerIndex',
    'bp-dropped-alpha-field Job/indexed spec.maxFailedIndexes',
    'bp-dropped-alpha-field Job/indexed spec.podReplacementPolicy',
  ];
  const STS_BEFORE_135 = ['bp-dropped-alpha-field StatefulSet/fast-rollout spec.updateStrategy.rollingUpdate.maxUnavailable'];
  const EXPECTED: Array<[string, string[]]> = [
    ['1.28', [...SIDECAR_128, ...USER_NS_BEFORE_133, ...JOB_128, ...STS_BEFORE_135]],
    ['1.29', [...SIDECAR_FROM_129, ...USER_NS_BEFORE_133, ...STS_BEFORE_135]],
    ['1.30', [...SIDECAR_FROM_129, ...USER_NS_BEFORE_133, ...STS_BEFORE_135]],
    ['1.31', [...SIDECAR_FROM_129, ...USER_NS_BEFORE_133, ...STS_BEFORE_135]],
    ['1.32', [...SIDECAR_FROM_129, ...USER_NS_BEFORE_133, ...STS_BEFORE_135]],
    ['1.33', [...SIDECAR_FROM_129, ...USER_NS_FROM_133, ...STS_BEFORE_135]],
    ['1.34', [...SIDECAR_FROM_129, ...USER_NS_FROM_133, ...STS_BEFORE_135]],
    // pod-security-admission v0.35.0 procMount1_35baseline: any procMount at baseline when hostUsers is false.
    ['1.35', [...SIDECAR_FROM_129]],
  ];

  function findingsAt(version: string, ...gates: string[]): any[] {
    const result = lint(['--format', 'json', '--profile', 'baseline', '--kubernetes-version', version, ...gates.flatMap((g) => ['--feature-gates', g]), ...CORPUS]);
    return JSON.parse(result.stdout).findings;
  }

  const baseline = findingsAt('1.28').filter((f) => !VERSIONED_RULES.test(f.ruleId));

  test.each(EXPECTED)('%s: the versioned rules find exactly what that release does; every other finding is 1.28\'s', (version, expected) => {
    const findings = findingsAt(version);
    const versioned = findings.filter((f) => VERSIONED_RULES.test(f.ruleId)).map((f) => `${f.ruleId} ${f.kind}/${f.name} ${f.path}`);
    expect(versioned.sort()).toEqual([...expected].sort());
    expect(findings.filter((f) => !VERSIONED_RULES.test(f.ruleId))).toEqual(baseline);
  });

  test('1.28 with SidecarContainers=true: sidecars judged as 1.29 judges them, every other gate still 1.28\'s', () => {
    const findings = findingsAt('1.28', 'SidecarContainers=true');
    const versioned = findings.filter((f) => VERSIONED_RULES.test(f.ruleId)).map((f) => `${f.ruleId} ${f.kind}/${f.name} ${f.path}`);
    expect(versioned.sort()).toEqual([...SIDECAR_FROM_129, ...USER_NS_BEFORE_133, ...JOB_128, ...STS_BEFORE_135].sort());
    expect(findings.filter((f) => !VERSIONED_RULES.test(f.ruleId))).toEqual(baseline);
  });
});

describe('lint --service-cluster-ip-range', () => {
  // The differential corpus's Service-21: the recording server (10.96.0.0/12) refused it with
  // `spec.clusterIPs: ... failed to allocate IP 10.0.0.10: the provided IP (10.0.0.10) is not in the valid range` (alloc.go allocIPs).
  const SERVICE = [
    'apiVersion: v1',
    'kind: Service',
    'metadata: { name: web }',
    'spec: { selector: { app: web }, ports: [{ name: http, port: 80 }], clusterIP: 10.0.0.10 }',
    '',
  ].join('\n');

  test('a clusterIP outside the declared range is an API error; without the flag nothing is judged', () => {
    const judged = lint(['--service-cluster-ip-range', '10.96.0.0/12', '-'], { stdin: SERVICE });
    expect(judged.code).toBe(ExitCode.FINDINGS);
    expect(judged.stdout).toMatch(/^ {2}error {4}api-service-allocation +spec\.clusterIPs: Invalid value: \["10\.0\.0\.10"\]: failed to allocate IP 10\.0\.0\.10: the provided IP \(10\.0\.0\.10\) is not in the valid range\. The range of valid IPs is 10\.96\.0\.0\/12/m);
    expect(lint(['--service-cluster-ip-range=10.0.0.0/24', '-'], { stdin: SERVICE }).code).toBe(ExitCode.CLEAN);
    expect(lint(['-'], { stdin: SERVICE }).code).toBe(ExitCode.CLEAN);
  });

  test.each([
    ['10.96.0.0/12,10.97.0.0/16', 'must be of different IP family'],
    ['10.96.0.0/12,fd00::/108,10.0.0.0/8', 'must not contain more than two entries'],
    ['10.96.0.0', 'service-cluster-ip-range\\[0\\] is not a valid cidr'],
    ['', 'must contain at least one valid cidr'],
  ])('"%s" is a usage error naming the flag, the value and the fix', (bad, problem) => {
    expectUsageError(lint(['--service-cluster-ip-range', bad, '-'], { stdin: SERVICE }),
      new RegExp(`^cdk8s-pod-patterns lint: --service-cluster-ip-range "${bad.replace(/\./g, '\\.')}" is not a valid --service-cluster-ip-range: .*${problem}.*; give one CIDR, or an IPv4 and an IPv6 CIDR`));
  });

  test('--help documents it; --list-rules refuses it (it lints nothing)', () => {
    expect(LINT_USAGE).toMatch(/--service-cluster-ip-range CIDR\[,CIDR\]\n\s+the cluster's Service IP ranges/);
    expectUsageError(lint(['--list-rules', '--service-cluster-ip-range', '10.96.0.0/12']), /drop --service-cluster-ip-range/);
  });
});
