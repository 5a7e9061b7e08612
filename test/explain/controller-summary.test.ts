import { controllerSection, effectiveBackoffLimit, effectiveRestartPolicy } from '../../src/explain/controller-summary';
import { workloadSource } from '../../src/explain/workload-source';

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
