import { sandboxSection } from '../../src/explain/sandbox';
import { workloadSource } from '../../src/explain/workload-source';

function sandbox(spec: any, namespace?: string) {
  return sandboxSection(workloadSource({ kind: 'Pod', metadata: { name: 'p', namespace }, spec: { containers: [], ...spec } })!);
}

describe('sandboxSection', () => {
  test('the pause container holds network and IPC; PID only with shareProcessNamespace', () => {
    expect(sandbox({}).sharedNamespaces).toEqual(['network', 'IPC']);
    expect(sandbox({ shareProcessNamespace: true }).sharedNamespaces).toEqual(['network', 'IPC', 'PID']);
    expect(sandbox({ shareProcessNamespace: true }).summary[1]).toMatch(/pause container is PID 1, reaping zombies/);
  });

  test('dnsPolicy defaults to ClusterFirst, whose search path makes short Service names resolve', () => {
    const section = sandbox({}, 'shop');
    expect(section.dnsPolicy).toBe('ClusterFirst');
    expect(section.summary[2]).toContain('"shop.svc.cluster.local svc.cluster.local cluster.local"');
  });

  test('hostNetwork: the node\'s network, and ClusterFirst falls back to the node\'s resolv.conf', () => {
    const section = sandbox({ hostNetwork: true });
    expect(section.summary[0]).toMatch(/node's network/);
    expect(section.summary[2]).toMatch(/ClusterFirstWithHostNet/);
  });

  test('dnsPolicy Default: Service names do not resolve, so DNS waiters give up', () => {
    expect(sandbox({ dnsPolicy: 'Default' }).summary[2]).toMatch(/Service names do not resolve/);
  });
});

test('TCP and HTTP waiters with a short host name rely on the search path; FQDNs and IPs do not', () => {
  const section = sandboxSection(workloadSource({ kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } })!, ['postgres', 'db.shop.svc.cluster.local', '10.0.0.1']);
  expect(section.summary[3]).toBe('The waiters for postgres use short names: they resolve only through the cluster DNS search path, in the Pod\'s own namespace.');
});
