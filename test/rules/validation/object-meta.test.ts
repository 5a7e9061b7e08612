import { errors, messages } from './helpers';

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

  // staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta_test.go TestValidateObjectMetaOwnerReferences
  test('ownerReferences: a third-party owner passes; Event owners, empty fields and two controllers do not', () => {
    const owner = (extra: any = {}) => ({ apiVersion: 'customresourceVersion', kind: 'customresourceKind', name: 'name', uid: '1', ...extra });
    expect(errors(cm({ name: 'c', ownerReferences: [owner()] }))).toEqual([]);
    expect(errors(cm({ name: 'c', ownerReferences: [owner({ controller: false }), owner({ uid: '2', controller: true }), owner({ uid: '3' })] }))).toEqual([]);
    expect(messages(cm({ name: 'c', ownerReferences: [owner({ apiVersion: 'v1', kind: 'Event' })] }), 'api-object-meta'))
      .toEqual([expect.stringContaining('/v1, Kind=Event is disallowed from being an owner')]);
    expect(messages(cm({ name: 'c', ownerReferences: [owner({ kind: 'customresourceKind1', controller: true }), owner({ kind: 'customresourceKind2', controller: true })] }), 'api-object-meta'))
      .toEqual([expect.stringContaining('Only one reference can have Controller set to true. Found "true" in references for customresourceKind1/name and customresourceKind2/name')]);
    // validateOwnerReference reports at ownerReferences.<field>, without the index
    expect(errors(cm({ name: 'c', ownerReferences: [{ kind: 'K', name: 'n', uid: '1' }, { apiVersion: 'a/b/c', kind: '', name: '', uid: '' }] }))).toEqual([
      'api-object-meta metadata.ownerReferences.apiVersion', 'api-object-meta metadata.ownerReferences.apiVersion', 'api-object-meta metadata.ownerReferences.kind',
      'api-object-meta metadata.ownerReferences.name', 'api-object-meta metadata.ownerReferences.uid',
    ]);
    // events.k8s.io Events may own objects: only the core group's is banned
    expect(errors(cm({ name: 'c', ownerReferences: [owner({ apiVersion: 'events.k8s.io/v1', kind: 'Event' })] }))).toEqual([]);
  });

  test('finalizers: orphan and foregroundDeletion together are refused (ValidateFinalizers)', () => {
    expect(messages(cm({ name: 'c', finalizers: ['orphan', 'foregroundDeletion'] }), 'api-object-meta')).toEqual([expect.stringContaining('finalizer orphan and foregroundDeletion cannot be both set')]);
  });
});
