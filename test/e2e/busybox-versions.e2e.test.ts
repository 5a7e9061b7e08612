/**
 * The waiters must work with the guide's busybox 1.28 and with later versions.
 * Only Debian's busybox-static (1.35) is installed here, so the applets whose
 * behaviour changed between versions are replaced, in the container image, by
 * small stand-ins that behave like the other versions (sources read: busybox
 * coreutils/timeout.c and networking/nslookup.c, mirror/busybox).
 */
import { describeE2e, runInitContainers } from './harness';
import { waiterContainer } from './waiter-containers';
import { dnsWaiterScript, tcpWaiterScript } from '../../src/waiters/waiter-script';

const TIMING = { timeoutSeconds: 8, intervalSeconds: 1 };
const SLACK_SECONDS = 1.5;
const MYSERVICE = 'myservice.default.svc.cluster.local';

/** busybox 1.28 `timeout [-t SECS] [-s SIG] PROG ARGS`, 10 s by default: getopt32(argv, "+s:t:"). */
const TIMEOUT_1_28 = `#!/bin/sh
secs=10 sig=TERM
while :; do
  case "$1" in
    -t) secs=$2; shift 2 ;;
    -s) sig=$2; shift 2 ;;
    *) break ;;
  esac
done
exec busybox timeout -s "$sig" "$secs" "$@"
`;

/** An nslookup that prints "** server can't find" but exits 0 (nslookup.c: "should this affect exitcode too?" ... return EXIT_SUCCESS). */
const NSLOOKUP_EXIT_0 = `#!/bin/sh
busybox nslookup "$@"
exit 0
`;

/** busybox 1.28 nslookup: libc resolver, print_host() output "Name:      HOST" / "Address 1: IP", "can't resolve" on failure. */
const NSLOOKUP_1_28 = `#!/bin/sh
printf 'Server:    127.0.0.1\\nAddress 1: 127.0.0.1\\n\\n'
addr=$(busybox nslookup "$1" 2>/dev/null | sed -n 's/^Address: //p' | head -n 1)
if [ -z "$addr" ]; then
  echo "nslookup: can't resolve '$1'" >&2
  exit 1
fi
printf 'Name:      %s\\nAddress 1: %s %s\\n' "$1" "$addr" "$1"
`;

const dnsWaiter = (): any => waiterContainer('init-myservice',
  dnsWaiterScript({ serviceName: 'myservice', namespace: 'default', clusterDomain: 'cluster.local', ...TIMING }));

describeE2e('waiters on the behaviours of other busybox versions', () => {
  jest.setTimeout(30_000);

  test('busybox 1.28 timeout ("timeout -t SECS"): detected, and the waiter still waits for the record and ends', async () => {
    const result = await runInitContainers({
      namespace: 'default',
      imageFiles: { '/bin/timeout': TIMEOUT_1_28 },
      initContainers: [
        // The stand-in must refuse the newer spelling, or this test proves nothing.
        { name: 'stand-in-check', image: 'busybox:1.28', command: ['sh', '-c', 'timeout 1 true 2>/dev/null; echo "new spelling: $?"; timeout -t 1 true; echo "old spelling: $?"'] },
        dnsWaiter(),
      ],
      events: [{ type: 'dns-record', atSeconds: 1.5, name: MYSERVICE, address: '10.96.0.11' }],
      limitSeconds: 20,
    });
    const [check, waiter] = result.containers;

    expect(check.stdout).toBe('new spelling: 127\nold spelling: 0\n');
    expect(waiter.exitCode).toBe(0);
    expect(waiter.endSeconds!).toBeGreaterThan(result.events[0].firedSeconds!);
    expect(waiter.endSeconds!).toBeLessThan(result.events[0].firedSeconds! + SLACK_SECONDS);
  });

  test('busybox 1.28 timeout: a hung attempt is still cut at the deadline', async () => {
    const result = await runInitContainers({
      namespace: 'default',
      dns: 'silent',
      imageFiles: { '/bin/timeout': TIMEOUT_1_28 },
      initContainers: [waiterContainer('init-myservice',
        dnsWaiterScript({ serviceName: 'myservice', namespace: 'default', clusterDomain: 'cluster.local', timeoutSeconds: 4, intervalSeconds: 1 }))],
      limitSeconds: 20,
    });
    const [waiter] = result.containers;

    expect(waiter.exitCode).toBe(1);
    expect(waiter.stderr).toBe(`wait-for: gave up on service ${MYSERVICE} after 4s\n`);
    // One attempt, hung on the silent DNS until "timeout -t" cut it at the deadline.
    expect(waiter.stdout).toBe(`waiting for service ${MYSERVICE} (attempt 1, 4s left)\n`);
    expect(waiter.endSeconds!).toBeGreaterThan(3);
    expect(waiter.endSeconds!).toBeLessThan(4 + 0.5);
  });

  test('an nslookup that exits 0 on NXDOMAIN does not end the wait before the record exists', async () => {
    const result = await runInitContainers({
      namespace: 'default',
      imageFiles: { '/bin/nslookup': NSLOOKUP_EXIT_0 },
      initContainers: [dnsWaiter()],
      events: [{ type: 'dns-record', atSeconds: 2, name: MYSERVICE, address: '10.96.0.11' }],
      limitSeconds: 20,
    });
    const [waiter] = result.containers;

    expect(waiter.exitCode).toBe(0);
    expect(waiter.endSeconds!).toBeGreaterThan(result.events[0].firedSeconds!);
    expect(waiter.stdout).toMatch(/\(attempt 2, /);
  });

  test('busybox 1.28 nslookup output ("Name:      HOST") counts as resolved, "can\'t resolve" does not', async () => {
    const result = await runInitContainers({
      namespace: 'default',
      imageFiles: { '/bin/nslookup': NSLOOKUP_1_28 },
      initContainers: [dnsWaiter()],
      events: [{ type: 'dns-record', atSeconds: 1.5, name: MYSERVICE, address: '10.96.0.11' }],
      limitSeconds: 20,
    });
    const [waiter] = result.containers;

    expect(waiter.exitCode).toBe(0);
    expect(waiter.endSeconds!).toBeGreaterThan(result.events[0].firedSeconds!);
  });

  test('busybox nc without -z (Debian\'s build): "nc HOST PORT -e true" connects and exits 0', async () => {
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: [
        { name: 'no-z', image: 'busybox:1.36.1', command: ['sh', '-c', 'nc -z 127.0.0.1 1 2>/dev/null; echo "nc -z: $?"'] },
        waiterContainer('wait-tcp', tcpWaiterScript({ host: '127.0.0.1', port: 6379, ...TIMING })),
      ],
      events: [{ type: 'tcp-listener', atSeconds: 1, port: 6379 }],
      limitSeconds: 20,
    });
    const [noZ, waiter] = result.containers;

    expect(noZ.stdout).toBe('nc -z: 1\n');
    expect(waiter.exitCode).toBe(0);
  });
});
