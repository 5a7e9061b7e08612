/**
 * WaitFor.tcp / WaitFor.http waiters run for real (see harness.ts): listeners
 * that open late, nobody listening, an http server that keeps answering 500.
 */
import { describeE2e, runInitContainers } from './harness';
import { waiterContainer } from './waiter-containers';
import { httpWaiterScript, tcpWaiterScript } from '../../src/waiters/waiter-script';

const TIMING = { timeoutSeconds: 8, intervalSeconds: 1 };
/** Process start-up and one interval of polling. */
const SLACK_SECONDS = 1.5;

describeE2e('TCP and HTTP waiters (busybox nc / wget in the Pod network namespace)', () => {
  jest.setTimeout(30_000);

  test('tcp: waits for a listener that opens at t+2s on a Service name, then exits 0', async () => {
    const script = tcpWaiterScript({ host: 'mydb.default.svc.cluster.local', port: 5432, ...TIMING });
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: [waiterContainer('wait-mydb', script)],
      dnsRecords: [{ name: 'mydb.default.svc.cluster.local', address: '127.0.0.1' }],
      events: [{ type: 'tcp-listener', atSeconds: 2, port: 5432 }],
      limitSeconds: 20,
    });
    const [waiter] = result.containers;
    const [listener] = result.events;

    expect(waiter.exitCode).toBe(0);
    // firedSeconds: when the listener was started; its "ready" report may reach the harness after the waiter's connect.
    expect(waiter.endSeconds!).toBeGreaterThan(listener.firedSeconds!);
    expect(waiter.endSeconds!).toBeLessThan(listener.readySeconds! + SLACK_SECONDS);
    expect(waiter.stdout).toMatch(/^waiting for tcp mydb\.default\.svc\.cluster\.local:5432 \(attempt 1, [78]s left\)\n/);
    expect(waiter.stdout).toMatch(/\nwait-for: tcp mydb\.default\.svc\.cluster\.local:5432 is ready\n$/);
    expect(waiter.stderr).toBe('');
  });

  test('tcp: a port nobody listens on ends in one stderr line at the timeout', async () => {
    const script = tcpWaiterScript({ host: '127.0.0.1', port: 5433, timeoutSeconds: 4, intervalSeconds: 1 });
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: [waiterContainer('wait-nothing', script)],
      limitSeconds: 20,
    });
    const [waiter] = result.containers;

    expect(waiter.exitCode).toBe(1);
    expect(waiter.stderr).toBe('wait-for: gave up on tcp 127.0.0.1:5433 after 4s\n');
    expect(waiter.endSeconds!).toBeGreaterThan(3);
    expect(waiter.endSeconds!).toBeLessThan(4 + 0.5);
  });

  test('http: waits for a server that starts answering 200 at t+2s, then exits 0', async () => {
    const script = httpWaiterScript({ url: 'http://web.default.svc.cluster.local:8080/healthz?ready=1', ...TIMING });
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: [waiterContainer('wait-web', script)],
      dnsRecords: [{ name: 'web.default.svc.cluster.local', address: '127.0.0.1' }],
      events: [{ type: 'http-server', atSeconds: 2, port: 8080, status: 200 }],
      limitSeconds: 20,
    });
    const [waiter] = result.containers;
    const [server] = result.events;

    expect(waiter.exitCode).toBe(0);
    expect(waiter.endSeconds!).toBeGreaterThan(server.firedSeconds!);
    expect(waiter.endSeconds!).toBeLessThan(server.readySeconds! + SLACK_SECONDS);
    expect(waiter.stdout).toContain('wait-for: http://web.default.svc.cluster.local:8080/healthz?ready=1 is ready\n');
    expect(waiter.stderr).toBe('');
  });

  test('http: a server that answers 500 is not ready: the waiter keeps trying and gives up at the timeout', async () => {
    const script = httpWaiterScript({ url: 'http://127.0.0.1:8080/healthz', timeoutSeconds: 5, intervalSeconds: 1 });
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: [waiterContainer('wait-web', script)],
      events: [{ type: 'http-server', atSeconds: 0, port: 8080, status: 500 }],
      limitSeconds: 20,
    });
    const [waiter] = result.containers;

    expect(waiter.exitCode).toBe(1);
    expect(waiter.stderr).toBe('wait-for: gave up on http://127.0.0.1:8080/healthz after 5s\n');
    expect(waiter.stdout).toMatch(/\(attempt 3, \ds left\)/);
    expect(waiter.endSeconds!).toBeGreaterThan(4);
    expect(waiter.endSeconds!).toBeLessThan(5 + 0.5);
  });
});
