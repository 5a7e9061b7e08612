import { AppContainerEntry, Assumption, InitContainerEntry, SecondsRange, TimelineEvent, TimelineSection, WaiterEntry } from './explanation-model';
import { crashBackOffSeconds, PLEG_RELIST_PERIOD_SECONDS, POD_FAILED_AFTER_EXIT_SECONDS, SYNC_DELAY_AFTER_BACK_OFF_SECONDS } from './kubelet-timing';

/** Restarts of a waiter whose dependency never comes that the timeline lists before "and so on". */
const LISTED_CRASH_LOOP_RESTARTS = 3;
/** Past this many restarts the timeline stops even if the dependency would come later. */
const MAX_SIMULATED_RESTARTS = 12;

/** What the timeline needs to know about the Pod. */
export interface TimelineInput {
  readonly restartPolicy: string;
  readonly initContainers: readonly InitContainerEntry[];
  readonly appContainers: readonly AppContainerEntry[];
  readonly assumptions: readonly Assumption[];
}

/** Whether an assumption names this waiter: its target (`mydb`) or its container name (`wait-for-mydb`). */
export function assumptionMatches(assumption: Assumption, entry: InitContainerEntry): boolean {
  return entry.waiter !== undefined && (assumption.target === entry.waiter.target || assumption.target === entry.name);
}

/**
 * Replays the Pod's start with ranges: t = 0 is when the kubelet starts the
 * first init container (after the sandbox and the first image pulls, which are
 * not timed). Each step is a window because the kubelet acts at its relists and
 * syncs (kubelet-timing.ts), and a waiter sees a dependency at its next attempt.
 * An init container that is not a waiter is taken to run for 0 s: its own run
 * time is the app's, not the kubelet's.
 */
export function buildTimeline(input: TimelineInput): TimelineSection {
  const events: TimelineEvent[] = [];
  let t: SecondsRange = { min: 0, max: 0 };
  for (const entry of input.initContainers) {
    const outcome = runInitContainer(entry, t, input, events);
    if (outcome.kind !== 'done') {
      return { assumptions: [...input.assumptions], events, outcome: outcome.kind };
    }
    t = addRange(outcome.at, { min: 0, max: PLEG_RELIST_PERIOD_SECONDS });
  }
  const appStart = t;
  events.push({ at: appStart, kind: 'app-start', what: `app containers start together: ${input.appContainers.map(c => c.name).join(', ')}` });
  const ready = podReady(appStart, input.appContainers);
  events.push({ at: ready, kind: 'ready', what: 'the Pod is Ready (all containers ready): Service endpoints include it' });
  return { assumptions: [...input.assumptions], events, outcome: 'started', appStartSeconds: appStart, readySeconds: ready };
}

type StepOutcome = { kind: 'done'; at: SecondsRange } | { kind: 'failed' } | { kind: 'crash-looping' };

function runInitContainer(entry: InitContainerEntry, start: SecondsRange, input: TimelineInput, events: TimelineEvent[]): StepOutcome {
  if (entry.role === 'sidecar') {
    const probe = entry.startupProbe;
    const gate = probe === undefined ? '' : ' and its startupProbe succeeded';
    events.push({ at: start, container: entry.name, kind: 'start', what: `sidecar starts and keeps running; the next container starts once it is running${gate}` });
    // no startup probe result before initialDelaySeconds, then one per periodSeconds (prober/worker.go)
    const started = probe === undefined
      ? start
      : addRange(start, { min: probe.initialDelaySeconds, max: probe.initialDelaySeconds + probe.periodSeconds });
    return { kind: 'done', at: started };
  }
  if (entry.waiter === undefined) {
    events.push({ at: start, container: entry.name, kind: 'start', what: 'starts; its run time is the app\'s own (taken as 0 s here)' });
    return { kind: 'done', at: start };
  }
  const assumption = input.assumptions.find(a => assumptionMatches(a, entry));
  const readyAt = assumption === undefined ? 0 : assumption.readyAtSeconds;
  return runWaiter(entry.name, entry.waiter, readyAt, start, input.restartPolicy, events);
}

function runWaiter(
  name: string,
  waiter: WaiterEntry,
  readyAt: number | null,
  firstStart: SecondsRange,
  restartPolicy: string,
  events: TimelineEvent[],
): StepOutcome {
  const backOffs = crashBackOffSeconds(MAX_SIMULATED_RESTARTS + 1);
  let start = firstStart;
  for (let run = 0; run <= MAX_SIMULATED_RESTARTS; run++) {
    const giveUp: SecondsRange = { min: start.min + waiter.timeoutSeconds - 1, max: start.max + waiter.timeoutSeconds };
    const seen = readyAt !== null && readyAt <= start.min + waiter.timeoutSeconds - waiter.intervalSeconds;
    if (run <= LISTED_CRASH_LOOP_RESTARTS || seen) {
      events.push({ at: start, container: name, kind: run === 0 ? 'start' : 'restart', what: `${run === 0 ? 'starts' : `restart ${run}`}: tries ${waiter.dependency} every ${waiter.intervalSeconds} s` });
    }
    if (seen) {
      const exit = successWindow(start, readyAt!, waiter.intervalSeconds);
      events.push({ at: exit, container: name, kind: 'exit', what: `sees ${waiter.target} at its first attempt after +${readyAt} s and exits 0` });
      return { kind: 'done', at: exit };
    }
    if (run <= LISTED_CRASH_LOOP_RESTARTS) {
      events.push({ at: giveUp, container: name, kind: 'give-up', what: `gives up after ${waiter.timeoutSeconds} s and exits 1 (Init:Error)` });
    }
    if (restartPolicy === 'Never') {
      events.push({ at: addRange(giveUp, POD_FAILED_AFTER_EXIT_SECONDS), kind: 'pod-failed', what: 'restartPolicy Never: the Pod fails (phase Failed); the app never starts' });
      return { kind: 'failed' };
    }
    const backOff = backOffs[run];
    // The first restart has no back-off and comes at the next relist; later ones at the first sync after the back-off.
    const delay = run === 0 ? { min: 0, max: PLEG_RELIST_PERIOD_SECONDS } : SYNC_DELAY_AFTER_BACK_OFF_SECONDS;
    start = addRange(giveUp, { min: backOff + delay.min, max: backOff + delay.max });
    if (run < LISTED_CRASH_LOOP_RESTARTS && backOff > 0) {
      events.push({ at: giveUp, container: name, kind: 'back-off', what: `Init:CrashLoopBackOff: back-off ${backOff} s, then the next sync (${delay.min}-${delay.max} s)` });
    }
    if (readyAt === null && run === LISTED_CRASH_LOOP_RESTARTS) {
      events.push({ at: start, container: name, kind: 'note', what: `and so on: restarted after back-offs of ${backOffs.slice(run, run + 3).join(', ')} s ... capped at 300 s; the app never starts while ${waiter.target} is unreachable` });
      return { kind: 'crash-looping' };
    }
  }
  events.push({ at: start, container: name, kind: 'note', what: `still crash-looping after ${MAX_SIMULATED_RESTARTS} restarts` });
  return { kind: 'crash-looping' };
}

/** A waiter that starts at `start` and polls every `interval` sees a dependency that appears at `readyAt` within this window. */
function successWindow(start: SecondsRange, readyAt: number, interval: number): SecondsRange {
  if (readyAt <= start.min) return start;
  return { min: readyAt, max: Math.max(start.max, readyAt + interval) };
}

/**
 * When the Pod is Ready: every app container ready. Probe results come every
 * `periodSeconds`, none before `initialDelaySeconds` (pkg/kubelet/prober/worker.go
 * `doProbe`), readiness and liveness none before the startup probe succeeded;
 * the app is taken to pass each probe from its first second.
 */
function podReady(appStart: SecondsRange, containers: readonly AppContainerEntry[]): SecondsRange {
  let latest: SecondsRange = { min: 0, max: PLEG_RELIST_PERIOD_SECONDS };
  for (const container of containers) {
    const startup = container.probes.find(p => p.type === 'startup');
    const readiness = container.probes.find(p => p.type === 'readiness');
    let ready: SecondsRange = startup === undefined
      ? { min: 0, max: 0 }
      : { min: startup.initialDelaySeconds, max: startup.initialDelaySeconds + startup.periodSeconds };
    if (readiness !== undefined) {
      const extra = (readiness.successThreshold - 1) * readiness.periodSeconds;
      ready = {
        min: Math.max(ready.min, readiness.initialDelaySeconds) + extra,
        max: Math.max(ready.max, readiness.initialDelaySeconds) + readiness.periodSeconds + extra,
      };
    }
    latest = { min: Math.max(latest.min, ready.min), max: Math.max(latest.max, ready.max) };
  }
  return addRange(appStart, latest);
}

export function addRange(a: SecondsRange, b: SecondsRange): SecondsRange {
  return { min: round(a.min + b.min), max: round(a.max + b.max) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
