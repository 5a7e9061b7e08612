import { effectiveBackoffLimit, effectiveRestartPolicy } from './controller-summary';
import { ExitRule, RestartSection } from './explanation-model';
import {
  BACK_OFF_RESET_SECONDS,
  crashBackOffSeconds,
  jobPodFailureBackOffSeconds,
  MAX_CONTAINER_BACK_OFF_SECONDS,
  SYNC_DELAY_AFTER_BACK_OFF_SECONDS,
} from './kubelet-timing';
import { WorkloadSource } from './workload-source';

/** Enough restarts to reach the cap: 0, 10, 20, 40, 80, 160, 300. */
const LISTED_RESTARTS = 7;

/** Well past the Job back-off's 600 s cap (reached at the 7th failure). */
const LISTED_JOB_FAILURES = 100;

/**
 * What happens after a container exits, per exit and restartPolicy
 * (k8s: pkg/kubelet/container/helpers.go `ShouldContainerBeRestarted`: Never
 * restarts nothing, OnFailure only non-zero exits, Always every exit; an
 * OOM kill is a non-zero exit, 137), the crash back-off (kubelet-timing.ts), and
 * for Jobs the controller's Pod-failure back-off and `backoffLimit`.
 */
export function restartSection(source: WorkloadSource): RestartSection {
  const restartPolicy = effectiveRestartPolicy(source);
  const isJob = source.kind === 'Job' || source.kind === 'CronJob';
  return {
    restartPolicy,
    onExit: exitRules(restartPolicy, source.kind),
    crashBackOffSeconds: crashBackOffSeconds(LISTED_RESTARTS),
    maxBackOffSeconds: MAX_CONTAINER_BACK_OFF_SECONDS,
    backOffResetAfterSeconds: BACK_OFF_RESET_SECONDS,
    syncDelaySeconds: { ...SYNC_DELAY_AFTER_BACK_OFF_SECONDS },
    imagePullBackOff: 'a failed pull is retried after 10 s, doubling to 300 s, per Pod and image (kubelet imageBackOff); ErrImageNeverPull has no back-off',
    job: isJob ? jobSection(source, restartPolicy) : undefined,
  };
}

/**
 * Whether the kubelet starts an app container again after it exited with
 * `exitCode` (k8s: pkg/kubelet/container/helpers.go `ShouldContainerBeRestarted`,
 * for a container that has exited and a Pod not being deleted).
 */
export function isRestartedAfterExit(restartPolicy: string, exitCode: number): boolean {
  if (restartPolicy === 'Never') return false;
  if (restartPolicy === 'OnFailure') return exitCode !== 0;
  return true;
}

/** OOMKilled is SIGKILL: exit code 128 + 9. */
const OOM_KILLED_EXIT_CODE = 137;

const EXITS: ReadonlyArray<{ exit: ExitRule['exit']; code: number }> = [
  { exit: 'zero', code: 0 },
  { exit: 'non-zero', code: 1 },
  { exit: 'oom-killed', code: OOM_KILLED_EXIT_CODE },
];

function exitRules(policy: string, kind: string): ExitRule[] {
  return EXITS.map(({ exit, code }) => ({
    exit,
    action: isRestartedAfterExit(policy, code) ? restartedText(exit, policy) : notRestartedText(exit, kind),
  }));
}

function restartedText(exit: ExitRule['exit'], policy: string): string {
  const restart = 'restarted in place by the kubelet (same Pod, same IP): the first restart at once, then after the crash back-off';
  if (exit === 'zero') return `${restart}: under restartPolicy ${policy} an exit 0 is restarted too and counts towards CrashLoopBackOff`;
  if (exit === 'oom-killed') return `${restart} (OOMKilled is exit 137, a failure)`;
  return restart;
}

function notRestartedText(exit: ExitRule['exit'], kind: string): string {
  const outcome = exit === 'zero'
    ? 'Completed; the Pod Succeeds once every app container has exited 0'
    : `the Pod fails (phase Failed) once no container runs any more${exit === 'oom-killed' ? ' (OOMKilled, exit 137)' : ''}`;
  const then = kind === 'Pod' ? 'a bare Pod is never recreated' : kind === 'Job' || kind === 'CronJob' ? 'the Job controller decides what follows' : 'the controller replaces the Pod';
  return `not restarted: ${outcome}; ${then}`;
}

function jobSection(source: WorkloadSource, restartPolicy: string): RestartSection['job'] {
  const backoffLimit = effectiveBackoffLimit(source);
  // One delay per allowed failure, but never more than LISTED_JOB_FAILURES (a per-index Job defaults to 2^31-1).
  const delays = Array.from({ length: Math.min(Math.max(backoffLimit, 1), LISTED_JOB_FAILURES) }, (_, i) => jobPodFailureBackOffSeconds(i + 1));
  const summary = restartPolicy === 'OnFailure'
    ? `restartPolicy OnFailure: failed containers restart inside the Pod (crash back-off); the Job fails when the Pods' restart counts reach backoffLimit ${backoffLimit} (pkg/controller/job/job_controller.go pastBackoffLimitOnFailure)`
    : `restartPolicy Never: each failed Pod is replaced by a new Pod after the Job's Pod-failure back-off (${delays.slice(0, 6).join(', ')} s ... capped at 600 s); the Job fails when more than backoffLimit ${backoffLimit} Pods have failed`;
  return { backoffLimit, podFailureBackOffSeconds: delays, summary };
}
