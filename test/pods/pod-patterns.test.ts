import { ApiObject, Size, Testing, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { InitGatedApp, KubernetesVersion, ManifestLinter, PodPatterns, SafePod, SecurityProfile, Severity, WarningPolicy } from '../../src';
import { ExitCode, runLint } from '../../src/cli/lint-command';
import { lintReports } from '../../src/rules/engine';
import { captureIo } from '../cli/capture-io';
import { evaluateManifest } from '../support/pss-oracle';
import { only, synthValid } from '../support/synth';

const USER = { user: 1000, group: 1000 };

function rawPod(scope: any, id: string, container: any): ApiObject {
  return new ApiObject(scope, id, { apiVersion: 'v1', kind: 'Pod', metadata: { name: id }, spec: { containers: [container] } });
}

describe('PodPatterns.apply', () => {
  test('hardens a plain cdk8s-plus Deployment where fields are absent, keeping cdk8s-plus\'s own values', () => {
    const chart = Testing.chart();
    new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx:1.25', securityContext: USER }] });
    PodPatterns.apply(chart, { warnings: WarningPolicy.IGNORE });
    const deployment = only(synthValid(chart), 'Deployment');
    const [container] = deployment.spec.template.spec.containers;
    expect(container.securityContext).toMatchObject({ capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' }, runAsNonRoot: true });
    expect(container.imagePullPolicy).toBe('IfNotPresent'); // cdk8s-plus's default Always counts as unset, as in SafePod
    expect(evaluateManifest(deployment, 'restricted').forbidden).toEqual([]);
  });

  // k8s: pkg/apis/core/v1/defaults.go SetDefaults_Container: Always for :latest or no tag, IfNotPresent otherwise.
  test('the pull policy of a cdk8s-plus container is the one SafePod computes for the same image', () => {
    const images = ['nginx:1.25', 'nginx', 'nginx:latest', `nginx@sha256:${'a'.repeat(64)}`];
    const applied = Testing.chart();
    const deployment = new kplus.Deployment(applied, 'web', { containers: [{ name: 'c0', image: images[0], securityContext: USER }] });
    images.slice(1).forEach((image, i) => deployment.addContainer({ name: `c${i + 1}`, image, securityContext: USER }));
    PodPatterns.apply(applied, { warnings: WarningPolicy.IGNORE });
    const safe = Testing.chart();
    new SafePod(safe, 'pod', { allowMutableImageTags: true, containers: images.map((image, i) => ({ name: `c${i}`, image, securityContext: USER })) });
    const policies = (containers: any[]) => containers.map(c => c.imagePullPolicy);
    const fromApply = policies(only(Testing.synth(applied), 'Deployment').spec.template.spec.containers);
    expect(fromApply).toEqual(['IfNotPresent', 'Always', 'Always', 'IfNotPresent']);
    expect(fromApply).toEqual(policies(only(Testing.synth(safe), 'Pod').spec.containers));
  });

  test('a raw object\'s explicit Always is the user\'s and is kept; harden: false keeps cdk8s-plus\'s', () => {
    const chart = Testing.chart();
    rawPod(chart, 'raw', { name: 'y', image: 'busybox:1.36', imagePullPolicy: 'Always', securityContext: { runAsUser: 1000 } });
    PodPatterns.apply(chart, { warnings: WarningPolicy.IGNORE });
    expect(only(Testing.synth(chart), 'Pod').spec.containers[0].imagePullPolicy).toBe('Always');
    const plain = Testing.chart();
    new kplus.Deployment(plain, 'web', { containers: [{ image: 'nginx:1.25', securityContext: USER }] });
    PodPatterns.apply(plain, { harden: false, securityProfile: SecurityProfile.PRIVILEGED, warnings: WarningPolicy.IGNORE });
    expect(only(Testing.synth(plain), 'Deployment').spec.template.spec.containers[0].imagePullPolicy).toBe('Always');
  });

  test('k8s.Kube* objects keep their quantities when hardened (patches apply before the L1 conversion)', () => {
    const chart = Testing.chart();
    new k8s.KubeDeployment(chart, 'raw', {
      spec: {
        selector: { matchLabels: { app: 'raw' } },
        template: {
          metadata: { labels: { app: 'raw' } },
          spec: {
            containers: [{
              name: 'x',
              image: 'nginx:1.25',
              securityContext: { runAsUser: 1000 },
              resources: { requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('64Mi') } },
              ports: [{ containerPort: 8080 }],
              readinessProbe: { httpGet: { path: '/', port: k8s.IntOrString.fromNumber(8080) } },
            }],
          },
        },
      },
    });
    PodPatterns.apply(chart, { warnings: WarningPolicy.IGNORE });
    const [container] = only(synthValid(chart), 'Deployment').spec.template.spec.containers;
    expect(container.resources).toEqual({ requests: { cpu: '100m', memory: '64Mi' } });
    expect(container.readinessProbe.httpGet.port).toBe(8080);
    expect(container.imagePullPolicy).toBe('IfNotPresent');
    expect(container.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
  });

  test('raw ApiObjects get the computed pull policy and the profile\'s fields; a second synth gives the same bytes', () => {
    const chart = Testing.chart();
    rawPod(chart, 'raw', { name: 'y', image: 'busybox:1.36', securityContext: { runAsUser: 1000 } });
    PodPatterns.apply(chart, { warnings: WarningPolicy.IGNORE });
    const first = synthValid(chart);
    expect(first[0].spec.containers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', securityContext: { readOnlyRootFilesystem: true } });
    expect(Testing.synth(chart)).toEqual(first);
  });

  test('an explicit privileged: true under RESTRICTED is an error naming it, not a silent fix', () => {
    const chart = Testing.chart();
    rawPod(chart, 'raw', { name: 'y', image: 'busybox:1.36', securityContext: { privileged: true } });
    PodPatterns.apply(chart, { warnings: WarningPolicy.IGNORE });
    expect(() => Testing.synth(chart)).toThrow(/test\/raw \(Pod "raw", profile restricted\):\n(?: {4}\[api-[^\n]*\n)* {4}\[pss-baseline-privileged\] spec\.containers\[0\]\.securityContext\.privileged: container "y" sets securityContext\.privileged: true/);
  });

  test('harden: false checks without changing anything', () => {
    const chart = Testing.chart();
    rawPod(chart, 'raw', { name: 'y', image: 'busybox:1.36' });
    PodPatterns.apply(chart, { harden: false, securityProfile: SecurityProfile.BASELINE, warnings: WarningPolicy.IGNORE });
    expect(Testing.synth(chart)[0].spec.containers[0]).toEqual({ name: 'y', image: 'busybox:1.36' });
    const bad = Testing.chart();
    rawPod(bad, 'raw', { name: 'y', image: 'busybox:1.36', securityContext: { privileged: true } });
    PodPatterns.apply(bad, { harden: false, securityProfile: SecurityProfile.BASELINE, warnings: WarningPolicy.IGNORE });
    expect(() => Testing.synth(bad)).toThrow(/pss-baseline-privileged/);
  });

  test('of two apply calls on one scope, the later one wins', () => {
    const chart = Testing.chart();
    new kplus.Deployment(chart, 'root-image', { containers: [{ image: 'nginx:1.25', securityContext: { ensureNonRoot: false } }] });
    PodPatterns.apply(chart, { warnings: WarningPolicy.IGNORE });
    expect(() => Testing.synth(chart)).toThrow(/profile restricted/);
    PodPatterns.apply(chart, { securityProfile: SecurityProfile.BASELINE });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('library constructs keep their own profile inside an applied scope; the innermost scope wins for the rest', () => {
    const chart = Testing.chart();
    new SafePod(chart, 'mine', { securityProfile: SecurityProfile.BASELINE, containers: [{ name: 'app', image: 'nginx:1.25' }] });
    const team = new kplus.Deployment(chart, 'team', { containers: [{ image: 'nginx:1.25', securityContext: USER }] });
    PodPatterns.apply(chart, { warnings: WarningPolicy.IGNORE });
    PodPatterns.apply(team, { securityProfile: SecurityProfile.PRIVILEGED, harden: false });
    const manifests = synthValid(chart);
    expect(only(manifests, 'Pod').spec.containers[0].securityContext.runAsNonRoot).toBe(false);
    expect(only(manifests, 'Deployment').spec.template.spec.containers[0].securityContext.capabilities).toBeUndefined();
  });
});

describe('PodPatterns.suppress', () => {
  test('writes kube-linter\'s annotation; the synth and lint of the YAML agree and list it as suppressed', () => {
    const chart = Testing.chart();
    const resources = { cpu: { request: kplus.Cpu.millis(10) }, memory: { request: Size.mebibytes(16) } };
    const pod = new SafePod(chart, 'pod', { metadata: { name: 'debug' }, containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER, resources }] });
    PodPatterns.suppress(pod, 'bp-bare-pod', 'a one-off debugging Pod, deleted after use');
    PodPatterns.setWarningPolicy(chart, WarningPolicy.FAIL);
    const manifests = Testing.synth(chart);
    const [manifest] = manifests;
    expect(manifest.metadata.annotations).toMatchObject({ 'ignore-check.cdk8s-pod-patterns.io/bp-bare-pod': 'a one-off debugging Pod, deleted after use' });
    expect(ManifestLinter.lint(manifests).map(f => f.ruleId)).not.toContain('bp-bare-pod');
    const [report] = lintReports(manifests, { profile: SecurityProfile.RESTRICTED });
    expect(report.suppressed.map(s => [s.ruleId, s.reason])).toEqual([['bp-bare-pod', 'a one-off debugging Pod, deleted after use']]);
  });

  test('round trip: construct → YAML as cdk8s writes it → the lint command, which agrees and lists the exception', () => {
    const chart = Testing.chart();
    const pod = new SafePod(chart, 'pod', { metadata: { name: 'debug' }, containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    PodPatterns.suppress(pod, 'bp-bare-pod', 'a one-off debugging Pod');
    PodPatterns.setWarningPolicy(chart, WarningPolicy.IGNORE);
    const io = captureIo({ files: { 'synth.k8s.yaml': Yaml.stringify(...Testing.synth(chart)) } });
    expect(runLint(['--format', 'json', 'synth.k8s.yaml'], io)).toBe(ExitCode.CLEAN);
    const output = JSON.parse(io.stdoutText());
    expect(output.findings.map((f: any) => f.ruleId)).toEqual(['bp-missing-resource-requests']);
    expect(output.suppressed).toEqual([expect.objectContaining({ ruleId: 'bp-bare-pod', reason: 'a one-off debugging Pod', name: 'debug' })]);
  });

  test('works on an InitGatedApp (its workload carries the annotation)', () => {
    const chart = Testing.chart();
    const app = new InitGatedApp(chart, 'app', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    PodPatterns.suppress(app, 'bp-missing-resource-requests', 'sized by the VPA');
    expect(only(Testing.synth(chart), 'Deployment').metadata.annotations).toMatchObject({ 'ignore-check.cdk8s-pod-patterns.io/bp-missing-resource-requests': 'sized by the VPA' });
  });

  test.each([
    ['bp-bare-pod', '  ', /the reason is empty/],
    ['api-container-name', 'because', /api-container-name/],
    ['runtime-image-reference', 'because', /"runtime-image-reference": the kubelet certainly fails on it/],
    ['no-such-rule', 'because', /no-such-rule/],
  ])('refuses %j with reason %j', (ruleId, reason, message) => {
    const pod = new SafePod(Testing.chart(), 'pod', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    expect(() => PodPatterns.suppress(pod, ruleId, reason)).toThrow(message);
  });

  test('a suppressed PSS rule no longer fails the synth, other rules still do', () => {
    const chart = Testing.chart();
    const pod = new SafePod(chart, 'pod', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: { ...USER, allowPrivilegeEscalation: true } }] });
    PodPatterns.suppress(pod, 'pss-restricted-allow-privilege-escalation', 'needs setuid ping, reviewed in SEC-42');
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(ManifestLinter.lint(Testing.synth(chart)).filter(f => f.severity === Severity.ERROR)).toEqual([]);
  });
});

// SidecarContainers: alpha/off in 1.28, on by default from 1.29 (pkg/features/kube_features.go).
describe('the target Kubernetes version', () => {
  function sidecarApp(): { chart: ReturnType<typeof Testing.chart> } {
    const chart = Testing.chart();
    new SafePod(chart, 'pod', {
      containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }],
      sidecars: [{ name: 'logs', image: 'fluent/fluent-bit:2.2', securityContext: USER }],
    });
    PodPatterns.setWarningPolicy(chart, WarningPolicy.FAIL);
    return { chart };
  }

  function synthError(chart: ReturnType<typeof Testing.chart>): string {
    try {
      Testing.synth(chart);
      return '';
    } catch (e) {
      return (e as Error).message;
    }
  }

  test('by default (1.28) a SafePod sidecar is told the gate must be enabled', () => {
    expect(synthError(sidecarApp().chart)).toMatch(/\[bp-sidecar-feature-gate\] spec\.initContainers\[0\]\.restartPolicy: .*Kubernetes 1\.28 supports only with the alpha SidecarContainers feature gate/);
  });

  test.each([KubernetesVersion.V1_29, KubernetesVersion.V1_33])('PodPatterns.setKubernetesVersion(%s): no sidecar gate warning', (version) => {
    const { chart } = sidecarApp();
    PodPatterns.setKubernetesVersion(chart, version);
    const error = synthError(chart);
    expect(error).not.toContain('bp-sidecar-feature-gate');
  });

  test('PodPatterns.apply({ kubernetesVersion }) sets it for the scope; the innermost setting wins', () => {
    const { chart } = sidecarApp();
    PodPatterns.apply(chart.node.root, { kubernetesVersion: KubernetesVersion.V1_33 });
    expect(synthError(chart)).not.toContain('bp-sidecar-feature-gate');
    PodPatterns.setKubernetesVersion(chart, KubernetesVersion.V1_28);
    expect(synthError(chart)).toContain('bp-sidecar-feature-gate');
  });

  test('an adopted cdk8s-plus workload is hardened for the release in effect at synth, set after it was constructed', () => {
    const chart = Testing.chart();
    PodPatterns.apply(chart);
    new kplus.Deployment(chart, 'api', { containers: [{ name: 'api', image: '[::1]:5000/app:1.0', securityContext: USER }] });
    expect(synthError(chart)).toMatch(/\[runtime-image-reference\] spec\.template\.spec\.containers\[0\]\.image: container "api" image "\[::1\]:5000\/app:1\.0" cannot be pulled/);
    PodPatterns.setKubernetesVersion(chart, KubernetesVersion.V1_33);
    const deployment = only(synthValid(chart), 'Deployment');
    expect(deployment.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
  });
});
