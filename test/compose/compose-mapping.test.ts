import * as os from 'os';
import { planCompose } from '../../src/compose/compose-mapping';
import { buildModel } from '../../src/compose/compose-model';
import { SecurityProfile } from '../../src/policy/security-profile';
import { WorkloadKind } from '../../src/policy/workload-kind';

function plan(services: Record<string, unknown>, options: { profile?: SecurityProfile; imageRegistry?: string } = {}) {
  return planCompose(buildModel({ services }, os.tmpdir(), ['c.yaml'], new Map()), { imageTag: 'latest', ...options });
}

test.each([
  [{ user: '1000' }, SecurityProfile.RESTRICTED],
  [{ user: '1000', cap_add: ['NET_BIND_SERVICE'] }, SecurityProfile.RESTRICTED],
  [{ user: '1000', cap_add: ['CHOWN'] }, SecurityProfile.BASELINE],
  [{ user: '0' }, SecurityProfile.BASELINE],
  [{}, SecurityProfile.BASELINE],
  [{ cap_add: ['NET_ADMIN'] }, SecurityProfile.PRIVILEGED],
  [{ user: '1000', privileged: true }, SecurityProfile.PRIVILEGED],
])('%j → %s', (definition, profile) => {
  expect(plan({ s: { image: 'x:1', ...definition } }).services[0].profile).toBe(profile);
});

test('a Pod is as weak as its weakest container: a root one-shot makes its dependent baseline', () => {
  const result = plan({
    app: { image: 'x:1', user: '1000', depends_on: { init: { condition: 'service_completed_successfully' } } },
    init: { image: 'y:1' },
  });
  expect(result.services.map(s => [s.name, s.profile])).toEqual([['app', SecurityProfile.BASELINE]]);
  expect(result.oneShots).toEqual(['init']);
});

test('--profile overrides the inferred profile', () => {
  expect(plan({ s: { image: 'x:1' } }, { profile: SecurityProfile.RESTRICTED }).services[0]).toMatchObject({ profile: SecurityProfile.RESTRICTED, profileReason: 'chosen with --profile' });
});

test('waiters: TCP on the first TCP port, the name of a portless dependency; services in start order', () => {
  const result = plan({
    web: { image: 'x:1', depends_on: { api: { condition: 'service_healthy' }, worker: { condition: 'service_started' } } },
    api: { image: 'x:1', ports: ['53/udp', '8080'], healthcheck: { test: 'true' } },
    worker: { image: 'x:1' },
  });
  expect(result.services.map(s => s.name)).toEqual(['api', 'worker', 'web']);
  expect(result.services[2].waitFor).toEqual([
    { kind: 'tcp', host: 'api', port: 8080, because: 'service_healthy' },
    { kind: 'service-name', name: 'worker', because: 'service_started' },
  ]);
  expect(result.services[1].service).toEqual({ ports: [], headless: true });
});

test('restart no → Pod, always → Deployment (DaemonSet in global mode), on-failure:2 → Job', () => {
  const result = plan({
    a: { image: 'x:1' },
    b: { image: 'x:1', restart: 'always', deploy: { replicas: 2 } },
    c: { image: 'x:1', restart: 'on-failure:2', deploy: { replicas: 2 } },
    d: { image: 'x:1', restart: 'always', deploy: { mode: 'global' } },
  });
  expect(result.services.map(s => [s.kind, s.replicas])).toEqual([
    [WorkloadKind.POD, undefined], [WorkloadKind.DEPLOYMENT, 2], [WorkloadKind.JOB, undefined], [WorkloadKind.DAEMON_SET, undefined],
  ]);
  expect(result.warnings).toContain('c.yaml: service "c": deploy.replicas: not carried over: a Job has no replicas (restart "on-failure:2")');
});

test('names: front_end → front-end, reported; an unknown capability is refused', () => {
  const result = plan({ front_end: { image: 'x:1', ports: ['80'] } });
  expect(result.services[0].name).toBe('front-end');
  expect(result.warnings[0]).toMatch(/service "front_end": name: renamed to "front-end"/);
  expect(() => plan({ s: { image: 'x:1', cap_add: ['NOT_A_CAP'] } })).toThrow(/service "s": cap_add: "NOT_A_CAP" is not a Linux capability/);
});

test('secrets: the kubectl commands for file, environment and external secrets; values never read', () => {
  const model = buildModel({
    services: { s: { image: 'x:1', secrets: ['from_file', { source: 'from_env', target: 'token' }, 'outside'] } },
    secrets: { from_file: { file: './secrets/it\'s.txt' }, from_env: { environment: 'API_TOKEN' }, outside: { external: true, name: 'prod-outside' } },
  }, '/project', ['c.yaml'], new Map());
  expect(planCompose(model, { imageTag: 'latest' }).secretCommands).toEqual([
    'kubectl create secret generic from-file --from-file=\'from_file=secrets/it\'\\\'\'s.txt\'',
    'kubectl create secret generic from-env --from-literal=from_env="$API_TOKEN"',
    '# prod-outside: external in compose: it must already exist, with the key outside',
  ]);
});

test('replicas sharing a named volume through one ReadWriteOnce claim are warned about (Multi-Attach)', () => {
  const buildPlan = (replicas: number) => planCompose(buildModel({
    services: { api: { image: 'x:1', restart: 'always', deploy: { replicas }, volumes: ['uploads:/data'] } },
    volumes: { uploads: {} },
  }, os.tmpdir(), ['c.yaml'], new Map()), { imageTag: 'latest' });
  expect(buildPlan(3).warnings).toContainEqual(expect.stringMatching(/^c\.yaml: service "api": deploy\.replicas: 3 replicas share its named volume\(s\) through one ReadWriteOnce claim/));
  expect(buildPlan(1).warnings.filter(w => w.includes('deploy.replicas'))).toEqual([]);
});
