import { container, errors, messages, pod } from './helpers';
import { KubernetesVersion } from '../../../src/k8s/kubernetes-version';

// pkg/apis/core/validation/validation.go ValidateAppArmorProfileField and
// validateAppArmorAnnotationsAndFieldsMatchOnCreate (v1.30.0+); cases after validation_test.go
// TestValidateSecurityContext / TestValidatePodCreateWithSchedulingGates' AppArmor cases and the
// function's own branches. Before 1.30 the field is unknown (decoding.test.ts).
describe('appArmorProfile fields (1.30+)', () => {
  const V = KubernetesVersion;
  const podProfile = (profile: any, extra: any = {}): any => pod({ securityContext: { appArmorProfile: profile } }, extra);

  test.each([
    { type: 'RuntimeDefault' }, { type: 'Unconfined' }, { type: 'Localhost', localhostProfile: 'k8s-apparmor-example-deny-write' },
  ])('%j is accepted on the Pod and on a container', (profile) => {
    expect(errors(podProfile(profile), V.V1_30)).toEqual([]);
    expect(errors(container({ securityContext: { appArmorProfile: profile } }), V.V1_35)).toEqual([]);
  });

  test.each([
    [{ type: 'Localhost' }, 'spec.securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost; name the profile loaded on the node'],
    [{ type: 'Localhost', localhostProfile: '' }, 'spec.securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost; name the profile loaded on the node'],
    [{ type: 'Localhost', localhostProfile: ' p ' }, 'spec.securityContext.appArmorProfile.localhostProfile: Invalid value: " p ": must not be padded with whitespace'],
    [{ type: 'Localhost', localhostProfile: 'a'.repeat(4096) }, 'spec.securityContext.appArmorProfile.localhostProfile: Too long: must have at most 4095 bytes'],
    [{ type: 'RuntimeDefault', localhostProfile: 'p' }, 'spec.securityContext.appArmorProfile.localhostProfile: Invalid value: "p": can only be set when AppArmor type is Localhost; remove localhostProfile'],
    [{}, 'spec.securityContext.appArmorProfile.type: Required value: type is required when appArmorProfile is set; use RuntimeDefault, Localhost or Unconfined'],
    [{ type: 'runtime/default' }, 'spec.securityContext.appArmorProfile.type: Unsupported value: "runtime/default": supported values: "Localhost", "RuntimeDefault", "Unconfined"'],
  ])('%j is refused', (profile, message) => {
    expect(messages(podProfile(profile), 'api-pod-fields', V.V1_30)).toEqual([message]);
  });

  test('a container\'s profile is checked at its own path', () => {
    expect(errors(container({ securityContext: { appArmorProfile: { type: 'Localhost' } } }), V.V1_31))
      .toEqual(['api-pod-fields spec.containers[0].securityContext.appArmorProfile.localhostProfile']);
  });

  test('annotation and field must agree on a Pod (the container\'s field, else the Pod\'s)', () => {
    const annotated = (value: string, profile: any): any => podProfile(profile, { annotations: { 'container.apparmor.security.beta.kubernetes.io/c': value } });
    expect(errors(annotated('runtime/default', { type: 'RuntimeDefault' }), V.V1_30)).toEqual([]);
    expect(errors(annotated('localhost/p', { type: 'Localhost', localhostProfile: 'p' }), V.V1_30)).toEqual([]);
    expect(messages(annotated('unconfined', { type: 'RuntimeDefault' }), 'api-pod-fields', V.V1_30)).toEqual([
      'spec.containers[0].securityContext.appArmorProfile.type: Forbidden: apparmor type in annotation and field must match; the annotation container.apparmor.security.beta.kubernetes.io/c says "unconfined": remove the annotation (deprecated since 1.30) or make it agree',
    ]);
    expect(errors(annotated('localhost/q', { type: 'Localhost', localhostProfile: 'p' }), V.V1_30))
      .toEqual(['api-pod-fields spec.containers[0].securityContext.appArmorProfile.localhostProfile']);
  });

  test('templates and Windows Pods are not checked for agreement', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' }, annotations: { 'container.apparmor.security.beta.kubernetes.io/c': 'unconfined' } }, spec: { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'c', image: 'busybox:1.36.1' }] } } },
    };
    expect(errors(deployment, V.V1_30)).toEqual([]);
    const windows = pod({ os: { name: 'windows' }, securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }, { annotations: { 'container.apparmor.security.beta.kubernetes.io/c': 'unconfined' } });
    expect(errors(windows, V.V1_30).filter((e) => e.includes('appArmorProfile.type'))).toEqual([]);
  });

  test('before 1.30 only the decoding error is reported', () => {
    expect(errors(podProfile({ type: 'Localhost' }), V.V1_29)).toEqual(['api-decoding spec.securityContext.appArmorProfile']);
  });
});
