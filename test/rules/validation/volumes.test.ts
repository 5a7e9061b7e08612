import { container, errors, messages, pod } from './helpers';

// Cases from pkg/apis/core/validation/validation_test.go TestValidateVolumes and the differential findings.
describe('volumes (validateVolumeSource)', () => {
  test('a volume with two sources: Forbidden at the second source', () => {
    expect(errors(pod({ volumes: [{ name: 'v', emptyDir: {}, hostPath: { path: '/var' } }] }))).toEqual(['api-pod-volumes-and-containers spec.volumes[0].hostPath']);
  });

  test('a volume without a source is an emptyDir (SetDefaults_Volume), not an error', () => {
    expect(messages(pod({ volumes: [{ name: 'v' }] }), 'api-pod-volumes-and-containers')).toEqual([]);
  });

  test('a downwardAPI second source is reported at upstream\'s path, typo included ("downwarAPI")', () => {
    expect(errors(pod({ volumes: [{ name: 'v', emptyDir: {}, downwardAPI: { items: [] } }] }))).toEqual(['api-pod-volumes-and-containers spec.volumes[0].downwarAPI']);
  });

  test.each([
    [{ hostPath: { path: '/a/../b' } }, 'spec.volumes[0].hostPath.path'],
    [{ hostPath: { path: '/var', type: 'Folder' } }, 'spec.volumes[0].hostPath.type'],
    [{ configMap: { name: 'c', items: [{ key: 'k', path: '../x' }] } }, 'spec.volumes[0].configMap.items[0].path'],
    [{ configMap: { name: 'c', defaultMode: 512 } }, 'spec.volumes[0].configMap.defaultMode'],
    [{ secret: {} }, 'spec.volumes[0].secret.secretName'],
    [{ persistentVolumeClaim: { claimName: '' } }, 'spec.volumes[0].persistentVolumeClaim.claimName'],
    [{ nfs: { server: 'nfs', path: 'relative' } }, 'spec.volumes[0].nfs.path'],
    [{ csi: { driver: 'Bad Driver' } }, 'spec.volumes[0].csi.driver'],
    [{ projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 60 } }] } }, 'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds'],
    [{ emptyDir: { sizeLimit: '-1Mi' } }, 'spec.volumes[0].emptyDir.sizeLimit'],
  ])('%j is refused at %s', (source, path) => {
    expect(errors(pod({ volumes: [{ name: 'v', ...source }] }))).toContain(`api-pod-volumes-and-containers ${path}`);
  });

  test.each([{ emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }, { configMap: { name: 'c', defaultMode: 0o644 } }, { secret: { secretName: 's' } },
    { projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }] } }, { ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } }])('%j is accepted', (source) => {
    expect(errors(pod({ volumes: [{ name: 'v', ...source }] }))).toEqual([]);
  });

  test('mounts: duplicate mountPath, subPath with backsteps, Bidirectional without privileged', () => {
    const obj = container({ volumeMounts: [{ name: 'v', mountPath: '/a' }, { name: 'v', mountPath: '/a', subPath: '../up' }, { name: 'v', mountPath: '/b', mountPropagation: 'Bidirectional' }] });
    obj.spec.volumes = [{ name: 'v', emptyDir: {} }];
    // Upstream reports subPath and mountPropagation at the list's path, without the index (ValidateVolumeMounts uses fldPath.Child).
    expect(errors(obj)).toEqual([
      'api-pod-volumes-and-containers spec.containers[0].volumeMounts[1].mountPath',
      'api-pod-volumes-and-containers spec.containers[0].volumeMounts.mountPropagation',
      'api-pod-volumes-and-containers spec.containers[0].volumeMounts.subPath',
    ]);
  });
});
