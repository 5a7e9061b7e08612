import { Testing } from 'cdk8s';
import { InitGatedApp, WaitFor } from '../../src';
import { initContainerEntries, initFailureAction } from '../../src/explain/init-phase';
import { workloadSource } from '../../src/explain/workload-source';

function podWith(initContainers: any[], restartPolicy = 'Always'): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { restartPolicy, initContainers, containers: [{ name: 'app', image: 'nginx:1.27' }] } };
}

describe('initFailureAction (kuberuntime_manager_test.go TestComputePodActionsWithInitContainers)', () => {
  test('"initialization failed; restart the last init container if RestartPolicy == Always"', () => {
    expect(initFailureAction('Always')).toBe('restart');
  });
  test('"initialization failed; restart the last init container if RestartPolicy == OnFailure"', () => {
    expect(initFailureAction('OnFailure')).toBe('restart');
  });
  test('"initialization failed; kill pod if RestartPolicy == Never"', () => {
    expect(initFailureAction('Never')).toBe('kill-pod');
  });
});

describe('initContainerEntries', () => {
  test('keeps the declared order and tells waiters, init containers and native sidecars apart', () => {
    const chart = Testing.chart();
    new InitGatedApp(chart, 'app', {
      metadata: { name: 'app' },
      waitFor: [WaitFor.tcp('db', 5432)],
      initContainers: [{ name: 'migrate', image: 'flyway:10', securityContext: { user: 1000 } }],
      sidecars: [{ name: 'proxy', image: 'envoy:1.30', securityContext: { user: 1000 } }],
      containers: [{ name: 'app', image: 'nginx:1.27', securityContext: { user: 1000 } }],
    });
    const deployment = Testing.synth(chart).find(m => m.kind === 'Deployment');
    const entries = initContainerEntries(workloadSource(deployment)!);
    expect(entries.map(e => [e.position, e.name, e.role])).toEqual([[1, 'wait-for-db-5432', 'waiter'], [2, 'migrate', 'init'], [3, 'proxy', 'sidecar']]);
    expect(entries[0].waiter).toMatchObject({ check: 'tcp', target: 'db', timeoutSeconds: 300, intervalSeconds: 2 });
  });

  test('under Never a failed init container fails the Pod; under Always it crash-loops', () => {
    const never = initContainerEntries(workloadSource(podWith([{ name: 'setup', image: 'busybox:1.36' }], 'Never'))!);
    expect(never[0].onFailure).toMatch(/fails the Pod/);
    const always = initContainerEntries(workloadSource(podWith([{ name: 'setup', image: 'busybox:1.36' }]))!);
    expect(always[0].onFailure).toMatch(/Init:CrashLoopBackOff/);
  });

  test('a sidecar keeps its startup probe, with defaults, since it gates the next container', () => {
    const entries = initContainerEntries(workloadSource(podWith([{ name: 'proxy', image: 'envoy:1.30', restartPolicy: 'Always', startupProbe: { tcpSocket: { port: 15000 }, initialDelaySeconds: 2 } }]))!);
    expect(entries[0].startupProbe).toMatchObject({ type: 'startup', initialDelaySeconds: 2, periodSeconds: 10 });
    expect(entries[0].summary).toMatch(/once it is running and its startupProbe succeeded/);
  });
});
