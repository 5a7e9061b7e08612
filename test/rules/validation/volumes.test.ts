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
    // validateGCEPersistentDiskVolumeSource / validateAWSElasticBlockStoreVolumeSource (the GCE path is upstream's "persistentDisk")
    [{ gcePersistentDisk: { pdName: 'd', partition: 256 } }, 'spec.volumes[0].persistentDisk.partition'],
    [{ awsElasticBlockStore: { volumeID: 'v', partition: -1 } }, 'spec.volumes[0].awsElasticBlockStore.partition'],
    // validateISCSIVolumeSource initiatorName (reported at "initiatorname")
    [{ iscsi: { targetPortal: '127.0.0.1', iqn: 'iqn.2015-02.example.com:test', lun: 1, initiatorName: 'iqn.2015-02.example.com' } }, 'spec.volumes[0].iscsi.initiatorname'],
    [{ iscsi: { targetPortal: '127.0.0.1', iqn: 'iqn.2015-02.example.com:test', lun: 1, initiatorName: 'eui.123' } }, 'spec.volumes[0].iscsi.initiatorname'],
    [{ iscsi: { targetPortal: `${'t'.repeat(60)}:3260`, iqn: 'iqn.2015-02.example.com:test', initiatorName: 'iqn.2015-02.example.com:init' } }, 'spec.volumes[0].name'],
    // validateQuobyteVolumeSource
    [{ quobyte: { registry: 'registry', volume: 'v' } }, 'spec.volumes[0].quobyte.registry'],
    [{ quobyte: { registry: 'a:1,b', volume: 'v' } }, 'spec.volumes[0].quobyte.registry'],
    [{ quobyte: { registry: 'a:1', volume: 'v', tenant: 'x'.repeat(65) } }, 'spec.volumes[0].quobyte.tenant'],
    // validateFlockerVolumeSource
    [{ flocker: {} }, 'spec.volumes[0].flocker'],
    [{ flocker: { datasetName: 'a', datasetUUID: 'b' } }, 'spec.volumes[0].flocker'],
    [{ flocker: { datasetName: 'a/b' } }, 'spec.volumes[0].flocker.datasetName'],
    // validateCinderVolumeSource, validateStorageOSVolumeSource
    [{ cinder: { volumeID: 'v', secretRef: { name: '' } } }, 'spec.volumes[0].cinder.secretRef.name'],
    [{ storageos: { volumeName: 'Bad_Vol' } }, 'spec.volumes[0].storageos.volumeName'],
    [{ storageos: {} }, 'spec.volumes[0].storageos.volumeName'],
    [{ storageos: { volumeName: 'v', volumeNamespace: 'Bad.NS' } }, 'spec.volumes[0].storageos.volumeNamespace'],
    // validateFlexVolumeSource (TestValidateFlexVolumeSource: reserved option namespaces)
    [{ flexVolume: { driver: 'example/driver', options: { 'kubernetes.io/secret': 'x' } } }, 'spec.volumes[0].flexVolume.options[kubernetes.io/secret]'],
    [{ flexVolume: { driver: 'example/driver', options: { 'K8S.IO': 'x' } } }, 'spec.volumes[0].flexVolume.options[K8S.IO]'],
    [{ flexVolume: { driver: 'example/driver', options: { 'sub.k8s.io/x': 'x' } } }, 'spec.volumes[0].flexVolume.options[sub.k8s.io/x]'],
    // validateAzureDisk after SetDefaults_AzureDiskVolumeSource (kind Shared: the URI must be a blob URL)
    [{ azureDisk: { diskName: 'd', diskURI: '/subscriptions/s/x' } }, 'spec.volumes[0].azureDisk.diskURI'],
    [{ azureDisk: { diskName: 'd', diskURI: 'https://a/b.vhd', kind: 'Managed' } }, 'spec.volumes[0].azureDisk.diskURI'],
    [{ azureDisk: { diskName: 'd', diskURI: 'https://a/b.vhd', cachingMode: 'Sometimes' } }, 'spec.volumes[0].azureDisk.cachingMode'],
    [{ azureDisk: { diskName: 'd', diskURI: 'https://a/b.vhd', kind: 'Huge' } }, 'spec.volumes[0].azureDisk.kind'],
  ])('%j is refused at %s', (source, path) => {
    expect(errors(pod({ volumes: [{ name: 'v', ...source }] }))).toContain(`api-pod-volumes-and-containers ${path}`);
  });

  test.each([{ emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }, { configMap: { name: 'c', defaultMode: 0o644 } }, { secret: { secretName: 's' } },
    { projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }] } }, { ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } },
    { gcePersistentDisk: { pdName: 'd', partition: 255 } }, { iscsi: { targetPortal: '127.0.0.1', iqn: 'iqn.2015-02.example.com:test', lun: 1, initiatorName: 'iqn.2015-02.example.com:init' } },
    { quobyte: { registry: 'a:1,b:2,[::1]:3', volume: 'v' } }, { flocker: { datasetUUID: 'u' } }, { storageos: { volumeName: 'v', volumeNamespace: 'ns' } },
    { flexVolume: { driver: 'example/driver', options: { 'notkubernetes.io/x': 'x', 'example.com/y': 'y' } } },
    { azureDisk: { diskName: 'd', diskURI: '/subscriptions/s/resourcegroups/g/providers/microsoft.compute/disks/d', kind: 'Managed' } },
    { azureDisk: { diskName: 'd', diskURI: 'https://account.blob.core.windows.net/c/d.vhd' } }])('%j is accepted', (source) => {
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
