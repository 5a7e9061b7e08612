import { terminationSection } from '../../src/explain/termination';
import { workloadSource } from '../../src/explain/workload-source';
import { KubernetesVersion } from '../../src/k8s/kubernetes-version';

function termination(spec: any, kind = 'Pod') {
  return terminationSection(workloadSource({ kind, metadata: { name: 'p' }, spec })!);
}

describe('terminationSection', () => {
  test('terminationGracePeriodSeconds defaults to 30 (SetDefaults_PodSpec); SIGKILL after it', () => {
    const section = termination({ containers: [{ name: 'a' }] });
    expect(section.gracePeriodSeconds).toBe(30);
    expect(section.steps[3]).toMatch(/30 s after the deletion \(terminationGracePeriodSeconds, defaulted; at least 2 s after SIGTERM\) gets SIGKILL/);
  });

  test('preStop hooks run first, in the containers that have them', () => {
    const section = termination({ terminationGracePeriodSeconds: 60, containers: [{ name: 'a', lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } } }, { name: 'b' }] });
    expect(section.gracePeriodSeconds).toBe(60);
    expect(section.steps[1]).toBe('preStop hooks run first in a; their time counts against the grace period');
  });

  test('1.28 stops sidecars together with the app containers (killContainersWithSyncResult is parallel)', () => {
    const section = termination({ initContainers: [{ name: 'proxy', restartPolicy: 'Always' }], containers: [{ name: 'a' }] });
    expect(section.steps[2]).toMatch(/the sidecars proxy included: Kubernetes 1\.28 does not stop sidecars after the app containers/);
  });
});

// Where SidecarContainers is on (1.29+), pkg/kubelet/kuberuntime/kuberuntime_termination_order.go newTerminationOrdering
// makes every sidecar wait for the app containers, and each sidecar for the sidecars declared after it.
describe('terminationSection per Kubernetes version', () => {
  const spec = { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }, { name: 'logs', restartPolicy: 'Always' }], containers: [{ name: 'a' }] };

  test.each([KubernetesVersion.V1_29, KubernetesVersion.V1_35])('%s stops the sidecars after the app containers, in reverse order', (version) => {
    const section = terminationSection(workloadSource({ kind: 'Pod', metadata: { name: 'p' }, spec })!, version);
    expect(section.steps[2]).toBe('the app containers get SIGTERM (or their image\'s STOPSIGNAL) at the same time; once they have all stopped, '
      + 'the sidecars get it one by one in reverse order (logs, proxy), all within the same grace period');
  });

  test('1.28 (the default) stops them together', () => {
    expect(terminationSection(workloadSource({ kind: 'Pod', metadata: { name: 'p' }, spec })!).steps[2]).toMatch(/at the same time, the sidecars proxy, logs included/);
  });
});
