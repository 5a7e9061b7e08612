/**
 * A compose project's depends_on, imported and synthesized, runs for real: the
 * waiters of the dependent service, taken from the synthesized manifest, wait
 * against real listeners (dnsmasq answers the Service names, TCP listeners open
 * later) and finish in compose's order: db healthy (its Service accepts
 * connections once ready), then cache started, then worker (no port: its
 * headless Service's name resolves once a Pod is ready); then the one-shot
 * migrate (service_completed_successfully) runs as an init container.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { describeE2e, HarnessEvent, runInitContainers } from './harness';
import { ComposeImporter } from '../../src';
import { podTemplatesOf } from '../../src/rules/pod-templates';
import { loadApp, scratchDir } from '../support/generated-app';

const COMPOSE = path.join(__dirname, '..', 'fixtures', 'compose', 'e2e', 'compose.yaml');
const LOOPBACK = '127.0.0.1';
const SLACK_SECONDS = 3; // one 2 s interval plus process start-up

function apiWaiters(): { initContainers: any[]; securityContext: any } {
  const dir = scratchDir('compose-e2e');
  try {
    const module = loadApp(dir, 'main.ts', ComposeImporter.fromFiles([COMPOSE], { environment: {} }).toTypeScript());
    const manifests: any[] = new module.E2eChart(Testing.app(), 'e2e').toJson();
    const api = manifests.find(m => m.kind === 'Deployment' && m.metadata.name.startsWith('e2e-api-'));
    const spec = podTemplatesOf(api)[0].spec;
    return { initContainers: spec.initContainers, securityContext: spec.securityContext };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeE2e('an imported compose project\'s start order, run against real listeners', () => {
  jest.setTimeout(60_000);

  test('api waits for db (service_healthy), then cache (service_started), then worker (portless, service_started), then runs migrate', async () => {
    const { initContainers, securityContext } = apiWaiters();
    const waiters = ['wait-for-db-5432', 'wait-for-cache-6379', 'wait-for-worker'];
    expect(initContainers.map(c => c.name)).toEqual([...waiters, 'migrate']);
    const events: HarnessEvent[] = [
      { type: 'dns-record', atSeconds: 0, name: 'db.default.svc.cluster.local', address: LOOPBACK },
      { type: 'dns-record', atSeconds: 0, name: 'cache.default.svc.cluster.local', address: LOOPBACK },
      { type: 'tcp-listener', atSeconds: 2, port: 5432 },
      { type: 'tcp-listener', atSeconds: 4, port: 6379 },
      { type: 'dns-record', atSeconds: 6, name: 'worker.default.svc.cluster.local', address: LOOPBACK },
    ];
    const result = await runInitContainers({ namespace: 'default', initContainers, podSecurityContext: securityContext, events, limitSeconds: 40 });
    const opened = result.events.filter(e => e.type !== 'dns-record' || e.atSeconds > 0);
    expect(result.containers.map(c => [c.name, c.exitCode])).toEqual([...waiters, 'migrate'].map(name => [name, 0]));
    const migrate = result.containers[3];
    expect(migrate.stdout).toBe('migrated\n');
    expect(migrate.startSeconds!).toBeGreaterThanOrEqual(result.containers[2].endSeconds!);
    result.containers.slice(0, 3).forEach((waiter, i) => {
      expect(waiter.endSeconds!).toBeGreaterThan(opened[i].firedSeconds!);
      expect(waiter.endSeconds!).toBeLessThan(opened[i].firedSeconds! + SLACK_SECONDS);
      if (i > 0) expect(waiter.startSeconds!).toBeGreaterThanOrEqual(result.containers[i - 1].endSeconds!);
      expect(waiter.stderr).toBe('');
    });
  });
});
