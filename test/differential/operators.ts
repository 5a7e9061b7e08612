/**
 * Mutation operators of the differential corpus. Each one changes one field of
 * a seed object to a value taken from Kubernetes 1.28's validation source: an
 * edge that is valid (so the corpus holds accepts too) or one a check exists
 * for. Citations name the upstream function whose branches the values exercise
 * (pkg/apis/core/validation/validation.go unless stated otherwise).
 */
import { Random } from './random';

export interface Operator {
  /** Stable name, recorded with each object so a disagreement can be traced to what made it. */
  readonly name: string;
  /** Kinds the operator applies to. */
  readonly kinds: readonly string[];
  readonly apply: (obj: any, r: Random) => void;
  /** Relative chance of being picked (1 unless stated): decoding errors stop the server before validation, so they are rarer. */
  readonly weight?: number;
}

export const POD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'];
export const TEMPLATE_KINDS = POD_KINDS.filter((kind) => kind !== 'Pod');
export const ALL_KINDS = [...POD_KINDS, 'Service', 'PersistentVolumeClaim', 'ConfigMap', 'Secret', 'ServiceAccount', 'Namespace'];

/** The Pod spec inside a Pod-bearing object. */
export function podSpecOf(obj: any): any {
  switch (obj.kind) {
    case 'Pod': return obj.spec;
    case 'CronJob': return obj.spec.jobTemplate.spec.template.spec;
    default: return obj.spec.template.spec;
  }
}

export function podMetaOf(obj: any): any {
  switch (obj.kind) {
    case 'Pod': return obj.metadata;
    case 'CronJob': return obj.spec.jobTemplate.spec.template.metadata;
    default: return obj.spec.template.metadata;
  }
}

function jobSpecOf(obj: any): any {
  return obj.kind === 'CronJob' ? obj.spec.jobTemplate.spec : obj.spec;
}

/** An app or init container of the object's Pod (app containers twice as likely). */
export function someContainer(obj: any, r: Random): any {
  const spec = podSpecOf(obj);
  const init = Array.isArray(spec.initContainers) && spec.initContainers.length > 0 && r.chance(0.3);
  const list = init ? spec.initContainers : spec.containers;
  if (!Array.isArray(list) || list.length === 0) {
    spec.containers = [{ name: 'late', image: 'nginx:1.25.3' }];
    return spec.containers[0];
  }
  return list[r.int(list.length)];
}

export function appContainer(obj: any): any {
  return podSpecOf(obj).containers[0] ?? {};
}

export function ensure(owner: any, key: string, init: any): any {
  if (owner[key] === undefined || owner[key] === null || typeof owner[key] !== typeof init) owner[key] = init;
  return owner[key];
}

export const LONG = (n: number, c = 'a') => c.repeat(n);

const NAMES = ['web', 'Web', 'web_1', 'web.v1', '-web', 'web-', LONG(63), LONG(64), LONG(253), LONG(254), '1web', 'a..b', '', 'w'];
export const LABEL_KEYS = ['app', 'app.kubernetes.io/name', 'example.com/tier', 'a/b/c', '/name', 'Example.com/x', 'bad key', LONG(63), LONG(64),
  `${LONG(254)}/x`, `${LONG(253)}/x`, 'kubernetes.io/role', '-x', 'x_y.z'];
export const LABEL_VALUES = ['', 'v1', 'V1.0_beta-2', 'has space', LONG(63), LONG(64), '-v', 'v-', 'a/b', '.x', 'ok.ok'];
const QUANTITIES = ['1', '0', '-1', '100m', '0.5', '1.5Gi', '1GB', '1Gi', '1e3', '1.1.1', 'abc', '1Ki', ' 1', '64Mi', '1m', '0.1m', '1E', '2000', '1000Ti', '+1'];
export const IPS = ['10.0.0.1', '127.0.0.1', '::1', 'fe80::1', '1.2.3', '256.0.0.1', 'not-an-ip', '', '0.0.0.0', '10.0.0.01', '2001:db8::1', '169.254.169.254', '224.0.0.1'];
const ENV_NAMES = ['MODE', 'my var', '1ABC', 'a.b-c_d', '', 'A=B', '_X', 'é', '-x', '.', '..', 'ABC:1'];
const PORT_NAMES = ['http', 'HTTP', 'http-1', LONG(15), LONG(16), '1234', 'a-', '-a', 'a--b', 'web_1', '', 'h'];
const PORTS = [0, 1, 80, 65535, 65536, -1, 8080];
const FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'metadata.labels', 'metadata.annotations', "metadata.labels['app']",
  "metadata.annotations['x']", 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.podIP', 'status.podIPs', 'status.hostIPs',
  'metadata.nmae', 'spec.containers[0].name', '', "metadata.labels['Bad Key']"];
const RESOURCE_FIELDS = ['limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory', 'limits.ephemeral-storage', 'requests.hugepages-2Mi', 'limits.gpu', 'cpu', ''];
const RESOURCE_NAMES = ['cpu', 'memory', 'ephemeral-storage', 'hugepages-2Mi', 'example.com/gpu', 'gpu', 'nvidia.com/gpu', 'storage', 'requests.cpu', 'pods'];
const PATHS = ['/data', 'data', '/', '/a/../b', '/a/..', '../x', '/tmp', '/work', '', 'C:\\x', '/a/b/'];
const SUB_PATHS = ['sub', '/abs', '../up', 'a/../b', '..', 'a..b', ''];

export function op(name: string, kinds: readonly string[], apply: (obj: any, r: Random) => void, weight = 1): Operator {
  return { name, kinds, apply, weight };
}

/** A rarer operator: what it breaks is found by the decoder, before any validation runs. */
const DECODING_WEIGHT = 0.2;

/** Sets one field of the Pod spec to one of `values`. */
function podField(name: string, field: string, values: readonly any[]): Operator {
  return op(name, POD_KINDS, (obj, r) => { podSpecOf(obj)[field] = clone(r.pick(values)); });
}

/** Sets one field of a container to one of `values`. */
function containerField(name: string, field: string, values: readonly any[]): Operator {
  return op(name, POD_KINDS, (obj, r) => { someContainer(obj, r)[field] = clone(r.pick(values)); });
}

export function clone<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

const PROBE_VARIANTS: any[] = [
  {}, { exec: { command: [] } }, { exec: { command: ['true'] } }, { httpGet: { port: 0 } }, { httpGet: { port: 'bad_name' } },
  { httpGet: { port: 8080, scheme: 'FTP' } }, { httpGet: { port: 8080, scheme: 'HTTPS' } }, { tcpSocket: { port: 65536 } },
  { grpc: { port: 9090 } }, { grpc: { port: 0 } }, { exec: { command: ['true'] }, tcpSocket: { port: 80 } },
  { tcpSocket: { port: 80 }, periodSeconds: 0 }, { tcpSocket: { port: 80 }, timeoutSeconds: -1 }, { tcpSocket: { port: 80 }, successThreshold: 2 },
  { tcpSocket: { port: 80 }, failureThreshold: 0 }, { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 0 },
  { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 30 }, { tcpSocket: { port: 80 }, initialDelaySeconds: -5 },
  { httpGet: { port: 80, httpHeaders: [{ name: 'Bad Header', value: 'x' }] } }, { httpGet: { port: 80, httpHeaders: [{ name: 'X-Ok', value: 'x' }] } },
  { httpGet: { port: 80, host: 'Example.com' } }, { httpGet: { port: 80, path: 'relative' } },
];

const VOLUME_SOURCES: any[] = [
  {}, { emptyDir: {}, hostPath: { path: '/var' } }, { emptyDir: { medium: 'Memory' } }, { emptyDir: { medium: 'Disk' } },
  { emptyDir: { sizeLimit: '-1Mi' } }, { emptyDir: { sizeLimit: '1GB' } }, { emptyDir: { sizeLimit: '0' } },
  { hostPath: { path: '/var/log' } }, { hostPath: { path: '/var/log', type: 'Directory' } }, { hostPath: { path: '/var/log', type: 'Folder' } },
  { hostPath: { path: 'relative' } }, { hostPath: { path: '/a/../b' } }, { hostPath: {} },
  { configMap: { name: 'settings' } }, { configMap: {} }, { configMap: { name: 'Bad_Name' } },
  { configMap: { name: 'settings', items: [{ key: 'app.conf', path: '../x' }] } }, { configMap: { name: 'settings', items: [{ key: 'app.conf', path: '/abs' }] } },
  { configMap: { name: 'settings', items: [{ key: 'bad key', path: 'x' }] } }, { configMap: { name: 'settings', items: [{ key: 'k', path: '' }] } },
  { configMap: { name: 'settings', defaultMode: 511 } }, { configMap: { name: 'settings', defaultMode: 512 } }, { configMap: { name: 'settings', defaultMode: -1 } },
  { secret: { secretName: 'credentials' } }, { secret: {} }, { secret: { secretName: 'credentials', items: [{ key: 'password', path: 'p', mode: 1000 }] } },
  { persistentVolumeClaim: { claimName: 'data' } }, { persistentVolumeClaim: { claimName: '' } }, { persistentVolumeClaim: {} },
  { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
  { downwardAPI: { items: [{ path: 'x', fieldRef: { fieldPath: 'spec.nodeName' } }] } },
  { downwardAPI: { items: [{ path: 'cpu', resourceFieldRef: { containerName: 'web', resource: 'limits.cpu' } }] } },
  { downwardAPI: { items: [{ path: 'cpu', resourceFieldRef: { resource: 'limits.cpu' } }] } },
  { downwardAPI: { items: [{ path: '..', fieldRef: { fieldPath: 'metadata.name' } }] } },
  { projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }] } },
  { projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 60 } }] } },
  { projected: { sources: [{ serviceAccountToken: { path: '' } }] } },
  { projected: { sources: [{ configMap: { name: 'settings' }, secret: { name: 'credentials' } }] } },
  { projected: { sources: [{ configMap: { name: 'a', items: [{ key: 'k', path: 'same' }] } }, { secret: { name: 'b', items: [{ key: 'k', path: 'same' }] } }] } },
  { projected: { sources: [] } },
  { nfs: { server: 'nfs.example.com', path: '/exports' } }, { nfs: { server: '', path: 'exports' } },
  { csi: { driver: 'csi.example.com' } }, { csi: { driver: 'Bad Driver' } }, { csi: { driver: '' } },
  { ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } },
  { ephemeral: { volumeClaimTemplate: { spec: { accessModes: [] } } } }, { ephemeral: {} },
  { gitRepo: { repository: 'https://example.com/repo.git' } }, { iscsi: { targetPortal: '10.0.0.1', iqn: 'bad', lun: 0 } },
  { rbd: { monitors: [], image: 'x' } }, { fc: { lun: 1 } }, { cephfs: { monitors: ['10.0.0.1'] } },
];

const SECURITY_CONTEXTS: any[] = [
  { privileged: true }, { privileged: true, allowPrivilegeEscalation: false }, { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } },
  { capabilities: { add: ['SYS_ADMIN'], drop: ['ALL'] }, allowPrivilegeEscalation: true }, { capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, allowPrivilegeEscalation: false },
  { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsUser: -1 }, { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsUser: 0 },
  { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsGroup: -5 }, { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: false },
  { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'Localhost' } },
  { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } },
  { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'x.json' } },
  { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'Unconfined' } },
  { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'Foo' } },
  { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, procMount: 'Unmasked' }, { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, procMount: 'Default' },
  { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seLinuxOptions: { type: 'container_t' } },
  { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seLinuxOptions: { user: 'sysadm_u' } },
  { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, windowsOptions: { hostProcess: true } },
  { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, windowsOptions: { runAsUserName: 'ContainerUser' } },
  { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, appArmorProfile: { type: 'RuntimeDefault' } },
  {}, { readOnlyRootFilesystem: true },
];

const POD_SECURITY_CONTEXTS: any[] = [
  { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' }, fsGroup: -1 },
  { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' }, supplementalGroups: [-1] },
  { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' }, supplementalGroups: [1000, 4294967296] },
  { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' }, fsGroupChangePolicy: 'Sometimes' },
  { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' }, fsGroupChangePolicy: 'OnRootMismatch' },
  { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' }, sysctls: [{ name: 'net.ipv4.ip_local_port_range', value: '1024 65535' }] },
  { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' }, sysctls: [{ name: 'kernel.shm_rmid_forced', value: '1' }, { name: 'kernel.shm_rmid_forced', value: '0' }] },
  { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' }, sysctls: [{ name: 'Bad Sysctl', value: '1' }] },
  { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' }, sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] },
  { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' }, sysctls: [{ name: '', value: '1' }] },
  { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'Localhost' } },
  { runAsNonRoot: true, runAsUser: -1, seccompProfile: { type: 'RuntimeDefault' } },
  { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  { runAsUser: 1000 },
  { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' }, seLinuxOptions: { level: 's0:c123,c456' } },
  { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' }, windowsOptions: { gmsaCredentialSpecName: 'Bad Name' } },
];

const TOLERATIONS: any[] = [
  { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, { operator: 'Exists' }, { key: 'x', operator: 'Exists', value: 'y' },
  { key: 'x', operator: 'Equal', value: 'y', effect: 'Sometimes' }, { key: 'x', operator: 'In', value: 'y' }, { key: 'bad key', operator: 'Exists' },
  { key: 'x', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 30 }, { key: 'x', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 },
  { operator: 'Equal', value: 'x' }, { key: 'x', value: LONG(64) },
];

const AFFINITIES: any[] = [
  { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } },
  { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } },
  { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: [] }] }] } } },
  { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'Exists', values: ['a'] }] }] } } },
  { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'Gt', values: ['x'] }] }] } } },
  { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'Like', values: ['a'] }] }] } } },
  { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: { matchExpressions: [{ key: 'z', operator: 'Exists' }] } }] } },
  { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchExpressions: [{ key: 'z', operator: 'Exists' }] } }] } },
  { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: '' }] } },
  { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] } },
  { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 101, podAffinityTerm: { topologyKey: 'zone' } }] } },
  { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: 'app', operator: 'In' }] }, topologyKey: 'zone' }] } },
];

const TOPOLOGY_SPREADS: any[] = [
  [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }],
  [{ maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }],
  [{ maxSkew: 1, topologyKey: '', whenUnsatisfiable: 'DoNotSchedule' }],
  [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'Maybe' }],
  [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }, { maxSkew: 2, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }],
  [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2 }],
  [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', minDomains: 0 }],
  [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', nodeAffinityPolicy: 'Sometimes' }],
  [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', matchLabelKeys: ['app'], labelSelector: { matchLabels: { app: 'web' } } }],
];

/**
 * Changes the API server accepts that a Pod Security level may refuse
 * (staging/src/k8s.io/pod-security-admission/policy/check_*.go), so the
 * baseline and restricted namespaces judge more than the API validation.
 */
const PSS_ONLY_CHANGES: Array<(spec: any, c: any) => void> = [
  (spec) => { spec.hostNetwork = true; },
  (spec) => { spec.hostIPC = true; },
  (spec) => { spec.volumes.push({ name: 'host', hostPath: { path: '/var/log' } }); },
  (_, c) => { c.ports = [{ containerPort: 8080, hostPort: 8080 }]; },
  (_, c) => { c.securityContext = { ...c.securityContext, capabilities: { drop: ['ALL'], add: ['NET_RAW'] } }; },
  (_, c) => { c.securityContext = { ...c.securityContext, capabilities: { drop: ['ALL'], add: ['SYS_TIME'] } }; },
  (_, c) => { c.securityContext = { ...c.securityContext, capabilities: {} }; },
  (_, c) => { c.securityContext = { ...c.securityContext, allowPrivilegeEscalation: true }; },
  (_, c) => { delete c.securityContext.allowPrivilegeEscalation; },
  (_, c) => { c.securityContext = { ...c.securityContext, runAsNonRoot: false }; },
  (_, c) => { c.securityContext = { ...c.securityContext, runAsUser: 0 }; },
  (_, c) => { c.securityContext = { ...c.securityContext, seccompProfile: { type: 'Unconfined' } }; },
  (_, c) => { c.securityContext = { ...c.securityContext, seLinuxOptions: { type: 'spc_t' } }; },
  (_, c) => { c.securityContext = { ...c.securityContext, seLinuxOptions: { type: 'container_t', level: 's0:c1,c2' } }; },
  (spec) => { delete spec.securityContext.seccompProfile; },
  (spec) => { delete spec.securityContext.runAsNonRoot; },
  (spec) => { spec.securityContext.sysctls = [{ name: 'net.core.somaxconn', value: '1024' }]; },
  (spec) => { spec.securityContext.sysctls = [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }]; },
  (spec) => { spec.volumes.push({ name: 'cephfs', cephfs: { monitors: ['10.0.0.1:6789'] } }); },
  (spec) => { spec.volumes.push({ name: 'eph', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } }); },
];

const POD_OPERATORS: Operator[] = [
  op('pod.podSecurityOnly', POD_KINDS, (obj, r) => {
    const spec = podSpecOf(obj);
    const c = someContainer(obj, r);
    c.securityContext = { ...(c.securityContext ?? {}) };
    spec.securityContext = { ...(spec.securityContext ?? {}) };
    spec.volumes = spec.volumes ?? [];
    r.pick(PSS_ONLY_CHANGES)(spec, c);
  }, 3),
  containerField('container.name', 'name', NAMES.concat(['setup', 'web'])),
  op('container.duplicate', POD_KINDS, (obj, r) => { const spec = podSpecOf(obj); const copy = clone(spec.containers[0]); if (r.chance(0.5)) copy.name = 'other'; spec.containers.push(copy); }),
  containerField('container.image', 'image', ['', ' nginx:1.25.3', 'nginx:1.25.3 ', 'nginx', 'NGINX:1.0', 'nginx@sha256:abc', undefined, 'localhost:5000/app:1']),
  containerField('container.imagePullPolicy', 'imagePullPolicy', ['Always', 'IfNotPresent', 'Never', 'always', 'Sometimes', '']),
  op('container.port', POD_KINDS, (obj, r) => {
    const c = someContainer(obj, r);
    const port: any = { containerPort: r.pick(PORTS) };
    if (r.chance(0.5)) port.name = r.pick(PORT_NAMES);
    if (r.chance(0.3)) port.protocol = r.pick(['TCP', 'UDP', 'SCTP', 'tcp', 'HTTP']);
    if (r.chance(0.3)) port.hostPort = r.pick(PORTS);
    if (r.chance(0.2)) port.hostIP = r.pick(IPS);
    ensure(c, 'ports', []).push(port);
  }),
  op('container.port.duplicateName', POD_KINDS, (obj) => { const c = appContainer(obj); ensure(c, 'ports', []).push({ name: 'http', containerPort: 9090 }); }),
  op('container.port.sameNumber', POD_KINDS, (obj, r) => { const c = appContainer(obj); ensure(c, 'ports', []).push({ containerPort: 8080, protocol: r.pick(['TCP', 'UDP']) }); }),
  op('container.env', POD_KINDS, (obj, r) => {
    const c = someContainer(obj, r);
    const env: any = { name: r.pick(ENV_NAMES) };
    if (r.chance(0.7)) env.value = r.pick(['x', '', '$(MODE)']);
    ensure(c, 'env', []).push(env);
  }),
  op('container.env.valueAndValueFrom', POD_KINDS, (obj, r) => {
    ensure(someContainer(obj, r), 'env', []).push({ name: 'BOTH', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
  }),
  op('container.env.fieldRef', POD_KINDS, (obj, r) => {
    const ref: any = { fieldPath: r.pick(FIELD_PATHS) };
    if (r.chance(0.2)) ref.apiVersion = r.pick(['v1', 'v2']);
    ensure(someContainer(obj, r), 'env', []).push({ name: 'FIELD', valueFrom: { fieldRef: ref } });
  }),
  op('container.env.resourceFieldRef', POD_KINDS, (obj, r) => {
    const ref: any = { resource: r.pick(RESOURCE_FIELDS) };
    if (r.chance(0.4)) ref.containerName = r.pick(['web', 'nope', '']);
    if (r.chance(0.3)) ref.divisor = r.pick(['1m', '1', '1Mi', '2', '1Gi', '-1', '0']);
    ensure(someContainer(obj, r), 'env', []).push({ name: 'RES', valueFrom: { resourceFieldRef: ref } });
  }),
  op('container.env.keyRef', POD_KINDS, (obj, r) => {
    const source = r.pick(['secretKeyRef', 'configMapKeyRef']);
    const ref: any = { key: r.pick(['password', 'bad key', '', '..', 'a/b', LONG(254)]) };
    if (r.chance(0.8)) ref.name = r.pick(['credentials', '', 'Bad_Name']);
    if (r.chance(0.2)) ref.optional = true;
    const valueFrom: any = { [source]: ref };
    if (r.chance(0.2)) valueFrom.fieldRef = { fieldPath: 'metadata.name' };
    ensure(someContainer(obj, r), 'env', []).push({ name: 'KEY', valueFrom });
  }),
  op('container.env.emptyValueFrom', POD_KINDS, (obj, r) => { ensure(someContainer(obj, r), 'env', []).push({ name: 'EMPTY', valueFrom: {} }); }),
  op('container.envFrom', POD_KINDS, (obj, r) => {
    const from: any = {};
    if (r.chance(0.6)) from.configMapRef = { name: r.pick(['settings', '', 'Bad_Name']) };
    if (r.chance(0.5)) from.secretRef = { name: r.pick(['credentials', '']) };
    if (r.chance(0.4)) from.prefix = r.pick(['APP_', 'bad prefix', '1X', '']);
    ensure(someContainer(obj, r), 'envFrom', []).push(from);
  }),
  op('container.resources', POD_KINDS, (obj, r) => {
    const c = someContainer(obj, r);
    const resources = ensure(c, 'resources', {});
    const group = ensure(resources, r.pick(['requests', 'limits']), {});
    group[r.pick(RESOURCE_NAMES)] = r.pick(QUANTITIES);
  }),
  op('container.resources.requestAboveLimit', POD_KINDS, (obj, r) => {
    const c = appContainer(obj);
    c.resources = { requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: r.pick(['1', '2', '3']), memory: r.pick(['512Mi', '1Gi', '2Gi']) } };
  }),
  op('container.resources.number', POD_KINDS, (obj, r) => {
    ensure(ensure(appContainer(obj), 'resources', {}), 'limits', {}).cpu = r.pick([1, 0.5, -1, 1.5]);
  }),
  op('container.resources.claims', POD_KINDS, (obj, r) => {
    ensure(appContainer(obj), 'resources', {}).claims = [{ name: r.pick(['gpu', '']) }];
  }),
  op('container.resizePolicy', POD_KINDS, (obj, r) => {
    appContainer(obj).resizePolicy = [{ resourceName: r.pick(['cpu', 'memory', 'disk']), restartPolicy: r.pick(['NotRequired', 'RestartContainer', 'Never']) }];
  }),
  op('container.volumeMount', POD_KINDS, (obj, r) => {
    const mount: any = { name: r.pick(['work', 'tmp', 'missing', '']), mountPath: r.pick(PATHS) };
    if (r.chance(0.3)) mount.subPath = r.pick(SUB_PATHS);
    if (r.chance(0.15)) mount.subPathExpr = r.pick(['$(POD_NAME)', '/abs', '../x']);
    if (r.chance(0.15)) mount.mountPropagation = r.pick(['None', 'HostToContainer', 'Bidirectional', 'Sideways']);
    ensure(someContainer(obj, r), 'volumeMounts', []).push(mount);
  }),
  op('container.volumeMount.duplicatePath', POD_KINDS, (obj) => { ensure(appContainer(obj), 'volumeMounts', []).push({ name: 'tmp', mountPath: '/work' }); }),
  op('container.volumeDevice', POD_KINDS, (obj, r) => {
    ensure(appContainer(obj), 'volumeDevices', []).push({ name: r.pick(['work', 'missing']), devicePath: r.pick(['/dev/xvda', 'dev', '/tmp']) });
  }),
  op('container.probe', POD_KINDS, (obj, r) => {
    const c = someContainer(obj, r);
    c[r.pick(['livenessProbe', 'readinessProbe', 'startupProbe'])] = clone(r.pick(PROBE_VARIANTS));
  }),
  op('container.lifecycle', POD_KINDS, (obj, r) => {
    const handler = r.pick([{}, { exec: { command: ['sleep', '5'] } }, { httpGet: { port: 0 } }, { tcpSocket: { port: 80 } }, { sleep: { seconds: 5 } },
      { exec: { command: ['x'] }, httpGet: { port: 80 } }]);
    someContainer(obj, r).lifecycle = { [r.pick(['preStop', 'postStart'])]: clone(handler) };
  }),
  op('container.securityContext', POD_KINDS, (obj, r) => { someContainer(obj, r).securityContext = clone(r.pick(SECURITY_CONTEXTS)); }),
  containerField('container.terminationMessagePolicy', 'terminationMessagePolicy', ['File', 'FallbackToLogsOnError', 'Sometimes']),
  containerField('container.terminationMessagePath', 'terminationMessagePath', ['/dev/termination-log', '', 'relative']),
  containerField('container.restartPolicy', 'restartPolicy', ['Always', 'Never', 'OnFailure']),
  containerField('container.workingDir', 'workingDir', ['/app', 'relative', '']),
  containerField('container.stdin', 'stdinOnce', [true]),
  op('container.unknownField', POD_KINDS, (obj, r) => { someContainer(obj, r)[r.pick(['imagePullPolicyy', 'readonly', 'port'])] = 'x'; }, DECODING_WEIGHT),
  op('container.wrongType', POD_KINDS, (obj, r) => {
    const c = appContainer(obj);
    const choice = r.int(4);
    if (choice === 0) c.ports[0].containerPort = '8080';
    else if (choice === 1) c.command = 'sh -c true';
    else if (choice === 2) c.env[0].value = 42;
    else c.tty = 'yes';
  }, DECODING_WEIGHT),
  op('initContainer.sidecar', POD_KINDS, (obj, r) => {
    const spec = podSpecOf(obj);
    const side: any = {
      name: 'proxy',
      image: 'envoyproxy/envoy:v1.28.0',
      restartPolicy: 'Always',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    };
    if (r.chance(0.4)) side.readinessProbe = { tcpSocket: { port: 9901 } };
    ensure(spec, 'initContainers', []).push(side);
  }),
  op('initContainer.probe', POD_KINDS, (obj, r) => {
    const init = ensure(podSpecOf(obj), 'initContainers', []);
    if (init.length > 0) init[0][r.pick(['livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'])] = r.chance(0.5) ? { tcpSocket: { port: 80 } } : { preStop: { exec: { command: ['x'] } } };
  }),
  op('pod.noContainers', POD_KINDS, (obj, r) => { podSpecOf(obj).containers = r.pick([[], undefined]); }),
  op('pod.ephemeralContainers', POD_KINDS, (obj) => { podSpecOf(obj).ephemeralContainers = [{ name: 'debug', image: 'busybox:1.36.1' }]; }),
  op('volume.source', POD_KINDS, (obj, r) => {
    const spec = podSpecOf(obj);
    const volume = { name: r.pick(['extra', 'work', 'Extra', LONG(64), '']), ...clone(r.pick(VOLUME_SOURCES)) };
    ensure(spec, 'volumes', []).push(volume);
    if (r.chance(0.5) && volume.name === 'extra') appContainer(obj).volumeMounts?.push({ name: 'extra', mountPath: '/extra' });
  }),
  op('volume.replaceSource', POD_KINDS, (obj, r) => { podSpecOf(obj).volumes[0] = { name: 'work', ...clone(r.pick(VOLUME_SOURCES)) }; }),
  podField('pod.restartPolicy', 'restartPolicy', ['Always', 'OnFailure', 'Never', 'always', 'Sometimes', '']),
  podField('pod.hostname', 'hostname', ['web-0', LONG(63), LONG(64), 'Web', 'a.b', '']),
  podField('pod.subdomain', 'subdomain', ['db', 'Bad_Sub', LONG(64), 'a.b']),
  podField('pod.dnsPolicy', 'dnsPolicy', ['ClusterFirst', 'Default', 'None', 'ClusterFirstWithHostNet', 'clusterfirst']),
  op('pod.dnsConfig', POD_KINDS, (obj, r) => {
    const spec = podSpecOf(obj);
    const config: any = {};
    if (r.chance(0.7)) config.nameservers = r.pick([['10.0.0.10'], ['8.8.8.8', '8.8.4.4', '1.1.1.1', '9.9.9.9'], ['dns.example.com'], ['::1'], []]);
    if (r.chance(0.5)) config.searches = r.pick([['svc.cluster.local'], ['Bad_Domain'], Array.from({ length: 33 }, (_, i) => `d${i}.example`), ['a.'], [LONG(254)]]);
    if (r.chance(0.3)) config.options = r.pick([[{ name: 'ndots', value: '2' }], [{ value: '2' }], [{ name: 'edns0' }]]);
    spec.dnsConfig = config;
    if (r.chance(0.5)) spec.dnsPolicy = 'None';
  }),
  op('pod.hostAliases', POD_KINDS, (obj, r) => {
    const alias: any = { ip: r.pick(IPS) };
    if (r.chance(0.8)) alias.hostnames = r.pick([['db.local'], ['Bad_Host'], [], ['a', LONG(254)], ['localhost']]);
    ensure(podSpecOf(obj), 'hostAliases', []).push(alias);
  }),
  op('pod.nodeSelector', POD_KINDS, (obj, r) => { ensure(podSpecOf(obj), 'nodeSelector', {})[r.pick(LABEL_KEYS)] = r.pick(LABEL_VALUES); }),
  op('pod.tolerations', POD_KINDS, (obj, r) => { ensure(podSpecOf(obj), 'tolerations', []).push(clone(r.pick(TOLERATIONS))); }),
  op('pod.affinity', POD_KINDS, (obj, r) => { podSpecOf(obj).affinity = clone(r.pick(AFFINITIES)); }),
  op('pod.topologySpreadConstraints', POD_KINDS, (obj, r) => { podSpecOf(obj).topologySpreadConstraints = clone(r.pick(TOPOLOGY_SPREADS)); }),
  podField('pod.activeDeadlineSeconds', 'activeDeadlineSeconds', [0, -1, 1, 30, 2147483648]),
  podField('pod.terminationGracePeriodSeconds', 'terminationGracePeriodSeconds', [0, -1, 30, 1]),
  podField('pod.serviceAccountName', 'serviceAccountName', ['pod-runner', 'Bad_Name', LONG(254), '']),
  podField('pod.automountServiceAccountToken', 'automountServiceAccountToken', [true, false, 'false']),
  podField('pod.priorityClassName', 'priorityClassName', ['Bad Class', '']),
  podField('pod.priority', 'priority', [1000]),
  podField('pod.preemptionPolicy', 'preemptionPolicy', ['Never', 'PreemptLowerPriority', 'Always']),
  podField('pod.runtimeClassName', 'runtimeClassName', ['Bad_Class', LONG(254)]),
  podField('pod.schedulerName', 'schedulerName', ['custom', 'Bad Scheduler', '']),
  podField('pod.nodeName', 'nodeName', ['node-1', 'Bad_Node']),
  podField('pod.readinessGates', 'readinessGates', [[{ conditionType: 'example.com/ready' }], [{ conditionType: 'bad condition' }], [{}]]),
  podField('pod.schedulingGates', 'schedulingGates', [[{ name: 'example.com/gate' }], [{ name: 'bad gate' }], [{ name: 'a' }, { name: 'a' }]]),
  podField('pod.imagePullSecrets', 'imagePullSecrets', [[{ name: 'regcred' }], [{ name: '' }], [{}], [{ name: 'Bad_Name' }]]),
  op('pod.hostNamespaces', POD_KINDS, (obj, r) => { podSpecOf(obj)[r.pick(['hostNetwork', 'hostPID', 'hostIPC'])] = true; }),
  op('pod.shareProcessNamespace', POD_KINDS, (obj, r) => { const spec = podSpecOf(obj); spec.shareProcessNamespace = true; if (r.chance(0.5)) spec.hostPID = true; }),
  op('pod.hostUsers', POD_KINDS, (obj) => { podSpecOf(obj).hostUsers = false; }),
  op('pod.securityContext', POD_KINDS, (obj, r) => { podSpecOf(obj).securityContext = clone(r.pick(POD_SECURITY_CONTEXTS)); }),
  op('pod.os', POD_KINDS, (obj, r) => { podSpecOf(obj).os = { name: r.pick(['linux', 'windows', 'Linux', '']) }; }),
  op('pod.overhead', POD_KINDS, (obj, r) => { podSpecOf(obj).overhead = { cpu: r.pick(['100m', '-1']) }; }),
  podField('pod.setHostnameAsFQDN', 'setHostnameAsFQDN', [true]),
  op('pod.unknownField', POD_KINDS, (obj, r) => { podSpecOf(obj)[r.pick(['restartpolicy', 'replicas', 'container'])] = 'x'; }, DECODING_WEIGHT),
  op('podTemplate.labels', POD_KINDS, (obj, r) => { ensure(podMetaOf(obj), 'labels', {})[r.pick(LABEL_KEYS)] = r.pick(LABEL_VALUES); }),
  op('podTemplate.annotations', TEMPLATE_KINDS, (obj, r) => { ensure(podMetaOf(obj), 'annotations', {})[r.pick(LABEL_KEYS)] = 'x'; }),
];

const META_OPERATORS: Operator[] = [
  op('meta.name', ALL_KINDS, (obj, r) => { obj.metadata.name = r.pick(NAMES); }),
  op('meta.generateName', ALL_KINDS, (obj, r) => { delete obj.metadata.name; obj.metadata.generateName = r.pick(['web-', 'Web-', LONG(300), 'web.']); }),
  op('meta.labels', ALL_KINDS, (obj, r) => { ensure(obj.metadata, 'labels', {})[r.pick(LABEL_KEYS)] = r.pick(LABEL_VALUES); }),
  op('meta.annotations', ALL_KINDS, (obj, r) => { ensure(obj.metadata, 'annotations', {})[r.pick(LABEL_KEYS)] = r.pick(['x', '']); }),
  op('meta.annotations.size', ALL_KINDS, (obj, r) => { ensure(obj.metadata, 'annotations', {})['example.com/big'] = 'x'.repeat(r.pick([262144 - 40, 262144 - 15, 262144])); }),
  op('meta.finalizers', ALL_KINDS, (obj, r) => { obj.metadata.finalizers = r.pick([['example.com/cleanup'], ['cleanup'], ['kubernetes'], ['Bad/Final/izer'], ['example.com/a', 'example.com/a']]); }),
  op('meta.unknownField', ALL_KINDS, (obj, r) => { obj.metadata[r.pick(['label', 'nmae'])] = 'x'; }, DECODING_WEIGHT),
  op('object.unknownField', ALL_KINDS, (obj, r) => { obj[r.pick(['spec2', 'status', 'extra'])] = r.pick([{}, 'x']); }, DECODING_WEIGHT),
];

function workloadOps(): Operator[] {
  const ROLLING = ['Deployment'];
  const SELECTORS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];
  return [
    op('workload.replicas', ['Deployment', 'StatefulSet', 'ReplicaSet'], (obj, r) => { obj.spec.replicas = r.pick([-1, 0, 3, 2147483647, '2']); }),
    op('workload.selector', [...SELECTORS, 'Job'], (obj, r) => {
      const choice = r.int(6);
      if (choice === 0) delete obj.spec.selector;
      else if (choice === 1) obj.spec.selector = { matchLabels: { app: 'other' } };
      else if (choice === 2) obj.spec.selector = {};
      else if (choice === 3) obj.spec.selector = { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: ['web'] }] };
      else if (choice === 4) obj.spec.selector = { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'Exists', values: ['web'] }] };
      else obj.spec.selector = { matchLabels: { 'app.kubernetes.io/name': 'web', 'tier': 'x' } };
      if (obj.kind === 'Job' && r.chance(0.5)) obj.spec.manualSelector = true;
    }),
    op('workload.templateLabels', SELECTORS, (obj, r) => { obj.spec.template.metadata.labels = r.pick([{}, { app: 'other' }, undefined]); }),
    op('workload.minReadySeconds', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'], (obj, r) => { obj.spec.minReadySeconds = r.pick([-1, 0, 30, 600]); }),
    op('workload.revisionHistoryLimit', ['Deployment', 'StatefulSet', 'DaemonSet'], (obj, r) => { obj.spec.revisionHistoryLimit = r.pick([-1, 0, 5]); }),
    op('deployment.progressDeadlineSeconds', ROLLING, (obj, r) => {
      obj.spec.progressDeadlineSeconds = r.pick([0, 10, 600, -1]);
      if (r.chance(0.6)) obj.spec.minReadySeconds = r.pick([10, 30, 600]);
    }),
    op('deployment.strategy', ROLLING, (obj, r) => {
      const choice = r.int(4);
      if (choice === 0) obj.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: r.pick([0, 1, '0%', '25%', '120%', 'x%', -1]), maxUnavailable: r.pick([0, 1, '0%', '100%', '101%', -1, '50']) } };
      else if (choice === 1) obj.spec.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } };
      else if (choice === 2) obj.spec.strategy = { type: r.pick(['Recreate', 'BlueGreen', '']) };
      else obj.spec.paused = true;
    }),
    op('statefulset.fields', ['StatefulSet'], (obj, r) => {
      const choice = r.int(7);
      if (choice === 0) {obj.spec.podManagementPolicy = r.pick(['OrderedReady', 'Parallel', 'Random']);} else if (choice === 1) {
        obj.spec.updateStrategy = r.pick([{ type: 'OnDelete', rollingUpdate: { partition: 1 } }, { type: 'RollingUpdate', rollingUpdate: { partition: -1 } },
          { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 0 } }, { type: 'Sometimes' }]);
      } else if (choice === 2) {obj.spec.serviceName = r.pick(['', 'Bad_Svc', undefined]);} else if (choice === 3) {obj.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: r.pick(['Retain', 'Delete', 'Keep']), whenScaled: r.pick(['Retain', 'Delete']) };} else if (choice === 4) {obj.spec.ordinals = { start: r.pick([0, 5, -1]) };} else if (choice === 5) {
        obj.spec.volumeClaimTemplates[0].spec = r.pick([{ accessModes: [] }, { accessModes: ['ReadWriteOnce'] }, { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '0' } } },
          { accessModes: ['Sometimes'], resources: { requests: { storage: '1Gi' } } }]);
      } else {obj.spec.volumeClaimTemplates[0].metadata.name = r.pick(['Data', 'tmp', '']);}
    }),
    op('daemonset.fields', ['DaemonSet'], (obj, r) => {
      const choice = r.int(3);
      if (choice === 0) obj.spec.replicas = 2;
      else if (choice === 1) obj.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: r.pick([0, 1, '0%', '10%', '110%']), maxSurge: r.pick([0, 1, '0%', '20%']) } };
      else obj.spec.updateStrategy = { type: r.pick(['OnDelete', 'Recreate']) };
    }),
    op('job.counts', ['Job', 'CronJob'], (obj, r) => { jobSpecOf(obj)[r.pick(['backoffLimit', 'completions', 'parallelism', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished'])] = r.pick([-1, 0, 1, 5]); }),
    op('job.completionMode', ['Job', 'CronJob'], (obj, r) => {
      const spec = jobSpecOf(obj);
      spec.completionMode = r.pick(['Indexed', 'NonIndexed', 'Random']);
      if (r.chance(0.5)) spec.completions = r.pick([3, 100001]);
      if (r.chance(0.3)) spec.parallelism = r.pick([2, 100001]);
    }),
    op('job.podFailurePolicy', ['Job', 'CronJob'], (obj, r) => {
      const spec = jobSpecOf(obj);
      const rule = r.pick([
        { action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }, { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] },
        { action: 'FailJob', onExitCodes: { operator: 'In', values: [0] } }, { action: 'Count', onExitCodes: { operator: 'NotIn', values: [] } },
        { action: 'Explode', onExitCodes: { operator: 'In', values: [1] } }, { action: 'FailJob' },
        { action: 'FailJob', onExitCodes: { operator: 'In', values: [1] }, onPodConditions: [{ type: 'DisruptionTarget' }] },
        { action: 'FailJob', onExitCodes: { containerName: 'nope', operator: 'In', values: [1] } }, { action: 'FailJob', onExitCodes: { operator: 'In', values: [2, 1] } },
      ]);
      spec.podFailurePolicy = { rules: [clone(rule)] };
      if (r.chance(0.3)) spec.template.spec.restartPolicy = 'OnFailure';
    }),
    op('job.backoffLimitPerIndex', ['Job'], (obj, r) => { obj.spec.completionMode = 'Indexed'; obj.spec.completions = 3; obj.spec.backoffLimitPerIndex = r.pick([1, -1]); }),
    op('job.suspend', ['Job', 'CronJob'], (obj) => { jobSpecOf(obj).suspend = true; }),
    op('cronjob.schedule', ['CronJob'], (obj, r) => {
      obj.spec.schedule = r.pick(['*/5 * * * *', '61 * * * *', '0 0 * * * *', '@hourly', '@daily', '@every 5m', '', 'CRON_TZ=UTC 0 * * * *', 'TZ=Europe/Berlin 0 * * * *',
        '0 0 31 2 *', '0 24 * * *', '* * * * MON-FRI', '0 0 1 JAN *', '0 0 ? * *', 'H * * * *', '0-59/15 * * * *', '5/0 * * * *', '* * * *', '0 0 L * *', '@yearly', '@reboot']);
      if (r.chance(0.3)) obj.spec.timeZone = r.pick(['Europe/Berlin', 'UTC', 'Mars/Phobos', 'europe/berlin', '', 'Local', ' UTC', 'Etc/GMT+5']);
    }),
    op('cronjob.timeZone', ['CronJob'], (obj, r) => { obj.spec.timeZone = r.pick(['Europe/Berlin', 'UTC', 'Mars/Phobos', 'America/New_York', '', 'Local', 'EST', '+01:00']); }),
    op('cronjob.fields', ['CronJob'], (obj, r) => {
      obj.spec[r.pick(['concurrencyPolicy', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'])] = r.pick(['Forbid', 'Replace', 'Sometimes', -1, 0, 10]);
    }),
    op('template.restartPolicy', TEMPLATE_KINDS, (obj, r) => { podSpecOf(obj).restartPolicy = r.pick(['Always', 'OnFailure', 'Never']); }),
  ];
}

function serviceOps(): Operator[] {
  const SVC = ['Service'];
  return [
    op('service.port', SVC, (obj, r) => {
      const port: any = { port: r.pick(PORTS) };
      if (r.chance(0.5)) port.name = r.pick(PORT_NAMES);
      if (r.chance(0.4)) port.targetPort = r.pick([0, 8080, 'http', 'Bad_Name', 70000, '8080']);
      if (r.chance(0.3)) port.protocol = r.pick(['TCP', 'UDP', 'SCTP', 'tcp']);
      if (r.chance(0.2)) port.nodePort = r.pick([30080, 0, 80, 70000]);
      if (r.chance(0.15)) port.appProtocol = r.pick(['http', 'kubernetes.io/h2c', 'bad proto', 'example.com/x']);
      obj.spec.ports.push(port);
    }),
    op('service.portUnnamed', SVC, (obj, r) => { obj.spec.ports.push({ port: r.pick([81, 80]), targetPort: 8081 }); if (r.chance(0.5)) delete obj.spec.ports[0].name; }),
    op('service.type', SVC, (obj, r) => {
      obj.spec.type = r.pick(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'Headless', 'clusterip']);
      if (obj.spec.type === 'ExternalName' && r.chance(0.6)) obj.spec.externalName = r.pick(['db.example.com', 'Bad_Name', '']);
      if (r.chance(0.3)) obj.spec.ports[0].nodePort = r.pick([30080, 80]);
    }),
    op('service.clusterIP', SVC, (obj, r) => { obj.spec.clusterIP = r.pick(['None', '10.0.0.10', 'bad', '', '::1']); if (r.chance(0.3)) obj.spec.clusterIPs = r.pick([['None'], ['10.0.0.10', 'bad']]); }),
    op('service.externalIPs', SVC, (obj, r) => { obj.spec.externalIPs = [r.pick(IPS)]; }),
    op('service.selector', SVC, (obj, r) => { obj.spec.selector = { [r.pick(LABEL_KEYS)]: r.pick(LABEL_VALUES) }; }),
    op('service.sessionAffinity', SVC, (obj, r) => {
      obj.spec.sessionAffinity = r.pick(['None', 'ClientIP', 'Sticky']);
      if (r.chance(0.5)) obj.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: r.pick([0, 10800, 86401]) } };
    }),
    op('service.trafficPolicy', SVC, (obj, r) => {
      obj.spec[r.pick(['externalTrafficPolicy', 'internalTrafficPolicy'])] = r.pick(['Local', 'Cluster', 'Global']);
      if (r.chance(0.3)) obj.spec.healthCheckNodePort = 30100;
    }),
    op('service.ipFamilies', SVC, (obj, r) => {
      obj.spec.ipFamilyPolicy = r.pick(['SingleStack', 'PreferDualStack', 'RequireDualStack', 'Triple']);
      if (r.chance(0.5)) obj.spec.ipFamilies = r.pick([['IPv4'], ['IPv6'], ['IPv4', 'IPv4'], ['IPv5']]);
    }),
    op('service.loadBalancer', SVC, (obj, r) => {
      obj.spec.type = r.pick(['LoadBalancer', 'ClusterIP']);
      obj.spec[r.pick(['loadBalancerSourceRanges', 'loadBalancerIP', 'allocateLoadBalancerNodePorts', 'loadBalancerClass'])] =
        r.pick([['10.0.0.0/8'], ['bad'], '10.0.0.5', true, 'example.com/lb', 'Bad Class']);
    }),
    op('service.noPorts', SVC, (obj) => { obj.spec.ports = []; }),
    op('service.publishNotReady', SVC, (obj) => { obj.spec.publishNotReadyAddresses = true; }),
  ];
}

function storageAndConfigOps(): Operator[] {
  const PVC = ['PersistentVolumeClaim'];
  const CM = ['ConfigMap'];
  const SEC = ['Secret'];
  const KEYS = ['app.conf', 'bad key', '..', '.hidden', 'a/b', '..a', LONG(253), LONG(254), '-x_y.z', '', 'A'];
  return [
    op('pvc.accessModes', PVC, (obj, r) => { obj.spec.accessModes = r.pick([[], ['ReadWriteOnce', 'ReadOnlyMany'], ['ReadWriteOncePod'], ['ReadWriteOncePod', 'ReadWriteOnce'], ['Sometimes'], undefined]); }),
    op('pvc.storage', PVC, (obj, r) => {
      const choice = r.int(3);
      if (choice === 0) obj.spec.resources = { requests: { storage: r.pick(QUANTITIES) } };
      else if (choice === 1) obj.spec.resources = r.pick([{}, { limits: { storage: '1Gi' } }, { requests: { cpu: '1' } }]);
      else obj.spec.resources.limits = { storage: r.pick(['512Mi', '2Gi']) };
    }),
    op('pvc.fields', PVC, (obj, r) => {
      const choice = r.int(4);
      if (choice === 0) obj.spec.volumeMode = r.pick(['Filesystem', 'Block', 'Raw']);
      else if (choice === 1) obj.spec.storageClassName = r.pick(['fast', 'Bad_Class', '']);
      else if (choice === 2) obj.spec.dataSource = r.pick([{ kind: 'PersistentVolumeClaim', name: 'src' }, { kind: 'VolumeSnapshot', apiGroup: 'snapshot.storage.k8s.io', name: 'snap' }, { kind: '', name: 'x' }, { kind: 'Pod', name: 'x' }]);
      else obj.spec.selector = r.pick([{ matchLabels: { tier: 'db' } }, { matchExpressions: [{ key: 'tier', operator: 'Bad' }] }]);
    }),
    op('configmap.key', CM, (obj, r) => { ensure(obj, r.pick(['data', 'binaryData']), {})[r.pick(KEYS)] = r.pick(['eA==', 'x']); }),
    op('configmap.clash', CM, (obj) => { obj.binaryData = { MODE: 'cHJvZA==' }; }),
    op('configmap.binary', CM, (obj, r) => { obj.binaryData = { blob: r.pick(['AAEC', 'not base64!', 'YQ', 'YQ==']) }; }),
    op('configmap.size', CM, (obj, r) => { obj.data = { big: 'x'.repeat(r.pick([1048576 - 100, 1048576 + 1])) }; }),
    op('configmap.immutable', CM, (obj, r) => { obj.immutable = r.pick([true, 'yes']); }),
    op('configmap.wrongType', CM, (obj) => { obj.data.port = 8080; }, DECODING_WEIGHT),
    op('secret.key', SEC, (obj, r) => { ensure(obj, r.pick(['data', 'stringData']), {})[r.pick(KEYS)] = r.pick(['eA==', 'x']); }),
    op('secret.data', SEC, (obj, r) => { obj.data = { password: r.pick(['not base64!', 'YQ', 'YWJj', '']) }; }),
    op('secret.type', SEC, (obj, r) => {
      const type = r.pick(['kubernetes.io/tls', 'kubernetes.io/dockerconfigjson', 'kubernetes.io/basic-auth', 'kubernetes.io/ssh-auth', 'kubernetes.io/service-account-token', 'kubernetes.io/dockercfg', 'example.com/custom', '']);
      obj.type = type;
      if (r.chance(0.5)) {
        obj.stringData = r.pick([{ 'tls.crt': 'x', 'tls.key': 'y' }, { '.dockerconfigjson': '{"auths":{}}' }, { '.dockerconfigjson': 'not json' }, { username: 'u' },
          { 'ssh-privatekey': 'k' }, { '.dockercfg': '{}' }]);
        if (r.chance(0.5)) delete obj.data;
      }
      if (type === 'kubernetes.io/service-account-token' && r.chance(0.5)) obj.metadata.annotations = { 'kubernetes.io/service-account.name': 'web' };
    }),
    op('secret.size', SEC, (obj, r) => { obj.stringData = { big: 'x'.repeat(r.pick([1048576 - 100, 1048576 + 1])) }; }),
    op('serviceaccount.fields', ['ServiceAccount'], (obj, r) => {
      obj[r.pick(['secrets', 'imagePullSecrets'])] = r.pick([[{ name: 'token' }], [{ name: '' }], [{ name: 'Bad_Name' }], [{}]]);
    }),
    op('namespace.fields', ['Namespace'], (obj, r) => {
      const choice = r.int(2);
      if (choice === 0) obj.spec = { finalizers: r.pick([['kubernetes'], ['example.com/x'], ['bad finalizer'], ['foo']]) };
      else obj.metadata.labels['pod-security.kubernetes.io/enforce'] = r.pick(['restricted', 'baseline', 'strict']);
    }),
  ];
}

/** Every operator of the corpus. */
export const OPERATORS: readonly Operator[] = [...META_OPERATORS, ...POD_OPERATORS, ...workloadOps(), ...serviceOps(), ...storageAndConfigOps()];
