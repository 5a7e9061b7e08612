import * as os from 'os';
import { buildModel, ServiceModel } from '../../src/compose/compose-model';

function service(definition: Record<string, unknown>, top: Record<string, unknown> = {}): ServiceModel {
  return buildModel({ services: { s: { image: 'x:1', ...definition } }, ...top }, os.tmpdir(), ['c.yaml'], new Map()).services[0];
}

function warnings(definition: Record<string, unknown>): string[] {
  return buildModel({ services: { s: { image: 'x:1', ...definition } } }, os.tmpdir(), ['c.yaml'], new Map()).warnings;
}

test('ports: short and long syntax, host parts kept for the report, udp, expose', () => {
  expect(service({ ports: ['80', '8080:80/udp', '127.0.0.1:5432:5432', '[::1]:53:53/udp', { target: 9000, published: '9001' }], expose: [7000, '7001/udp'] }).ports).toEqual([
    { containerPort: 80, protocol: 'TCP', published: undefined },
    { containerPort: 80, protocol: 'UDP', published: '8080' },
    { containerPort: 5432, protocol: 'TCP', published: '127.0.0.1:5432' },
    { containerPort: 53, protocol: 'UDP', published: '[::1]:53' },
    { containerPort: 9000, protocol: 'TCP', published: '9001' },
    { containerPort: 7000, protocol: 'TCP' },
    { containerPort: 7001, protocol: 'UDP' },
  ]);
  expect(() => service({ ports: ['80/sctp'] })).toThrow(/ports: protocol "sctp" cannot be converted/);
});

test('command and entrypoint: string forms split as compose splits them, lists kept', () => {
  expect(service({ entrypoint: '/bin/sh -c', command: ['echo', 1] })).toMatchObject({ entrypoint: ['/bin/sh', '-c'], command: ['echo', '1'] });
});

test('healthcheck: CMD, CMD-SHELL, a string, NONE and disable', () => {
  expect(service({ healthcheck: { test: ['CMD', 'pg_isready'], interval: '5s', timeout: '1s', retries: 2, start_period: '1m' } }).healthcheck)
    .toEqual({ command: ['pg_isready'], intervalSeconds: 5, timeoutSeconds: 1, retries: 2, startPeriodSeconds: 60 });
  expect(service({ healthcheck: { test: ['CMD-SHELL', 'curl -f x || exit 1'] } }).healthcheck?.command).toEqual(['/bin/sh', '-c', 'curl -f x || exit 1']);
  expect(service({ healthcheck: { test: 'true' } }).healthcheck?.command).toEqual(['/bin/sh', '-c', 'true']);
  expect(service({ healthcheck: { test: ['NONE'] } }).healthcheck).toBeUndefined();
  expect(service({ healthcheck: { test: ['CMD', 'x'], disable: true } }).healthcheck).toBeUndefined();
  expect(() => service({ healthcheck: { test: ['RUN', 'x'] } })).toThrow(/healthcheck\.test: a list test must start with CMD/);
});

test('restart wins over deploy.restart_policy, which is translated to a --restart value', () => {
  expect(service({}).restart).toBe('no');
  expect(service({ restart: 'always', deploy: { restart_policy: { condition: 'none' } } }).restart).toBe('always');
  expect(service({ deploy: { restart_policy: { condition: 'on-failure', max_attempts: 2 } } }).restart).toBe('on-failure:2');
  expect(service({ deploy: { restart_policy: {} } }).restart).toBe('always');
  expect(service({ deploy: { restart_policy: { condition: 'none' } } }).restart).toBe('no');
});

test('user: numeric uid[:gid] is kept; a name is reported and dropped', () => {
  expect(service({ user: '1000:2000' })).toMatchObject({ uid: 1000, gid: 2000 });
  expect(service({ user: 0 })).toMatchObject({ uid: 0, gid: undefined });
  expect(service({ user: 'node' }).uid).toBeUndefined();
  expect(warnings({ user: 'node' })).toEqual(['c.yaml: service "s": user: not carried over: "node" is a name, and Kubernetes needs a numeric uid[:gid]; the container runs as its image\'s user']);
});

test('volumes: named, anonymous, tmpfs (short and long), bind to a missing path', () => {
  const s = service({ volumes: ['data:/data:ro', '/anon', { type: 'tmpfs', target: '/cache', tmpfs: { size: '10m' } }, './nope:/nope'], tmpfs: '/run' }, { volumes: { data: null } });
  expect(s.mounts).toEqual([
    { kind: 'tmpfs', target: '/run', sizeBytes: undefined },
    { kind: 'volume', volume: 'data', target: '/data', readOnly: true },
    { kind: 'anonymous', target: '/anon' },
    { kind: 'tmpfs', target: '/cache', sizeBytes: 10 * 1024 ** 2 },
    { kind: 'bind-claim', source: './nope', target: '/nope' },
  ]);
});

test('every ignored key is reported with its reason; an unknown one is refused', () => {
  expect(warnings({ 'hostname': 'h', 'logging': {}, 'x-tag': 1 })).toEqual([
    'c.yaml: service "s": hostname: not carried over: Pods get their own host name',
    'c.yaml: service "s": logging: not carried over: container logs go to the cluster\'s log pipeline',
    'c.yaml: service "s": x-tag: not carried over (an extension field)',
  ]);
  expect(() => service({ imagee: 'x' })).toThrow(/^c\.yaml: service "s": imagee: not a compose service key/);
});

test('depends_on: required: false on a missing service is skipped with a warning', () => {
  const model = buildModel({ services: { s: { image: 'x:1', depends_on: { gone: { condition: 'service_started', required: false } } } } }, os.tmpdir(), ['c.yaml'], new Map());
  expect(model.services[0].dependsOn).toEqual([]);
  expect(model.warnings).toEqual(['c.yaml: service "s": depends_on.gone: skipped: no such service, and required: false']);
});

test('extends is refused with the way out, not mistaken for a typo', () => {
  expect(() => service({ extends: { service: 'base' } })).toThrow(/service "s": extends: extends is not supported: inline the extended service/);
});

test.each(['environment', 'labels', 'depends_on', 'extra_hosts'])('%s of another type is refused, not read as empty', key => {
  expect(() => service({ [key]: 'db' })).toThrow(new RegExp(`service "s": ${key}: must be a mapping or a list of strings`));
});
