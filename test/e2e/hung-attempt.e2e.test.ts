/**
 * One attempt that hangs must not carry the waiter past its deadline: every
 * attempt runs under `timeout` (see waiter-script.ts), run for real here.
 */
import { describeE2e, runInitContainers } from './harness';
import { waiterContainer } from './waiter-containers';
import { dnsWaiterScript, httpWaiterScript } from '../../src/waiters/waiter-script';

describeE2e('an attempt that hangs still ends by the deadline', () => {
  jest.setTimeout(30_000);

  test('http: a server that accepts the connection and never answers', async () => {
    const script = httpWaiterScript({ url: 'http://127.0.0.1:8080/healthz', timeoutSeconds: 5, intervalSeconds: 1 });
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: [waiterContainer('wait-web', script)],
      events: [{ type: 'tcp-listener', atSeconds: 0, port: 8080 }],
      limitSeconds: 20,
    });
    const [waiter] = result.containers;

    expect(result.timedOut).toBe(false);
    expect(waiter.exitCode).toBe(1);
    expect(waiter.stderr).toBe('wait-for: gave up on http://127.0.0.1:8080/healthz after 5s\n');
    expect(waiter.stdout).toBe('waiting for http://127.0.0.1:8080/healthz (attempt 1, 5s left)\n');
    expect(waiter.endSeconds!).toBeGreaterThan(4);
    expect(waiter.endSeconds!).toBeLessThan(5 + 0.5);
  });

  test('http: each hung attempt is cut at the attempt timeout, so later attempts still happen', async () => {
    const script = httpWaiterScript({ url: 'http://127.0.0.1:8080/healthz', timeoutSeconds: 6, intervalSeconds: 1, attemptTimeoutSeconds: 1 });
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: [waiterContainer('wait-web', script)],
      events: [{ type: 'tcp-listener', atSeconds: 0, port: 8080 }],
      limitSeconds: 20,
    });
    const [waiter] = result.containers;

    expect(waiter.exitCode).toBe(1);
    expect(waiter.stdout).toMatch(/\(attempt 3, \ds left\)/);
    expect(waiter.endSeconds!).toBeLessThan(6 + 0.5);
  });

  test('dns: a cluster DNS that never answers', async () => {
    const script = dnsWaiterScript({ serviceName: 'myservice', namespace: 'default', clusterDomain: 'cluster.local', timeoutSeconds: 5, intervalSeconds: 1 });
    const result = await runInitContainers({
      namespace: 'default',
      dns: 'silent',
      initContainers: [waiterContainer('init-myservice', script)],
      limitSeconds: 20,
    });
    const [waiter] = result.containers;

    expect(result.timedOut).toBe(false);
    expect(waiter.exitCode).toBe(1);
    expect(waiter.stderr).toBe('wait-for: gave up on service myservice.default.svc.cluster.local after 5s\n');
    expect(waiter.stdout).toBe('waiting for service myservice.default.svc.cluster.local (attempt 1, 5s left)\n');
    expect(waiter.endSeconds!).toBeGreaterThan(4);
    expect(waiter.endSeconds!).toBeLessThan(5 + 0.5);
  });
});
