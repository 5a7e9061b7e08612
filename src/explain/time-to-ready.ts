import { AppContainerEntry, InitContainerEntry, TimeToReadySection } from './explanation-model';
import { MAX_CONTAINER_BACK_OFF_SECONDS, POD_FAILED_AFTER_EXIT_SECONDS, SYNC_DELAY_AFTER_BACK_OFF_SECONDS } from './kubelet-timing';
import { buildTimeline } from './timeline';

/**
 * Time to ready, plainly: the best case (every dependency already reachable)
 * from the timeline, and the worst case from the waiters' timeouts and the
 * crash back-off.
 */
export function timeToReadySection(
  restartPolicy: string,
  initContainers: readonly InitContainerEntry[],
  appContainers: readonly AppContainerEntry[],
  jobBackoffLimit?: number,
): TimeToReadySection {
  const best = buildTimeline({ restartPolicy, initContainers, appContainers, assumptions: [] });
  const appStart = best.appStartSeconds!;
  const ready = best.readySeconds!;
  const statements = [
    `Every dependency already reachable: the app containers start ${range(appStart)} after the first init container, and the Pod is Ready ${range(ready)} after it.`,
  ];
  const waiters = initContainers.filter(e => e.waiter !== undefined);
  const others = initContainers.filter(e => e.role === 'init' && e.waiter === undefined);
  if (others.length > 0) {
    statements.push(`Add the run time of ${others.map(e => e.name).join(', ')}: not known from the manifest.`);
  }
  if (waiters.length > 0) {
    const total = waiters.reduce((sum, e) => sum + e.waiter!.timeoutSeconds, 0);
    statements.push(`A dependency that appears later is seen at the waiter's next attempt: at most ${Math.max(...waiters.map(e => e.waiter!.intervalSeconds))} s after it appears while the waiter runs.`);
    if (restartPolicy === 'Never') {
      statements.push(`Worst case: a dependency that does not appear in time makes its waiter give up (${waiters.map(e => `${e.name} after ${e.waiter!.timeoutSeconds} s`).join(', ')}; up to ${total} s in all), and the Pod fails ${POD_FAILED_AFTER_EXIT_SECONDS.min}-${POD_FAILED_AFTER_EXIT_SECONDS.max} s later (observed about 3 s): restartPolicy Never.`);
    } else {
      const lag = MAX_CONTAINER_BACK_OFF_SECONDS + SYNC_DELAY_AFTER_BACK_OFF_SECONDS.max;
      statements.push(jobBackoffLimit !== undefined
        ? `Worst case for this Job: a dependency that never appears keeps its waiter restarting (give up after its timeout, back-off 10 s doubling to ${MAX_CONTAINER_BACK_OFF_SECONDS} s); the Job controller fails the Job once the Pod's restarts reach backoffLimit ${jobBackoffLimit}.`
        : `Worst case: no bound. A dependency that never appears keeps its waiter in Init:CrashLoopBackOff (give up after its timeout, back-off 10 s doubling to ${MAX_CONTAINER_BACK_OFF_SECONDS} s, run again); one that appears while its waiter is backing off is seen only when the waiter runs again: up to ${lag} s later (the ${MAX_CONTAINER_BACK_OFF_SECONDS} s cap plus the next sync).`);
    }
  }
  const probed = appContainers.filter(c => c.probes.some(p => p.type === 'readiness' || p.type === 'startup'));
  if (probed.length > 0) {
    statements.push(`Readiness assumes ${probed.map(c => c.name).join(', ')} pass${probed.length === 1 ? 'es' : ''} each probe from the first one; a probe that fails adds periodSeconds per failure.`);
  }
  return { appStartSeconds: appStart, readySeconds: ready, statements };
}

export function range(r: { min: number; max: number }): string {
  return r.min === r.max ? `${r.min} s` : `${r.min}-${r.max} s`;
}
