/**
 * Mutation operators of the corpus' third round (generate.ts CORPUS_ROUNDS):
 * combinations of fields that 1.28's validation checks together, which one
 * mutation at a time rarely makes. pkg/apis/core/validation/validation.go
 * unless stated otherwise (functions named per operator).
 */
import { RC } from './gap-operators';
import { appContainer, clone, ensure, LONG, op, Operator, podSpecOf, POD_KINDS, someContainer } from './operators';

const WITH_RC = [...POD_KINDS, RC];
const UID = 'd9607e19-f88f-11e6-a518-42010a800195';

/** validateOS, validateLinux, validateWindows, validateWindowsHostProcessPod */
const OS_VARIANTS: Array<(spec: any, c: any) => void> = [
  (spec) => { spec.os = { name: 'windows' }; },
  (spec) => { spec.os = { name: 'windows' }; spec.securityContext = { runAsNonRoot: true, windowsOptions: { runAsUserName: 'ContainerUser' } }; },
  (spec, c) => { spec.os = { name: 'windows' }; spec.securityContext = {}; c.securityContext = { seLinuxOptions: { type: 'container_t' } }; },
  (spec, c) => { spec.os = { name: 'windows' }; spec.securityContext = {}; c.securityContext = { readOnlyRootFilesystem: true }; },
  (spec) => { spec.os = { name: 'windows' }; spec.securityContext = { sysctls: [] }; },
  (spec) => { spec.os = { name: 'linux' }; spec.securityContext = { ...spec.securityContext, windowsOptions: { runAsUserName: 'x' } }; },
  (spec, c) => { spec.os = { name: 'linux' }; c.securityContext = { ...c.securityContext, windowsOptions: { hostProcess: false } }; },
  (spec) => { spec.securityContext = { windowsOptions: { hostProcess: true } }; spec.hostNetwork = true; },
  (spec, c) => {
    spec.hostNetwork = true;
    spec.securityContext = { windowsOptions: { hostProcess: true } };
    c.securityContext = { windowsOptions: { hostProcess: false } };
  },
  (spec) => { spec.securityContext = { windowsOptions: { hostProcess: true } }; },
];

/** validateSysctls (IsValidSysctlName with `/` separators, duplicates, length) */
const SYSCTLS: any[] = [
  [{ name: 'net.ipv4.conf.eth0/1.forwarding', value: '1' }], [{ name: 'net/ipv4/ip_forward', value: '1' }], [{ name: 'kernel.msgmax', value: '1' }],
  [{ name: `a.${LONG(252)}`, value: '1' }], [{ name: 'a.b', value: '1' }, { name: 'a.b', value: '2' }], [{ name: 'net.ipv4.ip_local_port_range' }],
  [{ name: 'Kernel.msgmax', value: '1' }], [{ name: 'kernel..msgmax', value: '1' }], [{ name: '_x', value: '1' }], [{ name: 'a/b.c', value: '1' }],
];

/** ValidateResourceRequirements: hugepages, extended resources, requests against limits */
const RESOURCES: any[] = [
  { limits: { 'hugepages-2Mi': '64Mi' } }, { limits: { 'hugepages-2Mi': '64Mi', 'memory': '128Mi' } }, { limits: { 'hugepages-2Mi': '64Mi', 'cpu': '1' } },
  { requests: { 'hugepages-2Mi': '64Mi', 'memory': '128Mi' }, limits: { 'hugepages-2Mi': '128Mi', 'memory': '128Mi' } },
  { requests: { 'hugepages-1Gi': '1Gi', 'memory': '1Gi' } }, { limits: { 'hugepages-2Mi': '3Mi', 'memory': '64Mi' } },
  { requests: { 'example.com/gpu': '1' } }, { limits: { 'example.com/gpu': '1' }, requests: { 'example.com/gpu': '2' } },
  { limits: { 'example.com/gpu': '1' } }, { limits: { 'example.com/gpu': '500m' } }, { requests: { 'hugepages-': '1Mi', 'memory': '1Mi' } },
  { requests: { 'ephemeral-storage': '1Gi' }, limits: { 'ephemeral-storage': '512Mi' } }, { limits: { 'kubernetes.io/foo': '1' } },
];

/** validateContainerResourceFieldSelector with validContainerResourceFieldPathPrefixesWithDownwardAPIHugePages */
const HUGEPAGE_FIELDS = ['limits.hugepages-2Mi', 'requests.hugepages-1Gi', 'limits.hugepages-', 'requests.ephemeral-storage', 'limits.example.com/gpu'];

export const EDGE_OPERATORS: readonly Operator[] = [
  // ValidatePodCreate: nodeName with schedulingGates (Pods only; templates make Pods that are refused)
  op('pod.nodeNameWithGates', WITH_RC, (obj, r) => {
    const spec = podSpecOf(obj);
    spec.nodeName = 'node-1';
    spec.schedulingGates = r.pick([[{ name: 'example.com/gate' }], [], [{ name: 'a' }, { name: 'b' }]]);
  }),
  op('pod.osSpecificFields', WITH_RC, (obj, r) => {
    const spec = podSpecOf(obj);
    r.pick(OS_VARIANTS)(spec, someContainer(obj, r));
  }, 2),
  op('pod.sysctls', WITH_RC, (obj, r) => { ensure(podSpecOf(obj), 'securityContext', {}).sysctls = clone(r.pick(SYSCTLS)); }),
  op('container.resources.combined', WITH_RC, (obj, r) => { someContainer(obj, r).resources = clone(r.pick(RESOURCES)); }, 2),
  op('container.env.resourceFieldRef.hugepages', WITH_RC, (obj, r) => {
    const ref = { containerName: 'web', resource: r.pick(HUGEPAGE_FIELDS) };
    if (r.chance(0.5)) ensure(appContainer(obj), 'env', []).push({ name: 'HP', valueFrom: { resourceFieldRef: ref } });
    else ensure(podSpecOf(obj), 'volumes', []).push({ name: 'hp', downwardAPI: { items: [{ path: 'hp', resourceFieldRef: ref }] } });
    if (r.chance(0.5)) appContainer(obj).resources = { limits: { 'hugepages-2Mi': '64Mi', 'memory': '128Mi' } };
  }),
  // validatePodHostNetworkDeps after SetDefaults_Pod's defaultHostNetworkPorts (templates are not defaulted in 1.28)
  op('pod.hostNetworkPorts', WITH_RC, (obj, r) => {
    const spec = podSpecOf(obj);
    spec.hostNetwork = true;
    const c = r.chance(0.7) ? appContainer(obj) : someContainer(obj, r);
    c.ports = [{ containerPort: 8080, ...r.pick([{}, { hostPort: 8080 }, { hostPort: 9090 }, { hostPort: 0 }]) }];
  }),
  // validatePodMetadataAndSpec: a projected token without serviceAccountName (ServiceAccount admission sets "default" first)
  op('pod.projectedTokenWithoutAccount', WITH_RC, (obj, r) => {
    const spec = podSpecOf(obj);
    delete spec.serviceAccountName;
    if (r.chance(0.5)) spec.automountServiceAccountToken = false;
    ensure(spec, 'volumes', []).push({ name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } });
  }),
  // validateVolumeSource (ephemeral): the claim "<pod>-<volume>" must be a valid PersistentVolumeClaim name
  op('pod.ephemeralClaimName', ['Pod'], (obj, r) => {
    obj.metadata.name = r.pick([LONG(200, 'p'), LONG(240, 'p'), 'web']);
    podSpecOf(obj).volumes.push({
      name: r.pick([LONG(12, 'v'), LONG(63, 'v')]),
      ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } },
    });
  }),
  // ValidatePersistentVolumeClaimSpec: dataSourceRef, volumeName, zero storage
  op('pvc.more', ['PersistentVolumeClaim'], (obj, r) => {
    const choice = r.int(4);
    if (choice === 0) {obj.spec.dataSourceRef = r.pick([{ kind: 'PersistentVolumeClaim', name: 'src' }, { kind: 'VolumeSnapshot', apiGroup: 'snapshot.storage.k8s.io', name: 's' }, { kind: '', name: '' }, { kind: 'X', name: 'x', namespace: 'other' }]);} else if (choice === 1) {obj.spec.volumeName = r.pick(['pv-1', 'Bad_PV', '']);} else if (choice === 2) {obj.spec.resources.requests.storage = r.pick(['0', '1', '1Ei']);} else { obj.spec.dataSource = { kind: 'PersistentVolumeClaim', name: 'a' }; obj.spec.dataSourceRef = { kind: 'PersistentVolumeClaim', name: r.pick(['a', 'b']) }; }
  }),
  op('meta.ownerReferences.blockOwnerDeletion', POD_KINDS, (obj, r) => {
    obj.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'owner', uid: UID, blockOwnerDeletion: r.chance(0.5), controller: true }];
  }),
];
