import { terminationSection } from '../../src/explain/termination';
import { workloadSource } from '../../src/explain/workload-source';

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
