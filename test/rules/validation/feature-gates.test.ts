import { errors, messages, pod } from './helpers';
import { KubernetesVersion } from '../../../src/k8s/kubernetes-version';

// Fields of features alpha and off in 1.28 (pkg/features/kube_features.go): dropped (pkg/api/pod/util.go dropDisabledFields,
// apps and batch strategies), so a warning naming the gate, never an API error.
describe('bp-dropped-alpha-field', () => {
  test.each([
    [pod({ hostUsers: false }), 'UserNamespacesSupport'],
    [pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }] }), 'InPlacePodVerticalScaling'],
    [pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', resources: { claims: [{ name: 'gpu' }] } }] }), 'DynamicResourceAllocation'],
  ])('%#: %s', (obj, gate) => {
    expect(errors(obj)).toEqual([]);
    expect(messages(obj, 'bp-dropped-alpha-field')).toEqual([expect.stringContaining(`feature gate ${gate}`)]);
  });

  test('controllers: StatefulSet maxUnavailable, Job backoffLimitPerIndex', () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: {
        selector: { matchLabels: { a: 'b' } },
        updateStrategy: { rollingUpdate: { maxUnavailable: 2 } },
        template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36.1' }] } },
      },
    };
    expect(messages(sts, 'bp-dropped-alpha-field')).toEqual([expect.stringContaining('MaxUnavailableStatefulSet')]);
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: { completionMode: 'Indexed', completions: 3, backoffLimitPerIndex: 1, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36.1' }] } } },
    };
    expect(messages(job, 'bp-dropped-alpha-field')).toEqual([expect.stringContaining('JobBackoffLimitPerIndex')]);
  });
});

// The same fields per release: the warning stands only where kube_features.go has the gate off by default
// (SidecarContainers on from 1.29, JobBackoffLimitPerIndex / JobPodReplacementPolicy on from 1.29,
// UserNamespacesSupport / InPlacePodVerticalScaling / ProcMountType on from 1.33, DynamicResourceAllocation
// on from 1.34, MaxUnavailableStatefulSet on from 1.35).
describe('bp-dropped-alpha-field per Kubernetes version', () => {
  const V = KubernetesVersion;
  const sts = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 's' },
    spec: {
      selector: { matchLabels: { a: 'b' } },
      updateStrategy: { rollingUpdate: { maxUnavailable: 2 } },
      template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36.1' }] } },
    },
  };
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'j' },
    spec: {
      completionMode: 'Indexed',
      completions: 3,
      backoffLimitPerIndex: 1,
      podReplacementPolicy: 'Failed',
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36.1' }] } },
    },
  };
  const cases: Array<[string, any, KubernetesVersion[]]> = [
    ['hostUsers', pod({ hostUsers: false }), [V.V1_28, V.V1_29, V.V1_30, V.V1_31, V.V1_32]],
    ['resizePolicy', pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }] }), [V.V1_28, V.V1_29, V.V1_30, V.V1_31, V.V1_32]],
    ['resources.claims', pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', resources: { claims: [{ name: 'gpu' }] } }] }), [V.V1_28, V.V1_29, V.V1_30, V.V1_31, V.V1_32, V.V1_33]],
    ['StatefulSet maxUnavailable', sts, [V.V1_28, V.V1_29, V.V1_30, V.V1_31, V.V1_32, V.V1_33, V.V1_34]],
    ['Job backoffLimitPerIndex and podReplacementPolicy', job, [V.V1_28]],
  ];

  test.each(cases)('%s: warned on exactly the releases whose gate is off', (_label, obj, warnedOn) => {
    const warned = V.all().filter((version) => messages(obj, 'bp-dropped-alpha-field', version).length > 0);
    expect(warned).toEqual(warnedOn);
  });

  test('the message names the target release and the gate\'s stage there', () => {
    expect(messages(pod({ hostUsers: false }), 'bp-dropped-alpha-field', V.V1_31)).toEqual([
      'spec.hostUsers: spec.hostUsers is dropped by the API server on 1.31 and has no effect (feature gate UserNamespacesSupport, beta and off by default): the Pod runs in the host user namespace',
    ]);
  });

  test('a sidecar with probes is refused only where SidecarContainers is off (1.28, or a cluster that turns it off)', () => {
    const obj = pod({ initContainers: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.28.0', restartPolicy: 'Always', readinessProbe: { tcpSocket: { port: 9901 } } }] });
    expect(errors(obj, V.V1_28)).toEqual(['api-init-container-probes spec.initContainers[0].readinessProbe']);
    for (const version of V.all().slice(1)) {
      expect(messages(obj, 'bp-dropped-alpha-field', version)).toEqual([]);
      expect(errors(obj, version)).toEqual([]);
    }
    expect(errors(obj, V.V1_30.withFeatureGates({ SidecarContainers: false }))).toEqual(['api-init-container-probes spec.initContainers[0].readinessProbe']);
  });

  test('a gate the cluster sets decides where the default would: procMount kept on 1.28 with ProcMountType on', () => {
    const obj = pod({ hostUsers: false, containers: [{ name: 'c', image: 'busybox:1.36.1', securityContext: { procMount: 'Unmasked' } }] });
    expect(messages(obj, 'bp-dropped-alpha-field', V.V1_28)).toEqual([
      expect.stringContaining('procMount is dropped by the API server on 1.28 and has no effect (feature gate ProcMountType, alpha and off by default)'),
      expect.stringContaining('hostUsers is dropped by the API server on 1.28'),
    ].sort());
    const gates = V.V1_28.withFeatureGates({ ProcMountType: true, UserNamespacesSupport: true });
    expect(messages(obj, 'bp-dropped-alpha-field', gates)).toEqual([]);
  });
});
