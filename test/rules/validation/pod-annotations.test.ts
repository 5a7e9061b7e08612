import { errors, messages, pod } from './helpers';

// Cases from pkg/apis/core/validation/validation_test.go (1.28) TestValidatePod ("mirror-pod present without
// nodeName", "invalid pod-deletion-cost", seccomp and AppArmor annotations), TestValidateAppArmorProfileFormat,
// TestValidateSeccompAnnotationsAndFieldsMatch, TestValidatePodTemplateSpecSeccomp; tolerations annotation cases
// as kube-apiserver v1.28.7 judged them (test/differential/corpus.json.gz, operator podAnnotation.tolerations).
describe('ValidatePodSpecificAnnotations', () => {
  const annotated = (annotations: Record<string, string>, spec: any = {}) => pod(spec, { annotations });
  const deployment = (annotations: Record<string, string>, spec: any = {}) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: {
      selector: { matchLabels: { app: 'd' } },
      template: { metadata: { labels: { app: 'd' }, annotations }, spec: { containers: [{ name: 'c', image: 'busybox:1.36.1' }], ...spec } },
    },
  });

  test('mirror-pod present (or populated) without nodeName is invalid; with nodeName it passes', () => {
    expect(errors(annotated({ 'kubernetes.io/config.mirror': '' }))).toEqual(['api-object-meta metadata.annotations[kubernetes.io/config.mirror]']);
    expect(messages(annotated({ 'kubernetes.io/config.mirror': 'foo' }), 'api-object-meta')).toEqual([
      expect.stringContaining('metadata.annotations[kubernetes.io/config.mirror]: Invalid value: "foo": must set spec.nodeName if mirror pod annotation is set'),
    ]);
    expect(errors(annotated({ 'kubernetes.io/config.mirror': 'foo' }, { nodeName: 'node-1' }))).toEqual([]);
  });

  test('pod-deletion-cost must be a 32bit integer without leading zeros or plus sign', () => {
    for (const good of ['-100', '100', '0', '-2147483648', '2147483647']) expect(errors(annotated({ 'controller.kubernetes.io/pod-deletion-cost': good }))).toEqual([]);
    for (const bad of ['text', '008', '+1', '2147483648', '1.5', '', ' 1']) {
      expect(messages(annotated({ 'controller.kubernetes.io/pod-deletion-cost': bad }), 'api-object-meta'))
        .toEqual([`metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: ${JSON.stringify(bad)}: must be a 32bit integer`]);
    }
  });

  test('a template is checked too, at <template>.annotations (ValidatePodTemplateSpec)', () => {
    expect(errors(deployment({ 'controller.kubernetes.io/pod-deletion-cost': 'abc' }))).toEqual(['api-object-meta spec.template.annotations[controller.kubernetes.io/pod-deletion-cost]']);
  });

  test('tolerations annotation: decoded as []core.Toleration, then ValidateTolerations', () => {
    const key = 'scheduler.alpha.kubernetes.io/tolerations';
    expect(errors(annotated({ [key]: '[{"key":"x","operator":"Exists","effect":"NoSchedule"}]' }))).toEqual([]);
    expect(errors(annotated({ [key]: '[]' }))).toEqual([]);
    expect(errors(annotated({ [key]: 'not json' }))).toEqual(['api-object-meta metadata.annotations']);
    expect(messages(annotated({ [key]: '{}' }), 'api-object-meta')).toEqual([expect.stringContaining('cannot unmarshal object into Go value of type []core.Toleration')]);
    expect(errors(annotated({ [key]: '[{"operator":"In","key":"x"}]' }))).toEqual([`api-object-meta metadata.annotations.${key}[0].operator`]);
    expect(errors(annotated({ [key]: '[{"key":"bad key","operator":"Exists"}]' }))).toEqual([`api-object-meta metadata.annotations.${key}[0].key`]);
    // encoding/json matches field names case-insensitively and ignores unknown ones
    expect(errors(annotated({ [key]: '[{"KEY":"x","Operator":"Exists","color":"red"}]' }))).toEqual([]);
  });

  test('seccomp annotations: runtime/default, docker/default, unconfined, localhost/<relative path>', () => {
    for (const good of ['runtime/default', 'docker/default', 'unconfined', 'localhost/foo']) {
      expect(errors(annotated({ 'seccomp.security.alpha.kubernetes.io/pod': good }))).toEqual([]);
    }
    expect(messages(annotated({ 'seccomp.security.alpha.kubernetes.io/pod': 'foo' }), 'api-object-meta')).toEqual([expect.stringContaining('must be a valid seccomp profile')]);
    expect(messages(annotated({ 'container.seccomp.security.alpha.kubernetes.io/c': 'foo' }), 'api-object-meta'))
      .toEqual([expect.stringMatching(/^metadata\.annotations\.container\.seccomp\.security\.alpha\.kubernetes\.io\/c: .*must be a valid seccomp profile/)]);
    expect(messages(annotated({ 'seccomp.security.alpha.kubernetes.io/pod': 'localhost//foo' }), 'api-object-meta')).toEqual([expect.stringContaining('must be a relative path')]);
    expect(messages(annotated({ 'seccomp.security.alpha.kubernetes.io/pod': 'localhost/../foo' }), 'api-object-meta')).toEqual([expect.stringContaining("must not contain '..'")]);
  });

  test('AppArmor annotations: the container must exist (init containers count), the profile be runtime/default, unconfined or localhost/...', () => {
    const prefix = 'container.apparmor.security.beta.kubernetes.io/';
    const spec = { initContainers: [{ name: 'init-ctr', image: 'busybox:1.36.1' }] };
    for (const profile of ['', 'runtime/default', 'unconfined', 'localhost//usr/sbin/ntpd', 'localhost/foo-bar']) {
      expect(errors(annotated({ [`${prefix}c`]: profile, [`${prefix}init-ctr`]: 'runtime/default' }, spec))).toEqual([]);
    }
    expect(errors(annotated({ [`${prefix}fake-ctr`]: 'runtime/default' }))).toEqual([`api-object-meta metadata.annotations[${prefix}fake-ctr]`]);
    expect(messages(annotated({ [`${prefix}c`]: 'baz' }), 'api-object-meta')).toEqual([expect.stringContaining('Invalid value: "baz": invalid AppArmor profile name: "baz"')]);
  });
});

describe('validateSeccompAnnotationsAndFields', () => {
  const withProfile = (annotation: string, profile: any) => pod({ securityContext: { seccompProfile: profile } }, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': annotation } });

  test('matching annotation and field pass', () => {
    expect(errors(withProfile('unconfined', { type: 'Unconfined' }))).toEqual([]);
    expect(errors(withProfile('runtime/default', { type: 'RuntimeDefault' }))).toEqual([]);
    expect(errors(withProfile('docker/default', { type: 'RuntimeDefault' }))).toEqual([]);
    expect(errors(withProfile('localhost/test.json', { type: 'Localhost', localhostProfile: 'test.json' }))).toEqual([]);
  });

  test('a different type or profile is forbidden at the field', () => {
    // (a Localhost profile without localhostProfile is also an error of its own: ValidateSeccompProfileField)
    expect(messages(withProfile('localhost/test.json', { type: 'Localhost' }), 'api-pod-fields'))
      .toContainEqual(expect.stringContaining('spec.securityContext.seccompProfile.localhostProfile: Forbidden: seccomp profile in annotation and field must match'));
    expect(errors(withProfile('localhost/test.json', { type: 'Localhost', localhostProfile: 'different.json' }))).toEqual(['api-pod-fields spec.securityContext.seccompProfile.localhostProfile']);
    expect(errors(withProfile('localhost/test.json', { type: 'Unconfined' }))).toEqual(['api-pod-fields spec.securityContext.seccompProfile.type']);
    expect(messages(withProfile('localhost/test.json', { type: 'RuntimeDefault' }), 'api-pod-fields'))
      .toEqual([expect.stringContaining('spec.securityContext.seccompProfile.type: Forbidden: seccomp type in annotation and field must match')]);
  });

  test('containers are matched by name, templates checked too (TestValidatePodTemplateSpecSeccomp)', () => {
    const obj = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: {
        template: {
          metadata: { annotations: { 'container.seccomp.security.alpha.kubernetes.io/test-container': 'not-matching' } },
          spec: { restartPolicy: 'Never', containers: [{ name: 'test-container', image: 'busybox:1.36.1', securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }] },
        },
      },
    };
    expect(errors(obj)).toEqual([
      'api-object-meta spec.template.annotations.container.seccomp.security.alpha.kubernetes.io/test-container',
      'api-pod-fields spec.template.spec.containers[0].securityContext.seccompProfile.type',
    ]);
  });

  test("a StatefulSet's template is not checked on create, its Pods are (ValidatePodTemplateSpecForStatefulSet)", () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: {
        serviceName: 's',
        selector: { matchLabels: { app: 's' } },
        template: {
          metadata: { labels: { app: 's' }, annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } },
          spec: { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'c', image: 'busybox:1.36.1' }] },
        },
      },
    };
    expect(errors(sts)).toEqual(['runtime-pods-rejected spec.template.spec.securityContext.seccompProfile.type']);
  });
});
