/**
 * The gallery's waiters, taken from the synthesized manifests, run against real
 * listeners: dnsmasq answers the Service names, a TCP listener or an HTTP server
 * opens a little later, and each waiter must exit 0 only after its dependency
 * came up, in the declared order. Short names (`postgres`) resolve through the
 * Pod's resolv.conf search path, as they would in the cluster.
 */
import { Testing } from 'cdk8s';
import { describeE2e, HarnessEvent, runInitContainers } from './harness';
import { GALLERY } from '../../examples/gallery';
import { podTemplatesOf } from '../../src/rules/pod-templates';

const LOOPBACK = '127.0.0.1';
const SLACK_SECONDS = 3; // one 2 s interval plus process start-up

interface Scenario {
  readonly app: string;
  readonly events: readonly HarnessEvent[];
  /** Waiter names in start order. */
  readonly waiters: readonly string[];
}

const record = (name: string, atSeconds = 0): HarnessEvent => ({ type: 'dns-record', atSeconds, name, address: LOOPBACK });

const SCENARIOS: Scenario[] = [
  {
    app: 'gallery-api',
    events: [
      record('postgres.default.svc.cluster.local'), record('redis.default.svc.cluster.local'),
      { type: 'tcp-listener', atSeconds: 2, port: 5432 }, { type: 'tcp-listener', atSeconds: 4, port: 6379 },
    ],
    waiters: ['wait-for-postgres-5432', 'wait-for-redis-6379'],
  },
  {
    app: 'gallery-web',
    events: [record('api.default.svc.cluster.local'), { type: 'http-server', atSeconds: 2, port: 8080, status: 200 }],
    waiters: ['wait-for-api-8080'],
  },
  {
    app: 'gallery-migration',
    events: [record('postgres.default.svc.cluster.local'), { type: 'tcp-listener', atSeconds: 2, port: 5432 }],
    waiters: ['wait-for-postgres-5432'],
  },
  {
    app: 'gallery-backup',
    events: [record('postgres.default.svc.cluster.local'), { type: 'tcp-listener', atSeconds: 2, port: 5432 }],
    waiters: ['wait-for-postgres-5432'],
  },
  {
    app: 'gallery-node-agent',
    events: [record('prometheus.monitoring.svc.cluster.local', 2)],
    waiters: ['wait-for-prometheus'],
  },
];

function waitersOf(appId: string): { initContainers: any[]; securityContext: any } {
  const app = GALLERY.find(entry => entry.id === appId)!;
  const workload = app.build(Testing.app(), app.id).toJson().find(m => podTemplatesOf(m).length > 0);
  const spec = podTemplatesOf(workload)[0].spec;
  return { initContainers: spec.initContainers.filter((c: any) => c.name.startsWith('wait-for-')), securityContext: spec.securityContext };
}

describeE2e('the gallery\'s waiters, synthesized and run against real listeners', () => {
  jest.setTimeout(60_000);

  test.each(SCENARIOS.map(s => [s.app, s] as const))('%s', async (_, scenario) => {
    const { initContainers, securityContext } = waitersOf(scenario.app);
    expect(initContainers.map(c => c.name)).toEqual(scenario.waiters);
    const result = await runInitContainers({
      namespace: 'default',
      initContainers,
      podSecurityContext: securityContext,
      events: scenario.events,
      limitSeconds: 40,
    });
    const opened = result.events.filter(e => e.type !== 'dns-record' || e.atSeconds > 0);
    expect(result.containers.map(c => [c.name, c.exitCode])).toEqual(scenario.waiters.map(name => [name, 0]));
    result.containers.forEach((waiter, i) => {
      expect(waiter.endSeconds!).toBeGreaterThan(opened[i].firedSeconds!);
      expect(waiter.endSeconds!).toBeLessThan(opened[i].firedSeconds! + SLACK_SECONDS);
      if (i > 0) expect(waiter.startSeconds!).toBeGreaterThanOrEqual(result.containers[i - 1].endSeconds!);
      expect(waiter.stderr).toBe('');
    });
  });
});
