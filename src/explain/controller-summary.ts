import { ControllerSection } from './explanation-model';
import { DEFAULT_JOB_BACKOFF_LIMIT, DEFAULT_JOB_BACKOFF_LIMIT_WITH_PER_INDEX } from './kubelet-timing';
import { WorkloadSource } from './workload-source';
import { describeGate, FeatureGate, isEnabled } from '../k8s/feature-gates';
import { KubernetesVersion } from '../k8s/kubernetes-version';

/** The Pod's `restartPolicy` as the API server defaults it (pkg/apis/core/v1/defaults.go `SetDefaults_PodSpec`: `Always`). */
export function effectiveRestartPolicy(source: WorkloadSource): string {
  const policy = source.podSpec.restartPolicy;
  return typeof policy === 'string' && policy !== '' ? policy : 'Always';
}

/**
 * The Job's `backoffLimit`, defaulted as `SetDefaults_Job` does (the same on
 * every release): 6, or the largest int32 when `backoffLimitPerIndex` is set.
 * Defaulting runs when the request is decoded, before a 1.28 server drops
 * `backoffLimitPerIndex` (pkg/registry/batch/job/strategy.go PrepareForCreate).
 */
export function effectiveBackoffLimit(source: WorkloadSource): number {
  const limit = source.jobSpec?.backoffLimit;
  if (typeof limit === 'number') return limit;
  return typeof source.jobSpec?.backoffLimitPerIndex === 'number' ? DEFAULT_JOB_BACKOFF_LIMIT_WITH_PER_INDEX : DEFAULT_JOB_BACKOFF_LIMIT;
}

/** What the controller that owns the Pods does with them, in one line. */
export function controllerSection(source: WorkloadSource, version: KubernetesVersion = KubernetesVersion.DEFAULT): ControllerSection {
  const restartPolicy = effectiveRestartPolicy(source);
  const spec = source.object.spec ?? {};
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1; // apps/v1 defaults: 1
  switch (source.kind) {
    case 'Deployment':
      return { restartPolicy, replicas, summary: `A Deployment keeps ${replicas} replica(s) running through a ReplicaSet; a Pod that is deleted, evicted or lost with its node is replaced, and a template change rolls out ${rollout(spec)}.` };
    case 'ReplicaSet':
    case 'ReplicationController':
      return { restartPolicy, replicas, summary: `A ${source.kind} keeps ${replicas} replica(s) running; a lost Pod is replaced, but a template change does not touch running Pods.` };
    case 'StatefulSet':
      return { restartPolicy, replicas, summary: statefulSetSummary(spec, replicas) };
    case 'DaemonSet':
      return { restartPolicy, summary: 'A DaemonSet runs one Pod on each eligible node, and replaces it when it is lost.' };
    case 'Job':
      return { restartPolicy, backoffLimit: effectiveBackoffLimit(source), summary: jobSummary(source, restartPolicy, version) };
    case 'CronJob':
      return { restartPolicy, backoffLimit: effectiveBackoffLimit(source), summary: `A CronJob creates a Job on the schedule "${spec.schedule}" (concurrencyPolicy ${spec.concurrencyPolicy ?? 'Allow'}${spec.timeZone ? `, time zone ${spec.timeZone}` : ''}); ${jobSummary(source, restartPolicy, version)}` };
    default:
      return { restartPolicy, summary: 'A bare Pod: nothing recreates it when it is deleted, evicted or its node fails; the kubelet only restarts its containers under its restartPolicy.' };
  }
}

function rollout(spec: any): string {
  if (spec.strategy?.type === 'Recreate') return 'by deleting every old Pod before creating new ones (Recreate)';
  const rolling = spec.strategy?.rollingUpdate ?? {};
  return `a few Pods at a time (RollingUpdate, maxSurge ${rolling.maxSurge ?? '25%'}, maxUnavailable ${rolling.maxUnavailable ?? '25%'}), waiting for new Pods to be Ready`;
}

function statefulSetSummary(spec: any, replicas: number): string {
  const parallel = spec.podManagementPolicy === 'Parallel';
  return parallel
    ? `A StatefulSet keeps ${replicas} Pod(s) with stable names and storage; under Parallel it starts and deletes them all at once.`
    : `A StatefulSet keeps ${replicas} Pod(s) with stable names and storage; under OrderedReady (the default) it creates ordinal N only once ordinals 0..N-1 are Running and Ready, so one Pod stuck in its init phase holds back all later ones.`;
}

function jobSummary(source: WorkloadSource, restartPolicy: string, version: KubernetesVersion): string {
  const limit = effectiveBackoffLimit(source);
  const completions = source.jobSpec?.completions ?? 1;
  const perIndex = source.jobSpec?.backoffLimitPerIndex;
  if (typeof perIndex === 'number') return perIndexJobSummary(source, { perIndex, limit, completions }, version);
  return `a Job runs Pods until ${completions} succeed(s); it fails once ${restartPolicy === 'OnFailure' ? `the Pods' containers have restarted ${limit} time(s) in total` : `more than ${limit} Pod(s) have failed`} (backoffLimit ${limit})${typeof source.jobSpec?.activeDeadlineSeconds === 'number' ? ` or after activeDeadlineSeconds ${source.jobSpec.activeDeadlineSeconds}` : ''}.`;
}

/**
 * A Job with `backoffLimitPerIndex`: from 1.29 (JobBackoffLimitPerIndex on by
 * default, pkg/features/kube_features.go) an index is failed once a Pod of it
 * fails after `backoffLimitPerIndex` earlier failures of that index (k8s:
 * pkg/controller/job/indexed_job_utils.go isIndexFailed: `getIndexFailureCount(logger, pod) >=
 * *job.Spec.BackoffLimitPerIndex`); before, the server drops the field and
 * only the defaulted `backoffLimit` is left.
 */
interface JobCounts {
  readonly perIndex: number;
  readonly limit: number;
  readonly completions: number;
}

function perIndexJobSummary(source: WorkloadSource, counts: JobCounts, version: KubernetesVersion): string {
  const { perIndex, limit, completions } = counts;
  const maxFailed = source.jobSpec?.maxFailedIndexes;
  if (!isEnabled(FeatureGate.JOB_BACKOFF_LIMIT_PER_INDEX, version)) {
    return `a Job runs Pods until ${completions} succeed(s); backoffLimitPerIndex ${perIndex} is dropped by the ${version.name} API server (${describeGate(FeatureGate.JOB_BACKOFF_LIMIT_PER_INDEX, version)}), `
      + (typeof source.jobSpec?.backoffLimit === 'number'
        ? `so the Job fails once more than ${limit} Pod(s) have failed (backoffLimit ${limit}).`
        : `after it defaulted backoffLimit to ${limit} because the field was set: failed Pods are replaced without a practical limit.`);
  }
  const jobFails = typeof maxFailed === 'number'
    ? `the Job fails once more than ${maxFailed} index(es) have failed (maxFailedIndexes)`
    : 'the Job runs every index to the end and then fails if any index failed';
  return `an Indexed Job runs one Pod per index until ${completions} succeed(s); an index is failed once ${perIndex + 1} of its Pods have failed (backoffLimitPerIndex ${perIndex}, counted per index), and ${jobFails}.`;
}
