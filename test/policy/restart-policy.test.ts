import * as kplus from 'cdk8s-plus-28';
import { restartPolicyProblem, WorkloadRestartPolicy } from '../../src/policy/restart-policy';
import { WorkloadKind } from '../../src/policy/workload-kind';
import { podSpecPath } from '../../src/rules/pod-templates';

// Rules and wording from Kubernetes 1.28:
// - pkg/apis/core/validation/validation.go validateRestartPolicy (Pods),
//   ValidatePodTemplateSpecForRC (ReplicationController);
// - pkg/apis/apps/validation/validation.go ValidatePodTemplateSpecForReplicaSet
//   (Deployment, ReplicaSet), ValidateStatefulSetSpec, ValidateDaemonSetSpec;
// - pkg/apis/batch/validation/validation.go validateJobSpec (Job, and CronJob via
//   ValidateJobTemplateSpec);
// - pkg/apis/core/v1/defaults.go SetDefaults_PodSpec (omitted -> Always);
// - staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go (message format).

const { ALWAYS, ON_FAILURE, NEVER } = kplus.RestartPolicy;

describe('WorkloadRestartPolicy.allowed', () => {
  test('a Pod accepts every policy (k8s: validateRestartPolicy)', () => {
    expect(WorkloadRestartPolicy.allowed(WorkloadKind.POD)).toEqual([ALWAYS, ON_FAILURE, NEVER]);
  });

  test.each([WorkloadKind.DEPLOYMENT, WorkloadKind.STATEFUL_SET, WorkloadKind.DAEMON_SET, WorkloadKind.REPLICA_SET])(
    '%s accepts only Always (k8s: apps validation)', (kind) => {
      expect(WorkloadRestartPolicy.allowed(kind)).toEqual([ALWAYS]);
    });

  test.each([WorkloadKind.JOB, WorkloadKind.CRON_JOB])('%s accepts OnFailure and Never (k8s: validateJobSpec)', (kind) => {
    expect(WorkloadRestartPolicy.allowed(kind)).toEqual([ON_FAILURE, NEVER]);
  });

  test('returns a copy the caller cannot use to change the rule', () => {
    WorkloadRestartPolicy.allowed(WorkloadKind.DEPLOYMENT).push(NEVER);
    expect(WorkloadRestartPolicy.allowed(WorkloadKind.DEPLOYMENT)).toEqual([ALWAYS]);
  });

  test('rejects a kind that is not a WorkloadKind', () => {
    expect(() => WorkloadRestartPolicy.allowed('ReplicationController' as WorkloadKind)).toThrow(
      'unknown workload kind "ReplicationController": use one of Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob',
    );
  });
});

describe('WorkloadRestartPolicy.defaultFor', () => {
  test.each([WorkloadKind.POD, WorkloadKind.DEPLOYMENT, WorkloadKind.STATEFUL_SET, WorkloadKind.DAEMON_SET, WorkloadKind.REPLICA_SET])(
    '%s defaults to Always (k8s: SetDefaults_PodSpec)', (kind) => {
      expect(WorkloadRestartPolicy.defaultFor(kind)).toBe(ALWAYS);
    });

  test.each([WorkloadKind.JOB, WorkloadKind.CRON_JOB])('%s gets Never: Kubernetes has no usable default there', (kind) => {
    expect(WorkloadRestartPolicy.defaultFor(kind)).toBe(NEVER);
    // The library's choice must be one the API server accepts.
    expect(WorkloadRestartPolicy.allowed(kind)).toContain(WorkloadRestartPolicy.defaultFor(kind));
  });
});

describe('WorkloadRestartPolicy.resolve', () => {
  test('fills in the default when the policy is omitted', () => {
    expect(WorkloadRestartPolicy.resolve(WorkloadKind.POD)).toBe(ALWAYS);
    expect(WorkloadRestartPolicy.resolve(WorkloadKind.DEPLOYMENT)).toBe(ALWAYS);
    expect(WorkloadRestartPolicy.resolve(WorkloadKind.JOB)).toBe(NEVER);
  });

  test('keeps an accepted policy', () => {
    expect(WorkloadRestartPolicy.resolve(WorkloadKind.POD, NEVER)).toBe(NEVER);
    expect(WorkloadRestartPolicy.resolve(WorkloadKind.POD, ON_FAILURE)).toBe(ON_FAILURE);
    expect(WorkloadRestartPolicy.resolve(WorkloadKind.JOB, ON_FAILURE)).toBe(ON_FAILURE);
    expect(WorkloadRestartPolicy.resolve(WorkloadKind.CRON_JOB, NEVER)).toBe(NEVER);
    expect(WorkloadRestartPolicy.resolve(WorkloadKind.STATEFUL_SET, ALWAYS)).toBe(ALWAYS);
  });

  test('rejects Never on a Deployment in the API server\'s words, with the fix', () => {
    // k8s: ValidatePodTemplateSpecForReplicaSet field.NotSupported(..., []string{"Always"})
    expect(() => WorkloadRestartPolicy.resolve(WorkloadKind.DEPLOYMENT, NEVER)).toThrow(
      'Deployment spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"; '
      + 'a Deployment keeps its Pods running and only replaces Pods that are gone, so their containers must be restarted in place: '
      + 'use Always, or a Job (OnFailure or Never) for work that runs to completion',
    );
  });

  test.each([WorkloadKind.STATEFUL_SET, WorkloadKind.DAEMON_SET, WorkloadKind.REPLICA_SET])(
    'rejects OnFailure on a %s', (kind) => {
      expect(() => WorkloadRestartPolicy.resolve(kind, ON_FAILURE)).toThrow(
        `${kind} spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"; a ${kind} keeps its Pods running`,
      );
    });

  test('rejects Always on a Job with "Required value", as batch validation does', () => {
    // k8s: validateJobSpec field.Required(..., `valid values: "OnFailure", "Never"`)
    expect(() => WorkloadRestartPolicy.resolve(WorkloadKind.JOB, ALWAYS)).toThrow(
      'Job spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"; '
      + 'a Job runs its Pods to completion and retries failures up to backoffLimit: '
      + 'set OnFailure (restart the failed container in the same Pod) or Never (replace the failed Pod)',
    );
  });

  test('reports a CronJob at its jobTemplate path', () => {
    expect(() => WorkloadRestartPolicy.resolve(WorkloadKind.CRON_JOB, ALWAYS)).toThrow(
      'CronJob spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
  });

  test('rejects a value that is no restart policy (from plain JavaScript)', () => {
    expect(() => WorkloadRestartPolicy.resolve(WorkloadKind.POD, 'Sometimes' as kplus.RestartPolicy)).toThrow(
      'Pod spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"; use Always, OnFailure or Never',
    );
  });

  test('rejects an unknown kind even with a policy', () => {
    expect(() => WorkloadRestartPolicy.resolve('Widget' as WorkloadKind, ALWAYS)).toThrow('unknown workload kind "Widget"');
  });
});

describe('restartPolicyProblem (manifest rule)', () => {
  test.each([
    ['Pod', undefined],
    ['Pod', ''],
    ['Pod', 'Always'],
    ['Pod', 'OnFailure'],
    ['Pod', 'Never'],
    ['Deployment', undefined],
    ['Deployment', 'Always'],
    ['StatefulSet', undefined],
    ['DaemonSet', 'Always'],
    ['ReplicaSet', undefined],
    ['ReplicationController', 'Always'],
    ['Job', 'OnFailure'],
    ['Job', 'Never'],
    ['CronJob', 'Never'],
    ['CronJob', 'OnFailure'],
  ])('%s with %j is accepted', (kind, policy) => {
    expect(restartPolicyProblem(kind, policy)).toBeUndefined();
  });

  test('an omitted policy on a Job is defaulted to Always, then rejected as "Required value"', () => {
    // k8s: SetDefaults_PodSpec runs first; validateJobSpec checks `== Always || == ""`.
    const expected = 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"; a Job runs its Pods to completion';
    expect(restartPolicyProblem('Job', undefined)).toContain(expected);
    expect(restartPolicyProblem('Job', '')).toContain(expected);
    expect(restartPolicyProblem('Job', 'Always')).toContain(expected);
  });

  test('an omitted policy on a CronJob fails the same way, one level down', () => {
    expect(restartPolicyProblem('CronJob', undefined)).toMatch(
      /^spec\.jobTemplate\.spec\.template\.spec\.restartPolicy: Required value: valid values: "OnFailure", "Never"; a CronJob runs/,
    );
  });

  test.each(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController'])(
    '%s with Never gets "Unsupported value"', (kind) => {
      expect(restartPolicyProblem(kind, 'Never')).toBe(
        `spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"; a ${kind} keeps its Pods running `
        + 'and only replaces Pods that are gone, so their containers must be restarted in place: '
        + 'use Always, or a Job (OnFailure or Never) for work that runs to completion',
      );
    });

  test('a value that is no policy gets the kind\'s supported values', () => {
    expect(restartPolicyProblem('Pod', 'always')).toBe(
      'spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never"; use Always, OnFailure or Never',
    );
    expect(restartPolicyProblem('Job', 'Sometimes')).toMatch(
      /^spec\.template\.spec\.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"; /,
    );
    expect(restartPolicyProblem('Deployment', 'Sometimes')).toMatch(
      /^spec\.template\.spec\.restartPolicy: Unsupported value: "Sometimes": supported values: "Always"; /,
    );
  });

  test.each(['Service', 'ConfigMap', 'constructor', 'toString'])('has nothing to say about %s', (kind) => {
    expect(restartPolicyProblem(kind, 'Never')).toBeUndefined();
  });
});

describe('the restart policy is reported at the Pod spec path of the one table of kinds (src/k8s/workload-kinds.ts)', () => {
  test.each([
    ['Pod', 'spec.restartPolicy', 'Sometimes'],
    ['Deployment', 'spec.template.spec.restartPolicy', 'Never'],
    ['ReplicationController', 'spec.template.spec.restartPolicy', 'Never'],
    ['Job', 'spec.template.spec.restartPolicy', 'Always'],
    ['CronJob', 'spec.jobTemplate.spec.template.spec.restartPolicy', 'Always'],
  ])('%s -> %s', (kind, path, bad) => {
    expect(restartPolicyProblem(kind, bad)).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}: `));
    expect(podSpecPath(kind)).toBe(path.replace(/\.restartPolicy$/, ''));
  });

  test.each(Object.values(WorkloadKind))('WorkloadRestartPolicy knows %s, and its complaint names the same path', (kind) => {
    const bad = WorkloadRestartPolicy.allowed(kind).includes(kplus.RestartPolicy.ALWAYS) ? 'Sometimes' : kplus.RestartPolicy.ALWAYS;
    expect(() => WorkloadRestartPolicy.resolve(kind, bad as kplus.RestartPolicy)).toThrow(`${kind} ${podSpecPath(kind)}.restartPolicy: `);
  });
});
