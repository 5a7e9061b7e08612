import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, JsonPatch, Size, Testing, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { InitGatedApp, KubernetesVersion, PodPatterns, SafePod, SecurityProfile, WarningPolicy } from '../../src';
import { PodGuard } from '../../src/pods/pod-guard';
import * as engine from '../../src/rules/engine';
import { Severity as FindingSeverity } from '../../src/rules/finding';
import { podTemplatesOf } from '../../src/rules/pod-templates';

const USER = { user: 1000, group: 1000 };
const GOOD: kplus.ContainerProps = { name: 'app', image: 'nginx:1.25', securityContext: USER, resources: { cpu: { request: kplus.Cpu.millis(10) }, memory: { request: Size.mebibytes(16) } } };

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the synth to fail');
}

function captureStderr(run: () => void): string {
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    run();
    return spy.mock.calls.map(call => String(call[0])).join('');
  } finally {
    spy.mockRestore();
  }
}

/** An app with one good chart and a second chart holding three bad workloads. */
function appWithBadWorkloads(outdir: string): App {
  const app = new App({ outdir });
  const good = new Chart(app, 'good');
  new SafePod(good, 'fine', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
  const bad = new Chart(app, 'bad');
  new SafePod(bad, 'privileged', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: { ...USER, privileged: true } }] });
  new SafePod(bad, 'clash', {
    containers: [
      { name: 'a', image: 'nginx:1.25', securityContext: USER, ports: [{ number: 80, hostPort: 8080 }] },
      { name: 'b', image: 'nginx:1.25', securityContext: USER, ports: [{ number: 81, hostPort: 8080 }] },
    ],
  });
  const gated = new InitGatedApp(bad, 'gated', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
  gated.workload.addInitContainer({ name: 'app', image: 'busybox:1.36', securityContext: { ...USER, allowPrivilegeEscalation: true } });
  return app;
}

/** The documented environment variable (README, warning-policy.ts). */
const WARNINGS_ENV = 'CDK8S_POD_PATTERNS_WARNINGS';
const quiet = process.env[WARNINGS_ENV];
afterEach(() => { process.env[WARNINGS_ENV] = quiet; });

describe('one guard per app', () => {
  let outdir: string;
  beforeEach(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-guard-'));
    process.env[WARNINGS_ENV] = 'ignore';
  });
  afterEach(() => {
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('app.synth() lists every failing workload by construct path, each with all its problems, and writes nothing', () => {
    const message = messageOf(() => appWithBadWorkloads(outdir).synth());
    expect(message).toMatch(/\[cdk8s-pod-patterns\] 3 of 4 workload\(s\) would be rejected/);
    expect(message).toMatch(/bad\/privileged \(Pod "bad-privileged-\w+", profile restricted\):\n(?: {4}\[api-[^\n]*\n)* {4}\[pss-baseline-privileged\]/);
    const clash = message.slice(message.indexOf('bad/clash ('), message.indexOf('bad/gated ('));
    expect(clash).toMatch(/\[api-host-port-conflict\] spec\.containers\[1\]\.ports\[0\]\.hostPort/);
    expect(clash).toMatch(/\[pss-baseline-host-ports\]/);
    const gated = message.slice(message.indexOf('bad/gated ('));
    expect(gated).toMatch(/\[api-container-name-duplicate\]/);
    expect(gated).toMatch(/\[pss-restricted-allow-privilege-escalation\]/);
    expect(message).not.toMatch(/good\/fine/);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  test('Testing.synth of the good chart fails too: the app is checked as a whole, as cdk8s validates', () => {
    const app = appWithBadWorkloads(outdir);
    expect(() => Testing.synth(app.node.findChild('good') as Chart)).toThrow(/3 of 4 workload\(s\)/);
  });

  test('the same app without problems is written in full', () => {
    const app = new App({ outdir });
    for (const id of ['one', 'two']) {
      new InitGatedApp(new Chart(app, id), 'app', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    }
    app.synth();
    expect(fs.readdirSync(outdir).sort()).toEqual(['one.k8s.yaml', 'two.k8s.yaml']);
  });

  test('a workload cdk8s-plus cannot render is reported with the others instead of aborting the check', () => {
    const chart = Testing.chart();
    new kplus.Deployment(chart, 'empty');
    PodPatterns.apply(chart);
    new SafePod(chart, 'privileged', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: { ...USER, privileged: true } }] });
    const message = messageOf(() => Testing.synth(chart));
    expect(message).toMatch(/test\/empty \(Deployment[^\n]*\n {4}cannot be rendered: .*PodSpec must have at least 1 container/);
    expect(message).toMatch(/test\/privileged/);
  });

  test('a second synth after a change made only through cdk8s-plus or cdk8s APIs is checked again', () => {
    const chart = Testing.chart();
    const pod = new SafePod(chart, 'pod', { containers: [{ name: 'a', image: 'nginx:1.25', securityContext: USER, ports: [{ number: 80 }] }] });
    const b = pod.addContainer({ name: 'b', image: 'nginx:1.25', securityContext: USER });
    Testing.synth(chart);
    b.addPort({ number: 81, hostPort: 80 });
    expect(() => Testing.synth(chart)).toThrow(/pss-baseline-host-ports/);
    const app = new App({ outdir });
    const other = new Chart(app, 'other');
    const raw = new SafePod(other, 'raw', { containers: [{ name: 'a', image: 'nginx:1.25', securityContext: USER }] });
    app.synth();
    ApiObject.of(raw).addJsonPatch(JsonPatch.add('/spec/containers/0/securityContext/privileged', true));
    expect(() => app.synth()).toThrow(/pss-baseline-privileged/);
  });

  test('a second synth after a change is checked again', () => {
    const chart = Testing.chart();
    const pod = new SafePod(chart, 'pod', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    Testing.synth(chart);
    pod.addContainer({ name: 'app', image: 'nginx:1.25', securityContext: USER });
    expect(() => Testing.synth(chart)).toThrow(/api-container-name-duplicate/);
  });
});

describe('warnings at synth', () => {
  beforeEach(() => { delete process.env[WARNINGS_ENV]; });

  function twoChartApp(outdir: string): App {
    const app = new App({ outdir });
    new SafePod(new Chart(app, 'one'), 'pod', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    new Chart(app, 'two');
    return app;
  }

  test('printed once per synth on stderr, grouped by workload, with rule id and path', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-guard-'));
    const stderr = captureStderr(() => twoChartApp(outdir).synth());
    expect(stderr.match(/cdk8s-pod-patterns: \d+ warning/g)).toHaveLength(1);
    expect(stderr).toMatch(/ {2}one\/pod \(Pod "one-pod-\w+", profile restricted\):\n {4}\[bp-bare-pod\] kind: Pod/);
    expect(stderr).toMatch(/\[bp-missing-resource-requests\] spec\.containers\[0\]\.resources/);
    expect(fs.readdirSync(outdir).sort()).toEqual(['one.k8s.yaml', 'two.k8s.yaml']);
  });

  test('WarningPolicy.IGNORE prints nothing', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-guard-'));
    const app = twoChartApp(outdir);
    PodPatterns.setWarningPolicy(app, WarningPolicy.IGNORE);
    expect(captureStderr(() => app.synth())).toBe('');
  });

  test('WarningPolicy.FAIL (or CDK8S_POD_PATTERNS_WARNINGS=fail) fails the synth and writes nothing', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-guard-'));
    process.env[WARNINGS_ENV] = 'fail';
    expect(() => twoChartApp(outdir).synth()).toThrow(/\[bp-bare-pod\] .*\(a warning; warning policy "fail"\)/);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  test('the innermost setting wins over the environment', () => {
    process.env[WARNINGS_ENV] = 'fail';
    const chart = Testing.chart();
    new SafePod(chart, 'pod', { containers: [GOOD] });
    PodPatterns.setWarningPolicy(chart, WarningPolicy.PRINT);
    expect(captureStderr(() => Testing.synth(chart))).toMatch(/bp-bare-pod/);
  });
});

describe('synth-time hardening (what is written is what was judged)', () => {
  test('a user patch added after an earlier synth runs before the hardening computed on its result', () => {
    const chart = Testing.chart();
    PodPatterns.apply(chart, { warnings: WarningPolicy.IGNORE });
    const deployment = new kplus.Deployment(chart, 'd', { containers: [{ name: 'a', image: 'nginx:1.25', securityContext: USER }] });
    Testing.synth(chart);
    ApiObject.of(deployment).addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0', { name: 'x', image: 'redis:7.4.1', securityContext: { runAsUser: 999 } }));
    const [x, a] = Testing.synth(chart)[0].spec.template.spec.containers;
    expect(x).toMatchObject({ name: 'x', imagePullPolicy: 'IfNotPresent', securityContext: { capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } } });
    expect(a.name).toBe('a');
    expect(a.imagePullPolicy).toBe('IfNotPresent'); // cdk8s-plus's default Always counts as unset
  });

  test('repeated synths of a k8s.Kube* object give the same bytes, quantities intact', () => {
    const chart = Testing.chart();
    new k8s.KubePod(chart, 'p', {
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'busybox:1.36.1', securityContext: { runAsUser: 1000 }, resources: { requests: { cpu: k8s.Quantity.fromString('10m') } } }] },
    });
    PodPatterns.apply(chart, { warnings: WarningPolicy.IGNORE });
    const first = Testing.synth(chart);
    expect(first[0].spec.containers[0].resources).toEqual({ requests: { cpu: '10m' } });
    expect(Testing.synth(chart)).toEqual(first);
    expect(Testing.synth(chart)).toEqual(first);
  });
});

describe('read-back: every written file holds exactly the manifests the check judged, hardened', () => {
  test('across charts, profiles and the ways a workload gets checked', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-back-'));
    try {
      const app = new App({ outdir });
      const one = new Chart(app, 'one');
      new SafePod(one, 'pod', { containers: [GOOD] });
      new InitGatedApp(one, 'web', { securityProfile: SecurityProfile.BASELINE, containers: [{ name: 'web', image: 'nginx:1.25' }] });
      const two = new Chart(app, 'two');
      new kplus.Deployment(two, 'plain', { containers: [{ image: 'redis:7.4.1', securityContext: USER }] });
      new k8s.KubeDeployment(two, 'kube', {
        spec: {
          selector: { matchLabels: { app: 'kube' } },
          template: { metadata: { labels: { app: 'kube' } }, spec: { containers: [{ name: 'k', image: 'busybox:1.36.1', securityContext: { runAsUser: 1000 } }] } },
        },
      });
      PodPatterns.apply(two);
      PodPatterns.setWarningPolicy(app, WarningPolicy.IGNORE);
      const judged: Array<{ manifest: any; profile: SecurityProfile }> = [];
      const spy = jest.spyOn(engine, 'findingsPerObject').mockImplementation((objects, options) => {
        objects.forEach(manifest => judged.push({ manifest: JSON.parse(JSON.stringify(manifest)), profile: options.profile }));
        return objects.map(() => []);
      });
      try {
        app.synth();
      } finally {
        spy.mockRestore();
      }
      const written = fs.readdirSync(outdir).flatMap(file => Yaml.load(path.join(outdir, file)));
      const workloads = written.filter(obj => podTemplatesOf(obj).length > 0);
      expect(workloads.map(obj => obj.kind).sort()).toEqual(['Deployment', 'Deployment', 'Deployment', 'Pod']);
      // judged once each, and what was judged is byte for byte what was written
      expect(judged).toHaveLength(workloads.length);
      expect(workloads).toEqual(expect.arrayContaining(judged.map(j => j.manifest)));
      for (const { manifest, profile } of judged) {
        const errors = engine.lintObjects([manifest], { profile }).filter(f => f.severity === FindingSeverity.ERROR);
        expect([manifest.metadata.name, errors]).toEqual([manifest.metadata.name, []]);
        for (const template of podTemplatesOf(manifest)) {
          for (const container of template.spec.containers) {
            expect(container.imagePullPolicy).toBe('IfNotPresent');
            expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' } });
            if (profile === SecurityProfile.RESTRICTED) expect(container.securityContext.capabilities).toEqual({ drop: ['ALL'] });
          }
        }
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('PodGuard.kubernetesVersionAt: the one resolution of the target release', () => {
  test('no setting (no guard yet): the default, without creating a guard', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    expect(PodGuard.kubernetesVersionAt(chart)).toBe(KubernetesVersion.DEFAULT);
    expect(app.node.tryFindChild('cdk8s-pod-patterns')).toBeUndefined();
  });

  test('the innermost setting around the construct wins, the construct itself included; of two on one scope the later', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const inner = new Chart(chart, 'inner');
    PodPatterns.setKubernetesVersion(app, KubernetesVersion.V1_33);
    expect(PodGuard.kubernetesVersionAt(inner)).toBe(KubernetesVersion.V1_33);
    PodPatterns.setKubernetesVersion(inner, KubernetesVersion.V1_30);
    PodPatterns.setKubernetesVersion(chart, KubernetesVersion.V1_35);
    expect(PodGuard.kubernetesVersionAt(inner)).toBe(KubernetesVersion.V1_30);
    expect(PodGuard.kubernetesVersionAt(chart)).toBe(KubernetesVersion.V1_35);
    PodPatterns.setKubernetesVersion(inner, KubernetesVersion.V1_28);
    expect(PodGuard.kubernetesVersionAt(inner)).toBe(KubernetesVersion.V1_28);
  });
});

describe('PodGuard.oncePerSynth: an app-wide validation computed once per app.synth()', () => {
  test('inside app.synth() once per key, whatever the number of charts; outside it on every call', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'once-per-synth-'));
    try {
      const app = new App({ outdir });
      const charts = ['one', 'two', 'three'].map(id => new Chart(app, id));
      const guard = PodGuard.of(app);
      const calls = { a: 0, b: 0 };
      for (const key of ['a', 'b'] as const) {
        const check = new Construct(app, `check-${key}`);
        check.node.addValidation({ validate: () => guard.oncePerSynth(check, () => { calls[key] += 1; return []; }) });
      }
      app.synth(); // cdk8s 2.70: one validation of the app, then one per chart's toJson()
      expect(calls).toEqual({ a: 1, b: 1 });
      app.synth();
      expect(calls).toEqual({ a: 2, b: 2 });
      charts[0].toJson();
      Testing.synth(charts[1]);
      expect(calls).toEqual({ a: 4, b: 4 });
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
