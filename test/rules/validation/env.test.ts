import { container, errors, messages } from './helpers';
import { KubernetesVersion } from '../../../src/k8s/kubernetes-version';

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

// RelaxedEnvironmentVariableValidation: {1.30 Alpha false}, {1.32 Beta true} (pkg/features/kube_features.go);
// staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go IsRelaxedEnvVarName (v1.30.0+), chosen by
// ValidateEnv / ValidateEnvFrom on opts.AllowRelaxedEnvironmentVariableValidation. The message is the server's:
// `spec.containers[0].env[0].name: Invalid value: "KEY=1": a valid environment variable name must consist only of printable ASCII characters other than '='`.
describe('env names per Kubernetes release (RelaxedEnvironmentVariableValidation)', () => {
  const V = KubernetesVersion;
  const relaxedOnly = ['1ABC', 'my var', 'a:b', '!"#$%&\'()*+,-./0123456789:;<>?@[\\]^_`{|}~', '.', '..a'];

  test.each(relaxedOnly)('%j is refused up to 1.31, accepted from 1.32', (name) => {
    for (const version of [V.V1_28, V.V1_29, V.V1_30, V.V1_31]) {
      expect(errors(container({ env: [{ name, value: 'x' }] }), version)).toEqual(['api-pod-volumes-and-containers spec.containers[0].env[0].name']);
    }
    for (const version of [V.V1_32, V.V1_33, V.V1_34, V.V1_35]) expect(errors(container({ env: [{ name, value: 'x' }] }), version)).toEqual([]);
  });

  test.each(['KEY=1', 'ünïcode', 'tab\there', 'del\u007f'])('%j is refused on every release', (name) => {
    for (const version of V.all()) {
      expect(errors(container({ env: [{ name, value: 'x' }] }), version)).toEqual(['api-pod-volumes-and-containers spec.containers[0].env[0].name']);
    }
  });

  test('the relaxed message is the server\'s', () => {
    expect(messages(container({ env: [{ name: 'KEY=1', value: '1' }] }), 'api-pod-volumes-and-containers', V.V1_33))
      .toEqual(['spec.containers[0].env[0].name: Invalid value: "KEY=1": a valid environment variable name must consist only of printable ASCII characters other than \'=\'']);
  });

  test('envFrom prefix follows the same rule', () => {
    const withPrefix = (prefix: string): any => container({ envFrom: [{ prefix, configMapRef: { name: 'cm' } }] });
    expect(errors(withPrefix('1_'), V.V1_31)).toEqual(['api-pod-volumes-and-containers spec.containers[0].envFrom[0].prefix']);
    expect(errors(withPrefix('1_'), V.V1_32)).toEqual([]);
    expect(errors(withPrefix('A='), V.V1_35)).toEqual(['api-pod-volumes-and-containers spec.containers[0].envFrom[0].prefix']);
  });
});
