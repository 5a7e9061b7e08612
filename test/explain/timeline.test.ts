import { AppContainerEntry, InitContainerEntry, TimelineEvent } from '../../src/explain/explanation-model';
import { assumptionMatches, buildTimeline } from '../../src/explain/timeline';

function waiter(name: string, target: string, timeoutSeconds = 300, intervalSeconds = 2): InitContainerEntry {
  return {
    name,
    position: 1,
    role: 'waiter',
    summary: '',
    onFailure: '',
    waiter: { check: 'dns', target, dependency: `DNS name ${target}`, timeoutSeconds, intervalSeconds, attemptTimeoutSeconds: 10 },
  };
}
const APP: AppContainerEntry[] = [{ name: 'app', probes: [], summary: '' }];

function eventsOf(events: TimelineEvent[], container: string, kind: TimelineEvent['kind']): TimelineEvent[] {
  return events.filter(e => e.container === container && e.kind === kind);
}

describe('buildTimeline', () => {
  test('a dependency that appears at +90 s is seen within one interval (2 s) and the app starts within one relist after', () => {
    const t = buildTimeline({ restartPolicy: 'Always', initContainers: [waiter('wait-for-mydb', 'mydb')], appContainers: APP, assumptions: [{ target: 'mydb', readyAtSeconds: 90 }] });
    expect(eventsOf(t.events, 'wait-for-mydb', 'exit')[0].at).toEqual({ min: 90, max: 92 });
    // issue 16, observed: the app container started 1-2 s after the record appeared with a 2 s DNS waiter
    expect(t.appStartSeconds).toEqual({ min: 90, max: 93 });
    expect(t.outcome).toBe('started');
  });

  test('init containers run one after another: the next starts within one PLEG relist (1 s) of the previous exit', () => {
    const t = buildTimeline({
      restartPolicy: 'Always',
      initContainers: [waiter('wait-for-a', 'a'), waiter('wait-for-b', 'b')],
      appContainers: APP,
      assumptions: [],
    });
    expect(eventsOf(t.events, 'wait-for-b', 'start')[0].at).toEqual({ min: 0, max: 1 });
    expect(t.appStartSeconds).toEqual({ min: 0, max: 2 });
  });

  test('restartPolicy Never: the waiter gives up at its timeout and the Pod fails 0-4 s later (observed about 3 s)', () => {
    const t = buildTimeline({ restartPolicy: 'Never', initContainers: [waiter('wait-for-mydb', 'mydb', 30)], appContainers: APP, assumptions: [{ target: 'mydb', readyAtSeconds: null }] });
    expect(eventsOf(t.events, 'wait-for-mydb', 'give-up')[0].at).toEqual({ min: 29, max: 30 });
    expect(t.events.find(e => e.kind === 'pod-failed')!.at).toEqual({ min: 29, max: 34 });
    expect(t.outcome).toBe('failed');
  });

  test('restartPolicy Always, never reachable: first restart at once, then back-off 10 s, 20 s, each plus the 0-15 s sync delay', () => {
    const t = buildTimeline({ restartPolicy: 'Always', initContainers: [waiter('wait-for-mydb', 'mydb', 30)], appContainers: APP, assumptions: [{ target: 'mydb', readyAtSeconds: null }] });
    const giveUps = eventsOf(t.events, 'wait-for-mydb', 'give-up').map(e => e.at);
    const restarts = eventsOf(t.events, 'wait-for-mydb', 'restart').map(e => e.at);
    expect(restarts[0]).toEqual({ min: giveUps[0].min, max: giveUps[0].max + 1 });
    expect(restarts[1]).toEqual({ min: giveUps[1].min + 10, max: giveUps[1].max + 10 + 15 });
    expect(restarts[2]).toEqual({ min: giveUps[2].min + 20, max: giveUps[2].max + 20 + 15 });
    expect(t.outcome).toBe('crash-looping');
    expect(t.events[t.events.length - 1].what).toMatch(/back-offs of 40, 80, 160 s \.\.\. capped at 300 s/);
  });

  test('a dependency that appears while the waiter backs off is seen when it runs again', () => {
    const t = buildTimeline({ restartPolicy: 'OnFailure', initContainers: [waiter('wait-for-mydb', 'mydb', 30)], appContainers: APP, assumptions: [{ target: 'mydb', readyAtSeconds: 45 }] });
    // gives up at 29-30 s, restarted at once (29-31 s), sees mydb (45 s) within one interval
    expect(eventsOf(t.events, 'wait-for-mydb', 'exit')[0].at).toEqual({ min: 45, max: 47 });
    expect(t.outcome).toBe('started');
  });

  test('readiness: no result before initialDelaySeconds, then one per periodSeconds (prober/worker.go)', () => {
    const app: AppContainerEntry[] = [{ name: 'app', summary: '', probes: [{ type: 'readiness', initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 2, failureThreshold: 3, gates: '' }] }];
    const t = buildTimeline({ restartPolicy: 'Always', initContainers: [], appContainers: app, assumptions: [] });
    expect(t.appStartSeconds).toEqual({ min: 0, max: 0 });
    expect(t.readySeconds).toEqual({ min: 15, max: 25 });
  });

  test('assumptions match a waiter by target or by container name, nothing else', () => {
    const entry = waiter('wait-for-mydb', 'mydb');
    expect(assumptionMatches({ target: 'mydb', readyAtSeconds: 1 }, entry)).toBe(true);
    expect(assumptionMatches({ target: 'wait-for-mydb', readyAtSeconds: 1 }, entry)).toBe(true);
    expect(assumptionMatches({ target: 'db', readyAtSeconds: 1 }, entry)).toBe(false);
  });
});
