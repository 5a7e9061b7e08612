/**
 * The example app people run (examples/guide-chart.ts), synthesized and then
 * executed: the init containers of the real manifests, not hand-built copies.
 */
import { Duration, Testing } from 'cdk8s';
import { describeE2e, HarnessResult, runInitContainers } from './harness';
import { GuideChart } from '../../examples/guide-chart';
import { InitGatedApp, WaitFor, WorkloadKind } from '../../src';
import { podTemplatesOf } from '../../src/rules/pod-templates';

const SLACK_SECONDS = 2.5; // one 2 s interval plus process start-up

function podSpecNamed(manifests: any[], kind: string, name: RegExp): any {
  const manifest = manifests.find(m => m.kind === kind && name.test(m.metadata.name));
  return podTemplatesOf(manifest)[0].spec;
}

function timeline(result: HarnessResult): string {
  const events = result.events.map(e => `  t=${e.firedSeconds?.toFixed(2)}s  event ${e.type} (scheduled at ${e.atSeconds}s)`);
  const containers = result.containers.map(c => c.started
    ? `  t=${c.startSeconds!.toFixed(2)}s..${c.endSeconds!.toFixed(2)}s  ${c.name} exit ${c.exitCode}: ${c.stdout.trim().split('\n').pop()}${c.stderr ? ` / stderr: ${c.stderr.trim()}` : ''}`
    : `  ${c.name} never started`);
  return [...events, ...containers].join('\n');
}

describeE2e('the guide\'s example, synthesized and run', () => {
  jest.setTimeout(60_000);

  test.each([
    ['Pod', /^myapp-pod$/],
    ['Deployment', /^myapp-deployment-/],
  ])('%s: both waiters exit 0 in order, each only after its Service appeared in DNS', async (kind, name) => {
    const spec = podSpecNamed(new GuideChart(Testing.app(), 'myapp').toJson(), kind, name);
    const result = await runInitContainers({
      namespace: 'default',
      initContainers: spec.initContainers,
      podSecurityContext: spec.securityContext,
      events: [
        { type: 'dns-record', atSeconds: 2, name: 'myservice.default.svc.cluster.local', address: '10.96.0.11' },
        { type: 'dns-record', atSeconds: 5, name: 'mydb.default.svc.cluster.local', address: '10.96.0.12' },
      ],
      limitSeconds: 40,
    });
    console.log(`${kind} init containers against dnsmasq:\n${timeline(result)}`);

    const [myservice, mydb] = result.containers;
    const [myserviceAppeared, mydbAppeared] = result.events;
    expect(result.containers.map(c => [c.name, c.exitCode])).toEqual([['wait-for-myservice', 0], ['wait-for-mydb', 0]]);
    expect(myservice.endSeconds!).toBeGreaterThan(myserviceAppeared.firedSeconds!);
    expect(myservice.endSeconds!).toBeLessThan(myserviceAppeared.firedSeconds! + SLACK_SECONDS);
    expect(mydb.startSeconds!).toBeGreaterThanOrEqual(myservice.endSeconds!);
    expect(mydb.endSeconds!).toBeGreaterThan(mydbAppeared.firedSeconds!);
    expect(mydb.endSeconds!).toBeLessThan(mydbAppeared.firedSeconds! + SLACK_SECONDS);
    expect(myservice.stdout).toContain('wait-for: service myservice.default.svc.cluster.local is ready');
  });

  test('an InitGatedApp whose Service never appears: its waiter gives up within waitTimeout, the next never starts', async () => {
    const chart = Testing.chart();
    new InitGatedApp(chart, 'app', {
      workload: WorkloadKind.JOB,
      waitFor: [WaitFor.serviceName('nothere'), WaitFor.tcp('db', 5432)],
      waitTimeout: Duration.seconds(6),
      waitInterval: Duration.seconds(1),
      containers: [{ name: 'app', image: 'busybox:1.28', securityContext: { user: 1000 } }],
    });
    const spec = podTemplatesOf(chart.toJson()[0])[0].spec;
    const result = await runInitContainers({ namespace: 'team-a', initContainers: spec.initContainers, limitSeconds: 30 });
    console.log(`a Service that never appears:\n${timeline(result)}`);

    const [waiter, next] = result.containers;
    expect(waiter.exitCode).toBe(1);
    expect(waiter.endSeconds!).toBeLessThan(6 + 1.5);
    expect(waiter.endSeconds!).toBeGreaterThan(4);
    expect(waiter.stderr).toBe('wait-for: gave up on service nothere.team-a.svc.cluster.local after 6s\n');
    expect(next.started).toBe(false);
  });
});
