import { errors, messages } from './helpers';

// Cases from pkg/apis/core/validation/validation_test.go TestValidatePersistentVolumeClaim and pkg/api/persistentvolumeclaim/util_test.go.
function claim(spec: any): any {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec } };
}

describe('PersistentVolumeClaims', () => {
  test('access modes: at least one, supported, ReadWriteOncePod alone', () => {
    expect(errors(claim({ accessModes: [] }))).toEqual(['api-pvc-spec spec.accessModes']);
    expect(errors(claim({ accessModes: ['Sometimes'] }))).toEqual(['api-pvc-spec spec.accessModes']);
    expect(errors(claim({ accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'] }))).toEqual(['api-pvc-spec spec.accessModes']);
    expect(errors(claim({ accessModes: ['ReadWriteOncePod'] }))).toEqual([]);
  });

  test('storage request: present and positive', () => {
    expect(errors(claim({ resources: {} }))).toEqual(['api-pvc-spec spec.resources[storage]']);
    expect(errors(claim({ resources: { requests: { storage: '0' } } }))).toEqual(['api-pvc-spec spec.resources[storage]']);
  });

  test('a dataSource that is neither a PVC nor a VolumeSnapshot is dropped on create, not refused', () => {
    expect(errors(claim({ dataSource: { kind: 'Pod', name: 'x' } }))).toEqual([]);
    expect(errors(claim({ dataSource: { kind: 'PersistentVolumeClaim', name: '' } }))).toEqual(['api-pvc-spec spec.dataSource.name', 'api-pvc-spec spec.dataSourceRef.name']);
  });

  // pkg/registry/core/persistentvolumeclaim/strategy.go PrepareForCreate, pkg/api/persistentvolumeclaim/util.go
  // NormalizeDataSources; ValidatePersistentVolumeClaimSpec "must match dataSourceRef" (kube-apiserver v1.28.7
  // verdicts: test/differential/corpus.json.gz, operator pvc.more)
  test('dataSourceRef alone is copied into dataSource, so both are reported', () => {
    expect(errors(claim({ dataSourceRef: { kind: 'PersistentVolumeClaim', name: 'src' } }))).toEqual([]);
    expect(errors(claim({ dataSourceRef: { kind: 'VolumeSnapshot', apiGroup: 'snapshot.storage.k8s.io', name: 's' } }))).toEqual([]);
    expect(errors(claim({ dataSourceRef: { kind: '', name: '' } })).sort()).toEqual([
      'api-pvc-spec spec.dataSource', 'api-pvc-spec spec.dataSource.kind', 'api-pvc-spec spec.dataSource.name',
      'api-pvc-spec spec.dataSourceRef', 'api-pvc-spec spec.dataSourceRef.kind', 'api-pvc-spec spec.dataSourceRef.name',
    ]);
  });

  test('dataSource and dataSourceRef must name the same object (apiGroup, kind, name)', () => {
    const a = { kind: 'PersistentVolumeClaim', name: 'a' };
    expect(errors(claim({ dataSource: a, dataSourceRef: a }))).toEqual([]);
    expect(messages(claim({ dataSource: a, dataSourceRef: { ...a, name: 'b' } }), 'api-pvc-spec')).toEqual([expect.stringContaining('spec: Invalid value: "spec.dataSource": must match dataSourceRef')]);
    expect(errors(claim({ dataSource: a, dataSourceRef: { ...a, apiGroup: '' } }))).toEqual(['api-pvc-spec spec']);
  });

  test('a dataSourceRef with a namespace is dropped (CrossNamespaceVolumeDataSource is alpha, off in 1.28), whatever it names', () => {
    expect(errors(claim({ dataSourceRef: { kind: 'X', name: 'x', namespace: 'other' } }))).toEqual([]);
  });
});

