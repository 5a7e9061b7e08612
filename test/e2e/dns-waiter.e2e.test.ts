/**
 * The guide's example, corrected (DESIGN.md R6): init containers that wait for
 * Services by DNS, run for real against dnsmasq (see harness.ts).
 */
import { describeE2e, runInitContainers } from './harness';
import { markerContainer, waiterContainer } from './waiter-containers';
import { dnsWaiterScript } from '../../src/waiters/waiter-script';

const TIMING = { timeoutSeconds: 8, intervalSeconds: 1 };
/** Process start-up and one interval of polling. */
const SLACK_SECONDS = 1.5;

describeE2e('DNS waiter (busybox sh against dnsmasq, like the kubelet runs it)', () => {
  jest.setTimeout(30_000);

  // k8s: pkg/kubelet/kuberuntime/kuberuntime_container.go computeInitContainerActions — one init container at a time, in order.
  test('two waiters (myservice, mydb) end one after the other, each only after its Service record appeared', async () => {
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: [
        waiterContainer('init-myservice', dnsWaiterScript({ serviceName: 'myservice', namespace: 'default', clusterDomain: 'cluster.local', ...TIMING })),
        waiterContainer('init-mydb', dnsWaiterScript({ serviceName: 'mydb', namespace: 'default', clusterDomain: 'cluster.local', ...TIMING })),
        markerContainer('after-waiters'),
      ],
      events: [
        { type: 'dns-record', atSeconds: 1.5, name: 'myservice.default.svc.cluster.local', address: '10.96.0.11' },
        { type: 'dns-record', atSeconds: 3, name: 'mydb.default.svc.cluster.local', address: '10.96.0.12' },
      ],
      limitSeconds: 20,
    });
    const [myservice, mydb, after] = result.containers;
    const [myserviceAppears, mydbAppears] = result.events;

    expect([myservice.exitCode, mydb.exitCode, after.exitCode]).toEqual([0, 0, 0]);
    expect(myservice.endSeconds!).toBeGreaterThan(myserviceAppears.firedSeconds!);
    expect(myservice.endSeconds!).toBeLessThan(myserviceAppears.firedSeconds! + SLACK_SECONDS);
    expect(mydb.startSeconds!).toBeGreaterThanOrEqual(myservice.endSeconds!);
    expect(mydb.endSeconds!).toBeGreaterThan(mydbAppears.firedSeconds!);
    expect(mydb.endSeconds!).toBeLessThan(mydbAppears.firedSeconds! + SLACK_SECONDS);
    expect(after.startSeconds!).toBeGreaterThanOrEqual(mydb.endSeconds!);
    expect(myservice.stdout).toMatch(/^waiting for service myservice\.default\.svc\.cluster\.local \(attempt 1, [78]s left\)\n/);
    expect(myservice.stdout).toMatch(/\nwait-for: service myservice\.default\.svc\.cluster\.local is ready\n$/);
    expect(mydb.stdout).toContain('wait-for: service mydb.default.svc.cluster.local is ready\n');
    expect([myservice.stderr, mydb.stderr]).toEqual(['', '']);
  });

  test('without a namespace, the waiter reads $POD_NAMESPACE (Downward API metadata.namespace) and the configured cluster domain', async () => {
    const script = dnsWaiterScript({ serviceName: 'myservice', clusterDomain: 'corp.example', ...TIMING });
    const result = await runInitContainers({
      namespace: 'team-a',
      clusterDomain: 'corp.example',
      initContainers: [waiterContainer('init-myservice', script, { namespaceFromDownwardApi: true })],
      dnsRecords: [{ name: 'myservice.team-a.svc.corp.example', address: '10.96.0.11' }],
      limitSeconds: 20,
    });
    const [waiter] = result.containers;

    expect(waiter.exitCode).toBe(0);
    expect(waiter.stdout).toContain('wait-for: service myservice.team-a.svc.corp.example is ready\n');
    expect(waiter.endSeconds!).toBeLessThan(SLACK_SECONDS);
  });

  test('without a namespace and without $POD_NAMESPACE, the waiter fails at once with one line saying how to set it', async () => {
    const script = dnsWaiterScript({ serviceName: 'myservice', clusterDomain: 'cluster.local', ...TIMING });
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: [waiterContainer('init-myservice', script), markerContainer('app-setup')],
      dnsRecords: [{ name: 'myservice.default.svc.cluster.local', address: '10.96.0.11' }],
      limitSeconds: 20,
    });
    const [waiter, next] = result.containers;

    expect(waiter.exitCode).toBe(1);
    expect(waiter.stderr).toBe('wait-for: POD_NAMESPACE is empty: set it from the Downward API (fieldRef: metadata.namespace)\n');
    expect(waiter.endSeconds!).toBeLessThan(1);
    expect(next.started).toBe(false);
  });

  test('a Service that never appears: the waiter gives up by itself at its timeout, with exactly one stderr line, and the Pod goes no further', async () => {
    const script = dnsWaiterScript({ serviceName: 'nothere', namespace: 'default', clusterDomain: 'cluster.local', timeoutSeconds: 6, intervalSeconds: 1 });
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: [waiterContainer('init-nothere', script), markerContainer('app-setup')],
      limitSeconds: 20,
    });
    const [waiter, next] = result.containers;

    expect(result.timedOut).toBe(false);
    expect(waiter.exitCode).toBe(1);
    expect(waiter.stderr).toBe('wait-for: gave up on service nothere.default.svc.cluster.local after 6s\n');
    // The deadline is counted in whole seconds from `date +%s`: it falls between 5 and 6 s after the start.
    expect(waiter.endSeconds!).toBeGreaterThan(5);
    expect(waiter.endSeconds!).toBeLessThan(6 + 0.5);
    expect(waiter.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(4);
    expect(next.started).toBe(false);
    expect(result.dnsLog).toContain('nothere.default.svc.cluster.local is NXDOMAIN');
  });
});
