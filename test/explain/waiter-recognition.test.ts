import { recognizeWaiter } from '../../src/explain/waiter-recognition';
import { dnsWaiterScript, httpWaiterScript, tcpWaiterScript } from '../../src/waiters/waiter-script';

const TIMING = { timeoutSeconds: 120, intervalSeconds: 5 };

describe('recognizeWaiter', () => {
  test('a DNS waiter in command, with its Service as target and the namespace it reads', () => {
    const script = dnsWaiterScript({ serviceName: 'mydb', clusterDomain: 'cluster.local', ...TIMING });
    expect(recognizeWaiter({ command: ['sh', '-c', script] })).toEqual({
      check: 'dns', target: 'mydb', dependency: 'DNS name mydb.$POD_NAMESPACE.svc.cluster.local', timeoutSeconds: 120, intervalSeconds: 5, attemptTimeoutSeconds: 10,
    });
  });

  test('a TCP waiter in args; an HTTP waiter targets its URL\'s host', () => {
    expect(recognizeWaiter({ command: ['sh'], args: ['-c', tcpWaiterScript({ host: 'redis', port: 6379, ...TIMING })] })?.target).toBe('redis');
    expect(recognizeWaiter({ command: ['sh', '-c', httpWaiterScript({ url: 'http://search:9200/_cluster/health', ...TIMING })] })).toMatchObject({
      check: 'http', target: 'search', dependency: 'HTTP 2xx from http://search:9200/_cluster/health',
    });
  });

  test('the guide\'s own unbounded loop is not one of the library\'s waiters', () => {
    expect(recognizeWaiter({ command: ['sh', '-c', 'until nslookup mydb; do sleep 2; done'] })).toBeUndefined();
    expect(recognizeWaiter({})).toBeUndefined();
  });
});
