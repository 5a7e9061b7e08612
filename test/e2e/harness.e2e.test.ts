/**
 * The harness itself behaves like the kubelet where the waiter tests rely on it.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { describeE2e, runInitContainers, skipLine } from './harness';

// jest hides the console output of a file whose tests are all skipped: the reason
// must still reach a local `npm test` run, one line per skipped suite.
test('a suite skipped for a missing prerequisite prints one line saying what is missing', () => {
  const root = path.join(__dirname, '..', '..');
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '' };
  const run = spawnSync(process.execPath, [
    require.resolve('jest/bin/jest'), '--silent', '--coverage=false', '--ci=false',
    '--rootDir', root, '--testMatch', '**/test/fixtures/e2e-skip/*.skip-fixture.ts', '--testPathIgnorePatterns', '/node_modules/',
  ], { cwd: root, env, encoding: 'utf8' });
  expect(run.status).toBe(0);
  const lines = run.stderr.split('\n').filter(line => line.startsWith('e2e skipped:'));
  expect(lines).toEqual([
    skipLine('e2e "a suite that needs a missing tool" needs: no-such-tool-cdk8s-pod-patterns (as root: apt-get install -y dnsmasq-base shellcheck busybox-static util-linux)'),
  ]);
  expect(run.stderr).toMatch(/Tests:\s+1 skipped, 1 total/);
}, 60_000);

const sh = (name: string, script: string, extra: object = {}): any => ({ name, image: 'busybox:1.36.1', command: ['sh', '-c', script], ...extra });

describeE2e('the init-container harness', () => {
  jest.setTimeout(30_000);

  // k8s: pkg/kubelet/kuberuntime/kuberuntime_container.go computeInitContainerActions; restartPolicy Never.
  test('runs init containers in order; a non-zero exit stops the Pod and later ones never start', async () => {
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: [sh('first', 'echo one'), sh('second', 'echo two >&2; exit 3'), sh('third', 'echo three')],
      limitSeconds: 10,
    });

    expect(result.containers.map((c) => [c.name, c.started, c.exitCode, c.stdout, c.stderr])).toEqual([
      ['first', true, 0, 'one\n', ''],
      ['second', true, 3, '', 'two\n'],
      ['third', false, null, '', ''],
    ]);
    expect(result.containers[1].startSeconds!).toBeGreaterThanOrEqual(result.containers[0].endSeconds!);
  });

  test('a native sidecar (restartPolicy: Always) starts and keeps running while the next init container runs', async () => {
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: [sh('sidecar', 'echo up; exec sleep 30', { restartPolicy: 'Always' }), sh('next', 'sleep 0.5; echo next')],
      limitSeconds: 10,
    });
    const [sidecar, next] = result.containers;

    expect([sidecar.sidecar, sidecar.exitCode, sidecar.stdout]).toEqual([true, null, 'up\n']);
    expect([next.exitCode, next.stdout]).toEqual([0, 'next\n']);
  });

  test('the kubelet\'s $(VAR) expansion and the Downward API namespace reach the command; $$ becomes $', async () => {
    const result = await runInitContainers({
      namespace: 'team-a',
      initContainers: [sh('env', 'echo "$(POD_NAMESPACE) $POD_NAMESPACE $$HOME"', {
        env: [
          { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
          { name: 'GREETING', value: 'hi-$(POD_NAMESPACE)' },
        ],
      }), sh('env2', 'echo "$GREETING"', { env: [{ name: 'GREETING', value: 'hi-$(MISSING)' }] })],
      limitSeconds: 10,
    });

    expect(result.containers.map((c) => c.stdout)).toEqual(['team-a team-a /root\n', 'hi-$(MISSING)\n']);
  });

  test('runAsUser/runAsGroup apply (Pod level, container overrides); runAsNonRoot without runAsUser cannot start', async () => {
    const result = await runInitContainers({
      namespace: 'default',
      podSecurityContext: { runAsUser: 1000, runAsGroup: 3000 },
      initContainers: [
        sh('pod-level', 'id -u; id -g'),
        sh('own', 'id -u', { securityContext: { runAsUser: 65534 } }),
        sh('root-image', 'id -u', { securityContext: { runAsNonRoot: true, runAsUser: 0 } }),
      ],
      limitSeconds: 10,
    });
    const [podLevel, own, rootImage] = result.containers;

    expect(podLevel.stdout).toBe('1000\n3000\n');
    expect(own.stdout).toBe('65534\n');
    // k8s: pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot
    expect(rootImage).toMatchObject({ started: false, error: 'container\'s runAsUser breaks non-root policy' });

    const unset = await runInitContainers({
      namespace: 'default',
      initContainers: [sh('no-user', 'id -u', { securityContext: { runAsNonRoot: true } })],
      limitSeconds: 10,
    });
    expect(unset.containers[0]).toMatchObject({ started: false, error: 'container has runAsNonRoot and image will run as root' });
  });

  test('readOnlyRootFilesystem: the image cannot be written, /dev/null still can', async () => {
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: [
        sh('ro', 'touch /tmp/x 2>/dev/null; echo "touch: $?"; echo hi >/dev/null; echo "dev/null: $?"', { securityContext: { readOnlyRootFilesystem: true } }),
        sh('rw', 'touch /tmp/x; echo "touch: $?"'),
      ],
      limitSeconds: 10,
    });

    expect(result.containers.map((c) => c.stdout)).toEqual(['touch: 1\ndev/null: 0\n', 'touch: 0\n']);
  });

  test('the Pod sees its own DNS and loopback, not the host\'s: an unknown name is NXDOMAIN, resolv.conf is the kubelet\'s', async () => {
    const result = await runInitContainers({
      namespace: 'ns1',
      clusterDomain: 'c.example',
      initContainers: [sh('dns', 'cat /etc/resolv.conf; nslookup nope.ns1.svc.c.example >/dev/null 2>&1; echo "rc=$?"; ip -o link | cut -d: -f2')],
      limitSeconds: 10,
    });

    expect(result.containers[0].stdout).toBe('nameserver 127.0.0.1\nsearch ns1.svc.c.example svc.c.example c.example\noptions ndots:5\nrc=1\n lo\n');
  });

  test('whatever still runs at limitSeconds is killed and reported as 137', async () => {
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: [sh('stuck', 'exec sleep 30')],
      limitSeconds: 1,
    });

    expect(result.timedOut).toBe(true);
    expect(result.containers[0].exitCode).toBe(137);
    expect(result.containers[0].endSeconds!).toBeLessThan(2);
  });
});
