import { InitGatedAppProps } from './init-gated-app';
import { WorkloadKind } from '../policy/workload-kind';

const { DEPLOYMENT, STATEFUL_SET, DAEMON_SET, JOB, CRON_JOB, POD, REPLICA_SET } = WorkloadKind;

/** The props that only some kinds have, and those kinds. */
const KIND_SPECIFIC: ReadonlyArray<readonly [keyof InitGatedAppProps, readonly WorkloadKind[]]> = [
  ['replicas', [DEPLOYMENT, STATEFUL_SET]],
  ['strategy', [DEPLOYMENT]],
  ['progressDeadline', [DEPLOYMENT]],
  ['minReady', [DEPLOYMENT, STATEFUL_SET, DAEMON_SET]],
  ['service', [STATEFUL_SET]],
  ['podManagementPolicy', [STATEFUL_SET]],
  ['statefulSetStrategy', [STATEFUL_SET]],
  ['backoffLimit', [JOB, CRON_JOB]],
  ['activeDeadline', [JOB, CRON_JOB]],
  ['ttlAfterFinished', [JOB, CRON_JOB]],
  ['schedule', [CRON_JOB]],
  ['timeZone', [CRON_JOB]],
  ['concurrencyPolicy', [CRON_JOB]],
  ['startingDeadline', [CRON_JOB]],
  ['suspend', [CRON_JOB]],
  ['successfulJobsRetained', [CRON_JOB]],
  ['failedJobsRetained', [CRON_JOB]],
];

/** Counts the API server checks with ValidateNonnegativeField, as int32. */
// k8s: pkg/apis/apps/validation (replicas), pkg/apis/batch/validation validateJobSpec,
// ValidateCronJobSpec (successful/failedJobsHistoryLimit)
const NON_NEGATIVE_INT32: ReadonlyArray<keyof InitGatedAppProps> = ['replicas', 'backoffLimit', 'successfulJobsRetained', 'failedJobsRetained'];

const INT32_MAX = 2147483647;

/** Refuses, before any work, a kind InitGatedApp cannot run and options the kind cannot honour. */
export function checkWorkloadOptions(owner: string, kind: WorkloadKind, props: InitGatedAppProps): void {
  if (kind === REPLICA_SET) {
    throw new Error(`${owner}: workload ReplicaSet is not supported by InitGatedApp: a ReplicaSet is managed by a Deployment, which rolls it on change: use WorkloadKind.DEPLOYMENT`);
  }
  for (const [prop, kinds] of KIND_SPECIFIC) {
    if (props[prop] !== undefined && !kinds.includes(kind)) {
      throw new Error(`${owner}: ${prop} cannot be set on a ${kind}: it applies to ${kinds.join(' and ')}; remove it, or choose that workload`);
    }
  }
  // cdk8s-plus-28 CronJob: a TTL deletes finished Jobs, which the history limits would keep
  if (props.ttlAfterFinished !== undefined && (props.successfulJobsRetained !== undefined || props.failedJobsRetained !== undefined)) {
    throw new Error(`${owner}: ttlAfterFinished cannot be set together with successfulJobsRetained or failedJobsRetained: `
      + 'a TTL deletes finished Jobs that the history limits would keep; choose one');
  }
  if (kind === CRON_JOB && props.schedule === undefined) {
    throw new Error(`${owner}: a CronJob needs a schedule: set schedule, e.g. Cron.daily() or Cron.schedule({ minute: '0', hour: '3' })`);
  }
  for (const prop of NON_NEGATIVE_INT32) {
    const value = props[prop] as number | undefined;
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > INT32_MAX)) {
      throw new Error(`${owner}: ${prop} ${value} must be a non-negative 32-bit integer`);
    }
  }
  if (kind === POD && props.podMetadata?.name !== undefined) {
    throw new Error(`${owner}: podMetadata.name cannot be set: name the Pod with metadata.name`);
  }
}
