import { errors } from './helpers';

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
});
