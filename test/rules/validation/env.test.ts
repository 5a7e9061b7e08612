import { container, errors, messages } from './helpers';

// Cases from pkg/apis/core/validation/validation_test.go TestValidateEnv (successCase and errorCases).
describe('env (ValidateEnv, validateEnvVarValueFrom, ValidateEnvFrom)', () => {
  test('value and valueFrom together', () => {
    expect(messages(container({ env: [{ name: 'A', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }), 'api-pod-volumes-and-containers'))
      .toEqual(['spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty; keep either value or valueFrom']);
  });

  test.each([
    [{ name: 'my var', value: 'x' }, 'spec.containers[0].env[0].name'],
    [{ name: '1ABC' }, 'spec.containers[0].env[0].name'],
    [{ name: 'A', valueFrom: {} }, 'spec.containers[0].env[0].valueFrom'],
    [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.labels' } } }, 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath'],
    [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.nmae' } } }, 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath'],
    [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'status.hostIPs' } } }, 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath'],
    [{ name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1Mi' } } }, 'spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor'],
    [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'bad key' } } }, 'spec.containers[0].env[0].valueFrom.secretKeyRef.key'],
    [{ name: 'A', valueFrom: { configMapKeyRef: { key: 'k' } } }, 'spec.containers[0].env[0].valueFrom.configMapKeyRef.name'],
  ])('%j is refused at %s', (env, path) => {
    expect(errors(container({ env: [env] }))).toContain(`api-pod-volumes-and-containers ${path}`);
  });

  test.each([
    { name: 'a.b-c_d', value: '' }, { name: 'A', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
    { name: 'A', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }, { name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
    { name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k', optional: true } } },
  ])('%j is accepted', (env) => {
    expect(errors(container({ env: [env] }))).toEqual([]);
  });

  test('envFrom: both sources in one entry, a prefix that is no env var name', () => {
    expect(errors(container({ envFrom: [{ configMapRef: { name: 'c' }, secretRef: { name: 's' }, prefix: 'bad prefix' }] }))).toEqual([
      'api-pod-volumes-and-containers spec.containers[0].envFrom',
      'api-pod-volumes-and-containers spec.containers[0].envFrom[0].prefix',
    ]);
  });
});
