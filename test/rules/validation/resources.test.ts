import { container, errors, messages, pod } from './helpers';

// Cases from pkg/apis/core/validation/validation_test.go TestValidateResourceRequirements and the findings.
describe('resources (ValidateResourceRequirements)', () => {
  test('a request above its limit', () => {
    expect(messages(container({ resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }), 'api-pod-volumes-and-containers'))
      .toEqual(['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1; raise the limit or lower the request']);
  });

  test('equal quantities written differently are equal (1Gi = 1073741824)', () => {
    expect(errors(container({ resources: { requests: { memory: '1073741824' }, limits: { memory: '1Gi' } } }))).toEqual([]);
  });

  test('negative quantities and unknown resource names', () => {
    expect(errors(container({ resources: { limits: { cpu: '-1', gpu: '1' } } }))).toEqual(expect.arrayContaining([
      'api-pod-volumes-and-containers spec.containers[0].resources.limits[cpu]',
      'api-pod-volumes-and-containers spec.containers[0].resources.limits[gpu]',
    ]));
  });

  test('a malformed quantity is a decoding error (1GB)', () => {
    expect(errors(container({ resources: { limits: { memory: '1GB' } } }))).toEqual(['api-decoding spec.containers[0].resources.limits[memory]']);
  });

  test('hugepages: a multiple of the page size, next to cpu or memory; extended resources need equal limits', () => {
    expect(errors(container({ resources: { requests: { 'hugepages-2Mi': '1Mi', 'cpu': '1' }, limits: { 'hugepages-2Mi': '1Mi', 'cpu': '1' } } })))
      .toContain('api-pod-volumes-and-containers spec.containers[0].resources.limits[hugepages-2Mi]');
    expect(errors(container({ resources: { requests: { 'example.com/gpu': '1' } } }))).toEqual(['api-pod-volumes-and-containers spec.containers[0].resources.limits']);
  });

  test('a Pod\'s limits become its requests before validation (SetDefaults_Pod), templates\' do not', () => {
    expect(errors(container({ resources: { limits: { pods: '1' } } }))).toEqual([
      'api-pod-volumes-and-containers spec.containers[0].resources.limits[pods]',
      'api-pod-volumes-and-containers spec.containers[0].resources.requests[pods]',
    ]);
    expect(pod({}).kind).toBe('Pod');
  });
});
