import { Explanation } from '../../src/explain/explanation';
import { dnsWaiterScript } from '../../src/waiters/waiter-script';
import { parseMermaid } from '../support/mermaid-parse';

function gatedPod(restartPolicy: string): any {
  const script = dnsWaiterScript({ serviceName: 'mydb', namespace: 'default', clusterDomain: 'cluster.local', timeoutSeconds: 30, intervalSeconds: 2 });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: {
      restartPolicy,
      initContainers: [
        { name: 'wait-for-mydb', image: 'busybox:1.37.0', command: ['sh', '-c', script] },
        { name: 'proxy', image: 'envoy:1.30', restartPolicy: 'Always' },
      ],
      containers: [{ name: 'app', image: 'nginx:1.27', readinessProbe: { httpGet: { port: 80 } } }],
    },
  };
}

describe('renderMermaid: every shape of timeline parses with Mermaid\'s own parser', () => {
  test('started, with a sidecar and a readiness window', () => {
    const text = Explanation.ofManifest(gatedPod('Always'), { assume: [{ target: 'mydb', readyAtSeconds: 12 }] }).toMermaid();
    expect(text).toMatch(/^%% Pod\/p assuming mydb ready at 12 s\ngantt\n {2}dateFormat X\n/);
    expect(text).toContain('  section proxy\n    sidecar running');
    expect(text).toContain('Ready :milestone');
    expect(parseMermaid(text)).toBe('gantt');
  });

  test('crash-looping (Always, never) and failed (Never, never)', () => {
    const looping = Explanation.ofManifest(gatedPod('Always'), { assume: [{ target: 'mydb' }] }).toMermaid();
    expect(looping).toContain('CrashLoopBackOff :active');
    expect(looping).toContain('tries :crit');
    const failed = Explanation.ofManifest(gatedPod('Never'), { assume: [{ target: 'mydb' }] }).toMermaid();
    expect(failed).toContain('Pod Failed :crit');
    expect(parseMermaid(`${looping}`)).toBe('gantt');
    expect(parseMermaid(failed)).toBe('gantt');
  });
});
