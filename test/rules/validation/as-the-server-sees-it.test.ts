import { errors, messages, pod } from './helpers';
import { KubernetesVersion } from '../../../src/k8s/kubernetes-version';
import { SecurityProfile } from '../../../src/policy/security-profile';
import { lintObjects } from '../../../src/rules/engine';

// How 1.28 treats what only Pod creation checks, and fields of disabled feature gates (pkg/api/pod/util.go dropDisabledFields).
describe('findings as a 1.28 API server sees them', () => {
  const deployment = (podSpec: any) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: podSpec } },
  });

  test('image whitespace in a template: the Deployment is accepted, its Pods are not', () => {
    expect(errors(deployment({ containers: [{ name: 'c', image: 'busybox:1.36.1 ' }] }))).toEqual(['runtime-pods-rejected spec.template.spec.containers[0].image']);
    expect(errors(pod({ containers: [{ name: 'c', image: 'busybox:1.36.1 ' }] }))).toEqual(['api-image-whitespace spec.containers[0].image']);
  });

  test('admission refusals of a template are its Pods\' refusals; of a Pod, the Pod\'s', () => {
    expect(errors(pod({ priority: 1000 }))).toEqual(['api-pod-admission spec.priority']);
    expect(errors(deployment({ priority: 1000, containers: [{ name: 'c', image: 'busybox:1.36.1' }] }))).toEqual(['runtime-pods-rejected spec.template.spec.priority']);
    expect(errors(pod({ priorityClassName: 'system-node-critical', priority: 2000001000 }))).toEqual([]);
  });

  test('an init container restartPolicy other than Always is dropped: a warning only', () => {
    const obj = pod({ initContainers: [{ name: 'i', image: 'busybox:1.36.1', restartPolicy: 'Never' }] });
    expect(errors(obj)).toEqual([]);
    expect(messages(obj, 'bp-dropped-alpha-field')).toEqual([expect.stringContaining('feature gate SidecarContainers')]);
  });

  test('a sidecar with probes: refused by a default 1.28 server, accepted where the cluster enables SidecarContainers', () => {
    const obj = pod({ initContainers: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.28.0', restartPolicy: 'Always', readinessProbe: { tcpSocket: { port: 9901 } } }] });
    expect(errors(obj)).toEqual(['api-init-container-probes spec.initContainers[0].readinessProbe']);
    expect(messages(obj, 'bp-dropped-alpha-field')).toEqual([]);
    expect(messages(obj, 'bp-sidecar-feature-gate')).toEqual([expect.stringContaining('alpha SidecarContainers feature gate')]);
    const gateOn = KubernetesVersion.V1_28.withFeatureGates({ SidecarContainers: true });
    expect(errors(obj, gateOn)).toEqual([]);
    expect(messages(obj, 'bp-sidecar-feature-gate', gateOn)).toEqual([]);
  });
});

// From 1.29 SidecarContainers is on by default (pkg/features/kube_features.go), so dropDisabledFields keeps an init
// container's restartPolicy and validateInitContainerRestartPolicy judges it; from 1.33 ProcMountType is on, so
// procMount Unmasked reaches Pod Security admission.
describe('findings as the API server of each release sees them', () => {
  const V = KubernetesVersion;

  test('an init container restartPolicy other than Always: dropped on 1.28, refused from 1.29', () => {
    const obj = pod({ initContainers: [{ name: 'i', image: 'busybox:1.36.1', restartPolicy: 'Never' }] });
    expect(errors(obj, V.V1_28)).toEqual([]);
    for (const version of V.all().slice(1)) {
      expect(errors(obj, version)).toEqual(['api-container-restart-policy spec.initContainers[0].restartPolicy']);
      expect(messages(obj, 'bp-dropped-alpha-field', version)).toEqual([]);
    }
  });

  test('procMount Unmasked: forced to Default before 1.33, a baseline violation from 1.33', () => {
    const obj = pod({ hostUsers: false, containers: [{ name: 'c', image: 'busybox:1.36.1', securityContext: { procMount: 'Unmasked' } }] });
    const baseline = (version: KubernetesVersion) => lintObjects([obj], { profile: SecurityProfile.BASELINE, kubernetesVersion: version })
      .filter((f) => f.ruleId === 'pss-baseline-proc-mount').map((f) => f.path);
    expect(baseline(V.V1_32)).toEqual([]);
    expect(baseline(V.V1_33)).toEqual(['spec.containers[0].securityContext.procMount']);
    expect(baseline(V.V1_34)).toEqual(['spec.containers[0].securityContext.procMount']);
    // pod-security-admission v0.35.0 procMount1_35baseline: any value at baseline when hostUsers is false;
    // check_procMount_restricted.go keeps the unconditional check at restricted.
    expect(baseline(V.V1_35)).toEqual([]);
    const restricted = lintObjects([obj], { profile: SecurityProfile.RESTRICTED, kubernetesVersion: V.V1_35 }).filter((f) => f.ruleId === 'pss-baseline-proc-mount');
    expect(restricted.map((f) => f.path)).toEqual(['spec.containers[0].securityContext.procMount']);
  });
});
