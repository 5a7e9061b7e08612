import { container, errors, messages, pod } from './helpers';
import { KubernetesVersion } from '../../../src/k8s/kubernetes-version';

// What the API server's strict decoder refuses (HTTP 400), from the 1.28 OpenAPI schema.
describe('decoding (strict field validation)', () => {
  test('unknown fields anywhere, named by their full path', () => {
    expect(messages(pod({ restartpolicy: 'Never' }), 'api-decoding')).toEqual([expect.stringMatching(/^spec\.restartpolicy: strict decoding error: unknown field "spec\.restartpolicy"/)]);
    expect(errors({ ...pod({}), extra: 1 })).toEqual(['api-decoding extra']);
    expect(errors(pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', readonly: true }] }))).toEqual(['api-decoding spec.containers[0].readonly']);
  });

  test('JSON types: quoted numbers, strings for booleans, floats for integers, int32 range', () => {
    expect(errors(pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', ports: [{ containerPort: '8080' }] }] }))).toContain('api-decoding spec.containers[0].ports[0].containerPort');
    expect(errors(pod({ automountServiceAccountToken: 'false' }))).toEqual(['api-decoding spec.automountServiceAccountToken']);
    expect(errors(pod({ terminationGracePeriodSeconds: 1.5 }))).toEqual(['api-decoding spec.terminationGracePeriodSeconds']);
    // int64 decodes, ValidatePodSpec then caps it at MaxInt32.
    expect(errors(pod({ activeDeadlineSeconds: 2147483648 }))).toEqual(['api-pod-fields spec.activeDeadlineSeconds']);
  });

  test('a lifecycle sleep hook does not exist in 1.28 (PodLifecycleSleepAction is 1.29)', () => {
    expect(errors(pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', lifecycle: { preStop: { sleep: { seconds: 5 } } } }] })))
      .toContain('api-decoding spec.containers[0].lifecycle.preStop.sleep');
  });

  test('kinds without a schema are not checked', () => {
    expect(errors({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, anything: true })).toEqual([]);
  });
});

// Fields later releases added (api-schema-additions.ts): unknown before the release that adds them, with a
// hint naming it; decoded with their type from it (v1.29.0 / v1.30.0 staging/src/k8s.io/api/core/v1/types.go).
describe('decoding per Kubernetes release: fields added after 1.28', () => {
  const V = KubernetesVersion;
  const sleepHook = pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', lifecycle: { preStop: { sleep: { seconds: 5 } } } }] });
  const appArmor = pod({ securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } });

  test('lifecycle sleep: unknown in 1.28, known from 1.29', () => {
    expect(messages(sleepHook, 'api-decoding', V.V1_28)).toEqual([
      'spec.containers[0].lifecycle.preStop.sleep: strict decoding error: unknown field "spec.containers[0].lifecycle.preStop.sleep": remove it or correct its spelling (kubectl apply rejects unknown fields since 1.27); Kubernetes 1.29 and later have this field (the target release is 1.28): if the cluster runs 1.29 or later, set the target Kubernetes version',
    ]);
    expect(messages(sleepHook, 'api-decoding', V.V1_29)).toEqual([]);
  });

  test('appArmorProfile: unknown up to 1.29, known from 1.30 (Pod and container)', () => {
    expect(errors(appArmor, V.V1_29)).toEqual(['api-decoding spec.securityContext.appArmorProfile']);
    expect(errors(appArmor, V.V1_30)).toEqual([]);
    expect(errors(container({ securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'p' } } }), V.V1_31)).toEqual([]);
  });

  test('an added field is type-checked and strict inside', () => {
    expect(errors(pod({ securityContext: { appArmorProfile: { type: 'RuntimeDefault', profile: 'x' } } }), V.V1_30))
      .toEqual(['api-decoding spec.securityContext.appArmorProfile.profile']);
    expect(errors(pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', lifecycle: { preStop: { sleep: { seconds: '5' } } } }] }), V.V1_30))
      .toEqual(['api-decoding spec.containers[0].lifecycle.preStop.sleep.seconds']);
  });

  test('a misspelt field gets no release hint', () => {
    expect(messages(pod({ restartpolicy: 'Never' }), 'api-decoding', V.V1_35)).toEqual([expect.not.stringContaining('later have this field')]);
  });

  // The rest of the fields 1.29-1.35 added: known from their release, so a target that has them gets no false error.
  test('Service trafficDistribution: unknown up to 1.29 with a hint, accepted from 1.30', () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }], trafficDistribution: 'PreferClose' },
    };
    expect(messages(service, 'api-decoding', V.V1_29)).toEqual([expect.stringContaining('Kubernetes 1.30 and later have this field (the target release is 1.29)')]);
    expect(errors(service, V.V1_30)).toEqual([]);
  });

  test('Pod-level resources (1.32) decode with the container resources type; list fields (1.29) as lists', () => {
    expect(errors(pod({ resources: { limits: { cpu: '1' } } }), V.V1_31)).toEqual(['api-decoding spec.resources']);
    expect(errors(pod({ resources: { limits: { cpu: '1' } } }), V.V1_32)).toEqual([]);
    expect(errors(pod({ resources: { limits: { cpu: '1GB' } } }), V.V1_32)).toEqual(['api-decoding spec.resources.limits[cpu]']);
    const affinity = (keys: unknown) => pod({
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone', labelSelector: { matchLabels: { app: 'a' } }, matchLabelKeys: keys }] } },
    });
    expect(errors(affinity(['pod-template-hash']), V.V1_28)).toEqual(['api-decoding spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys']);
    expect(errors(affinity('pod-template-hash'), V.V1_29)).toEqual(['api-decoding spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys']);
  });

  test('stopSignal (1.33) and hostnameOverride (1.34)', () => {
    const stop = container({ lifecycle: { stopSignal: 'SIGUSR1' } });
    expect(errors(stop, V.V1_32)).toEqual(['api-decoding spec.containers[0].lifecycle.stopSignal']);
    expect(errors(stop, V.V1_33)).not.toContain('api-decoding spec.containers[0].lifecycle.stopSignal');
    expect(errors(pod({ hostnameOverride: 'web' }), V.V1_33)).toEqual(['api-decoding spec.hostnameOverride']);
    expect(errors(pod({ hostnameOverride: 'web' }), V.V1_34)).toEqual([]);
  });
});
