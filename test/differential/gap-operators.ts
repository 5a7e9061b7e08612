/**
 * Mutation operators of the corpus' second round (generate.ts CORPUS_ROUNDS):
 * what the first round's operators (operators.ts) left out. Each volume
 * source's own checks, `metadata.ownerReferences`, the annotations the Pod
 * validation reads (AppArmor, seccomp, tolerations, deletion cost, mirror Pods),
 * finalizers, and ReplicationController specs. Values come from Kubernetes
 * 1.28's validation source: pkg/apis/core/validation/validation.go unless
 * stated otherwise (functions named per operator).
 */
import { ALL_KINDS, appContainer, clone, ensure, LABEL_KEYS, LONG, op, Operator, podMetaOf, podSpecOf, POD_KINDS, someContainer } from './operators';

export const RC = 'ReplicationController';
const WITH_RC = [...POD_KINDS, RC];
const EVERY_KIND = [...ALL_KINDS, RC];

/** validateVolumeSource and the validate<Source>VolumeSource function of each source, edge values first valid, then not. */
const SOURCE_VARIANTS: any[] = [
  // validateHostPathVolumeSource, validateHostPathType, validatePathNoBacksteps
  { hostPath: { path: '/', type: '' } }, { hostPath: { path: '/dev/null', type: 'CharDevice' } }, { hostPath: { path: '/run/x.sock', type: 'Socket' } },
  { hostPath: { path: '/a/..b' } }, { hostPath: { path: '../etc' } }, { hostPath: { path: '/var/lib', type: 'directory' } },
  // EmptyDir sizeLimit (Cmp < 0) and medium (not validated)
  { emptyDir: { sizeLimit: '0' } }, { emptyDir: { sizeLimit: '1Gi', medium: 'Memory' } }, { emptyDir: { medium: 'HugePages' } }, { emptyDir: { medium: 'Tmpfs' } },
  // validateConfigMapVolumeSource, validateSecretVolumeSource, validateKeyToPath, validateLocalNonReservedPath
  { configMap: { name: 'settings', defaultMode: 0 } }, { configMap: { name: 'settings', items: [{ key: 'k', path: 'p', mode: 511 }] } },
  { configMap: { name: 'settings', items: [{ key: 'k', path: 'p', mode: -1 }] } }, { configMap: { name: 'settings', items: [{ key: '', path: 'p' }] } },
  { configMap: { name: 'settings', items: [{ key: 'k', path: '..a' }] } }, { configMap: { name: 'settings', items: [{ key: 'k', path: 'a/../b' }] } },
  { configMap: { name: 'settings', items: [{ key: 'k', path: 'a..b' }] } }, { configMap: { name: 'settings', items: [{ key: 'k', path: '..' }] } },
  { configMap: { name: 'settings', optional: true, items: [{ key: 'k', path: 'x/y/z' }] } },
  { secret: { secretName: 'credentials', defaultMode: 256 } }, { secret: { secretName: 'credentials', defaultMode: 1000 } },
  { secret: { secretName: '', items: [{ key: 'k', path: '/etc/passwd' }] } }, { secret: { secretName: 'credentials', items: [{ key: 'k', path: '..data' }] } },
  // validateProjectedVolumeSource, validateProjectionSources
  { projected: { defaultMode: 1000, sources: [] } }, { projected: { defaultMode: 420, sources: [{ configMap: { name: 'settings' } }] } },
  { projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 599 } }] } },
  { projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 600 } }] } },
  { projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 4294967296 } }] } },
  { projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 4294967297 } }] } },
  { projected: { sources: [{ serviceAccountToken: { path: 'token', audience: 'vault' } }] } },
  { projected: { sources: [{ serviceAccountToken: { path: '../token' } }] } },
  { projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 }, configMap: { name: 'settings' } }] } },
  { projected: { sources: [{ downwardAPI: { items: [{ path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] } }, { configMap: { name: 'a', items: [{ key: 'k', path: 'name' }] } }] } },
  { projected: { sources: [{ downwardAPI: { items: [{ path: 'name', fieldRef: { fieldPath: 'metadata.name' } }, { path: 'name', fieldRef: { fieldPath: 'metadata.uid' } }] } }] } },
  { projected: { sources: [{ downwardAPI: { items: [{ path: 'x', fieldRef: { fieldPath: 'status.podIP' } }] } }] } },
  { projected: { sources: [{ secret: { name: '' } }] } },
  { projected: { sources: [{ secret: { name: 'credentials', items: [{ key: 'a', path: 'a', mode: 4096 }] } }] } },
  // validateDownwardAPIVolumeSource, validateDownwardAPIVolumeFile
  { downwardAPI: { defaultMode: 1000, items: [] } }, { downwardAPI: { items: [{ path: 'x', mode: 512, fieldRef: { fieldPath: 'metadata.uid' } }] } },
  { downwardAPI: { items: [{ path: 'x' }] } }, { downwardAPI: { items: [{ path: '', fieldRef: { fieldPath: 'metadata.name' } }] } },
  { downwardAPI: { items: [{ path: 'x', fieldRef: { fieldPath: "metadata.labels['app']" } }] } },
  { downwardAPI: { items: [{ path: 'x', fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v2' } }] } },
  { downwardAPI: { items: [{ path: 'x', fieldRef: { fieldPath: 'metadata.name' }, resourceFieldRef: { containerName: 'web', resource: 'limits.cpu' } }] } },
  { downwardAPI: { items: [{ path: 'x', resourceFieldRef: { containerName: 'web', resource: 'limits.memory', divisor: '1Mi' } }] } },
  { downwardAPI: { items: [{ path: 'x', resourceFieldRef: { containerName: 'web', resource: 'requests.hugepages-2Mi' } }] } },
  { downwardAPI: { items: [{ path: 'x', resourceFieldRef: { containerName: 'web', resource: 'limits.cpu', divisor: '1Mi' } }] } },
  // ValidateCSIDriverName, validateCSIVolumeSource
  { csi: { driver: LONG(63, 'c') } }, { csi: { driver: LONG(64, 'c') } }, { csi: { driver: 'CSI.Example.COM' } }, { csi: { driver: 'csi.example.com', nodePublishSecretRef: { name: '' } } },
  { csi: { driver: 'csi.example.com', nodePublishSecretRef: { name: 'Bad_Secret' } } }, { csi: { driver: 'csi.example.com', volumeAttributes: { size: '1Gi' } } },
  { csi: { driver: '-csi.example.com' } },
  // validateEphemeralVolumeSource, ValidatePersistentVolumeClaimTemplate, ValidateTemplateObjectMeta
  { ephemeral: { volumeClaimTemplate: { metadata: { name: 'x' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } },
  { ephemeral: { volumeClaimTemplate: { metadata: { labels: { 'bad key': 'x' } }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } },
  { ephemeral: { volumeClaimTemplate: { metadata: { labels: { tier: 'db' } }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } },
  { ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } } },
  { ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Block', resources: { requests: { storage: '1Gi' } } } } } },
  { ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOncePod'], storageClassName: 'fast', resources: { requests: { storage: '1Gi' } } } } } },
  // validateNFSVolumeSource
  { nfs: { server: 'nfs.example.com', path: 'exports' } }, { nfs: { server: 'nfs.example.com', path: '' } }, { nfs: { server: '10.0.0.2', path: '/', readOnly: true } },
  // validateISCSIVolumeSource (+ the name length check of validateVolumeSource)
  { iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2015-02.example.com:test', lun: 0 } },
  { iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'eui.02004567A425678D', lun: 1 } }, { iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'naa.62004567BA64678D0123456789ABCDEF', lun: 255 } },
  { iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'eui.0200', lun: 0 } }, { iscsi: { targetPortal: '', iqn: 'iqn.2015-02.example.com:test', lun: 256 } },
  { iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2015-02.example.com:test', lun: -1 } },
  { iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2015-02.example.com:test', chapAuthSession: true } },
  { iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2015-02.example.com:test', initiatorName: 'iqn.2015-02.example.com:init' } },
  { iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2015-02.example.com:test', initiatorName: 'bad-initiator' } },
  { iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2015-02.example.com:test', initiatorName: 'eui.123' } },
  { iscsi: { targetPortal: `${LONG(60, 't')}:3260`, iqn: 'iqn.2015-02.example.com:test', initiatorName: 'iqn.2015-02.example.com:init' } },
  // validateGCEPersistentDiskVolumeSource, validateAWSElasticBlockStoreVolumeSource (pdPartitionErrorMsg)
  { gcePersistentDisk: { pdName: 'disk', partition: 255 } }, { gcePersistentDisk: { pdName: 'disk', partition: 256 } }, { gcePersistentDisk: { pdName: '' } },
  { awsElasticBlockStore: { volumeID: 'vol-1', partition: -1 } }, { awsElasticBlockStore: { volumeID: 'vol-1' } }, { awsElasticBlockStore: { volumeID: '' } },
  // validateQuobyteVolumeSource
  { quobyte: { registry: 'registry:7861', volume: 'v' } }, { quobyte: { registry: 'registry', volume: 'v' } }, { quobyte: { registry: 'a:1,b:2', volume: '' } },
  { quobyte: { registry: 'a:1', volume: 'v', tenant: LONG(65) } }, { quobyte: { registry: 'a:1,b', volume: 'v' } }, { quobyte: { volume: 'v' } },
  // validateFlockerVolumeSource
  { flocker: { datasetName: 'data' } }, { flocker: {} }, { flocker: { datasetName: 'data', datasetUUID: 'uuid' } }, { flocker: { datasetName: 'a/b' } },
  // validateRBDVolumeSource, validateCinderVolumeSource, validateCephFSVolumeSource, validateGlusterfsVolumeSource
  { rbd: { monitors: ['10.0.0.1:6789'], image: 'img' } }, { rbd: { monitors: ['10.0.0.1:6789'], image: '' } },
  { cinder: { volumeID: 'v' } }, { cinder: { volumeID: 'v', secretRef: { name: '' } } }, { cinder: { volumeID: '' } },
  { cephfs: { monitors: [] } }, { glusterfs: { endpoints: 'gluster', path: 'vol' } }, { glusterfs: { endpoints: '', path: '' } },
  // validateFlexVolumeSource (reserved option namespaces)
  { flexVolume: { driver: 'example.com/flex' } }, { flexVolume: { driver: '' } }, { flexVolume: { driver: 'example.com/flex', options: { 'kubernetes.io/secret': 'x' } } },
  { flexVolume: { driver: 'example.com/flex', options: { 'foo.k8s.io/x': 'x', 'example.com/y': 'y' } } }, { flexVolume: { driver: 'example.com/flex', options: { 'K8S.IO': 'x' } } },
  { flexVolume: { driver: 'example.com/flex', options: { 'notkubernetes.io/x': 'x' } } },
  // validateAzureFile, validateAzureDisk
  { azureFile: { secretName: 's', shareName: 'share' } }, { azureFile: { secretName: '', shareName: '' } },
  { azureDisk: { diskName: 'd', diskURI: 'https://account.blob.core.windows.net/c/d.vhd' } },
  { azureDisk: { diskName: 'd', diskURI: '/subscriptions/s/resourcegroups/g/providers/microsoft.compute/disks/d', kind: 'Managed' } },
  { azureDisk: { diskName: 'd', diskURI: 'https://account.blob.core.windows.net/c/d.vhd', kind: 'Managed' } },
  { azureDisk: { diskName: 'd', diskURI: '/subscriptions/s/x', kind: 'Shared' } }, { azureDisk: { diskName: 'd', diskURI: 'x', kind: 'Huge' } },
  { azureDisk: { diskName: 'd', diskURI: 'https://a/b.vhd', cachingMode: 'Sometimes' } }, { azureDisk: { diskName: '', diskURI: '' } },
  // validateVsphereVolumeSource, validatePhotonPersistentDiskVolumeSource, validatePortworxVolumeSource, validateScaleIOVolumeSource
  { vsphereVolume: { volumePath: '[ds] vol.vmdk' } }, { vsphereVolume: { volumePath: '' } }, { photonPersistentDisk: { pdID: '' } },
  { portworxVolume: { volumeID: '' } }, { scaleIO: { gateway: 'g', system: 's', volumeName: 'v', secretRef: { name: 'sio' } } }, { scaleIO: { gateway: '', system: '', volumeName: '' } },
  // validateStorageOSVolumeSource
  { storageos: { volumeName: 'vol' } }, { storageos: { volumeName: 'Bad_Vol' } }, { storageos: {} }, { storageos: { volumeName: 'vol', volumeNamespace: 'Bad.NS' } },
  { storageos: { volumeName: 'vol', secretRef: { name: '' } } },
  // validateFCVolumeSource
  { fc: { targetWWNs: ['500a0982991b8dc5'], lun: 2 } }, { fc: { targetWWNs: ['500a0982991b8dc5'] } }, { fc: { targetWWNs: ['500a0982991b8dc5'], lun: 256 } },
  { fc: { wwids: ['3600508b400105e210000900000490000'] } }, { fc: { targetWWNs: ['500a0982991b8dc5'], wwids: ['x'], lun: 1 } },
  // validateGitRepoVolumeSource, validateLocalDescendingPath
  { gitRepo: { repository: 'https://example.com/r.git', directory: '.' } }, { gitRepo: { repository: 'https://example.com/r.git', directory: '/abs' } },
  { gitRepo: { repository: 'https://example.com/r.git', directory: 'a/../..' } }, { gitRepo: { repository: '' } },
  // validateVolumeSource: two sources
  { nfs: { server: 'n', path: '/x' }, iscsi: { targetPortal: 't', iqn: 'iqn.2015-02.example.com:test' } }, { secret: { secretName: 's' }, configMap: { name: 'c' } },
  { projected: { sources: [] }, csi: { driver: 'csi.example.com' } }, { downwardAPI: {}, cephfs: { monitors: ['m'] } },
];

/** ValidateVolumes with the mounts that refer to the volume (ValidateVolumeMounts): the volume is mounted half of the time. */
function volumeSourceOperator(): Operator {
  return op('volume.sourceChecks', WITH_RC, (obj, r) => {
    const spec = podSpecOf(obj);
    const name = r.pick(['extra', 'extra', 'extra', LONG(40, 'v')]);
    ensure(spec, 'volumes', []).push({ name, ...clone(r.pick(SOURCE_VARIANTS)) });
    if (r.chance(0.5)) ensure(appContainer(obj), 'volumeMounts', []).push({ name, mountPath: '/extra', readOnly: r.chance(0.5) });
  }, 4);
}

const OWNER_UID = 'd9607e19-f88f-11e6-a518-42010a800195';

/** staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go ValidateOwnerReferences, validateOwnerReference (BannedOwners). */
const OWNER_REFERENCES: any[] = [
  [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-6d4cf56db6', uid: OWNER_UID, controller: true, blockOwnerDeletion: true }],
  [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: OWNER_UID }],
  [{ kind: 'ReplicaSet', name: 'web', uid: OWNER_UID }], [{ apiVersion: 'apps/v1', name: 'web', uid: OWNER_UID }],
  [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', uid: OWNER_UID }], [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web' }],
  [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: OWNER_UID }], [{ apiVersion: 'events.k8s.io/v1', kind: 'Event', name: 'e', uid: OWNER_UID }],
  [{ apiVersion: 'a/b/c', kind: 'X', name: 'x', uid: OWNER_UID }], [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'Bad Name!', uid: 'not-a-uid' }],
  [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: OWNER_UID, controller: true }, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'b', uid: 'e9607e19-f88f-11e6-a518-42010a800195', controller: true }],
  [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: OWNER_UID, controller: false }, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'b', uid: 'e9607e19-f88f-11e6-a518-42010a800195', controller: true }],
];

const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** ValidatePodSpecificAnnotations: the annotations a Pod's (and a template's) validation reads. */
function podAnnotationOperators(): Operator[] {
  const annotate = (obj: any, key: string, value: string) => { ensure(podMetaOf(obj), 'annotations', {})[key] = value; };
  return [
    // ValidateAppArmorPodAnnotations, ValidateAppArmorProfileFormat, podSpecHasContainer
    op('podAnnotation.appArmor', WITH_RC, (obj, r) => {
      annotate(obj, `${APPARMOR_PREFIX}${r.pick(['web', 'web', 'setup', 'nope', 'proxy'])}`, r.pick(['runtime/default', 'unconfined', 'localhost/k8s-nginx', '', 'localhost/', 'docker-default', 'runtime/other']));
    }, 2),
    // ValidateSeccompPodAnnotations, ValidateSeccompProfile, validateSeccompAnnotationsAndFields
    op('podAnnotation.seccomp', WITH_RC, (obj, r) => {
      const key = r.chance(0.5) ? SECCOMP_POD : `${SECCOMP_CONTAINER_PREFIX}${r.pick(['web', 'setup', 'nope'])}`;
      annotate(obj, key, r.pick(['runtime/default', 'docker/default', 'unconfined', 'localhost/profile.json', 'localhost/../x', 'localhost//abs', 'bad', '']));
      if (r.chance(0.4)) {
        const c = someContainer(obj, r);
        c.securityContext = { ...(c.securityContext ?? {}), seccompProfile: r.pick([{ type: 'RuntimeDefault' }, { type: 'Unconfined' }, { type: 'Localhost', localhostProfile: 'profile.json' }]) };
      }
    }, 2),
    // ValidateTolerationsInPodAnnotations (helper.GetTolerationsFromPodAnnotations, ValidateTolerations)
    op('podAnnotation.tolerations', WITH_RC, (obj, r) => {
      annotate(obj, 'scheduler.alpha.kubernetes.io/tolerations', r.pick(['[{"key":"x","operator":"Exists","effect":"NoSchedule"}]', 'not json', '[{"operator":"In","key":"x"}]', '[]', '{}', '[{"key":"bad key","operator":"Exists"}]']));
    }),
    // ValidatePodSpecificAnnotations: helper.GetDeletionCostFromPodAnnotations (PodDeletionCost is beta, on)
    op('podAnnotation.deletionCost', WITH_RC, (obj, r) => {
      annotate(obj, 'controller.kubernetes.io/pod-deletion-cost', r.pick(['10', '-2147483648', '2147483648', 'abc', '1.5', '', ' 1']));
    }),
    // ValidatePodSpecificAnnotations: the mirror Pod annotation needs spec.nodeName
    op('podAnnotation.mirror', WITH_RC, (obj, r) => {
      annotate(obj, 'kubernetes.io/config.mirror', 'abc');
      if (r.chance(0.5)) podSpecOf(obj).nodeName = 'node-1';
    }),
  ];
}

/** pkg/apis/core/validation ValidateReplicationController, ValidateReplicationControllerSpec, ValidatePodTemplateSpecForRC. */
function replicationControllerOperators(): Operator[] {
  return [
    op('rc.selector', [RC], (obj, r) => {
      const choice = r.int(5);
      if (choice === 0) delete obj.spec.selector;
      else if (choice === 1) obj.spec.selector = {};
      else if (choice === 2) obj.spec.selector = { app: 'other' };
      else if (choice === 3) obj.spec.selector = { [r.pick(LABEL_KEYS)]: 'web' };
      else obj.spec.selector = { 'app.kubernetes.io/name': 'web', 'tier': 'x' };
    }, 2),
    op('rc.replicas', [RC], (obj, r) => { obj.spec[r.pick(['replicas', 'minReadySeconds'])] = r.pick([-1, 0, 3]); }),
    op('rc.template', [RC], (obj, r) => {
      const choice = r.int(4);
      if (choice === 0) delete obj.spec.template;
      else if (choice === 1) obj.spec.template.metadata.labels = r.pick([{}, { app: 'other' }]);
      else if (choice === 2) obj.spec.template.spec.activeDeadlineSeconds = r.pick([10, 0]);
      else obj.spec.template.spec.restartPolicy = r.pick(['Always', 'OnFailure', 'Never']);
    }, 2),
  ];
}

/** The operators of the second round. */
export const GAP_OPERATORS: readonly Operator[] = [
  volumeSourceOperator(),
  op('meta.ownerReferences', EVERY_KIND, (obj, r) => { obj.metadata.ownerReferences = clone(r.pick(OWNER_REFERENCES)); }, 2),
  // ValidateFinalizers (orphan and foregroundDeletion together), validateKubeFinalizerName, qualified names
  op('meta.finalizers.more', EVERY_KIND, (obj, r) => {
    obj.metadata.finalizers = r.pick([['orphan', 'foregroundDeletion'], ['orphan'], ['foregroundDeletion'], ['example.com/a/b'], [`example.com/${LONG(64)}`], ['']]);
  }),
  ...podAnnotationOperators(),
  ...replicationControllerOperators(),
];

