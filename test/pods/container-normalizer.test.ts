import * as kplus from 'cdk8s-plus-28';
import { SecurityProfile } from '../../src';
import { ContainerRole, normalizeBuiltContainer, normalizeContainer, NormalizeOptions } from '../../src/pods/container-normalizer';

const OPTIONS: NormalizeOptions = { owner: 'app/web', allowMutableImageTags: false, securityProfile: SecurityProfile.RESTRICTED };

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

  test('an init container with restartPolicy Always is a sidecar: probes allowed, policy kept', () => {
    const props = { image: 'envoyproxy/envoy:v1.28.0', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS, readiness: kplus.Probe.fromCommand(['true']) };
    expect(normalizeContainer(props, ContainerRole.INIT, OPTIONS).restartPolicy).toBe('Always');
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
