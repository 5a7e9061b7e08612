import { errors, messages, pod } from './helpers';

// plugin/pkg/admission/priority/admission_test.go, plugin/pkg/admission/runtimeclass/admission_test.go,
// staging/src/k8s.io/pod-security-admission/admission (namespace label validation).
describe('admission decided by the object alone', () => {
  test('Priority: no priority or preemptionPolicy other than what the class implies', () => {
    expect(messages(pod({ priority: 1000 }), 'api-pod-admission')).toEqual([expect.stringContaining('the integer value of priority (1000) must not be provided in pod spec')]);
    expect(errors(pod({ priority: 0 }))).toEqual([]);
    expect(errors(pod({ preemptionPolicy: 'Never' }))).toEqual(['api-pod-admission spec.preemptionPolicy']);
    expect(errors(pod({ priorityClassName: 'high', priority: 1000, preemptionPolicy: 'Never' }))).toEqual([]);
  });

  test('RuntimeClass: overhead only through a RuntimeClass', () => {
    expect(errors(pod({ overhead: { cpu: '100m' } }))).toEqual(['api-pod-admission spec.overhead']);
    expect(errors(pod({ overhead: { cpu: '100m' }, runtimeClassName: 'kata' }))).toEqual([]);
  });

  test('PodSecurity: namespace labels name a level and a version', () => {
    const ns = (labels: any) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', labels } });
    expect(errors(ns({ 'pod-security.kubernetes.io/warn': 'strict' }))).toEqual(['api-namespace-spec metadata.labels[pod-security.kubernetes.io/warn]']);
    expect(errors(ns({ 'pod-security.kubernetes.io/enforce-version': '1.28' }))).toEqual(['api-namespace-spec metadata.labels[pod-security.kubernetes.io/enforce-version]']);
    expect(errors(ns({ 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.28' }))).toEqual([]);
  });
});
