import { Violation, Severity } from './finding';
import { PodTemplateView } from './pod-template';
import { ContainerRef, PodRuleContext, describeContainer, podRuleContext } from './pod-templates';
import { Rule, RuleHit, hit } from './rule';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { valueAtPath } from '../k8s/workload-kinds';
import { SecurityProfile } from '../policy/security-profile';
import { APPARMOR_ANNOTATION_PREFIX } from './validation/app-armor-fields';
import { isSet, list } from './validation/field';

// The checks below follow k8s.io/pod-security-admission v0.28.0 (Kubernetes 1.28),
// staging/src/k8s.io/pod-security-admission/policy/check_*.go, evaluated at version
// "latest" (the newest versioned revision of each check that is <= 1.28), and the
// versioned revisions of v0.29.0-v0.35.0 (the PodSecurity plugin of the target
// release, enforce-version latest): sysctls 1.29 and 1.32, seLinuxOptions 1.31,
// appArmorProfile fields (v0.30.0, where the fields exist), hostProbesAndHostLifecycle
// 1.34, procMount / runAsNonRoot / runAsUser relaxed for hostUsers: false in 1.35.
// Where PSA reports one aggregated result per check, we report one Violation per
// offending field so that the path points at the exact value to change.

/** Rule identifiers: one per check of `pod-security-admission` v0.28. */
export enum PodSecurityRule {
  /** check_windowsHostProcess.go (`windowsHostProcess`). */
  WINDOWS_HOST_PROCESS = 'pss-baseline-windows-host-process',
  /** check_hostNamespaces.go (`hostNamespaces`). */
  HOST_NAMESPACES = 'pss-baseline-host-namespaces',
  /** check_privileged.go (`privileged`). */
  PRIVILEGED = 'pss-baseline-privileged',
  /** check_capabilities_baseline.go (`capabilities_baseline`). */
  CAPABILITIES_BASELINE = 'pss-baseline-capabilities',
  /** check_hostPathVolumes.go (`hostPathVolumes`). */
  HOST_PATH_VOLUMES = 'pss-baseline-host-path-volumes',
  /** check_hostPorts.go (`hostPorts`). */
  HOST_PORTS = 'pss-baseline-host-ports',
  /** check_appArmorProfile.go (`appArmorProfile`). */
  APPARMOR_PROFILE = 'pss-baseline-apparmor-profile',
  /** check_seLinuxOptions.go (`seLinuxOptions`). */
  SELINUX_OPTIONS = 'pss-baseline-selinux-options',
  /** check_procMount.go (`procMount`). */
  PROC_MOUNT = 'pss-baseline-proc-mount',
  /** check_seccompProfile_baseline.go (`seccompProfile_baseline`). */
  SECCOMP_PROFILE_BASELINE = 'pss-baseline-seccomp-profile',
  /** check_sysctls.go (`sysctls`). */
  SYSCTLS = 'pss-baseline-sysctls',
  /** check_hostProbesAndhostLifecycle.go (`hostProbesAndHostLifecycle`, 1.34+). */
  HOST_PROBES_AND_LIFECYCLE = 'pss-baseline-host-probes-and-lifecycle',
  /** check_restrictedVolumes.go (`restrictedVolumes`). */
  RESTRICTED_VOLUMES = 'pss-restricted-volumes',
  /** check_allowPrivilegeEscalation.go (`allowPrivilegeEscalation`). */
  ALLOW_PRIVILEGE_ESCALATION = 'pss-restricted-allow-privilege-escalation',
  /** check_runAsNonRoot.go (`runAsNonRoot`). */
  RUN_AS_NON_ROOT = 'pss-restricted-run-as-non-root',
  /** check_runAsUser.go (`runAsUser`). */
  RUN_AS_USER = 'pss-restricted-run-as-user',
  /** check_seccompProfile_restricted.go (`seccompProfile_restricted`). */
  SECCOMP_PROFILE_RESTRICTED = 'pss-restricted-seccomp-profile',
  /** check_capabilities_restricted.go (`capabilities_restricted`). */
  CAPABILITIES_RESTRICTED = 'pss-restricted-capabilities',
}

/**
 * Evaluates a Pod spec against a Pod Security Standards level exactly as the
 * PodSecurity admission plugin of Kubernetes 1.28 does (level version `latest`).
 * PRIVILEGED checks nothing; RESTRICTED runs the baseline checks plus the
 * restricted ones. The same rule objects the engine runs.
 */
export function checkPodSecurity(pod: PodTemplateView, level: SecurityProfile): Violation[] {
  assertKnownLevel(level);
  const ctx = podRuleContext({ kind: '' }, pod, { profile: level });
  return POD_SECURITY_RULES.flatMap((rule) => rule.checkPod!(ctx).map((found) => ({ ruleId: rule.id, ...found })));
}

/** Throws for a value that is no `SecurityProfile` (from plain JavaScript or a config file). */
export function assertKnownLevel(level: SecurityProfile): void {
  if (!Object.values(SecurityProfile).includes(level)) {
    throw new Error(`unknown Pod Security Standards level "${level}": use SecurityProfile.RESTRICTED, BASELINE or PRIVILEGED`);
  }
}

/** What the checks read of one Pod, computed once per Pod for all of them. */
interface PodUnderCheck {
  readonly metadata: any;
  readonly spec: any;
  readonly metadataPath: string;
  readonly specPath: string;
  /** `spec.securityContext` or `{}`. */
  readonly securityContext: any;
  /** The engine's container model: init containers (sidecars included), containers, then ephemeral containers, PSA's visitContainers order. */
  readonly containers: readonly ContainerRef[];
  /** `Pod Security Standards "restricted"`: the level the user asked for. */
  readonly standard: string;
  /** PSA exempts some restricted checks for Pods with `spec.os.name: windows` (the 1.25 revisions). */
  readonly isWindows: boolean;
  /** The release whose PodSecurity plugin judges (policy version latest). */
  readonly version: KubernetesVersion;
  readonly level: SecurityProfile;
  /** `hostUsers: false` (helpers.go relaxPolicyForUserNamespacePod). */
  readonly inUserNamespace: boolean;
}

type PodCheck = (pod: PodUnderCheck) => RuleHit[];

const POD = 'the Pod';

const SUBJECTS = new WeakMap<PodRuleContext, PodUnderCheck>();

function subjectOf(ctx: PodRuleContext): PodUnderCheck {
  let subject = SUBJECTS.get(ctx);
  if (subject === undefined) {
    const spec = ctx.pod.spec ?? {};
    subject = {
      metadata: ctx.pod.metadata ?? {},
      spec,
      metadataPath: ctx.pod.metadataPath,
      specPath: ctx.pod.specPath,
      securityContext: spec.securityContext ?? {},
      containers: ctx.containers,
      standard: `Pod Security Standards "${ctx.profile}"`,
      isWindows: spec.os?.name === 'windows',
      version: ctx.kubernetesVersion,
      level: ctx.profile,
      inUserNamespace: spec.hostUsers === false,
    };
    SUBJECTS.set(ctx, subject);
  }
  return subject;
}

function quote(value: unknown): string {
  return JSON.stringify(value);
}

function containerSecurityContext(c: ContainerRef): any {
  return c.container.securityContext ?? {};
}

// ---------------------------------------------------------------------------
// Baseline
// ---------------------------------------------------------------------------

// k8s: policy/check_windowsHostProcess.go windowsHostProcess_1_0
function checkWindowsHostProcess(pod: PodUnderCheck): RuleHit[] {
  const fix = 'remove securityContext.windowsOptions.hostProcess or set it to false';
  const found: RuleHit[] = [];
  if (pod.securityContext.windowsOptions?.hostProcess === true) {
    found.push(hit(`${pod.specPath}.securityContext.windowsOptions.hostProcess`,
      `${POD} sets securityContext.windowsOptions.hostProcess: true; ${pod.standard} forbids Windows HostProcess Pods: ${fix}`));
  }
  for (const c of pod.containers) {
    if (containerSecurityContext(c).windowsOptions?.hostProcess === true) {
      found.push(hit(`${c.path}.securityContext.windowsOptions.hostProcess`,
        `${describeContainer(c)} sets securityContext.windowsOptions.hostProcess: true; ${pod.standard} forbids Windows HostProcess containers: ${fix}`));
    }
  }
  return found;
}

// k8s: policy/check_hostNamespaces.go hostNamespaces_1_0
function checkHostNamespaces(pod: PodUnderCheck): RuleHit[] {
  return ['hostNetwork', 'hostPID', 'hostIPC']
    .filter((field) => pod.spec[field] === true)
    .map((field) => hit(`${pod.specPath}.${field}`,
      `${POD} sets ${field}: true, sharing a host namespace, which ${pod.standard} forbids: remove ${field} or set it to false`));
}

// k8s: policy/check_privileged.go privileged_1_0
function checkPrivileged(pod: PodUnderCheck): RuleHit[] {
  return pod.containers
    .filter((c) => containerSecurityContext(c).privileged === true)
    .map((c) => hit(`${c.path}.securityContext.privileged`,
      `${describeContainer(c)} sets securityContext.privileged: true, which ${pod.standard} forbids: remove securityContext.privileged or set it to false`));
}

// k8s: policy/check_capabilities_baseline.go capabilities_allowed_1_0
const BASELINE_ADDABLE_CAPABILITIES = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

// k8s: policy/check_capabilities_baseline.go capabilitiesBaseline_1_0
function checkCapabilitiesBaseline(pod: PodUnderCheck): RuleHit[] {
  const allowed = [...BASELINE_ADDABLE_CAPABILITIES].join(', ');
  return pod.containers.flatMap((c) => list(containerSecurityContext(c).capabilities?.add)
    .map((capability, index) => ({ capability, index }))
    .filter(({ capability }) => !BASELINE_ADDABLE_CAPABILITIES.has(capability))
    .map(({ capability, index }) => hit(`${c.path}.securityContext.capabilities.add[${index}]`,
      `${describeContainer(c)} adds capability ${quote(capability)}${capabilitySpellingHint(capability)}, which ${pod.standard} forbids: `
      + `remove it from securityContext.capabilities.add (only ${allowed} may be added)`)));
}

/** PSA compares capability names byte for byte: `chown` and `CAP_CHOWN` are not `CHOWN`. */
function capabilitySpellingHint(capability: unknown): string {
  if (typeof capability !== 'string') {
    return '';
  }
  const canonical = capability.toUpperCase().replace(/^CAP_/, '');
  return canonical !== capability ? ` (capability names are upper case without "CAP_": did you mean ${quote(canonical)}?)` : '';
}

// k8s: policy/check_hostPathVolumes.go hostPathVolumes_1_0
function checkHostPathVolumes(pod: PodUnderCheck): RuleHit[] {
  return list(pod.spec.volumes)
    .map((volume, index) => ({ volume: volume ?? {}, index }))
    .filter(({ volume }) => isSet(volume.hostPath))
    .map(({ volume, index }) => hit(`${pod.specPath}.volumes[${index}].hostPath`,
      `volume ${quote(volume.name ?? '')} is a hostPath volume (path ${quote(volume.hostPath.path ?? '')}), which ${pod.standard} forbids: `
      + 'use an emptyDir, configMap, secret or persistentVolumeClaim volume instead'));
}

// k8s: policy/check_hostPorts.go hostPorts_1_0, and pkg/apis/core/v1/defaults.go
// defaultHostNetworkPorts: with hostNetwork the API server copies containerPort into an
// unset hostPort of containers and init containers before admission sees the Pod.
function checkHostPorts(pod: PodUnderCheck): RuleHit[] {
  const hostNetwork = pod.spec.hostNetwork === true;
  return pod.containers.flatMap((c) => list(c.container.ports)
    .map((port, index) => ({ port: port ?? {}, index }))
    .flatMap(({ port, index }) => {
      const explicit = isSet(port.hostPort) && Number(port.hostPort) !== 0;
      const defaulted = !explicit && hostNetwork && c.group !== 'ephemeralContainers' && isSet(port.containerPort) && Number(port.containerPort) !== 0;
      if (!explicit && !defaulted) {
        return [];
      }
      const path = `${c.path}.ports[${index}].hostPort`;
      const message = explicit
        ? `${describeContainer(c)} port ${port.containerPort} sets hostPort ${port.hostPort}, which ${pod.standard} forbids: remove hostPort and reach the Pod through a Service`
        : `${describeContainer(c)} port ${port.containerPort} gets hostPort ${port.containerPort} because the Pod sets hostNetwork: true `
          + `(Kubernetes defaults hostPort to containerPort), which ${pod.standard} forbids: remove hostNetwork`;
      return [hit(path, message)];
    }));
}

// k8s: policy/check_appArmorProfile.go allowedProfile
function isAllowedAppArmorProfile(profile: unknown): boolean {
  return profile === undefined || profile === null || profile === ''
    || profile === 'runtime/default'
    || (typeof profile === 'string' && profile.startsWith('localhost/'));
}

// k8s: policy/check_appArmorProfile.go allowedProfileType (v0.30.0)
function isAllowedAppArmorProfileType(type: unknown): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

// k8s: policy/check_appArmorProfile.go appArmorProfile_1_0 of v0.30.0+: the appArmorProfile fields (1.30+; unknown before)
function appArmorFieldViolations(pod: PodUnderCheck): RuleHit[] {
  if (!pod.version.isAtLeast(KubernetesVersion.V1_30)) return [];
  const fix = 'use type RuntimeDefault or Localhost, or remove appArmorProfile';
  const found: RuleHit[] = [];
  const podProfile = pod.securityContext.appArmorProfile;
  if (isSet(podProfile) && !isAllowedAppArmorProfileType(podProfile.type)) {
    found.push(hit(`${pod.specPath}.securityContext.appArmorProfile.type`,
      `${POD} sets AppArmor profile type ${quote(podProfile.type ?? '')}, which ${pod.standard} forbids: ${fix}`));
  }
  for (const c of pod.containers) {
    const profile = containerSecurityContext(c).appArmorProfile;
    if (isSet(profile) && !isAllowedAppArmorProfileType(profile.type)) {
      found.push(hit(`${c.path}.securityContext.appArmorProfile.type`,
        `${describeContainer(c)} sets AppArmor profile type ${quote(profile.type ?? '')}, which ${pod.standard} forbids: ${fix}`));
    }
  }
  return found;
}

// k8s: policy/check_appArmorProfile.go appArmorProfile_1_0 (the annotations; the fields from 1.30)
function checkAppArmorProfile(pod: PodUnderCheck): RuleHit[] {
  return [...appArmorFieldViolations(pod), ...appArmorAnnotationViolations(pod)];
}

function appArmorAnnotationViolations(pod: PodUnderCheck): RuleHit[] {
  const annotations = pod.metadata.annotations ?? {};
  return Object.keys(annotations)
    .filter((key) => key.startsWith(APPARMOR_ANNOTATION_PREFIX) && !isAllowedAppArmorProfile(annotations[key]))
    .sort()
    .map((key) => hit(`${pod.metadataPath}.annotations[${key}]`,
      `${annotatedContainerLabel(pod, key.slice(APPARMOR_ANNOTATION_PREFIX.length))} has AppArmor profile ${quote(annotations[key])} `
      + `(annotation ${key}), which ${pod.standard} forbids: use "runtime/default" or "localhost/<profile>", or remove the annotation`));
}

function describeFound(ref: ContainerRef | undefined): string | undefined {
  return ref === undefined ? undefined : describeContainer(ref);
}

function annotatedContainerLabel(pod: PodUnderCheck, name: string): string {
  return describeFound(pod.containers.find((c) => c.container.name === name)) ?? `container ${quote(name)}`;
}

// k8s: policy/check_seLinuxOptions.go selinux_allowed_types_1_0; selinuxAllowedTypes1_31 adds container_engine_t (v0.31.0)
const ALLOWED_SELINUX_TYPES = ['container_t', 'container_init_t', 'container_kvm_t'];
const ALLOWED_SELINUX_TYPES_1_31 = [...ALLOWED_SELINUX_TYPES, 'container_engine_t'];

function allowedSeLinuxTypes(version: KubernetesVersion): string[] {
  return version.isAtLeast(KubernetesVersion.V1_31) ? ALLOWED_SELINUX_TYPES_1_31 : ALLOWED_SELINUX_TYPES;
}

// k8s: policy/check_seLinuxOptions.go seLinuxOptions_1_0
function checkSeLinuxOptions(pod: PodUnderCheck): RuleHit[] {
  return [
    ...seLinuxViolations(pod, POD, `${pod.specPath}.securityContext.seLinuxOptions`, pod.securityContext.seLinuxOptions),
    ...pod.containers.flatMap((c) => seLinuxViolations(pod, describeContainer(c), `${c.path}.securityContext.seLinuxOptions`,
      containerSecurityContext(c).seLinuxOptions)),
  ];
}

function seLinuxViolations(pod: PodUnderCheck, who: string, path: string, options: any): RuleHit[] {
  if (!isSet(options)) {
    return [];
  }
  const found: RuleHit[] = [];
  const allowed = allowedSeLinuxTypes(pod.version);
  if (isSet(options.type) && options.type !== '' && !allowed.includes(options.type)) {
    found.push(hit(`${path}.type`,
      `${who} sets securityContext.seLinuxOptions.type ${quote(options.type)}, which ${pod.standard} forbids: `
      + `use ${allowed.join(', ')} or leave it empty`));
  }
  for (const field of ['user', 'role']) {
    if (isSet(options[field]) && options[field] !== '') {
      found.push(hit(`${path}.${field}`,
        `${who} sets securityContext.seLinuxOptions.${field} ${quote(options[field])}, which ${pod.standard} forbids: remove it`));
    }
  }
  return found;
}

/**
 * k8s: policy/helpers.go relaxPolicyForUserNamespacePod, unconditional in the 1.35 revisions
 * (procMount1_35baseline, runAsNonRoot1_35, runAsUser1_35); before, it needs the alpha
 * UserNamespacesPodSecurityStandards gate, off by default.
 */
function relaxedForUserNamespace(pod: PodUnderCheck): boolean {
  return pod.inUserNamespace && pod.version.isAtLeast(KubernetesVersion.V1_35);
}

// k8s: policy/check_procMount.go procMount_1_0; v0.35.0 check_procMount_baseline.go procMount1_35baseline
// allows any value for hostUsers: false at baseline, check_procMount_restricted.go keeps procMount_1_0 at restricted
function checkProcMount(pod: PodUnderCheck): RuleHit[] {
  if (pod.level === BASELINE && relaxedForUserNamespace(pod)) return [];
  return pod.containers
    .filter((c) => isSet(containerSecurityContext(c).procMount) && containerSecurityContext(c).procMount !== 'Default')
    .map((c) => hit(`${c.path}.securityContext.procMount`,
      `${describeContainer(c)} sets securityContext.procMount ${quote(containerSecurityContext(c).procMount)}, which ${pod.standard} forbids: `
      + 'remove it or set it to Default'));
}

// k8s: policy/check_seccompProfile_baseline.go validSeccomp
function isAllowedSeccompType(type: unknown): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

function describeSeccompType(profile: any): string {
  return isSet(profile.type) ? `type ${quote(profile.type)}` : 'no type';
}

// k8s: policy/check_seccompProfile_baseline.go seccompProfileBaseline_1_19 (the annotation revision only applies before 1.19)
function checkSeccompProfileBaseline(pod: PodUnderCheck): RuleHit[] {
  const fix = 'set securityContext.seccompProfile.type to RuntimeDefault or Localhost, or remove seccompProfile';
  const found: RuleHit[] = [];
  const podProfile = pod.securityContext.seccompProfile;
  if (isSet(podProfile) && !isAllowedSeccompType(podProfile.type)) {
    found.push(hit(`${pod.specPath}.securityContext.seccompProfile.type`,
      `${POD} sets a seccomp profile with ${describeSeccompType(podProfile)}, which ${pod.standard} forbids: ${fix}`));
  }
  for (const c of pod.containers) {
    const profile = containerSecurityContext(c).seccompProfile;
    if (isSet(profile) && !isAllowedSeccompType(profile.type)) {
      found.push(hit(`${c.path}.securityContext.seccompProfile.type`,
        `${describeContainer(c)} sets a seccomp profile with ${describeSeccompType(profile)}, which ${pod.standard} forbids: ${fix}`));
    }
  }
  return found;
}

// k8s: policy/check_sysctls.go sysctlsAllowedV1Dot27; sysctlsAllowedV1Dot29 and sysctlsAllowedV1Dot32 (v0.29.0, v0.32.0) below
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
]);

/** A release's safe sysctls, and the list its message names (joined once, not once per Pod: bench/lint.js). */
interface SafeSysctls {
  readonly names: ReadonlySet<string>;
  readonly list: string;
}

function safeSysctlSet(names: Iterable<string>): SafeSysctls {
  const set = new Set(names);
  return { names: set, list: [...set].join(', ') };
}

const SAFE_SYSCTLS_1_28 = safeSysctlSet(SAFE_SYSCTLS);
const SAFE_SYSCTLS_1_29 = safeSysctlSet([...SAFE_SYSCTLS,
  'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']);
const SAFE_SYSCTLS_1_32 = safeSysctlSet([...SAFE_SYSCTLS_1_29.names, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']);

function safeSysctls(version: KubernetesVersion): SafeSysctls {
  if (version.isAtLeast(KubernetesVersion.V1_32)) return SAFE_SYSCTLS_1_32;
  return version.isAtLeast(KubernetesVersion.V1_29) ? SAFE_SYSCTLS_1_29 : SAFE_SYSCTLS_1_28;
}

// k8s: policy/check_sysctls.go sysctlsV1Dot27, sysctlsV1Dot29, sysctlsV1Dot32
function checkSysctls(pod: PodUnderCheck): RuleHit[] {
  const { names: allowed, list: safe } = safeSysctls(pod.version);
  return list(pod.securityContext.sysctls)
    .map((sysctl, index) => ({ name: sysctl?.name, index }))
    .filter(({ name }) => !allowed.has(name))
    .map(({ name, index }) => hit(`${pod.specPath}.securityContext.sysctls[${index}].name`,
      `${POD} sets sysctl ${quote(name ?? '')}, which ${pod.standard} forbids: remove it (only ${safe} are allowed)`));
}

// k8s: policy/check_hostProbesAndhostLifecycle.go getForbiddenHostProbes, getForbiddenHostLifecycle
const HOST_FIELDS: ReadonlyArray<[string, string]> = [
  ['livenessProbe', 'httpGet'], ['livenessProbe', 'tcpSocket'], ['readinessProbe', 'httpGet'], ['readinessProbe', 'tcpSocket'],
  ['startupProbe', 'httpGet'], ['startupProbe', 'tcpSocket'],
  ['lifecycle.postStart', 'httpGet'], ['lifecycle.postStart', 'tcpSocket'], ['lifecycle.preStop', 'httpGet'], ['lifecycle.preStop', 'tcpSocket'],
];

// k8s: policy/check_hostProbesAndhostLifecycle.go hostProbesAndHostLifecycleV1Dot34 (v0.34.0; no such check before 1.34)
function checkHostProbesAndLifecycle(pod: PodUnderCheck): RuleHit[] {
  if (!pod.version.isAtLeast(KubernetesVersion.V1_34)) return [];
  const found: RuleHit[] = [];
  for (const c of pod.containers) {
    for (const [owner, action] of HOST_FIELDS) {
      const host = valueAtPath(c.container, `${owner}.${action}.host`);
      if (typeof host === 'string' && host !== '') {
        found.push(hit(`${c.path}.${owner}.${action}.host`,
          `${describeContainer(c)} ${owner}.${action} targets host ${quote(host)}, which ${pod.standard} forbids from Kubernetes 1.34: `
          + 'remove host so the kubelet probes the Pod\'s own IP'));
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------
// Restricted
// ---------------------------------------------------------------------------

// k8s: policy/check_restrictedVolumes.go restrictedVolumes_1_0
const ALLOWED_VOLUME_SOURCES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

// Every other VolumeSource of k8s.io/api/core/v1 in 1.28 (types.go VolumeSource).
const RESTRICTED_VOLUME_SOURCES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd',
  'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk',
  'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];

// A volume with no source is defaulted to emptyDir by the API server (pkg/apis/core/v1/defaults.go
// SetDefaults_Volume) before admission, and PSA allows a volume as soon as one allowed source is set.
function checkRestrictedVolumes(pod: PodUnderCheck): RuleHit[] {
  const allowed = ALLOWED_VOLUME_SOURCES.join(', ');
  return list(pod.spec.volumes)
    .map((volume, index) => ({ volume: volume ?? {}, index }))
    .filter(({ volume }) => !ALLOWED_VOLUME_SOURCES.some((source) => isSet(volume[source])))
    .flatMap(({ volume, index }) => {
      const source = RESTRICTED_VOLUME_SOURCES.find((candidate) => isSet(volume[candidate]));
      if (source === undefined) {
        return [];
      }
      return [hit(`${pod.specPath}.volumes[${index}].${source}`,
        `volume ${quote(volume.name ?? '')} uses volume type ${source}, which ${pod.standard} forbids: `
        + `use one of ${allowed} (a persistentVolumeClaim can bind the same storage)`)];
    });
}

// k8s: policy/check_allowPrivilegeEscalation.go allowPrivilegeEscalation_1_25 (Windows Pods exempt)
function checkAllowPrivilegeEscalation(pod: PodUnderCheck): RuleHit[] {
  if (pod.isWindows) {
    return [];
  }
  return pod.containers
    .filter((c) => containerSecurityContext(c).allowPrivilegeEscalation !== false)
    .map((c) => {
      const value = containerSecurityContext(c).allowPrivilegeEscalation;
      const problem = isSet(value)
        ? `sets securityContext.allowPrivilegeEscalation: ${quote(value)}`
        : 'does not set securityContext.allowPrivilegeEscalation';
      return hit(`${c.path}.securityContext.allowPrivilegeEscalation`,
        `${describeContainer(c)} ${problem}; ${pod.standard} requires it to be false: set securityContext.allowPrivilegeEscalation: false`);
    });
}

/**
 * The inheritance rule shared by runAsNonRoot and the restricted seccomp check:
 * a bad pod-level value is always a violation, a bad container value too, and a
 * container that sets nothing passes only when the pod-level value is good.
 * When the pod-level value is bad we report the Pod alone: fixing it fixes the
 * containers that inherit it.
 */
interface InheritedSetting {
  /** Field under securityContext whose presence means "set", e.g. `runAsNonRoot` or `seccompProfile`. */
  readonly field: string;
  /** Path suffix under securityContext to report, e.g. `runAsNonRoot` or `seccompProfile.type`. */
  readonly reportedField: string;
  readonly isGood: (value: any) => boolean;
  readonly describeBad: (value: any) => string;
  readonly requirement: string;
  readonly fix: string;
}

function checkInheritedSetting(pod: PodUnderCheck, setting: InheritedSetting): RuleHit[] {
  const found: RuleHit[] = [];
  const podValue = pod.securityContext[setting.field];
  const podIsSet = isSet(podValue);
  if (podIsSet && !setting.isGood(podValue)) {
    found.push(hit(`${pod.specPath}.securityContext.${setting.reportedField}`,
      `${POD} ${setting.describeBad(podValue)}; ${pod.standard} ${setting.requirement}: ${setting.fix}`));
  }
  for (const c of pod.containers) {
    const value = containerSecurityContext(c)[setting.field];
    const path = `${c.path}.securityContext.${setting.reportedField}`;
    if (isSet(value) && !setting.isGood(value)) {
      found.push(hit(path,
        `${describeContainer(c)} ${setting.describeBad(value)}; ${pod.standard} ${setting.requirement}: ${setting.fix}`));
    } else if (!isSet(value) && !podIsSet) {
      found.push(hit(path,
        `${describeContainer(c)} does not set securityContext.${setting.reportedField} and the Pod does not either; `
        + `${pod.standard} ${setting.requirement}: ${setting.fix} on the container, or once in spec.securityContext`));
    }
  }
  return found;
}

// k8s: policy/check_runAsNonRoot.go runAsNonRoot_1_0; runAsNonRoot1_35 allows hostUsers: false
function checkRunAsNonRoot(pod: PodUnderCheck): RuleHit[] {
  if (relaxedForUserNamespace(pod)) return [];
  return checkInheritedSetting(pod, {
    field: 'runAsNonRoot',
    reportedField: 'runAsNonRoot',
    isGood: (value) => value === true,
    describeBad: (value) => `sets securityContext.runAsNonRoot: ${quote(value)}`,
    requirement: 'requires runAsNonRoot to be true for every container',
    fix: 'set securityContext.runAsNonRoot: true',
  });
}

// k8s: policy/check_runAsUser.go runAsUser_1_23; runAsUser1_35 allows hostUsers: false
function checkRunAsUser(pod: PodUnderCheck): RuleHit[] {
  if (relaxedForUserNamespace(pod)) return [];
  const problem = 'sets securityContext.runAsUser: 0 (root)';
  const fix = 'use a non-zero UID, or remove runAsUser and let the image choose a non-root user';
  const found: RuleHit[] = [];
  if (isRootUser(pod.securityContext.runAsUser)) {
    found.push(hit(`${pod.specPath}.securityContext.runAsUser`,
      `${POD} ${problem}, which ${pod.standard} forbids: ${fix}`));
  }
  for (const c of pod.containers) {
    if (isRootUser(containerSecurityContext(c).runAsUser)) {
      found.push(hit(`${c.path}.securityContext.runAsUser`,
        `${describeContainer(c)} ${problem}, which ${pod.standard} forbids: ${fix}`));
    }
  }
  return found;
}

function isRootUser(runAsUser: unknown): boolean {
  return runAsUser === 0;
}

// k8s: policy/check_seccompProfile_restricted.go seccompProfileRestricted_1_25 (Windows Pods exempt)
function checkSeccompProfileRestricted(pod: PodUnderCheck): RuleHit[] {
  if (pod.isWindows) {
    return [];
  }
  return checkInheritedSetting(pod, {
    field: 'seccompProfile',
    reportedField: 'seccompProfile.type',
    isGood: (profile) => isAllowedSeccompType(profile.type),
    describeBad: (profile) => `sets a seccomp profile with ${describeSeccompType(profile)}`,
    requirement: 'requires seccompProfile.type RuntimeDefault or Localhost for every container',
    fix: 'set securityContext.seccompProfile.type: RuntimeDefault',
  });
}

// k8s: policy/check_capabilities_restricted.go capabilityAll, capabilityNetBindService
const DROP_ALL = 'ALL';
const RESTRICTED_ADDABLE_CAPABILITY = 'NET_BIND_SERVICE';

// k8s: policy/check_capabilities_restricted.go capabilitiesRestricted_1_25 (Windows Pods exempt)
function checkCapabilitiesRestricted(pod: PodUnderCheck): RuleHit[] {
  if (pod.isWindows) {
    return [];
  }
  return pod.containers.flatMap((c) => [...missingDropAll(pod, c), ...forbiddenAddedCapabilities(pod, c)]);
}

function missingDropAll(pod: PodUnderCheck, c: ContainerRef): RuleHit[] {
  const capabilities = containerSecurityContext(c).capabilities;
  const drop = list(capabilities?.drop);
  if (drop.includes(DROP_ALL)) {
    return [];
  }
  const problem = isSet(capabilities?.drop)
    ? `drops ${quote(drop)} without "ALL"${drop.some((cap) => typeof cap === 'string' && cap.toUpperCase() === DROP_ALL) ? ' (the match is case-sensitive)' : ''}`
    : 'does not set securityContext.capabilities.drop';
  return [hit(`${c.path}.securityContext.capabilities.drop`,
    `${describeContainer(c)} ${problem}; ${pod.standard} requires every container to drop all capabilities: set securityContext.capabilities.drop: ["ALL"]`)];
}

function forbiddenAddedCapabilities(pod: PodUnderCheck, c: ContainerRef): RuleHit[] {
  return list(containerSecurityContext(c).capabilities?.add)
    .map((capability, index) => ({ capability, index }))
    .filter(({ capability }) => capability !== RESTRICTED_ADDABLE_CAPABILITY)
    .map(({ capability, index }) => hit(`${c.path}.securityContext.capabilities.add[${index}]`,
      `${describeContainer(c)} adds capability ${quote(capability)}, which ${pod.standard} forbids: `
      + `remove it from securityContext.capabilities.add (only ${RESTRICTED_ADDABLE_CAPABILITY} may be added)`));
}

// ---------------------------------------------------------------------------
// The rules, with the levels that run them (policy/registry.go)
// ---------------------------------------------------------------------------

const { BASELINE, RESTRICTED } = SecurityProfile;
const PSA_POLICY = 'staging/src/k8s.io/pod-security-admission/policy';
const BASELINE_WHY = 'The PodSecurity admission plugin rejects the Pod in a namespace enforcing the baseline (or restricted) level; under the constructs\' default (restricted) synth fails.';
const RESTRICTED_WHY = 'The PodSecurity admission plugin rejects the Pod in a namespace enforcing the restricted level, the constructs\' default.';

interface PodSecurityRuleSpec {
  readonly id: PodSecurityRule;
  /** The levels whose evaluation runs this check. */
  readonly levels: readonly SecurityProfile[];
  readonly what: string;
  readonly why: string;
  readonly fix: string;
  readonly reference: string;
  readonly check: PodCheck;
}

/** A Pod Security Standards check: an error under the levels that include it, suppressible with a reason. */
function podSecurityRule(spec: PodSecurityRuleSpec): Rule {
  const { levels, check, ...description } = spec;
  return {
    ...description,
    severity: Severity.ERROR,
    suppressible: true,
    checkPod: (ctx) => levels.includes(ctx.profile) ? check(subjectOf(ctx)) : [],
  };
}

// Baseline checks that a stricter restricted check overrides (OverrideCheckIDs in v0.28) run
// only at baseline: capabilities_restricted replaces capabilities_baseline, restrictedVolumes
// replaces hostPathVolumes and seccompProfile_restricted replaces seccompProfile_baseline, so a
// restricted evaluation reports each problem once.
const BASELINE_AND_UP = [BASELINE, RESTRICTED];
const BASELINE_ONLY = [BASELINE];
const RESTRICTED_ONLY = [RESTRICTED];

/** Pod Security Standards checks of pod-security-admission v0.28, one rule per check. */
export const POD_SECURITY_RULES: readonly Rule[] = [
  podSecurityRule({
    id: PodSecurityRule.WINDOWS_HOST_PROCESS,
    levels: BASELINE_AND_UP,
    what: 'No Windows HostProcess containers (`windowsOptions.hostProcess`).',
    why: `HostProcess containers run directly on the Windows host. ${BASELINE_WHY}`,
    fix: 'Remove `hostProcess: true`.',
    reference: `${PSA_POLICY}/check_windowsHostProcess.go`,
    check: checkWindowsHostProcess,
  }),
  podSecurityRule({
    id: PodSecurityRule.HOST_NAMESPACES,
    levels: BASELINE_AND_UP,
    what: '`hostNetwork`, `hostPID` and `hostIPC` are unset or false.',
    why: `Host namespaces let the Pod see and reach the node's network, processes and IPC. ${BASELINE_WHY}`,
    fix: 'Remove `hostNetwork`, `hostPID` and `hostIPC`.',
    reference: `${PSA_POLICY}/check_hostNamespaces.go`,
    check: checkHostNamespaces,
  }),
  podSecurityRule({
    id: PodSecurityRule.PRIVILEGED,
    levels: BASELINE_AND_UP,
    what: 'No container is privileged.',
    why: `A privileged container has every device and capability of the node. ${BASELINE_WHY}`,
    fix: 'Remove `securityContext.privileged: true`; add only the capabilities needed.',
    reference: `${PSA_POLICY}/check_privileged.go`,
    check: checkPrivileged,
  }),
  podSecurityRule({
    id: PodSecurityRule.CAPABILITIES_BASELINE,
    levels: BASELINE_ONLY,
    what: '`capabilities.add` holds only the container runtime\'s default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).',
    why: `Other capabilities (NET_ADMIN, SYS_ADMIN, ...) are known privilege escalations. ${BASELINE_WHY}`,
    fix: 'Remove the added capability.',
    reference: `${PSA_POLICY}/check_capabilities_baseline.go`,
    check: checkCapabilitiesBaseline,
  }),
  podSecurityRule({
    id: PodSecurityRule.HOST_PATH_VOLUMES,
    levels: BASELINE_ONLY,
    what: 'No `hostPath` volumes.',
    why: `A hostPath volume exposes the node's file system. ${BASELINE_WHY}`,
    fix: 'Use an emptyDir, configMap, secret or persistentVolumeClaim volume.',
    reference: `${PSA_POLICY}/check_hostPathVolumes.go`,
    check: checkHostPathVolumes,
  }),
  podSecurityRule({
    id: PodSecurityRule.HOST_PORTS,
    levels: BASELINE_AND_UP,
    what: 'No `hostPort` (unset or 0).',
    why: `A host port binds on the node itself and bypasses network policy. ${BASELINE_WHY}`,
    fix: 'Remove `hostPort` and expose the port through a Service.',
    reference: `${PSA_POLICY}/check_hostPorts.go`,
    check: checkHostPorts,
  }),
  podSecurityRule({
    id: PodSecurityRule.APPARMOR_PROFILE,
    levels: BASELINE_AND_UP,
    what: 'AppArmor annotations name `runtime/default` or a `localhost/` profile; from 1.30 `appArmorProfile.type` is `RuntimeDefault` or `Localhost`.',
    why: `\`unconfined\` turns AppArmor off for the container. ${BASELINE_WHY}`,
    fix: 'Use `runtime/default`, or remove the annotation.',
    reference: `${PSA_POLICY}/check_appArmorProfile.go`,
    check: checkAppArmorProfile,
  }),
  podSecurityRule({
    id: PodSecurityRule.SELINUX_OPTIONS,
    levels: BASELINE_AND_UP,
    what: '`seLinuxOptions` sets no user or role, and a type only of container_t, container_init_t or container_kvm_t (from 1.31 also container_engine_t).',
    why: `Other SELinux users, roles and types escape the container policy. ${BASELINE_WHY}`,
    fix: 'Remove `seLinuxOptions.user`, `.role`, and any other `.type`.',
    reference: `${PSA_POLICY}/check_seLinuxOptions.go`,
    check: checkSeLinuxOptions,
  }),
  podSecurityRule({
    id: PodSecurityRule.PROC_MOUNT,
    levels: BASELINE_AND_UP,
    what: '`procMount` is unset or `Default`.',
    why: `\`Unmasked\` exposes /proc paths the runtime normally hides. ${BASELINE_WHY}`,
    fix: 'Remove `securityContext.procMount`.',
    reference: `${PSA_POLICY}/check_procMount.go`,
    check: checkProcMount,
  }),
  podSecurityRule({
    id: PodSecurityRule.SECCOMP_PROFILE_BASELINE,
    levels: BASELINE_ONLY,
    what: 'No seccomp profile of type `Unconfined`.',
    why: `Unconfined turns the system-call filter off. ${BASELINE_WHY}`,
    fix: 'Use `seccompProfile.type: RuntimeDefault`.',
    reference: `${PSA_POLICY}/check_seccompProfile_baseline.go`,
    check: checkSeccompProfileBaseline,
  }),
  podSecurityRule({
    id: PodSecurityRule.SYSCTLS,
    levels: BASELINE_AND_UP,
    what: 'Only the safe sysctls are set (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.ip_local_reserved_ports; from 1.29 net.ipv4.tcp_keepalive_time, tcp_fin_timeout, tcp_keepalive_intvl, tcp_keepalive_probes; from 1.32 net.ipv4.tcp_rmem, tcp_wmem).',
    why: `Other sysctls can affect the whole node. ${BASELINE_WHY}`,
    fix: 'Remove the sysctl.',
    reference: `${PSA_POLICY}/check_sysctls.go`,
    check: checkSysctls,
  }),
  podSecurityRule({
    id: PodSecurityRule.HOST_PROBES_AND_LIFECYCLE,
    levels: BASELINE_AND_UP,
    what: 'Probes and lifecycle hooks set no `httpGet.host` or `tcpSocket.host` (Kubernetes 1.34 and later).',
    why: `A host field makes the kubelet connect to any address it can reach, from the node. ${BASELINE_WHY}`,
    fix: 'Remove `host`: the kubelet then probes the Pod\'s IP.',
    reference: `${PSA_POLICY}/check_hostProbesAndhostLifecycle.go (k8s.io/pod-security-admission v0.34.0)`,
    check: checkHostProbesAndLifecycle,
  }),
  podSecurityRule({
    id: PodSecurityRule.RESTRICTED_VOLUMES,
    levels: RESTRICTED_ONLY,
    what: 'Volumes are only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected or secret.',
    why: `Other volume types reach node or network storage directly. ${RESTRICTED_WHY}`,
    fix: 'Use one of the allowed volume types (a PersistentVolumeClaim for storage).',
    reference: `${PSA_POLICY}/check_restrictedVolumes.go`,
    check: checkRestrictedVolumes,
  }),
  podSecurityRule({
    id: PodSecurityRule.ALLOW_PRIVILEGE_ESCALATION,
    levels: RESTRICTED_ONLY,
    what: 'Every container sets `allowPrivilegeEscalation: false`.',
    why: `Otherwise a setuid binary can gain more privileges than its parent process. ${RESTRICTED_WHY}`,
    fix: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
    reference: `${PSA_POLICY}/check_allowPrivilegeEscalation.go`,
    check: checkAllowPrivilegeEscalation,
  }),
  podSecurityRule({
    id: PodSecurityRule.RUN_AS_NON_ROOT,
    levels: RESTRICTED_ONLY,
    what: '`runAsNonRoot: true` on the Pod or on every container, and false nowhere.',
    why: `A container running as root is one escape away from root on the node. ${RESTRICTED_WHY} The kubelet then refuses images whose user is root or not numeric (CreateContainerConfigError) unless a numeric runAsUser is set: see bp-run-as-non-root-without-user.`,
    fix: 'Set `runAsNonRoot: true` and a numeric non-root `runAsUser` (plus `fsGroup` for volumes).',
    reference: `${PSA_POLICY}/check_runAsNonRoot.go`,
    check: checkRunAsNonRoot,
  }),
  podSecurityRule({
    id: PodSecurityRule.RUN_AS_USER,
    levels: RESTRICTED_ONLY,
    what: '`runAsUser` is not 0.',
    why: `User 0 is root. ${RESTRICTED_WHY}`,
    fix: 'Use a non-zero user id.',
    reference: `${PSA_POLICY}/check_runAsUser.go`,
    check: checkRunAsUser,
  }),
  podSecurityRule({
    id: PodSecurityRule.SECCOMP_PROFILE_RESTRICTED,
    levels: RESTRICTED_ONLY,
    what: 'A seccomp profile of type `RuntimeDefault` or `Localhost` is set on the Pod or on every container.',
    why: `Without one, many runtimes run containers unfiltered. ${RESTRICTED_WHY}`,
    fix: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the Pod.',
    reference: `${PSA_POLICY}/check_seccompProfile_restricted.go`,
    check: checkSeccompProfileRestricted,
  }),
  podSecurityRule({
    id: PodSecurityRule.CAPABILITIES_RESTRICTED,
    levels: RESTRICTED_ONLY,
    what: 'Every container drops `ALL` capabilities and adds back at most `NET_BIND_SERVICE`.',
    why: `Default capabilities are more than most processes need. ${RESTRICTED_WHY}`,
    fix: 'Set `capabilities.drop: [ALL]`; add only NET_BIND_SERVICE if the process binds a port below 1024.',
    reference: `${PSA_POLICY}/check_capabilities_restricted.go`,
    check: checkCapabilitiesRestricted,
  }),
];
