import { isRestartedAfterExit, restartSection } from '../../src/explain/restarts';
import { workloadSource } from '../../src/explain/workload-source';

function pod(restartPolicy?: string, kind = 'Pod', extra: any = {}): any {
  const spec = { restartPolicy, containers: [{ name: 'c', image: 'busybox:1.36' }] };
  if (kind === 'Pod') return { apiVersion: 'v1', kind, metadata: { name: 'p' }, spec };
  return { apiVersion: 'batch/v1', kind, metadata: { name: 'j' }, spec: { ...extra, template: { spec } } };
}

describe('isRestartedAfterExit (pkg/kubelet/container/helpers_test.go TestShouldContainerBeRestarted)', () => {
  // upstream expectations for policies Never, OnFailure, Always
  test.each([
    ['succeed', 0, [false, false, true]],
    ['failed', 1, [false, true, true]],
    ['failed', 3, [false, true, true]],
    ['alive, exited 2', 2, [false, true, true]],
  ])('%s (exit %i)', (_name, exitCode, expected) => {
    expect(['Never', 'OnFailure', 'Always'].map(policy => isRestartedAfterExit(policy, exitCode))).toEqual(expected);
  });
});

describe('restartSection', () => {
  test('the explanation of each exit says what ShouldContainerBeRestarted decides', () => {
    for (const policy of ['Never', 'OnFailure', 'Always']) {
      const rules = restartSection(workloadSource(pod(policy))!).onExit;
      expect(rules.map(r => r.exit)).toEqual(['zero', 'non-zero', 'oom-killed']);
      rules.forEach((rule, i) => expect(rule.action.startsWith('not restarted')).toBe(!isRestartedAfterExit(policy, [0, 1, 137][i])));
    }
  });

  test('an omitted restartPolicy is Always (SetDefaults_PodSpec)', () => {
    expect(restartSection(workloadSource(pod(undefined))!).restartPolicy).toBe('Always');
  });

  test('the crash back-off, its cap, its reset and the sync delay come from the kubelet constants', () => {
    const section = restartSection(workloadSource(pod('Always'))!);
    expect(section).toMatchObject({
      crashBackOffSeconds: [0, 10, 20, 40, 80, 160, 300],
      maxBackOffSeconds: 300,
      backOffResetAfterSeconds: 600,
      syncDelaySeconds: { min: 0, max: 15 },
    });
    expect(section.job).toBeUndefined();
  });

  test('a Job with restartPolicy Never: new Pods after the pod-failure back-off, backoffLimit defaulted to 6 (SetDefaults_Job)', () => {
    const job = restartSection(workloadSource(pod('Never', 'Job'))!).job!;
    expect(job.backoffLimit).toBe(6);
    expect(job.podFailureBackOffSeconds).toEqual([10, 20, 40, 80, 160, 320]);
    expect(job.summary).toMatch(/more than backoffLimit 6 Pods have failed/);
  });

  test('a Job with restartPolicy OnFailure: restarts in the Pod count towards backoffLimit (pastBackoffLimitOnFailure)', () => {
    const job = restartSection(workloadSource(pod('OnFailure', 'Job', { backoffLimit: 2 }))!).job!;
    expect(job.backoffLimit).toBe(2);
    expect(job.summary).toMatch(/restart counts reach backoffLimit 2/);
  });
});
