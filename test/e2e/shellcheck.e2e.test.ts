/**
 * Every generated waiter script passes `shellcheck -s sh` with no findings
 * (POSIX sh, as busybox ash runs it).
 */
import { describeWithTools, shellcheck } from './harness';
import { dnsWaiterScript, httpWaiterScript, tcpWaiterScript } from '../../src/waiters/waiter-script';

const TIMING = { timeoutSeconds: 300, intervalSeconds: 2 };
const LONGEST_LABEL = `a${'b'.repeat(61)}c`;

const SCRIPTS: Record<string, string> = {
  'dns, namespace known': dnsWaiterScript({ serviceName: 'myservice', namespace: 'default', clusterDomain: 'cluster.local', ...TIMING }),
  'dns, namespace from $POD_NAMESPACE': dnsWaiterScript({ serviceName: 'mydb', clusterDomain: 'cluster.local', ...TIMING }),
  'dns, longest names and a custom domain': dnsWaiterScript({
    serviceName: LONGEST_LABEL, namespace: LONGEST_LABEL, clusterDomain: 'k8s.corp-1.example', timeoutSeconds: 86400, intervalSeconds: 1, attemptTimeoutSeconds: 1,
  }),
  'tcp, DNS name': tcpWaiterScript({ host: 'mydb.default.svc.cluster.local', port: 5432, ...TIMING }),
  'tcp, IPv4': tcpWaiterScript({ host: '10.0.0.1', port: 65535, ...TIMING }),
  'http, no path': httpWaiterScript({ url: 'http://web', ...TIMING }),
  'http, path, query and escapes': httpWaiterScript({ url: 'http://web.default.svc:8080/a/b~c_d.e-f/%2F?x=1,y+z:@', ...TIMING }),
};

describeWithTools('generated waiter scripts pass shellcheck -s sh', ['shellcheck'], () => {
  test.each(Object.entries(SCRIPTS))('%s', (_name, script) => {
    expect(shellcheck(script)).toEqual({ status: 0, output: '' });
  });

  test('shellcheck does report problems (a script with an unquoted expansion fails)', () => {
    expect(shellcheck('x=$1\nrm $x\n').status).not.toBe(0);
  });
});
