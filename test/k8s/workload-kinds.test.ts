import { joinPath, POD_OWNING_KINDS, podOwningKind, RestartPolicyFamily, valueAtPath } from '../../src/k8s/workload-kinds';
import { WorkloadKind } from '../../src/policy/workload-kind';

// k8s: pkg/apis/apps/v1 and batch/v1 types (DeploymentSpec.Template, JobSpec.Template,
// CronJobSpec.JobTemplate.Spec.Template); validation as cited in src/k8s/workload-kinds.ts.
describe('the table of kinds that run Pods', () => {
  test.each([
    ['Pod', '', undefined, RestartPolicyFamily.ANY],
    ['Deployment', 'spec.template', undefined, RestartPolicyFamily.ALWAYS_ONLY],
    ['StatefulSet', 'spec.template', undefined, RestartPolicyFamily.ALWAYS_ONLY],
    ['DaemonSet', 'spec.template', undefined, RestartPolicyFamily.ALWAYS_ONLY],
    ['ReplicaSet', 'spec.template', undefined, RestartPolicyFamily.ALWAYS_ONLY],
    ['ReplicationController', 'spec.template', undefined, RestartPolicyFamily.ALWAYS_ONLY],
    ['Job', 'spec.template', 'spec', RestartPolicyFamily.RUN_TO_COMPLETION],
    ['CronJob', 'spec.jobTemplate.spec.template', 'spec.jobTemplate.spec', RestartPolicyFamily.RUN_TO_COMPLETION],
  ])('%s: template at %j, Job spec at %j, restart policies %s', (kind, templatePath, jobSpecPath, family) => {
    expect(podOwningKind(kind)).toEqual({ kind, templatePath, restartPolicies: family, ...(jobSpecPath ? { jobSpecPath } : {}) });
  });

  test('lists every kind once, and covers every public WorkloadKind', () => {
    const kinds = POD_OWNING_KINDS.map((entry) => entry.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toEqual(expect.arrayContaining(Object.values(WorkloadKind)));
  });

  test.each(['Service', 'ConfigMap', 'constructor', 'toString', ''])('%j runs no Pods', (kind) => {
    expect(podOwningKind(kind)).toBeUndefined();
  });
});

describe('paths', () => {
  test('joinPath leaves the root prefix out', () => {
    expect(joinPath('', 'spec')).toBe('spec');
    expect(joinPath('spec.template', 'spec')).toBe('spec.template.spec');
  });

  test('valueAtPath walks objects, and gives undefined through a missing step, an array or a scalar', () => {
    const obj = { spec: { jobTemplate: { spec: { template: { spec: 1 } } } }, list: [{ a: 1 }], n: 3 };
    expect(valueAtPath(obj, 'spec.jobTemplate.spec.template')).toEqual({ spec: 1 });
    expect(valueAtPath(obj, '')).toBe(obj);
    expect(valueAtPath(obj, 'spec.template')).toBeUndefined();
    expect(valueAtPath(obj, 'list.a')).toBeUndefined();
    expect(valueAtPath(obj, 'n.x')).toBeUndefined();
    expect(valueAtPath(null, 'spec')).toBeUndefined();
  });
});
