import { Severity, Violation } from './finding';
import { PodTemplateView } from './pod-template';
import { SecurityProfile } from '../policy/security-profile';

// The checks below follow k8s.io/pod-security-admission v0.28.0 (Kubernetes 1.28),
// staging/src/k8s.io/pod-security-admission/policy/check_*.go, evaluated at version
// "latest" (the newest versioned revision of each check that is <= 1.28).
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
 * restricted ones.
 */
export function checkPodSecurity(pod: PodTemplateView, level: SecurityProfile): Violation[] {
  const checks = checksForLevel(level);
  if (checks.length === 0) {
    return [];
  }
  const subject = describePod(pod, level);
  return checks.flatMap((check) => check(subject));
}

/** A container of the Pod with everything a message and a path need. */
interface ContainerUnderCheck {
  readonly container: any;
  /** JSON path of the container, e.g. `spec.template.spec.initContainers[1]`. */
  readonly path: string;
  /** How messages name it, e.g. `init container "wait-for-db"`. */
  readonly label: string;
  /** The list it is in. */
  readonly list: ContainerList;
}

type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';

interface PodUnderCheck {
  readonly metadata: any;
  readonly spec: any;
  readonly metadataPath: string;
  readonly specPath: string;
  /** `spec.securityContext` or `{}`. */
  readonly securityContext: any;
  /** Init containers (sidecars included), containers, then ephemeral containers: PSA's visitContainers order. */
  readonly containers: ContainerUnderCheck[];
  /** `Pod Security Standards "restricted"`: the level the user asked for. */
  readonly standard: string;
  /** PSA exempts some restricted checks for Pods with `spec.os.name: windows` (the 1.25 revisions). */
  readonly isWindows: boolean;
}

type PodCheck = (pod: PodUnderCheck) => Violation[];

const POD = 'the Pod';

function checksForLevel(level: SecurityProfile): PodCheck[] {
  switch (level) {
    case SecurityProfile.PRIVILEGED:
      return [];
    case SecurityProfile.BASELINE:
      return [...BASELINE_CHECKS, ...BASELINE_CHECKS_REPLACED_AT_RESTRICTED];
    case SecurityProfile.RESTRICTED:
      return [...BASELINE_CHECKS, ...RESTRICTED_CHECKS];
  }
  throw new Error(`unknown Pod Security Standards level "${level}": use SecurityProfile.RESTRICTED, BASELINE or PRIVILEGED`);
}

function describePod(pod: PodTemplateView, level: SecurityProfile): PodUnderCheck {
  const spec = pod.spec ?? {};
  return {
    metadata: pod.metadata ?? {},
    spec,
    metadataPath: pod.metadataPath,
    specPath: pod.specPath,
    securityContext: spec.securityContext ?? {},
    containers: [
      ...describeContainers(pod, 'initContainers', 'init container'),
      ...describeContainers(pod, 'containers', 'container'),
      ...describeContainers(pod, 'ephemeralContainers', 'ephemeral container'),
    ],
    standard: `Pod Security Standards "${level}"`,
    isWindows: spec.os?.name === 'windows',
  };
}

function describeContainers(pod: PodTemplateView, list: ContainerList, noun: string): ContainerUnderCheck[] {
  const containers = pod.spec?.[list];
  if (!Array.isArray(containers)) {
    return [];
  }
  return containers.map((container, index) => ({
    container: container ?? {},
    path: `${pod.specPath}.${list}[${index}]`,
    label: `${noun} ${JSON.stringify(container?.name ?? '')}`,
    list,
  }));
}

function violation(rule: PodSecurityRule, path: string, message: string): Violation {
  return { ruleId: rule, severity: Severity.ERROR, path, message };
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function asArray(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

function quote(value: unknown): string {
  return JSON.stringify(value);
}

function containerSecurityContext(c: ContainerUnderCheck): any {
  return c.container.securityContext ?? {};
}

// ---------------------------------------------------------------------------
// Baseline
// ---------------------------------------------------------------------------

// k8s: policy/check_windowsHostProcess.go windowsHostProcess_1_0
function checkWindowsHostProcess(pod: PodUnderCheck): Violation[] {
  const fix = 'remove securityContext.windowsOptions.hostProcess or set it to false';
  const found: Violation[] = [];
  if (pod.securityContext.windowsOptions?.hostProcess === true) {
    found.push(violation(PodSecurityRule.WINDOWS_HOST_PROCESS, `${pod.specPath}.securityContext.windowsOptions.hostProcess`,
      `${POD} sets securityContext.windowsOptions.hostProcess: true; ${pod.standard} forbids Windows HostProcess Pods: ${fix}`));
  }
  for (const c of pod.containers) {
    if (containerSecurityContext(c).windowsOptions?.hostProcess === true) {
      found.push(violation(PodSecurityRule.WINDOWS_HOST_PROCESS, `${c.path}.securityContext.windowsOptions.hostProcess`,
        `${c.label} sets securityContext.windowsOptions.hostProcess: true; ${pod.standard} forbids Windows HostProcess containers: ${fix}`));
    }
  }
  return found;
}

// k8s: policy/check_hostNamespaces.go hostNamespaces_1_0
function checkHostNamespaces(pod: PodUnderCheck): Violation[] {
  return ['hostNetwork', 'hostPID', 'hostIPC']
    .filter((field) => pod.spec[field] === true)
    .map((field) => violation(PodSecurityRule.HOST_NAMESPACES, `${pod.specPath}.${field}`,
      `${POD} sets ${field}: true, sharing a host namespace, which ${pod.standard} forbids: remove ${field} or set it to false`));
}

// k8s: policy/check_privileged.go privileged_1_0
function checkPrivileged(pod: PodUnderCheck): Violation[] {
  return pod.containers
    .filter((c) => containerSecurityContext(c).privileged === true)
    .map((c) => violation(PodSecurityRule.PRIVILEGED, `${c.path}.securityContext.privileged`,
      `${c.label} sets securityContext.privileged: true, which ${pod.standard} forbids: remove securityContext.privileged or set it to false`));
}

// k8s: policy/check_capabilities_baseline.go capabilities_allowed_1_0
const BASELINE_ADDABLE_CAPABILITIES = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

// k8s: policy/check_capabilities_baseline.go capabilitiesBaseline_1_0
function checkCapabilitiesBaseline(pod: PodUnderCheck): Violation[] {
  const allowed = [...BASELINE_ADDABLE_CAPABILITIES].join(', ');
  return pod.containers.flatMap((c) => asArray(containerSecurityContext(c).capabilities?.add)
    .map((capability, index) => ({ capability, index }))
    .filter(({ capability }) => !BASELINE_ADDABLE_CAPABILITIES.has(capability))
    .map(({ capability, index }) => violation(PodSecurityRule.CAPABILITIES_BASELINE,
      `${c.path}.securityContext.capabilities.add[${index}]`,
      `${c.label} adds capability ${quote(capability)}${capabilitySpellingHint(capability)}, which ${pod.standard} forbids: `
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
function checkHostPathVolumes(pod: PodUnderCheck): Violation[] {
  return asArray(pod.spec.volumes)
    .map((volume, index) => ({ volume: volume ?? {}, index }))
    .filter(({ volume }) => isSet(volume.hostPath))
    .map(({ volume, index }) => violation(PodSecurityRule.HOST_PATH_VOLUMES, `${pod.specPath}.volumes[${index}].hostPath`,
      `volume ${quote(volume.name ?? '')} is a hostPath volume (path ${quote(volume.hostPath.path ?? '')}), which ${pod.standard} forbids: `
      + 'use an emptyDir, configMap, secret or persistentVolumeClaim volume instead'));
}

// k8s: policy/check_hostPorts.go hostPorts_1_0, and pkg/apis/core/v1/defaults.go
// defaultHostNetworkPorts: with hostNetwork the API server copies containerPort into an
// unset hostPort of containers and init containers before admission sees the Pod.
function checkHostPorts(pod: PodUnderCheck): Violation[] {
  const hostNetwork = pod.spec.hostNetwork === true;
  return pod.containers.flatMap((c) => asArray(c.container.ports)
    .map((port, index) => ({ port: port ?? {}, index }))
    .flatMap(({ port, index }) => {
      const explicit = isSet(port.hostPort) && Number(port.hostPort) !== 0;
      const defaulted = !explicit && hostNetwork && c.list !== 'ephemeralContainers' && isSet(port.containerPort) && Number(port.containerPort) !== 0;
      if (!explicit && !defaulted) {
        return [];
      }
      const path = `${c.path}.ports[${index}].hostPort`;
      const message = explicit
        ? `${c.label} port ${port.containerPort} sets hostPort ${port.hostPort}, which ${pod.standard} forbids: remove hostPort and reach the Pod through a Service`
        : `${c.label} port ${port.containerPort} gets hostPort ${port.containerPort} because the Pod sets hostNetwork: true `
          + `(Kubernetes defaults hostPort to containerPort), which ${pod.standard} forbids: remove hostNetwork`;
      return [violation(PodSecurityRule.HOST_PORTS, path, message)];
    }));
}

const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

// k8s: policy/check_appArmorProfile.go allowedProfile
function isAllowedAppArmorProfile(profile: unknown): boolean {
  return profile === undefined || profile === null || profile === ''
    || profile === 'runtime/default'
    || (typeof profile === 'string' && profile.startsWith('localhost/'));
}

// k8s: policy/check_appArmorProfile.go appArmorProfile_1_0 (1.28 knows only the annotation; the field came in 1.30)
function checkAppArmorProfile(pod: PodUnderCheck): Violation[] {
  const annotations = pod.metadata.annotations ?? {};
  return Object.keys(annotations)
    .filter((key) => key.startsWith(APPARMOR_ANNOTATION_PREFIX) && !isAllowedAppArmorProfile(annotations[key]))
    .sort()
    .map((key) => violation(PodSecurityRule.APPARMOR_PROFILE, `${pod.metadataPath}.annotations[${key}]`,
      `${annotatedContainerLabel(pod, key.slice(APPARMOR_ANNOTATION_PREFIX.length))} has AppArmor profile ${quote(annotations[key])} `
      + `(annotation ${key}), which ${pod.standard} forbids: use "runtime/default" or "localhost/<profile>", or remove the annotation`));
}

function annotatedContainerLabel(pod: PodUnderCheck, name: string): string {
  return pod.containers.find((c) => c.container.name === name)?.label ?? `container ${quote(name)}`;
}

// k8s: policy/check_seLinuxOptions.go selinux_allowed_types_1_0 (container_engine_t only from 1.31)
const ALLOWED_SELINUX_TYPES = ['container_t', 'container_init_t', 'container_kvm_t'];

// k8s: policy/check_seLinuxOptions.go seLinuxOptions_1_0
function checkSeLinuxOptions(pod: PodUnderCheck): Violation[] {
  return [
    ...seLinuxViolations(pod, POD, `${pod.specPath}.securityContext.seLinuxOptions`, pod.securityContext.seLinuxOptions),
    ...pod.containers.flatMap((c) => seLinuxViolations(pod, c.label, `${c.path}.securityContext.seLinuxOptions`,
      containerSecurityContext(c).seLinuxOptions)),
  ];
}

function seLinuxViolations(pod: PodUnderCheck, who: string, path: string, options: any): Violation[] {
  if (!isSet(options)) {
    return [];
  }
  const found: Violation[] = [];
  if (isSet(options.type) && options.type !== '' && !ALLOWED_SELINUX_TYPES.includes(options.type)) {
    found.push(violation(PodSecurityRule.SELINUX_OPTIONS, `${path}.type`,
      `${who} sets securityContext.seLinuxOptions.type ${quote(options.type)}, which ${pod.standard} forbids: `
      + `use ${ALLOWED_SELINUX_TYPES.join(', ')} or leave it empty`));
  }
  for (const field of ['user', 'role']) {
    if (isSet(options[field]) && options[field] !== '') {
      found.push(violation(PodSecurityRule.SELINUX_OPTIONS, `${path}.${field}`,
        `${who} sets securityContext.seLinuxOptions.${field} ${quote(options[field])}, which ${pod.standard} forbids: remove it`));
    }
  }
  return found;
}

// k8s: policy/check_procMount.go procMount_1_0 (no user-namespace relaxation before 1.29)
function checkProcMount(pod: PodUnderCheck): Violation[] {
  return pod.containers
    .filter((c) => isSet(containerSecurityContext(c).procMount) && containerSecurityContext(c).procMount !== 'Default')
    .map((c) => violation(PodSecurityRule.PROC_MOUNT, `${c.path}.securityContext.procMount`,
      `${c.label} sets securityContext.procMount ${quote(containerSecurityContext(c).procMount)}, which ${pod.standard} forbids: `
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
function checkSeccompProfileBaseline(pod: PodUnderCheck): Violation[] {
  const fix = 'set securityContext.seccompProfile.type to RuntimeDefault or Localhost, or remove seccompProfile';
  const found: Violation[] = [];
  const podProfile = pod.securityContext.seccompProfile;
  if (isSet(podProfile) && !isAllowedSeccompType(podProfile.type)) {
    found.push(violation(PodSecurityRule.SECCOMP_PROFILE_BASELINE, `${pod.specPath}.securityContext.seccompProfile.type`,
      `${POD} sets a seccomp profile with ${describeSeccompType(podProfile)}, which ${pod.standard} forbids: ${fix}`));
  }
  for (const c of pod.containers) {
    const profile = containerSecurityContext(c).seccompProfile;
    if (isSet(profile) && !isAllowedSeccompType(profile.type)) {
      found.push(violation(PodSecurityRule.SECCOMP_PROFILE_BASELINE, `${c.path}.securityContext.seccompProfile.type`,
        `${c.label} sets a seccomp profile with ${describeSeccompType(profile)}, which ${pod.standard} forbids: ${fix}`));
    }
  }
  return found;
}

// k8s: policy/check_sysctls.go sysctlsAllowedV1Dot27 (the tcp_keepalive_* and tcp_fin_timeout additions are 1.29)
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
]);

// k8s: policy/check_sysctls.go sysctlsV1Dot27
function checkSysctls(pod: PodUnderCheck): Violation[] {
  const safe = [...SAFE_SYSCTLS].join(', ');
  return asArray(pod.securityContext.sysctls)
    .map((sysctl, index) => ({ name: sysctl?.name, index }))
    .filter(({ name }) => !SAFE_SYSCTLS.has(name))
    .map(({ name, index }) => violation(PodSecurityRule.SYSCTLS, `${pod.specPath}.securityContext.sysctls[${index}].name`,
      `${POD} sets sysctl ${quote(name ?? '')}, which ${pod.standard} forbids: remove it (only ${safe} are allowed)`));
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
function checkRestrictedVolumes(pod: PodUnderCheck): Violation[] {
  const allowed = ALLOWED_VOLUME_SOURCES.join(', ');
  return asArray(pod.spec.volumes)
    .map((volume, index) => ({ volume: volume ?? {}, index }))
    .filter(({ volume }) => !ALLOWED_VOLUME_SOURCES.some((source) => isSet(volume[source])))
    .flatMap(({ volume, index }) => {
      const source = RESTRICTED_VOLUME_SOURCES.find((candidate) => isSet(volume[candidate]));
      if (source === undefined) {
        return [];
      }
      return [violation(PodSecurityRule.RESTRICTED_VOLUMES, `${pod.specPath}.volumes[${index}].${source}`,
        `volume ${quote(volume.name ?? '')} uses volume type ${source}, which ${pod.standard} forbids: `
        + `use one of ${allowed} (a persistentVolumeClaim can bind the same storage)`)];
    });
}

// k8s: policy/check_allowPrivilegeEscalation.go allowPrivilegeEscalation_1_25 (Windows Pods exempt)
function checkAllowPrivilegeEscalation(pod: PodUnderCheck): Violation[] {
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
      return violation(PodSecurityRule.ALLOW_PRIVILEGE_ESCALATION, `${c.path}.securityContext.allowPrivilegeEscalation`,
        `${c.label} ${problem}; ${pod.standard} requires it to be false: set securityContext.allowPrivilegeEscalation: false`);
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
  readonly rule: PodSecurityRule;
  /** Field under securityContext whose presence means "set", e.g. `runAsNonRoot` or `seccompProfile`. */
  readonly field: string;
  /** Path suffix under securityContext to report, e.g. `runAsNonRoot` or `seccompProfile.type`. */
  readonly reportedField: string;
  readonly isGood: (value: any) => boolean;
  readonly describeBad: (value: any) => string;
  readonly requirement: string;
  readonly fix: string;
}

function checkInheritedSetting(pod: PodUnderCheck, setting: InheritedSetting): Violation[] {
  const found: Violation[] = [];
  const podValue = pod.securityContext[setting.field];
  const podIsSet = isSet(podValue);
  if (podIsSet && !setting.isGood(podValue)) {
    found.push(violation(setting.rule, `${pod.specPath}.securityContext.${setting.reportedField}`,
      `${POD} ${setting.describeBad(podValue)}; ${pod.standard} ${setting.requirement}: ${setting.fix}`));
  }
  for (const c of pod.containers) {
    const value = containerSecurityContext(c)[setting.field];
    const path = `${c.path}.securityContext.${setting.reportedField}`;
    if (isSet(value) && !setting.isGood(value)) {
      found.push(violation(setting.rule, path,
        `${c.label} ${setting.describeBad(value)}; ${pod.standard} ${setting.requirement}: ${setting.fix}`));
    } else if (!isSet(value) && !podIsSet) {
      found.push(violation(setting.rule, path,
        `${c.label} does not set securityContext.${setting.reportedField} and the Pod does not either; `
        + `${pod.standard} ${setting.requirement}: ${setting.fix} on the container, or once in spec.securityContext`));
    }
  }
  return found;
}

// k8s: policy/check_runAsNonRoot.go runAsNonRoot_1_0
function checkRunAsNonRoot(pod: PodUnderCheck): Violation[] {
  return checkInheritedSetting(pod, {
    rule: PodSecurityRule.RUN_AS_NON_ROOT,
    field: 'runAsNonRoot',
    reportedField: 'runAsNonRoot',
    isGood: (value) => value === true,
    describeBad: (value) => `sets securityContext.runAsNonRoot: ${quote(value)}`,
    requirement: 'requires runAsNonRoot to be true for every container',
    fix: 'set securityContext.runAsNonRoot: true',
  });
}

// k8s: policy/check_runAsUser.go runAsUser_1_23
function checkRunAsUser(pod: PodUnderCheck): Violation[] {
  const problem = 'sets securityContext.runAsUser: 0 (root)';
  const fix = 'use a non-zero UID, or remove runAsUser and let the image choose a non-root user';
  const found: Violation[] = [];
  if (isRootUser(pod.securityContext.runAsUser)) {
    found.push(violation(PodSecurityRule.RUN_AS_USER, `${pod.specPath}.securityContext.runAsUser`,
      `${POD} ${problem}, which ${pod.standard} forbids: ${fix}`));
  }
  for (const c of pod.containers) {
    if (isRootUser(containerSecurityContext(c).runAsUser)) {
      found.push(violation(PodSecurityRule.RUN_AS_USER, `${c.path}.securityContext.runAsUser`,
        `${c.label} ${problem}, which ${pod.standard} forbids: ${fix}`));
    }
  }
  return found;
}

function isRootUser(runAsUser: unknown): boolean {
  return runAsUser === 0;
}

// k8s: policy/check_seccompProfile_restricted.go seccompProfileRestricted_1_25 (Windows Pods exempt)
function checkSeccompProfileRestricted(pod: PodUnderCheck): Violation[] {
  if (pod.isWindows) {
    return [];
  }
  return checkInheritedSetting(pod, {
    rule: PodSecurityRule.SECCOMP_PROFILE_RESTRICTED,
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
function checkCapabilitiesRestricted(pod: PodUnderCheck): Violation[] {
  if (pod.isWindows) {
    return [];
  }
  return pod.containers.flatMap((c) => [...missingDropAll(pod, c), ...forbiddenAddedCapabilities(pod, c)]);
}

function missingDropAll(pod: PodUnderCheck, c: ContainerUnderCheck): Violation[] {
  const capabilities = containerSecurityContext(c).capabilities;
  const drop = asArray(capabilities?.drop);
  if (drop.includes(DROP_ALL)) {
    return [];
  }
  const problem = isSet(capabilities?.drop)
    ? `drops ${quote(drop)} without "ALL"${drop.some((cap) => typeof cap === 'string' && cap.toUpperCase() === DROP_ALL) ? ' (the match is case-sensitive)' : ''}`
    : 'does not set securityContext.capabilities.drop';
  return [violation(PodSecurityRule.CAPABILITIES_RESTRICTED, `${c.path}.securityContext.capabilities.drop`,
    `${c.label} ${problem}; ${pod.standard} requires every container to drop all capabilities: set securityContext.capabilities.drop: ["ALL"]`)];
}

function forbiddenAddedCapabilities(pod: PodUnderCheck, c: ContainerUnderCheck): Violation[] {
  return asArray(containerSecurityContext(c).capabilities?.add)
    .map((capability, index) => ({ capability, index }))
    .filter(({ capability }) => capability !== RESTRICTED_ADDABLE_CAPABILITY)
    .map(({ capability, index }) => violation(PodSecurityRule.CAPABILITIES_RESTRICTED,
      `${c.path}.securityContext.capabilities.add[${index}]`,
      `${c.label} adds capability ${quote(capability)}, which ${pod.standard} forbids: `
      + `remove it from securityContext.capabilities.add (only ${RESTRICTED_ADDABLE_CAPABILITY} may be added)`));
}

// ---------------------------------------------------------------------------
// Levels (policy/registry.go)
// ---------------------------------------------------------------------------

const BASELINE_CHECKS: PodCheck[] = [
  checkWindowsHostProcess,
  checkHostNamespaces,
  checkPrivileged,
  checkHostPorts,
  checkAppArmorProfile,
  checkSeLinuxOptions,
  checkProcMount,
  checkSysctls,
];

// Baseline checks that a stricter restricted check overrides (OverrideCheckIDs in v0.28):
// capabilities_restricted replaces capabilities_baseline, restrictedVolumes replaces
// hostPathVolumes and seccompProfile_restricted replaces seccompProfile_baseline, so a
// restricted evaluation reports each problem once.
const BASELINE_CHECKS_REPLACED_AT_RESTRICTED: PodCheck[] = [
  checkCapabilitiesBaseline,
  checkHostPathVolumes,
  checkSeccompProfileBaseline,
];

const RESTRICTED_CHECKS: PodCheck[] = [
  checkRestrictedVolumes,
  checkAllowPrivilegeEscalation,
  checkRunAsNonRoot,
  checkRunAsUser,
  checkSeccompProfileRestricted,
  checkCapabilitiesRestricted,
];
