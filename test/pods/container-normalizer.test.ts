import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { KubernetesVersion, PodPatterns, SecurityProfile } from '../../src';
import { ContainerRole, normalizeBuiltContainer, normalizeContainer, NormalizeOptions } from '../../src/pods/container-normalizer';

const OPTIONS: NormalizeOptions = { owner: 'app/web', allowMutableImageTags: false, securityProfile: SecurityProfile.RESTRICTED, versionScope: new App() };

/** Options whose workload targets `version` (set on its chart). */
function optionsFor(version: KubernetesVersion): NormalizeOptions {
  const chart = new Chart(new App(), 'chart');
  PodPatterns.setKubernetesVersion(chart, version);
  return { ...OPTIONS, versionScope: chart };
}

// Image references 1.29+ reads and 1.28 refuses: an IPv6 registry (distribution/reference v0.5.0 regexp.go
// ipv6address) and an upper-case first component, a registry host (v0.5.0 normalize.go splitDockerDomain).
const READ_FROM_1_29 = ['[::1]:5000/app:1.0', 'Registry/app:1.0'];

describe('normalizeContainer', () => {
  test.each([
    ['nginx:1.25', 'IfNotPresent'],
    ['nginx:1.25@sha256:' + 'a'.repeat(64), 'IfNotPresent'],
    ['nginx:latest@sha256:' + 'a'.repeat(64), 'Always'],
  ])('%s gets the pull policy Kubernetes computes (k8s: pkg/apis/core/v1/defaults.go)', (image, policy) => {
    expect(normalizeContainer({ image }, ContainerRole.APP, OPTIONS).imagePullPolicy).toBe(policy);
  });

  test('a container shape found clean before still has its own name checked, and other shapes their rules', () => {
    expect(() => normalizeContainer({ name: 'good', image: 'nginx:1.26' }, ContainerRole.APP, OPTIONS)).not.toThrow();
    expect(() => normalizeContainer({ name: 'Bad_Name', image: 'nginx:1.26' }, ContainerRole.APP, OPTIONS))
      .toThrow(/^app\/web: container "Bad_Name" name "Bad_Name" is not a DNS-1123 label.*\[api-container-name\]/);
    expect(() => normalizeContainer({ name: '', image: 'nginx:1.26' }, ContainerRole.APP, OPTIONS)).toThrow(/\[api-container-name\]/);
    expect(() => normalizeContainer({ name: 'good', image: 'nginx:1.26', imagePullPolicy: 'always' as kplus.ImagePullPolicy }, ContainerRole.APP, OPTIONS))
      .toThrow(/\[api-image-pull-policy\]/);
    expect(() => normalizeContainer({ name: 'good', image: 'nginx:latest' }, ContainerRole.APP, OPTIONS)).toThrow(/\[bp-mutable-image-tag\]/);
    expect(() => normalizeContainer({ name: 'good', image: 'nginx:latest' }, ContainerRole.APP, { ...OPTIONS, allowMutableImageTags: true })).not.toThrow();
    expect(() => normalizeContainer({ name: 'again', image: 'nginx:latest' }, ContainerRole.APP, OPTIONS)).toThrow(/\[bp-mutable-image-tag\]/);
  });

  test('no resources are invented: an empty spec stops cdk8s-plus from adding its own', () => {
    expect(normalizeContainer({ image: 'nginx:1.25' }, ContainerRole.APP, OPTIONS).resources).toEqual({});
    const own = { cpu: { request: kplus.Cpu.millis(50) } };
    expect(normalizeContainer({ image: 'nginx:1.25', resources: own }, ContainerRole.APP, OPTIONS).resources).toBe(own);
  });

  test('an init container with restartPolicy Always is a sidecar: probes allowed where SidecarContainers is on, policy kept', () => {
    const props = { image: 'envoyproxy/envoy:v1.28.0', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS, readiness: kplus.Probe.fromCommand(['true']) };
    expect(normalizeContainer(props, ContainerRole.INIT, optionsFor(KubernetesVersion.V1_29)).restartPolicy).toBe('Always');
    expect(normalizeContainer(props, ContainerRole.INIT, optionsFor(KubernetesVersion.V1_28.withFeatureGates({ SidecarContainers: true }))).restartPolicy).toBe('Always');
    // A default 1.28 API server drops the restartPolicy, then refuses the probe (validateInitContainers).
    expect(() => normalizeContainer(props, ContainerRole.INIT, OPTIONS)).toThrow(/readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always.*\[api-init-container-probes\]/);
    expect(normalizeContainer({ image: 'envoyproxy/envoy:v1.28.0', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS }, ContainerRole.INIT, OPTIONS).restartPolicy).toBe('Always');
  });

  test('the same container props as an app container are refused, by the API rule', () => {
    const props = { image: 'envoyproxy/envoy:v1.28.0', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS };
    expect(() => normalizeContainer(props, ContainerRole.APP, OPTIONS)).toThrow(/^app\/web: container "main" restartPolicy "Always": Forbidden.*\[api-container-restart-policy\]/);
  });

  test('several problems of one container are all named in one error', () => {
    const run = () => normalizeContainer({ name: 'Web', image: 'nginx' }, ContainerRole.APP, OPTIONS);
    expect(run).toThrow(/name "Web" is not a DNS-1123 label.*\[api-container-name\]/);
    expect(run).toThrow(/\n {2}container "Web" (image|name)/);
    expect(run).toThrow(/image "nginx" has no tag.*\[bp-mutable-image-tag\]/);
  });

  test('allowMutableImageTags lets :latest through with Kubernetes\' Always', () => {
    const props = normalizeContainer({ image: 'nginx:latest' }, ContainerRole.APP, { ...OPTIONS, allowMutableImageTags: true });
    expect(props.imagePullPolicy).toBe('Always');
  });

  test('a waiter\'s mutable image points at waiterImage', () => {
    expect(() => normalizeContainer({ name: 'wait-for-db', image: 'busybox' }, ContainerRole.WAITER, OPTIONS)).toThrow(/the image comes from waiterImage \[bp-mutable-image-tag\]/);
  });

  test('PRIVILEGED leaves the security context to cdk8s-plus', () => {
    expect(normalizeContainer({ image: 'nginx:1.25' }, ContainerRole.APP, { ...OPTIONS, securityProfile: SecurityProfile.PRIVILEGED }).securityContext).toBeUndefined();
  });
});

describe('the release the workload targets', () => {
  test.each(READ_FROM_1_29)('%s under setKubernetesVersion(1.33): accepted, pull policy computed with 1.29+\'s grammar', (image) => {
    expect(normalizeContainer({ image }, ContainerRole.APP, optionsFor(KubernetesVersion.V1_33)).imagePullPolicy).toBe('IfNotPresent');
  });

  test.each(READ_FROM_1_29)('%s at the default 1.28: refused with the rule\'s message, naming the releases that read it', (image) => {
    const run = () => normalizeContainer({ name: 'web', image }, ContainerRole.APP, OPTIONS);
    expect(run).toThrow(new RegExp(`^app/web: container "web" image "${image.replace(/[[\]]/g, '\\$&')}" cannot be pulled`));
    expect(run).toThrow(/\(judged for Kubernetes 1\.28, the release in effect when the container was added; Kubernetes 1\.29 and later accept it: .*PodPatterns\.setKubernetesVersion .* before the workload is constructed\) \[runtime-image-reference\]$/);
  });

  test('a problem every release has names no release', () => {
    expect(() => normalizeContainer({ name: 'web', image: 'nginx:1.25 ' }, ContainerRole.APP, OPTIONS)).toThrow(/^(?![\s\S]*judged for)/);
    expect(() => normalizeContainer({ name: 'web', image: 'nginx:1.25 ' }, ContainerRole.APP, OPTIONS)).toThrow(/\[api-image-whitespace\]/);
  });

  test('the clean-shape memo is per release: clean at 1.33 does not make it clean at 1.28', () => {
    const image = '[::2]:5000/memo:1.0';
    expect(() => normalizeContainer({ image }, ContainerRole.APP, optionsFor(KubernetesVersion.V1_33))).not.toThrow();
    expect(() => normalizeContainer({ image }, ContainerRole.APP, optionsFor(KubernetesVersion.V1_28))).toThrow(/\[runtime-image-reference\]/);
  });

  // Why a pull policy computed at construction stays right when a later release is set afterwards: the grammars
  // differ only in the registry part (regexp.go domainAndPort, normalize.go splitDockerDomain), never in the tag.
  test.each([
    'nginx', 'nginx:1.25', 'nginx:latest', 'localhost:5000/app', 'localhost:5000/app:1.0', 'registry.example.com/team/app:latest',
    `app:latest@sha256:${'a'.repeat(64)}`, `app@sha256:${'a'.repeat(64)}`, '[::1]:5000/app', '[::1]:5000/app:1.0', 'Registry/app', 'Registry/app:1.0',
  ])('%s: every release that reads it computes the same pull policy', (image) => {
    const policies = new Set<string>();
    for (const version of KubernetesVersion.all()) {
      const options = { ...optionsFor(version), allowMutableImageTags: true };
      try {
        policies.add(normalizeContainer({ image }, ContainerRole.APP, options).imagePullPolicy!);
      } catch {
        // refused by this release's grammar
      }
    }
    expect(policies.size).toBe(1);
  });

  test('a built container under 1.33: the cdk8s-plus Always is recomputed with 1.29+\'s grammar', () => {
    const built = new kplus.Container({ image: '[::1]:5000/app:1.0' });
    normalizeBuiltContainer(built, ContainerRole.APP, optionsFor(KubernetesVersion.V1_33));
    expect(built.imagePullPolicy).toBe('IfNotPresent');
    expect(() => normalizeBuiltContainer(new kplus.Container({ image: '[::1]:5000/app:1.0' }), ContainerRole.APP, OPTIONS))
      .toThrow(/\[runtime-image-reference\]/);
  });
});

describe('normalizeBuiltContainer', () => {
  test('cdk8s-plus defaults count as unset; explicit IfNotPresent/Never are kept', () => {
    const built = new kplus.Container({ image: 'nginx:1.25' });
    normalizeBuiltContainer(built, ContainerRole.APP, OPTIONS);
    expect(built.imagePullPolicy).toBe('IfNotPresent');
    expect(built.resources).toBeUndefined();
    const never = new kplus.Container({ image: 'nginx:1.25', imagePullPolicy: kplus.ImagePullPolicy.NEVER });
    normalizeBuiltContainer(never, ContainerRole.APP, OPTIONS);
    expect(never.imagePullPolicy).toBe('Never');
  });

  test('an unparseable image is refused naming the container', () => {
    expect(() => normalizeBuiltContainer(new kplus.Container({ name: 'web', image: 'Nginx:1.25' }), ContainerRole.APP, OPTIONS))
      .toThrow(/container "web" image "Nginx:1.25" cannot be pulled/);
  });
});
