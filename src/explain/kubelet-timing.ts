/**
 * The kubelet's and the Job controller's timing constants, each from the
 * Kubernetes 1.28 source (tag v1.28.7), and the back-off schedules they produce.
 *
 * Internal module of `explain`: not re-exported from `src/index.ts`.
 */

/**
 * k8s: pkg/kubelet/kubelet.go `backOffPeriod = time.Second * 10`: the first
 * crash back-off, the first image pull back-off, and the pod worker's retry
 * period after a failed sync.
 */
export const BACK_OFF_PERIOD_SECONDS = 10;

/**
 * k8s: pkg/kubelet/kubelet.go `MaxContainerBackOff = 300 * time.Second`
 * (`klet.backOff = flowcontrol.NewBackOff(backOffPeriod, MaxContainerBackOff)`,
 * and `imageBackOff` the same): "back-off 5m0s".
 */
export const MAX_CONTAINER_BACK_OFF_SECONDS = 300;

/**
 * k8s: staging/src/k8s.io/client-go/util/flowcontrol/backoff.go `hasExpired`:
 * `eventTime.Sub(lastUpdate) > maxDuration*2`: a container that exits more than
 * 2 × 300 s after its last back-off restart starts over at 10 s.
 */
export const BACK_OFF_RESET_SECONDS = 2 * MAX_CONTAINER_BACK_OFF_SECONDS;

/**
 * k8s: pkg/kubelet/kubelet.go `genericPlegRelistPeriod = time.Second * 1`: the
 * kubelet notices a container exit at its next relist, then syncs the Pod
 * (starts the next init container, restarts the container, or fails the Pod).
 */
export const PLEG_RELIST_PERIOD_SECONDS = 1;

/**
 * k8s: pkg/kubelet/pod_workers.go `completeWork`: a sync that ends in an error
 * (`CrashLoopBackOff`, `ImagePullBackOff`) is retried after
 * `wait.Jitter(backOffPeriod, workerBackOffPeriodJitterFactor)` with
 * `workerBackOffPeriodJitterFactor = 0.5`, i.e. 10 to 15 s later. A back-off
 * that ends between two such syncs is acted on at the next one: the restart
 * comes 0 to 15 s after the back-off ends (observed on 1.28.7: 2 to 8 s).
 */
export const SYNC_DELAY_AFTER_BACK_OFF_SECONDS = { min: 0, max: BACK_OFF_PERIOD_SECONDS * 1.5 } as const;

/**
 * k8s: pkg/kubelet/kuberuntime/kuberuntime_manager.go `minimumGracePeriodInSeconds = 2`:
 * a container always gets at least this long between SIGTERM and SIGKILL.
 */
export const MINIMUM_GRACE_PERIOD_SECONDS = 2;

/** k8s: pkg/apis/core/v1/defaults.go `SetDefaults_PodSpec` (`v1.DefaultTerminationGracePeriodSeconds`). */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

/** k8s: pkg/apis/core/v1/defaults.go `SetDefaults_Probe`. */
export const PROBE_DEFAULTS = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, initialDelaySeconds: 0 } as const;

/** k8s: pkg/apis/batch/v1/defaults.go `SetDefaults_Job`: `BackoffLimit = 6` (without `backoffLimitPerIndex`). */
export const DEFAULT_JOB_BACKOFF_LIMIT = 6;

/**
 * k8s: pkg/apis/batch/v1/defaults.go `SetDefaults_Job`: with `backoffLimitPerIndex` set,
 * `BackoffLimit = math.MaxInt32` (v1.28.7 and later: not behind the gate).
 */
export const DEFAULT_JOB_BACKOFF_LIMIT_WITH_PER_INDEX = 2147483647;

/** k8s: pkg/controller/job/job_controller.go `DefaultJobPodFailureBackOff = 10 * time.Second`. */
export const JOB_POD_FAILURE_BACK_OFF_SECONDS = 10;

/** k8s: pkg/controller/job/job_controller.go `MaxJobPodFailureBackOff = 10 * time.Minute`. */
export const MAX_JOB_POD_FAILURE_BACK_OFF_SECONDS = 600;

/**
 * Under `restartPolicy: Never` the Pod turns `Failed` after the relist that sees
 * the exit (up to 1 s), the sync that kills the Pod (`computeInitContainerActions`
 * sets `KillPod`) and the status manager's write: observed on kubelet 1.28.7
 * (issue 16) about 3 s after the exit. The source sets no upper bound; 4 s
 * covers the observation with a second to spare.
 */
export const POD_FAILED_AFTER_EXIT_SECONDS = { min: 0, max: 4 } as const;

/**
 * The kubelet's crash back-off before each restart of one container, in
 * seconds: the first restart has none (no back-off entry yet: kuberuntime_manager.go
 * `doBackOff` calls `backOff.Next` and starts the container), then 10 s doubling
 * to the 300 s cap (flowcontrol backoff.go `Next`, no jitter for the kubelet's
 * `NewBackOff`). `restarts` is how many delays to list.
 */
export function crashBackOffSeconds(restarts: number): number[] {
  const delays: number[] = [];
  let backOff = 0;
  for (let i = 0; i < restarts; i++) {
    delays.push(backOff);
    backOff = backOff === 0 ? BACK_OFF_PERIOD_SECONDS : Math.min(backOff * 2, MAX_CONTAINER_BACK_OFF_SECONDS);
  }
  return delays;
}

/**
 * How long the Job controller waits before it creates the replacement of the
 * `failures`-th failed Pod: 10 s doubling, capped at 10 min
 * (k8s: pkg/controller/job/backoff_utils.go `getRemainingTimeForFailuresCount`).
 */
export function jobPodFailureBackOffSeconds(
  failures: number,
  initial: number = JOB_POD_FAILURE_BACK_OFF_SECONDS,
  max: number = MAX_JOB_POD_FAILURE_BACK_OFF_SECONDS,
): number {
  if (failures <= 0) return 0;
  let backOff = initial;
  for (let i = 1; i < failures; i++) {
    backOff *= 2;
    if (backOff >= max) return max;
  }
  return backOff;
}
