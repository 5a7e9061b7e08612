// An independent test oracle for the Kubernetes Pod Security Standards, as
// enforced by the Pod Security Admission library at Kubernetes 1.28.
//
// Transcribed from k8s.io/pod-security-admission v0.28.15 (commit
// 9fa4d000acb2e4d042b0f83d548c8d97b41c5163, the last v0.28 tag; the same code is
// staging/src/k8s.io/pod-security-admission in kubernetes/kubernetes
// release-1.28):
//   policy/check_*.go  one function per check below, same names and messages
//   policy/visitor.go  visitContainers: initContainers, containers, ephemeralContainers
//   policy/registry.go which checks run at a level/version, and in which order
//   policy/checks.go   the result shape (reason, detail)
//   admission/admission.go  DefaultPodSpecExtractor (evaluateManifest)
//
// This file deliberately shares no code with src/: it is test support only, and
// must never be imported by the library.
//
// Version selection (registry.go): PSA's newest policy change is 1.27 (sysctls),
// so a 1.28 evaluation clamps to the 1.27 check set: each check at its newest
// VersionedCheck whose MinimumVersion <= 1.27. The variants used here are:
//   allowPrivilegeEscalation_1_25, appArmorProfile_1_0, capabilitiesBaseline_1_0,
//   capabilitiesRestricted_1_25, hostNamespaces_1_0, hostPathVolumes_1_0,
//   hostPorts_1_0, privileged_1_0, procMount_1_0, restrictedVolumes_1_0,
//   runAsNonRoot_1_0, runAsUser_1_23, seLinuxOptions_1_0,
//   seccompProfileBaseline_1_19 (the field, not the alpha annotations),
//   seccompProfileRestricted_1_25, sysctls_1_27, windowsHostProcess_1_0.
//
// JSON-to-Go notes. The checks read a decoded corev1.PodSpec, so this oracle reads
// the manifest the way Go's decoder would: an absent or null field is the Go zero
// value (nil pointer, false, 0, ""); a `*bool` is "set" when present and
// non-null, and "true" only when it is the JSON boolean true.
//
// One piece of API-server defaulting precedes admission and is modelled, because
// PSA's own restrictedVolumes pass fixture depends on it: SetDefaults_Volume
// (pkg/apis/core/v1/defaults.go) turns a volume with no source into an emptyDir.
// Other defaulting and field dropping is NOT modelled (see README notes at the
// end of this file).

export type PssLevel = 'baseline' | 'restricted';

export interface PssForbidden {
  /** The PSA CheckID, e.g. `runAsNonRoot`. */
  readonly check: string;
  /** CheckResult.ForbiddenReason, verbatim. */
  readonly reason: string;
  /** CheckResult.ForbiddenDetail, verbatim. */
  readonly detail: string;
}

export interface PssVerdict {
  readonly allowed: boolean;
  readonly forbidden: PssForbidden[];
}

interface CheckResult {
  readonly allowed: boolean;
  readonly forbiddenReason?: string;
  readonly forbiddenDetail?: string;
}

type CheckPodFn = (podMetadata: any, podSpec: any) => CheckResult;

interface Check {
  readonly id: string;
  readonly level: PssLevel;
  /** The VersionedCheck in effect at 1.28. */
  readonly checkPod: CheckPodFn;
  /** VersionedCheck.OverrideCheckIDs: baseline checks this restricted check replaces at restricted. */
  readonly overrideCheckIds?: string[];
}

const ALLOWED: CheckResult = { allowed: true };

// ---------------------------------------------------------------------------
// Go-decoding helpers
// ---------------------------------------------------------------------------

/** A pointer field is non-nil: present and not null. */
function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** `p != nil && *p` for a *bool, or a plain bool field being true. */
function isTrue(v: unknown): boolean {
  return v === true;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function list(v: unknown): any[] {
  return Array.isArray(v) ? v : [];
}

function obj(v: unknown): any {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

/** Go's string ordering: byte-wise (the IDs and values here are ASCII, where JS code-unit order agrees). */
function goLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** sets.NewString(...).List(): deduplicated and sorted. */
function sortedSet(s: Set<string>): string[] {
  return [...s].sort(goLess);
}

// policy/helpers.go
function joinQuote(items: string[]): string {
  if (items.length === 0) {
    return '';
  }
  return '"' + items.join('", "') + '"';
}

function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/** Go's %q for the plain strings found in annotations (ASCII; JSON escaping agrees with strconv.Quote there). */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

// policy/visitor.go: visitContainers
function visitContainers(podSpec: any, visitor: (container: any) => void): void {
  for (const c of list(podSpec.initContainers)) {
    visitor(obj(c) ?? {});
  }
  for (const c of list(podSpec.containers)) {
    visitor(obj(c) ?? {});
  }
  for (const c of list(podSpec.ephemeralContainers)) {
    visitor(obj(c) ?? {});
  }
}

function containerName(c: any): string {
  return str(c.name);
}

function podSecurityContext(podSpec: any): any {
  return obj(podSpec.securityContext);
}

function securityContext(container: any): any {
  return obj(container.securityContext);
}

/** corev1.Windows: pod.spec.os.name == "windows". */
function isWindowsPod(podSpec: any): boolean {
  const os = obj(podSpec.os);
  return os !== undefined && os.name === 'windows';
}

// ---------------------------------------------------------------------------
// Baseline checks
// ---------------------------------------------------------------------------

// check_appArmorProfile.go
const APPARMOR_BETA_CONTAINER_ANNOTATION_KEY_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const APPARMOR_BETA_PROFILE_RUNTIME_DEFAULT = 'runtime/default';
const APPARMOR_BETA_PROFILE_NAME_PREFIX = 'localhost/';

function allowedProfile(profile: string): boolean {
  return profile.length === 0 ||
    profile === APPARMOR_BETA_PROFILE_RUNTIME_DEFAULT ||
    profile.startsWith(APPARMOR_BETA_PROFILE_NAME_PREFIX);
}

function appArmorProfile_1_0(podMetadata: any, _podSpec: any): CheckResult {
  const forbiddenValues: string[] = [];
  const annotations = obj(podMetadata?.annotations) ?? {};
  for (const [k, raw] of Object.entries(annotations)) {
    const v = str(raw);
    if (k.startsWith(APPARMOR_BETA_CONTAINER_ANNOTATION_KEY_PREFIX) && !allowedProfile(v)) {
      forbiddenValues.push(`${k}=${goQuote(v)}`);
    }
  }
  if (forbiddenValues.length > 0) {
    forbiddenValues.sort(goLess);
    return {
      allowed: false,
      forbiddenReason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', forbiddenValues.length),
      forbiddenDetail: forbiddenValues.join(', '),
    };
  }
  return ALLOWED;
}

// check_capabilities_baseline.go
const CAPABILITIES_ALLOWED_1_0 = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

function capabilitiesBaseline_1_0(_podMetadata: any, podSpec: any): CheckResult {
  const badContainers: string[] = [];
  const nonDefaultCapabilities = new Set<string>();
  visitContainers(podSpec, (container) => {
    const sc = securityContext(container);
    const caps = obj(sc?.capabilities);
    if (sc !== undefined && caps !== undefined) {
      let valid = true;
      for (const c of list(caps.add)) {
        if (!CAPABILITIES_ALLOWED_1_0.has(str(c))) {
          valid = false;
          nonDefaultCapabilities.add(str(c));
        }
      }
      if (!valid) {
        badContainers.push(containerName(container));
      }
    }
  });
  if (badContainers.length > 0) {
    return {
      allowed: false,
      forbiddenReason: 'non-default capabilities',
      forbiddenDetail: `${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)} ` +
        `must not include ${joinQuote(sortedSet(nonDefaultCapabilities))} in securityContext.capabilities.add`,
    };
  }
  return ALLOWED;
}

// check_hostNamespaces.go
function hostNamespaces_1_0(_podMetadata: any, podSpec: any): CheckResult {
  const hostNamespaces: string[] = [];
  if (isTrue(podSpec.hostNetwork)) {
    hostNamespaces.push('hostNetwork=true');
  }
  if (isTrue(podSpec.hostPID)) {
    hostNamespaces.push('hostPID=true');
  }
  if (isTrue(podSpec.hostIPC)) {
    hostNamespaces.push('hostIPC=true');
  }
  if (hostNamespaces.length > 0) {
    return { allowed: false, forbiddenReason: 'host namespaces', forbiddenDetail: hostNamespaces.join(', ') };
  }
  return ALLOWED;
}

// check_hostPathVolumes.go
function hostPathVolumes_1_0(_podMetadata: any, podSpec: any): CheckResult {
  const hostVolumes: string[] = [];
  for (const volume of defaultedVolumes(podSpec)) {
    if (isSet(volume.hostPath)) {
      hostVolumes.push(str(volume.name));
    }
  }
  if (hostVolumes.length > 0) {
    return {
      allowed: false,
      forbiddenReason: 'hostPath volumes',
      forbiddenDetail: `${pluralize('volume', 'volumes', hostVolumes.length)} ${joinQuote(hostVolumes)}`,
    };
  }
  return ALLOWED;
}

// check_hostPorts.go
function hostPorts_1_0(_podMetadata: any, podSpec: any): CheckResult {
  const badContainers: string[] = [];
  const forbiddenHostPorts = new Set<string>();
  visitContainers(podSpec, (container) => {
    let valid = true;
    for (const p of list(container.ports)) {
      const hostPort = obj(p)?.hostPort;
      if (typeof hostPort === 'number' && hostPort !== 0) {
        valid = false;
        forbiddenHostPorts.add(String(hostPort));
      }
    }
    if (!valid) {
      badContainers.push(containerName(container));
    }
  });
  if (badContainers.length > 0) {
    return {
      allowed: false,
      forbiddenReason: 'hostPort',
      forbiddenDetail: [
        pluralize('container', 'containers', badContainers.length),
        joinQuote(badContainers),
        pluralize('uses', 'use', badContainers.length),
        pluralize('hostPort', 'hostPorts', forbiddenHostPorts.size),
        sortedSet(forbiddenHostPorts).join(', '),
      ].join(' '),
    };
  }
  return ALLOWED;
}

// check_privileged.go
function privileged_1_0(_podMetadata: any, podSpec: any): CheckResult {
  const badContainers: string[] = [];
  visitContainers(podSpec, (container) => {
    if (isTrue(securityContext(container)?.privileged)) {
      badContainers.push(containerName(container));
    }
  });
  if (badContainers.length > 0) {
    return {
      allowed: false,
      forbiddenReason: 'privileged',
      forbiddenDetail: `${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)} must not set securityContext.privileged=true`,
    };
  }
  return ALLOWED;
}

// check_procMount.go (one baseline check in v0.28; split into baseline/restricted only in later releases)
const DEFAULT_PROC_MOUNT = 'Default';

function procMount_1_0(_podMetadata: any, podSpec: any): CheckResult {
  const badContainers: string[] = [];
  const forbiddenProcMountTypes = new Set<string>();
  visitContainers(podSpec, (container) => {
    const sc = securityContext(container);
    if (sc === undefined || !isSet(sc.procMount)) {
      return;
    }
    const procMount = str(sc.procMount);
    if (procMount !== DEFAULT_PROC_MOUNT) {
      badContainers.push(containerName(container));
      forbiddenProcMountTypes.add(procMount);
    }
  });
  if (badContainers.length > 0) {
    return {
      allowed: false,
      forbiddenReason: 'procMount',
      forbiddenDetail: `${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)} ` +
        `must not set securityContext.procMount to ${joinQuote(sortedSet(forbiddenProcMountTypes))}`,
    };
  }
  return ALLOWED;
}

// check_seLinuxOptions.go
const SELINUX_ALLOWED_TYPES_1_0 = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);

function seLinuxOptions_1_0(_podMetadata: any, podSpec: any): CheckResult {
  const badSetters: string[] = [];
  const badTypes = new Set<string>();
  let setUser = false;
  let setRole = false;

  const validSELinuxOptions = (opts: any): boolean => {
    let valid = true;
    const type = str(opts.type);
    if (!SELINUX_ALLOWED_TYPES_1_0.has(type)) {
      valid = false;
      badTypes.add(type);
    }
    if (str(opts.user).length > 0) {
      valid = false;
      setUser = true;
    }
    if (str(opts.role).length > 0) {
      valid = false;
      setRole = true;
    }
    return valid;
  };

  const podOpts = obj(podSecurityContext(podSpec)?.seLinuxOptions);
  if (podOpts !== undefined && !validSELinuxOptions(podOpts)) {
    badSetters.push('pod');
  }

  const badContainers: string[] = [];
  visitContainers(podSpec, (container) => {
    const opts = obj(securityContext(container)?.seLinuxOptions);
    if (opts !== undefined && !validSELinuxOptions(opts)) {
      badContainers.push(containerName(container));
    }
  });
  if (badContainers.length > 0) {
    badSetters.push(`${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)}`);
  }

  if (badSetters.length > 0) {
    const badData: string[] = [];
    if (badTypes.size > 0) {
      badData.push(`${pluralize('type', 'types', badTypes.size)} ${joinQuote(sortedSet(badTypes))}`);
    }
    if (setUser) {
      badData.push('user may not be set');
    }
    if (setRole) {
      badData.push('role may not be set');
    }
    return {
      allowed: false,
      forbiddenReason: 'seLinuxOptions',
      forbiddenDetail: `${badSetters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${badData.join('; ')}`,
    };
  }
  return ALLOWED;
}

// check_seccompProfile_baseline.go
const SECCOMP_PROFILE_TYPE_RUNTIME_DEFAULT = 'RuntimeDefault';
const SECCOMP_PROFILE_TYPE_LOCALHOST = 'Localhost';

function validSeccomp(t: string): boolean {
  return t === SECCOMP_PROFILE_TYPE_LOCALHOST || t === SECCOMP_PROFILE_TYPE_RUNTIME_DEFAULT;
}

/** seccompProfileBaseline_1_19: only the securityContext.seccompProfile field; the alpha annotations are ignored from 1.19. */
function seccompProfileBaseline_1_19(_podMetadata: any, podSpec: any): CheckResult {
  const badSetters: string[] = [];
  const badValues = new Set<string>();
  const podProfile = obj(podSecurityContext(podSpec)?.seccompProfile);
  if (podProfile !== undefined && !validSeccomp(str(podProfile.type))) {
    badSetters.push('pod');
    badValues.add(str(podProfile.type));
  }
  const explicitlyBadContainers: string[] = [];
  visitContainers(podSpec, (c) => {
    const profile = obj(securityContext(c)?.seccompProfile);
    if (profile !== undefined && !validSeccomp(str(profile.type))) {
      explicitlyBadContainers.push(containerName(c));
      badValues.add(str(profile.type));
    }
  });
  if (explicitlyBadContainers.length > 0) {
    badSetters.push(`${pluralize('container', 'containers', explicitlyBadContainers.length)} ${joinQuote(explicitlyBadContainers)}`);
  }
  if (badSetters.length > 0) {
    return {
      allowed: false,
      forbiddenReason: 'seccompProfile',
      forbiddenDetail: `${badSetters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(badValues))}`,
    };
  }
  return ALLOWED;
}

// check_sysctls.go: sysctls_allowed_1_27
const SYSCTLS_ALLOWED_1_27 = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
]);

function sysctls_1_27(_podMetadata: any, podSpec: any): CheckResult {
  const forbiddenSysctls: string[] = [];
  const psc = podSecurityContext(podSpec);
  if (psc !== undefined) {
    for (const sysctl of list(psc.sysctls)) {
      const name = str(obj(sysctl)?.name);
      if (!SYSCTLS_ALLOWED_1_27.has(name)) {
        forbiddenSysctls.push(name);
      }
    }
  }
  if (forbiddenSysctls.length > 0) {
    return { allowed: false, forbiddenReason: 'forbidden sysctls', forbiddenDetail: forbiddenSysctls.join(', ') };
  }
  return ALLOWED;
}

// check_windowsHostProcess.go
function windowsHostProcess_1_0(_podMetadata: any, podSpec: any): CheckResult {
  const badContainers: string[] = [];
  visitContainers(podSpec, (container) => {
    if (isTrue(obj(securityContext(container)?.windowsOptions)?.hostProcess)) {
      badContainers.push(containerName(container));
    }
  });
  const podSpecForbidden = isTrue(obj(podSecurityContext(podSpec)?.windowsOptions)?.hostProcess);
  const forbiddenSetters: string[] = [];
  if (podSpecForbidden) {
    forbiddenSetters.push('pod');
  }
  if (badContainers.length > 0) {
    forbiddenSetters.push(`${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)}`);
  }
  if (forbiddenSetters.length > 0) {
    return {
      allowed: false,
      forbiddenReason: 'hostProcess',
      forbiddenDetail: `${forbiddenSetters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`,
    };
  }
  return ALLOWED;
}

// ---------------------------------------------------------------------------
// Restricted checks
// ---------------------------------------------------------------------------

// check_allowPrivilegeEscalation.go
function allowPrivilegeEscalation_1_8(_podMetadata: any, podSpec: any): CheckResult {
  const badContainers: string[] = [];
  visitContainers(podSpec, (container) => {
    const sc = securityContext(container);
    // nil securityContext, nil allowPrivilegeEscalation, or *allowPrivilegeEscalation == true
    if (sc === undefined || !isSet(sc.allowPrivilegeEscalation) || sc.allowPrivilegeEscalation !== false) {
      badContainers.push(containerName(container));
    }
  });
  if (badContainers.length > 0) {
    return {
      allowed: false,
      forbiddenReason: 'allowPrivilegeEscalation != false',
      forbiddenDetail: `${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)} ` +
        'must set securityContext.allowPrivilegeEscalation=false',
    };
  }
  return ALLOWED;
}

function allowPrivilegeEscalation_1_25(podMetadata: any, podSpec: any): CheckResult {
  if (isWindowsPod(podSpec)) {
    return ALLOWED;
  }
  return allowPrivilegeEscalation_1_8(podMetadata, podSpec);
}

// check_capabilities_restricted.go
const CAPABILITY_ALL = 'ALL';
const CAPABILITY_NET_BIND_SERVICE = 'NET_BIND_SERVICE';

function capabilitiesRestricted_1_22(_podMetadata: any, podSpec: any): CheckResult {
  const containersMissingDropAll: string[] = [];
  const containersAddingForbidden: string[] = [];
  const forbiddenCapabilities = new Set<string>();
  visitContainers(podSpec, (container) => {
    const caps = obj(securityContext(container)?.capabilities);
    if (caps === undefined) {
      containersMissingDropAll.push(containerName(container));
      return;
    }
    const droppedAll = list(caps.drop).some((c) => c === CAPABILITY_ALL);
    if (!droppedAll) {
      containersMissingDropAll.push(containerName(container));
    }
    let addedForbidden = false;
    for (const c of list(caps.add)) {
      if (c !== CAPABILITY_NET_BIND_SERVICE) {
        addedForbidden = true;
        forbiddenCapabilities.add(str(c));
      }
    }
    if (addedForbidden) {
      containersAddingForbidden.push(containerName(container));
    }
  });
  const forbiddenDetails: string[] = [];
  if (containersMissingDropAll.length > 0) {
    forbiddenDetails.push(`${pluralize('container', 'containers', containersMissingDropAll.length)} ${joinQuote(containersMissingDropAll)} ` +
      'must set securityContext.capabilities.drop=["ALL"]');
  }
  if (containersAddingForbidden.length > 0) {
    forbiddenDetails.push(`${pluralize('container', 'containers', containersAddingForbidden.length)} ${joinQuote(containersAddingForbidden)} ` +
      `must not include ${joinQuote(sortedSet(forbiddenCapabilities))} in securityContext.capabilities.add`);
  }
  if (forbiddenDetails.length > 0) {
    return { allowed: false, forbiddenReason: 'unrestricted capabilities', forbiddenDetail: forbiddenDetails.join('; ') };
  }
  return ALLOWED;
}

function capabilitiesRestricted_1_25(podMetadata: any, podSpec: any): CheckResult {
  if (isWindowsPod(podSpec)) {
    return ALLOWED;
  }
  return capabilitiesRestricted_1_22(podMetadata, podSpec);
}

// check_restrictedVolumes.go
/** The allowed sources, tested first: a volume with any of them is skipped, whatever else it sets. */
const ALLOWED_VOLUME_SOURCES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];
/** The restricted sources in the order of the Go switch; the JSON field name is also the reported type. */
const RESTRICTED_VOLUME_SOURCES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd',
  'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk',
  'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];

function restrictedVolumes_1_0(_podMetadata: any, podSpec: any): CheckResult {
  const badVolumes: string[] = [];
  const badVolumeTypes = new Set<string>();
  for (const volume of defaultedVolumes(podSpec)) {
    if (ALLOWED_VOLUME_SOURCES.some((k) => isSet(volume[k]))) {
      continue;
    }
    badVolumes.push(str(volume.name));
    badVolumeTypes.add(RESTRICTED_VOLUME_SOURCES.find((k) => isSet(volume[k])) ?? 'unknown');
  }
  if (badVolumes.length > 0) {
    return {
      allowed: false,
      forbiddenReason: 'restricted volume types',
      forbiddenDetail: [
        pluralize('volume', 'volumes', badVolumes.length),
        joinQuote(badVolumes),
        pluralize('uses', 'use', badVolumes.length),
        pluralize('restricted volume type', 'restricted volume types', badVolumeTypes.size),
        joinQuote(sortedSet(badVolumeTypes)),
      ].join(' '),
    };
  }
  return ALLOWED;
}

// check_runAsNonRoot.go
function runAsNonRoot_1_0(_podMetadata: any, podSpec: any): CheckResult {
  const badSetters: string[] = [];
  let podRunAsNonRoot = false;
  const psc = podSecurityContext(podSpec);
  if (psc !== undefined && isSet(psc.runAsNonRoot)) {
    if (!isTrue(psc.runAsNonRoot)) {
      badSetters.push('pod');
    } else {
      podRunAsNonRoot = true;
    }
  }
  const explicitlyBadContainers: string[] = [];
  const implicitlyBadContainers: string[] = [];
  visitContainers(podSpec, (container) => {
    const sc = securityContext(container);
    if (sc !== undefined && isSet(sc.runAsNonRoot)) {
      if (!isTrue(sc.runAsNonRoot)) {
        explicitlyBadContainers.push(containerName(container));
      }
    } else if (!podRunAsNonRoot) {
      implicitlyBadContainers.push(containerName(container));
    }
  });
  if (explicitlyBadContainers.length > 0) {
    badSetters.push(`${pluralize('container', 'containers', explicitlyBadContainers.length)} ${joinQuote(explicitlyBadContainers)}`);
  }
  if (badSetters.length > 0) {
    return {
      allowed: false,
      forbiddenReason: 'runAsNonRoot != true',
      forbiddenDetail: `${badSetters.join(' and ')} must not set securityContext.runAsNonRoot=false`,
    };
  }
  if (implicitlyBadContainers.length > 0) {
    return {
      allowed: false,
      forbiddenReason: 'runAsNonRoot != true',
      forbiddenDetail: `pod or ${pluralize('container', 'containers', implicitlyBadContainers.length)} ${joinQuote(implicitlyBadContainers)} ` +
        'must set securityContext.runAsNonRoot=true',
    };
  }
  return ALLOWED;
}

// check_runAsUser.go
function runAsUser_1_23(_podMetadata: any, podSpec: any): CheckResult {
  const badSetters: string[] = [];
  if (podSecurityContext(podSpec)?.runAsUser === 0) {
    badSetters.push('pod');
  }
  const explicitlyBadContainers: string[] = [];
  visitContainers(podSpec, (container) => {
    if (securityContext(container)?.runAsUser === 0) {
      explicitlyBadContainers.push(containerName(container));
    }
  });
  if (explicitlyBadContainers.length > 0) {
    badSetters.push(`${pluralize('container', 'containers', explicitlyBadContainers.length)} ${joinQuote(explicitlyBadContainers)}`);
  }
  if (badSetters.length > 0) {
    return { allowed: false, forbiddenReason: 'runAsUser=0', forbiddenDetail: `${badSetters.join(' and ')} must not set runAsUser=0` };
  }
  return ALLOWED;
}

// check_seccompProfile_restricted.go
function seccompProfileRestricted_1_19(_podMetadata: any, podSpec: any): CheckResult {
  const badSetters: string[] = [];
  const badValues = new Set<string>();
  let podSeccompSet = false;
  const podProfile = obj(podSecurityContext(podSpec)?.seccompProfile);
  if (podProfile !== undefined) {
    if (!validSeccomp(str(podProfile.type))) {
      badSetters.push('pod');
      badValues.add(str(podProfile.type));
    } else {
      podSeccompSet = true;
    }
  }
  const explicitlyBadContainers: string[] = [];
  const implicitlyBadContainers: string[] = [];
  visitContainers(podSpec, (c) => {
    const profile = obj(securityContext(c)?.seccompProfile);
    if (profile !== undefined) {
      if (!validSeccomp(str(profile.type))) {
        explicitlyBadContainers.push(containerName(c));
        badValues.add(str(profile.type));
      }
    } else if (!podSeccompSet) {
      implicitlyBadContainers.push(containerName(c));
    }
  });
  if (explicitlyBadContainers.length > 0) {
    badSetters.push(`${pluralize('container', 'containers', explicitlyBadContainers.length)} ${joinQuote(explicitlyBadContainers)}`);
  }
  if (badSetters.length > 0) {
    return {
      allowed: false,
      forbiddenReason: 'seccompProfile',
      forbiddenDetail: `${badSetters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(badValues))}`,
    };
  }
  if (implicitlyBadContainers.length > 0) {
    return {
      allowed: false,
      forbiddenReason: 'seccompProfile',
      forbiddenDetail: `pod or ${pluralize('container', 'containers', implicitlyBadContainers.length)} ${joinQuote(implicitlyBadContainers)} ` +
        'must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
    };
  }
  return ALLOWED;
}

function seccompProfileRestricted_1_25(podMetadata: any, podSpec: any): CheckResult {
  if (isWindowsPod(podSpec)) {
    return ALLOWED;
  }
  return seccompProfileRestricted_1_19(podMetadata, podSpec);
}

// ---------------------------------------------------------------------------
// API-server defaulting that precedes admission
// ---------------------------------------------------------------------------

/** Every VolumeSource field of corev1 (k8s.io/api v0.28 core/v1/types.go), JSON names, in declaration order. */
const ALL_VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral',
];

/**
 * pkg/apis/core/v1/defaults.go SetDefaults_Volume: a volume that sets no source
 * (every VolumeSource pointer nil) becomes an emptyDir.
 */
function defaultedVolumes(podSpec: any): any[] {
  return list(podSpec.volumes).map((v) => {
    const volume = obj(v) ?? {};
    return ALL_VOLUME_SOURCES.some((k) => isSet(volume[k])) ? volume : { ...volume, emptyDir: {} };
  });
}

// ---------------------------------------------------------------------------
// Registry (policy/registry.go)
// ---------------------------------------------------------------------------

const CHECKS: Check[] = [
  { id: 'allowPrivilegeEscalation', level: 'restricted', checkPod: allowPrivilegeEscalation_1_25 },
  { id: 'appArmorProfile', level: 'baseline', checkPod: appArmorProfile_1_0 },
  { id: 'capabilities_baseline', level: 'baseline', checkPod: capabilitiesBaseline_1_0 },
  { id: 'capabilities_restricted', level: 'restricted', checkPod: capabilitiesRestricted_1_25, overrideCheckIds: ['capabilities_baseline'] },
  { id: 'hostNamespaces', level: 'baseline', checkPod: hostNamespaces_1_0 },
  { id: 'hostPathVolumes', level: 'baseline', checkPod: hostPathVolumes_1_0 },
  { id: 'hostPorts', level: 'baseline', checkPod: hostPorts_1_0 },
  { id: 'privileged', level: 'baseline', checkPod: privileged_1_0 },
  { id: 'procMount', level: 'baseline', checkPod: procMount_1_0 },
  { id: 'restrictedVolumes', level: 'restricted', checkPod: restrictedVolumes_1_0, overrideCheckIds: ['hostPathVolumes'] },
  { id: 'runAsNonRoot', level: 'restricted', checkPod: runAsNonRoot_1_0 },
  { id: 'runAsUser', level: 'restricted', checkPod: runAsUser_1_23 },
  { id: 'seLinuxOptions', level: 'baseline', checkPod: seLinuxOptions_1_0 },
  { id: 'seccompProfile_baseline', level: 'baseline', checkPod: seccompProfileBaseline_1_19 },
  { id: 'seccompProfile_restricted', level: 'restricted', checkPod: seccompProfileRestricted_1_25, overrideCheckIds: ['seccompProfile_baseline'] },
  { id: 'sysctls', level: 'baseline', checkPod: sysctls_1_27 },
  { id: 'windowsHostProcess', level: 'baseline', checkPod: windowsHostProcess_1_0 },
];

/**
 * populate(): baseline IDs sorted, then restricted IDs sorted; at restricted, every
 * baseline check runs too unless a restricted check overrides it.
 */
function checksFor(level: PssLevel): Check[] {
  const byId = (a: Check, b: Check) => goLess(a.id, b.id);
  const baseline = CHECKS.filter((c) => c.level === 'baseline').sort(byId);
  if (level === 'baseline') {
    return baseline;
  }
  const restricted = CHECKS.filter((c) => c.level === 'restricted').sort(byId);
  const overridden = new Set(restricted.flatMap((c) => c.overrideCheckIds ?? []));
  return [...baseline.filter((c) => !overridden.has(c.id)), ...restricted];
}

/** The PSA check IDs evaluated at `level` for version 1.28, in PSA's evaluation order. */
export function pssCheckIds(level: PssLevel): string[] {
  return checksFor(level).map((c) => c.id);
}

/** Evaluate a Pod manifest's metadata + spec (a Pod, or the template of a workload) as PSA v0.28 does at `level`, version 1.28. */
export function evaluatePss(podMetadata: any, podSpec: any, level: PssLevel): PssVerdict {
  if (level !== 'baseline' && level !== 'restricted') {
    throw new Error(`pss-oracle: unknown level ${String(level)}`);
  }
  const metadata = obj(podMetadata) ?? {};
  const spec = obj(podSpec) ?? {};
  const forbidden: PssForbidden[] = [];
  for (const check of checksFor(level)) {
    const result = check.checkPod(metadata, spec);
    if (!result.allowed) {
      forbidden.push({
        check: check.id,
        // AggregateCheckResults: an empty reason is reported as UnknownForbiddenReason
        reason: result.forbiddenReason || 'unknown forbidden reason',
        detail: result.forbiddenDetail ?? '',
      });
    }
  }
  return { allowed: forbidden.length === 0, forbidden };
}

/** The group of an apiVersion ("" for the core group's "v1"). */
function apiGroup(apiVersion: unknown): string {
  const v = str(apiVersion);
  const slash = v.indexOf('/');
  return slash < 0 ? '' : v.slice(0, slash);
}

/**
 * admission.go DefaultPodSpecExtractor: the pod metadata + spec PSA evaluates for
 * each pod-spec-bearing kind, or undefined where PSA evaluates nothing (a
 * ReplicationController without a template: its Template is a pointer).
 */
export function extractPodSpec(manifest: any): { metadata: any; spec: any } | undefined {
  const m = obj(manifest);
  if (m === undefined) {
    throw new Error('pss-oracle: manifest is not an object');
  }
  const kind = str(m.kind);
  const group = apiGroup(m.apiVersion);
  const fromTemplate = (template: any) => ({ metadata: obj(template?.metadata) ?? {}, spec: obj(template?.spec) ?? {} });
  const key = `${group}/${kind}`;
  switch (key) {
    case '/Pod':
      return { metadata: obj(m.metadata) ?? {}, spec: obj(m.spec) ?? {} };
    case '/PodTemplate':
      return fromTemplate(obj(m.template));
    case '/ReplicationController': {
      const template = obj(obj(m.spec)?.template);
      return template === undefined ? undefined : fromTemplate(template);
    }
    case 'apps/ReplicaSet':
    case 'apps/Deployment':
    case 'apps/DaemonSet':
    case 'apps/StatefulSet':
    case 'batch/Job':
      return fromTemplate(obj(obj(m.spec)?.template));
    case 'batch/CronJob':
      return fromTemplate(obj(obj(obj(obj(m.spec)?.jobTemplate)?.spec)?.template));
    default:
      throw new Error(`pss-oracle: ${str(m.apiVersion)} ${kind} carries no pod spec PSA evaluates`);
  }
}

/** Convenience: find the Pod spec in a manifest (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob) and evaluate it. */
export function evaluateManifest(manifest: any, level: PssLevel): PssVerdict {
  const extracted = extractPodSpec(manifest);
  if (extracted === undefined) {
    return { allowed: true, forbidden: [] };
  }
  return evaluatePss(extracted.metadata, extracted.spec, level);
}

// README notes: what this oracle does not model.
//
// - It evaluates the manifest as written. The API server first decodes, defaults
//   and drops disabled fields; only SetDefaults_Volume is modelled (above). In
//   particular: with hostNetwork=true a Pod's container ports get hostPort =
//   containerPort (SetDefaults_PodSpec; for pod templates only behind the 1.28
//   DefaultHostNetworkHostPortsInPodTemplates gate), which would add a hostPorts
//   result to a verdict that already fails hostNamespaces; and with the alpha
//   ProcMountType gate off (the 1.28 default) securityContext.procMount is
//   dropped before admission, so a cluster admits what procMount here forbids.
// - Admission-level behaviour outside the checks: namespace exemptions, the
//   privileged level, update-only-if-spec-changed, and controllers being
//   warned/audited rather than enforced.
