/**
 * `explain --assume` checked against reality: the waiters of a synthesized,
 * gated Pod run for real (busybox + dnsmasq, see harness.ts) while its
 * dependencies appear at chosen seconds. Each waiter's observed exit must fall
 * inside the window the timeline predicts (within one polling interval), and a
 * dependency that never appears must end at the predicted give-up time.
 */
import { Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { describeE2e, HarnessResult, runInitContainers } from './harness';
import { markerContainer } from './waiter-containers';
import { Explanation, InitGatedApp, WaitFor, WorkloadKind } from '../../src';
import { podTemplatesOf } from '../../src/rules/pod-templates';

const INTERVAL_SECONDS = 2;
const TIMEOUT_SECONDS = 8;

/** The guide's Pod with short waiter timings, as the library synthesizes it. */
function gatedPod(): any {
  const chart = Testing.chart();
  const myservice = new kplus.Service(chart, 'myservice', { metadata: { name: 'myservice', namespace: 'default' }, ports: [{ port: 80 }] });
  const mydb = new kplus.Service(chart, 'mydb', { metadata: { name: 'mydb', namespace: 'default' }, ports: [{ port: 80 }] });
  const app = new InitGatedApp(chart, 'myapp-pod', {
    workload: WorkloadKind.JOB, // restartPolicy Never: a waiter that gives up ends the Pod, as the harness does
    metadata: { name: 'myapp' },
    waitFor: [WaitFor.service(myservice), WaitFor.service(mydb)],
    waitTimeout: Duration.seconds(TIMEOUT_SECONDS),
    waitInterval: Duration.seconds(INTERVAL_SECONDS),
    containers: [{ name: 'app', image: 'busybox:1.36.1', securityContext: { user: 1000, group: 1000 } }],
  });
  return { app, manifest: Testing.synth(chart).find(m => m.kind === 'Job') };
}

function record(name: string, atSeconds: number) {
  return { type: 'dns-record' as const, atSeconds, name: `${name}.default.svc.cluster.local`, address: '10.96.0.10' };
}

function run(manifest: any, events: ReturnType<typeof record>[]): Promise<HarnessResult> {
  const spec = podTemplatesOf(manifest)[0].spec;
  return runInitContainers({
    namespace: 'default',
    // the app container, as an init container after the waiters: it starts when the app would
    initContainers: [...spec.initContainers, { ...markerContainer('app-starts'), securityContext: { runAsUser: 1000 } }],
    podSecurityContext: spec.securityContext,
    events,
    limitSeconds: 40,
  });
}

function predicted(explanation: Explanation, container: string, kind: string): { min: number; max: number } {
  const event = explanation.toJson().timeline.events.find((e: any) => e.container === container && e.kind === kind);
  if (event === undefined) throw new Error(`the timeline has no ${kind} event for ${container}`);
  return event.at;
}

/** `seconds` (since the first init container started) lies in `window`, give or take one polling interval. */
function expectWithin(seconds: number, window: { min: number; max: number }): void {
  expect(seconds).toBeGreaterThanOrEqual(window.min - INTERVAL_SECONDS);
  expect(seconds).toBeLessThanOrEqual(window.max + INTERVAL_SECONDS);
}

describeE2e('explain --assume against waiters run for real', () => {
  jest.setTimeout(60_000);

  test('myservice at +3 s, mydb at +6 s: each waiter exits inside its predicted window, the app starts inside its own', async () => {
    const { app, manifest } = gatedPod();
    const explanation = Explanation.ofWorkload(app, { assume: [{ target: 'myservice', readyAtSeconds: 3 }, { target: 'mydb', readyAtSeconds: 6 }] });
    const result = await run(manifest, [record('myservice', 3), record('mydb', 6)]);
    const [myservice, mydb, appStarts] = result.containers;
    const t0 = myservice.startSeconds!;

    expect([myservice.exitCode, mydb.exitCode, appStarts.exitCode, appStarts.error]).toEqual([0, 0, 0, undefined]);
    expectWithin(myservice.endSeconds! - t0, predicted(explanation, 'wait-for-myservice', 'exit'));
    expectWithin(mydb.endSeconds! - t0, predicted(explanation, 'wait-for-mydb', 'exit'));
    expectWithin(appStarts.startSeconds! - t0, explanation.toJson().timeline.appStartSeconds);
  });

  test('mydb never appears: its waiter ends at the predicted give-up time and the Pod goes no further', async () => {
    const { app, manifest } = gatedPod();
    const explanation = Explanation.ofWorkload(app, { assume: [{ target: 'mydb' }] });
    const result = await run(manifest, [record('myservice', 0)]);
    const [myservice, mydb, appStarts] = result.containers;
    const t0 = myservice.startSeconds!;

    expect(explanation.toJson().timeline.outcome).toBe('failed');
    expect(mydb.exitCode).toBe(1);
    expect(mydb.stderr).toBe(`wait-for: gave up on service mydb.default.svc.cluster.local after ${TIMEOUT_SECONDS}s\n`);
    expectWithin(mydb.endSeconds! - t0, predicted(explanation, 'wait-for-mydb', 'give-up'));
    expect(appStarts.started).toBe(false);
  });
});
