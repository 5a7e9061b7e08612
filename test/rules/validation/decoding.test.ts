import { errors, messages, pod } from './helpers';

// What the API server's strict decoder refuses (HTTP 400), from the 1.28 OpenAPI schema.
describe('decoding (strict field validation)', () => {
  test('unknown fields anywhere, named by their full path', () => {
    expect(messages(pod({ restartpolicy: 'Never' }), 'api-decoding')).toEqual([expect.stringMatching(/^spec\.restartpolicy: strict decoding error: unknown field "spec\.restartpolicy"/)]);
    expect(errors({ ...pod({}), extra: 1 })).toEqual(['api-decoding extra']);
    expect(errors(pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', readonly: true }] }))).toEqual(['api-decoding spec.containers[0].readonly']);
  });

  test('JSON types: quoted numbers, strings for booleans, floats for integers, int32 range', () => {
    expect(errors(pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', ports: [{ containerPort: '8080' }] }] }))).toContain('api-decoding spec.containers[0].ports[0].containerPort');
    expect(errors(pod({ automountServiceAccountToken: 'false' }))).toEqual(['api-decoding spec.automountServiceAccountToken']);
    expect(errors(pod({ terminationGracePeriodSeconds: 1.5 }))).toEqual(['api-decoding spec.terminationGracePeriodSeconds']);
    // int64 decodes, ValidatePodSpec then caps it at MaxInt32.
    expect(errors(pod({ activeDeadlineSeconds: 2147483648 }))).toEqual(['api-pod-fields spec.activeDeadlineSeconds']);
  });

  test('a lifecycle sleep hook does not exist in 1.28 (PodLifecycleSleepAction is 1.29)', () => {
    expect(errors(pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', lifecycle: { preStop: { sleep: { seconds: 5 } } } }] })))
      .toContain('api-decoding spec.containers[0].lifecycle.preStop.sleep');
  });

  test('kinds without a schema are not checked', () => {
    expect(errors({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, anything: true })).toEqual([]);
  });
});
