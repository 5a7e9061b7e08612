/**
 * The Kubernetes object that runs a Pod template. Each value is the object's
 * `kind` string, so it can be compared with a manifest directly.
 *
 * The kind decides which Pod `restartPolicy` values the API server accepts
 * (see `WorkloadRestartPolicy`).
 */
export enum WorkloadKind {
  /**
   * A naked Pod: nothing recreates it when it is deleted or its node fails.
   * Accepts every restart policy.
   */
  POD = 'Pod',

  /**
   * A Deployment (apps/v1): keeps `replicas` interchangeable Pods running and
   * rolls them on change. Its Pods must use `restartPolicy: Always`.
   */
  DEPLOYMENT = 'Deployment',

  /**
   * A StatefulSet (apps/v1): Pods with stable names and per-Pod volumes,
   * started and stopped in order. Its Pods must use `restartPolicy: Always`.
   */
  STATEFUL_SET = 'StatefulSet',

  /**
   * A DaemonSet (apps/v1): one Pod per matching node. Its Pods must use
   * `restartPolicy: Always`.
   */
  DAEMON_SET = 'DaemonSet',

  /**
   * A ReplicaSet (apps/v1): keeps `replicas` Pods running; usually managed by a
   * Deployment rather than written by hand. Its Pods must use `restartPolicy: Always`.
   */
  REPLICA_SET = 'ReplicaSet',

  /**
   * A Job (batch/v1): runs Pods until a number of them succeed, retrying up to
   * `backoffLimit`. Its Pods must use `restartPolicy: OnFailure` or `Never`.
   */
  JOB = 'Job',

  /**
   * A CronJob (batch/v1): creates a Job on a schedule; its Pod template is a
   * Job's, with the same restart policy rule as `JOB`.
   */
  CRON_JOB = 'CronJob',
}
