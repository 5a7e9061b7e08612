import { controllerSection, effectiveBackoffLimit, effectiveRestartPolicy } from '../../src/explain/controller-summary';
import { restartSection } from '../../src/explain/restarts';
import { workloadSource } from '../../src/explain/workload-source';
import { KubernetesVersion } from '../../src/k8s/kubernetes-version';

const POD_SPEC = { containers: [{ name: 'c', image: 'x:1' }] };

function source(kind: string, spec: any = {}) {
  const template = { template: { spec: { ...POD_SPEC, ...(kind === 'Job' || kind === 'CronJob' ? { restartPolicy: 'Never' } : {}) } } };
  const object = kind === 'Pod'
    ? { kind, metadata: { name: 'w' }, spec: POD_SPEC }
    : kind === 'CronJob'
      ? { kind, metadata: { name: 'w' }, spec: { schedule: '*/5 * * * *', ...spec, jobTemplate: { spec: template } } }
      : { kind, metadata: { name: 'w' }, spec: { ...spec, ...template } };
  return workloadSource(object)!;
}

describe('controllerSection', () => {
  test('Deployment: N replicas through a ReplicaSet; replicas default 1 (apps/v1 SetDefaults_Deployment)', () => {
    expect(controllerSection(source('Deployment')).replicas).toBe(1);
    expect(controllerSection(source('Deployment', { replicas: 3 })).summary).toMatch(/keeps 3 replica\(s\) running through a ReplicaSet/);
    expect(controllerSection(source('Deployment', { strategy: { type: 'Recreate' } })).summary).toMatch(/Recreate/);
  });

  test('StatefulSet: ordinals in order under OrderedReady, all at once under Parallel', () => {
    expect(controllerSection(source('StatefulSet')).summary).toMatch(/OrderedReady \(the default\) it creates ordinal N only once ordinals 0\.\.N-1 are Running and Ready/);
    expect(controllerSection(source('StatefulSet', { podManagementPolicy: 'Parallel' })).summary).toMatch(/Parallel/);
  });

  test('Job: runs to completion, backoffLimit defaulted to 6 (batch/v1 SetDefaults_Job)', () => {
    const section = controllerSection(source('Job'));
    expect(section.backoffLimit).toBe(6);
    expect(section.summary).toMatch(/until 1 succeed\(s\); it fails once more than 6 Pod\(s\) have failed/);
  });

  test('CronJob: its schedule and concurrency policy (default Allow)', () => {
    expect(controllerSection(source('CronJob')).summary).toMatch(/schedule "\*\/5 \* \* \* \*" \(concurrencyPolicy Allow\)/);
  });

  test('a bare Pod is not recreated; DaemonSet one per node', () => {
    expect(controllerSection(source('Pod')).summary).toMatch(/nothing recreates it/);
    expect(controllerSection(source('DaemonSet')).summary).toMatch(/one Pod on each eligible node/);
  });

  test('defaults: restartPolicy Always, backoffLimit 6', () => {
    expect(effectiveRestartPolicy(source('Pod'))).toBe('Always');
    expect(effectiveBackoffLimit(source('Job', { backoffLimit: 0 }))).toBe(0);
  });
});

// k8s: pkg/apis/batch/v1/defaults.go SetDefaults_Job (backoffLimit MaxInt32 when backoffLimitPerIndex is set, on every
// release); v1.28.7 pkg/registry/batch/job/strategy.go PrepareForCreate drops backoffLimitPerIndex and maxFailedIndexes
// while JobBackoffLimitPerIndex is off (alpha in 1.28, beta and on from 1.29: pkg/features/kube_features.go);
// pkg/controller/job/indexed_job_utils.go isIndexFailed: `getIndexFailureCount(logger, pod) >= *job.Spec.BackoffLimitPerIndex`.
describe('a Job with backoffLimitPerIndex, per release', () => {
  const perIndex = { completionMode: 'Indexed', completions: 4, parallelism: 2, backoffLimitPerIndex: 1 };

  test('backoffLimit defaults to 2147483647 (SetDefaults_Job), whatever the release', () => {
    expect(effectiveBackoffLimit(source('Job', perIndex))).toBe(2147483647);
    expect(effectiveBackoffLimit(source('Job', { ...perIndex, backoffLimit: 3 }))).toBe(3);
  });

  test('1.28: the field is dropped after the default: no practical limit', () => {
    const summary = controllerSection(source('Job', perIndex), KubernetesVersion.V1_28).summary;
    expect(summary).toMatch(/backoffLimitPerIndex 1 is dropped by the 1\.28 API server \(feature gate JobBackoffLimitPerIndex, alpha and off by default\)/);
    expect(summary).toMatch(/defaulted backoffLimit to 2147483647 because the field was set: failed Pods are replaced without a practical limit/);
    expect(controllerSection(source('Job', { ...perIndex, backoffLimit: 3 })).summary).toMatch(/fails once more than 3 Pod\(s\) have failed \(backoffLimit 3\)/);
  });

  test.each(['1.29', '1.33', '1.35'])('%s: an index fails after backoffLimitPerIndex + 1 failed Pods', (version) => {
    const summary = controllerSection(source('Job', perIndex), KubernetesVersion.of(version)).summary;
    expect(summary).toBe('an Indexed Job runs one Pod per index until 4 succeed(s); an index is failed once 2 of its Pods have failed (backoffLimitPerIndex 1, counted per index), and the Job runs every index to the end and then fails if any index failed.');
    expect(controllerSection(source('Job', { ...perIndex, maxFailedIndexes: 2 }), KubernetesVersion.of(version)).summary)
      .toMatch(/the Job fails once more than 2 index\(es\) have failed \(maxFailedIndexes\)\.$/);
  });

  test('the restarts section lists at most 100 Pod-failure delays, not 2^31', () => {
    const job = restartSection(source('Job', perIndex)).job!;
    expect(job.backoffLimit).toBe(2147483647);
    expect(job.podFailureBackOffSeconds).toHaveLength(100);
    expect(job.podFailureBackOffSeconds.slice(0, 8)).toEqual([10, 20, 40, 80, 160, 320, 600, 600]);
  });
});
