import { errors } from './helpers';

// Cases from staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta_test.go and pkg/apis/core/validation ValidateObjectMeta.
describe('ObjectMeta', () => {
  const cm = (metadata: any) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata });

  test('labels: qualified keys, values of at most 63 characters', () => {
    expect(errors(cm({ name: 'c', labels: { 'a/b/c': 'x' } }))).toEqual(['api-object-meta metadata.labels']);
    expect(errors(cm({ name: 'c', labels: { app: 'x'.repeat(64) } }))).toEqual(['api-object-meta metadata.labels']);
    expect(errors(cm({ name: 'c', labels: { 'example.com/tier': 'V1.0_beta-2' } }))).toEqual([]);
  });

  test('annotations: 256 KiB in total, keys and values counted', () => {
    expect(errors(cm({ name: 'c', annotations: { a: 'x'.repeat(262143) } }))).toEqual([]);
    expect(errors(cm({ name: 'c', annotations: { a: 'x'.repeat(262144) } }))).toEqual(['api-object-meta metadata.annotations']);
  });

  test('finalizers without a domain must be standard ones', () => {
    expect(errors(cm({ name: 'c', finalizers: ['cleanup'] }))).toEqual(['api-object-meta metadata.finalizers[0]']);
    expect(errors(cm({ name: 'c', finalizers: ['kubernetes', 'example.com/cleanup'] }))).toEqual([]);
  });

  test('generateName is checked, and so is the name generated from it', () => {
    expect(errors(cm({ generateName: 'Web-' }))).toEqual(['api-object-meta metadata.generateName', 'api-object-meta metadata.name']);
    expect(errors(cm({ generateName: 'web-' }))).toEqual([]);
    expect(errors(cm({}))).toEqual(['api-object-meta metadata.name']);
  });
});
