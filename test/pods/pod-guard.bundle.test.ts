// The guard under a bundler: the same app, run as written (ts-node) and bundled
// into one file by a real esbuild run, must report once and write the same
// bytes. A bundle's stack frames name the bundle, not cdk8s/lib/app.js, so
// nothing here may depend on where cdk8s's code lives.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';

const REPO = path.join(__dirname, '..', '..');
const NODE_MODULES = path.join(REPO, 'node_modules');
const WARNING_BLOCK = /cdk8s-pod-patterns: \d+ warning\(s\) in \d+ workload\(s\)/g;

/** Four charts, each with workloads that warn (bare Pods, no requests); `bad` adds a privileged Pod. */
function appSource(bad: boolean): string {
  return `
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { InitGatedApp, PodPatterns, SafePod, WaitFor } from ${JSON.stringify(path.join(REPO, 'src'))};
const app = new App();
const USER = { user: 1000, group: 1000 };
for (const id of ['one', 'two', 'three', 'four']) {
  const chart = new Chart(app, id);
  const db = new kplus.Service(chart, 'db', { metadata: { name: id + '-db' }, ports: [{ port: 5432 }] });
  new SafePod(chart, 'pod', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
  new InitGatedApp(chart, 'web', { waitFor: [WaitFor.servicePort(db, 5432)], containers: [{ name: 'web', image: 'nginx:1.25', securityContext: USER }] });
  new kplus.Deployment(chart, 'plain', { containers: [{ image: 'redis:7.4.1', securityContext: USER }] });
  PodPatterns.apply(chart);
}
${bad ? "new SafePod(app.node.findChild('two') as Chart, 'root', { containers: [{ name: 'x', image: 'nginx:1.25', securityContext: { ...USER, privileged: true } }] });" : ''}
app.synth();
`;
}

interface Run {
  readonly status: number | null;
  readonly stderr: string;
  /** Written file name → content. */
  readonly files: Record<string, string>;
}

function run(command: string[], outdir: string): Run {
  fs.mkdirSync(outdir, { recursive: true });
  const result = spawnSync(process.execPath, command, {
    cwd: REPO,
    env: { ...process.env, CDK8S_OUTDIR: outdir, CDK8S_POD_PATTERNS_WARNINGS: 'print', NODE_PATH: NODE_MODULES },
    encoding: 'utf8',
  });
  const files = Object.fromEntries(fs.readdirSync(outdir).sort().map(name => [name, fs.readFileSync(path.join(outdir, name), 'utf8')]));
  return { status: result.status, stderr: result.stderr, files };
}

function normalAndBundled(bad: boolean): { normal: Run; bundled: Run; bundle: string } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
  const entry = path.join(work, 'main.ts');
  fs.writeFileSync(entry, appSource(bad));
  const bundle = path.join(work, 'main.bundle.js');
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent', nodePaths: [NODE_MODULES] });
  try {
    const normal = run([require.resolve('ts-node/dist/bin'), '-T', '-P', path.join(REPO, 'tsconfig.dev.json'), entry], path.join(work, 'normal'));
    const bundled = run([bundle], path.join(work, 'bundled'));
    return { normal, bundled, bundle: fs.readFileSync(bundle, 'utf8') };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The library's report on stderr, without what node itself may print (deprecation notices carry a pid). */
function reportOf(stderr: string): string {
  return stderr.split('\n').filter(line => !line.startsWith('(node:') && !line.startsWith('(Use `node --trace')).join('\n').trim();
}

jest.setTimeout(120_000);

test('bundled with esbuild, the app reports its warnings once and writes the same files as unbundled', () => {
  const { normal, bundled, bundle } = normalAndBundled(false);
  // A real bundle: cdk8s itself is inside it, so no stack frame names cdk8s/lib/app.js.
  expect(bundle).toContain('_synthChart');
  expect([normal.status, normal.stderr.match(WARNING_BLOCK)?.length]).toEqual([0, 1]);
  expect([bundled.status, bundled.stderr.match(WARNING_BLOCK)?.length]).toEqual([0, 1]);
  expect(Object.keys(bundled.files)).toEqual(['four.k8s.yaml', 'one.k8s.yaml', 'three.k8s.yaml', 'two.k8s.yaml']);
  expect(bundled.files).toEqual(normal.files);
  expect(reportOf(bundled.stderr)).toEqual(reportOf(normal.stderr));
  expect(reportOf(bundled.stderr)).toMatch(/^cdk8s-pod-patterns: \d+ warning/);
});

test('bundled with esbuild, a failing app fails once, naming the workload, and writes nothing', () => {
  const { normal, bundled } = normalAndBundled(true);
  for (const result of [normal, bundled]) {
    expect(result.status).not.toBe(0);
    expect(result.stderr.match(/\[cdk8s-pod-patterns\] 1 of \d+ workload\(s\) would be rejected/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/two\/root \(Pod "two-root-\w+", profile restricted\):\n(?: {4}\[api-[^\n]*\n)* {4}\[pss-baseline-privileged\]/);
    expect(result.files).toEqual({});
  }
});
