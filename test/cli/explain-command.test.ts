import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { captureIo } from './capture-io';
import { InitGatedApp, WaitFor, WorkloadKind } from '../../src';
import { EXPLAIN_USAGE, parseAssumption, runExplain } from '../../src/cli/explain-command';
import { ExitCode } from '../../src/cli/lint-command';
import { main } from '../../src/cli/main';
import { fixture } from '../support/fixtures';

/** The guide's gated Pod plus a TCP-gated Deployment, synthesized by the library into one directory. */
function synthesizedDir(): string {
  const chart = Testing.chart();
  const myservice = new kplus.Service(chart, 'myservice', { metadata: { name: 'myservice' }, ports: [{ port: 80, targetPort: 9376 }] });
  const mydb = new kplus.Service(chart, 'mydb', { metadata: { name: 'mydb' }, ports: [{ port: 80, targetPort: 9377 }] });
  new InitGatedApp(chart, 'myapp-pod', {
    workload: WorkloadKind.POD,
    metadata: { name: 'myapp-pod' },
    waitFor: [WaitFor.service(myservice), WaitFor.service(mydb)],
    containers: [{ name: 'myapp-container', image: 'busybox:1.28', securityContext: { user: 1000, group: 1000 } }],
  });
  new InitGatedApp(chart, 'api', {
    metadata: { name: 'api' },
    waitFor: [WaitFor.tcp('postgres', 5432)],
    containers: [{ name: 'api', image: 'nginx:1.27', securityContext: { user: 1000, group: 1000 } }],
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-'));
  fs.writeFileSync(path.join(dir, 'app.k8s.yaml'), Yaml.stringify(...Testing.synth(chart)));
  fs.writeFileSync(path.join(dir, 'construct-metadata.json'), '{"version":"1.0.0","resources":{}}');
  return dir;
}

const DIR = synthesizedDir();
const FILE = path.join(DIR, 'app.k8s.yaml');
afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

function explain(argv: string[], options: Parameters<typeof captureIo>[0] = {}) {
  const io = captureIo(options);
  const code = runExplain(argv, io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

/** As lint: exit 2, exactly one line on stderr, nothing on stdout. */
function expectUsageError(result: ReturnType<typeof explain>, pattern: RegExp): void {
  expect(result.code).toBe(ExitCode.USAGE);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('explain: a directory of synthesized manifests', () => {
  test('explains every workload, skipping the non-manifest JSON as lint does', () => {
    const result = explain([DIR]);
    expect(result.code).toBe(ExitCode.CLEAN);
    expect(result.stdout).toContain('Pod/myapp-pod: the kubelet\'s view (Kubernetes 1.28)');
    expect(result.stdout).toContain('Deployment/api: the kubelet\'s view (Kubernetes 1.28)');
    expect(result.stderr).toMatch(/skipped, not a Kubernetes manifest: .*construct-metadata\.json/);
  });

  test('--workload picks one workload by name', () => {
    const result = explain([DIR, '--workload', 'myapp-pod']);
    expect(result.code).toBe(ExitCode.CLEAN);
    expect(result.stdout.match(/the kubelet's view/g)).toHaveLength(1);
  });

  test('--format json prints an array of explanations', () => {
    const result = explain([DIR, '--format', 'json', '--workload', 'Pod/myapp-pod']);
    const json = JSON.parse(result.stdout);
    expect(json).toHaveLength(1);
    expect(json[0].workload).toEqual({ kind: 'Pod', name: 'myapp-pod' });
  });

  test('--assume adds the timeline table: mydb at +90 s starts the app 90-93 s in', () => {
    const result = explain([DIR, '--workload', 'myapp-pod', '--assume', 'mydb=ready@90']);
    expect(result.code).toBe(ExitCode.CLEAN);
    expect(result.stdout).toContain('Timeline (assuming mydb at +90 s;');
    expect(result.stdout).toMatch(/outcome: app containers start at \+90\.\.93s/);
  });

  test('--format mermaid prints a gantt chart per workload', () => {
    const result = explain([DIR, '--format', 'mermaid', '--assume', 'postgres=never']);
    expect(result.stdout).toMatch(/^%% Pod\/myapp-pod best case, every dependency reachable from the start\ngantt\n/);
    expect(result.stdout).toContain('CrashLoopBackOff');
  });

  test('the main program dispatches "explain" and lists it in its usage', () => {
    const io = captureIo();
    expect(main(['explain', '--help'], io)).toBe(ExitCode.CLEAN);
    expect(io.stdoutText()).toBe(EXPLAIN_USAGE);
    const usage = captureIo();
    main(['--help'], usage);
    expect(usage.stdoutText()).toContain('explain [FILE|DIR|-]...');
  });
});

describe('explain refuses what lint refuses, in one line with exit 2', () => {
  test('a missing file', () => {
    expectUsageError(explain(['nope.yaml']), /^cdk8s-pod-patterns explain: nope\.yaml: no such file or directory\n$/);
  });

  test('malformed YAML names the file and position', () => {
    expectUsageError(explain([fixture('malformed-tab.yaml')]), /malformed-tab\.yaml:\d+:\d+: malformed YAML\/JSON: /);
  });

  test('empty stdin', () => {
    expectUsageError(explain(['-'], { stdin: '' }), /no Kubernetes objects found in <stdin>/);
  });

  test('objects but no workload', () => {
    expectUsageError(explain(['-'], { stdin: 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\n' }), /no workload in <stdin>: explain needs a Pod, Deployment/);
  });

  test('an unknown --workload lists the names that exist', () => {
    expectUsageError(explain([FILE, '--workload', 'myap']), /no workload named "myap": the workloads are Pod\/myapp-pod, Deployment\/api/);
  });

  test('--assume naming no waiter target says so and lists the targets', () => {
    expectUsageError(explain([FILE, '--assume', 'redis=ready@5']), /--assume redis: no waiter waits for "redis": the waiters wait for myservice, mydb, postgres/);
  });

  test('--assume with a malformed value', () => {
    expectUsageError(explain([DIR, '--assume', 'mydb=90']), /--assume "mydb=90" is not NAME=ready@SECONDS or NAME=never/);
  });

  test('an unknown --format or option', () => {
    expectUsageError(explain([DIR, '--format', 'yaml']), /unknown --format "yaml": use text, mermaid or json/);
    expectUsageError(explain([DIR, '--fromat', 'json']), /unknown option "--fromat"/);
  });
});

test('a malformed file inside a directory is reported, the others still explained, and the run ends with exit 2 (as lint)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-malformed-'));
  try {
    fs.copyFileSync(FILE, path.join(dir, 'good.yaml'));
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'kind: Pod\n\tspec: {}\n');
    const result = explain([dir]);
    expect(result.code).toBe(ExitCode.USAGE);
    expect(result.stderr).toMatch(/^cdk8s-pod-patterns explain: .*bad\.yaml:\d+:\d+: malformed YAML\/JSON: /);
    expect(result.stdout).toContain('Pod/myapp-pod: the kubelet\'s view');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('without FILE it reads cdk8s.out, where cdk8s synth writes', () => {
  const cwd = process.cwd();
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-cwd-'));
  try {
    process.chdir(empty);
    expectUsageError(explain([]), /^cdk8s-pod-patterns explain: cdk8s\.out: no such file or directory\n$/);
  } finally {
    process.chdir(cwd);
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

describe('parseAssumption', () => {
  test('ready@SECONDS and never', () => {
    expect(parseAssumption('mydb=ready@90')).toEqual({ target: 'mydb', readyAtSeconds: 90 });
    expect(parseAssumption('wait-for-mydb=never')).toEqual({ target: 'wait-for-mydb' });
  });
});

describe('explain --kubernetes-version', () => {
  const SIDECAR_POD = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: { name: with-sidecar }',
    'spec:',
    '  initContainers: [{ name: proxy, image: "envoyproxy/envoy:v1.29.1", restartPolicy: Always }]',
    '  containers: [{ name: app, image: "busybox:1.36.1" }]',
    '',
  ].join('\n');

  test('1.28 (default) says native sidecars need the gate; 1.33 does not, and says what its kubelet does against 1.28\'s', () => {
    const at128 = explain(['-'], { stdin: SIDECAR_POD });
    expect(at128.code).toBe(ExitCode.CLEAN);
    // the text wraps long lines
    expect(at128.stdout.replace(/\s+/g, ' ')).toContain('needs the SidecarContainers feature gate on 1.28, alpha; on by default from 1.29');
    expect(at128.stdout).toContain('the kubelet\'s view (Kubernetes 1.28)\n');
    const at133 = explain(['-', '--kubernetes-version', '1.33'], { stdin: SIDECAR_POD });
    expect(at133.code).toBe(ExitCode.CLEAN);
    expect(at133.stdout).not.toContain('feature gate');
    expect(at133.stdout).toContain('the kubelet\'s view (Kubernetes 1.33)\n\nThe kubelet of Kubernetes 1.33 (against 1.28):\n');
    // kube_features.go: ReduceDefaultCrashLoopBackOffDecay alpha and off by default from 1.33
    expect(at133.stdout.replace(/\s+/g, ' ')).toContain('Off by default in 1.33 (ReduceDefaultCrashLoopBackOffDecay, alpha)');
    expect(at133.stdout.replace(/\s+/g, ' ')).toContain('once they have all stopped, the sidecars get it one by one in reverse order (proxy)');
    expect(JSON.parse(explain(['-', '--format', 'json', '--kubernetes-version=1.33'], { stdin: SIDECAR_POD }).stdout)).toMatchObject([{ kubernetesVersion: '1.33' }]);
  });

  test('--feature-gates SidecarContainers=true on 1.28: a sidecar, no gate note; the header and the JSON name the gate', () => {
    const gated = explain(['-', '--feature-gates', 'SidecarContainers=true'], { stdin: SIDECAR_POD });
    expect(gated.code).toBe(ExitCode.CLEAN);
    expect(gated.stdout).not.toContain('needs the SidecarContainers feature gate');
    expect(gated.stdout).toContain('the kubelet\'s view (Kubernetes 1.28 with SidecarContainers=true)\n');
    expect(gated.stdout.replace(/\s+/g, ' ')).toContain('the sidecars get it one by one in reverse order (proxy)');
    const json = JSON.parse(explain(['-', '--format', 'json', '--feature-gates', 'SidecarContainers=true'], { stdin: SIDECAR_POD }).stdout);
    expect(json).toMatchObject([{ kubernetesVersion: '1.28', featureGates: { SidecarContainers: true } }]);
    expectUsageError(explain(['-', '--feature-gates', 'Sidecars=true'], { stdin: SIDECAR_POD }), /^cdk8s-pod-patterns explain: --feature-gates: unknown feature gate "Sidecars"/);
  });

  test.each(['1.27', '1.36', 'v1.33', 'latest'])('"%s" is a usage error listing the supported versions', (bad) => {
    expectUsageError(explain([DIR, '--kubernetes-version', bad]),
      /^cdk8s-pod-patterns explain: --kubernetes-version: unsupported Kubernetes version ".*": use one of 1\.28, 1\.29, 1\.30, 1\.31, 1\.32, 1\.33, 1\.34, 1\.35\n$/);
  });
});
