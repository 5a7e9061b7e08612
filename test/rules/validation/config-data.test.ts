import { errors, messages } from './helpers';

// Cases from pkg/apis/core/validation/validation_test.go TestValidateConfigMap, TestValidateSecret, TestValidateNamespace.
describe('ConfigMaps, Secrets, Namespaces', () => {
  const cm = (fields: any) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, ...fields });
  const secret = (fields: any) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, ...fields });

  test('keys, data/binaryData clashes, 1 MiB', () => {
    expect(errors(cm({ data: { 'a/b': 'x' } }))).toEqual(['api-configmap-secret-data data[a/b]']);
    expect(errors(cm({ data: { k: 'x' }, binaryData: { k: 'eA==' } }))).toEqual(['api-configmap-secret-data data[k]']);
    expect(errors(cm({ data: { big: 'x'.repeat(1048577) } }))).toEqual(['api-configmap-secret-data data']);
    expect(errors(cm({ data: { big: 'x'.repeat(1048576) } }))).toEqual([]);
  });

  test('invalid base64 is a decoding error; stringData keys are checked as data keys', () => {
    expect(errors(secret({ data: { k: 'not base64!' } }))).toEqual(['api-decoding data[k]']);
    expect(errors(secret({ stringData: { 'bad key': 'x' } }))).toEqual(['api-configmap-secret-data data[bad key]']);
  });

  test('typed Secrets need their keys; dockerconfigjson must be JSON', () => {
    expect(errors(secret({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'x' } }))).toEqual(['api-configmap-secret-data data[tls.key]']);
    expect(errors(secret({ type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': 'not json' } }))).toEqual(['api-configmap-secret-data data[.dockerconfigjson]']);
    expect(errors(secret({ type: 'kubernetes.io/service-account-token' }))).toEqual(['api-configmap-secret-data metadata.annotations[kubernetes.io/service-account.name]']);
  });

  test('Namespaces: finalizers, the metadata.name label, Pod Security labels', () => {
    const ns = (fields: any) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' }, ...fields });
    expect(errors(ns({ spec: { finalizers: ['foo'] } }))).toEqual(['api-namespace-spec spec.finalizers']);
    expect(messages(ns({ metadata: { name: 'team-a', labels: { 'pod-security.kubernetes.io/enforce': 'strict' } } }), 'api-namespace-spec'))
      .toEqual(['metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted']);
  });
});
