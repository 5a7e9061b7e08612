/**
 * Default state of the feature gates whose state changes what the API server
 * accepts, drops or refuses in a workload, per supported release.
 *
 * Source: kubernetes/kubernetes pkg/features/kube_features.go,
 * defaultVersionedKubernetesFeatureGates (the versioned specs, which record
 * each gate's stage and default from the release it entered; read at commit
 * 8d5704385e43ea1be9776b239b963023164bbb47 of the 1.36 development line). Each
 * row below is one `{Version, Default, PreRelease}` entry of that map; the
 * state at release N is the last entry whose Version is N or earlier.
 *
 * Cross-checked against the plain `defaultKubernetesFeatureGates` map of
 * earlier trees: v1.28.7 (SidecarContainers, JobBackoffLimitPerIndex,
 * JobPodReplacementPolicy alpha/off; ProcMountType, UserNamespacesSupport,
 * InPlacePodVerticalScaling, DynamicResourceAllocation, MaxUnavailableStatefulSet
 * alpha/off; AppArmor beta/on; no PodLifecycleSleepAction, Relaxed*,
 * AppArmorFields), a 1.30 development tree (SidecarContainers,
 * PodLifecycleSleepAction, Job* beta/on), the versioned maps of a 1.32, a 1.33
 * and a 1.34+ development tree (same entries as below, e.g. ProcMountType
 * {1.31 Beta false}; a 1.31 development tree briefly had it on by default,
 * which the versioned map does not record). Not read: the release tags
 * v1.29.0-v1.35.0 themselves (no tagged copy of kubernetes/kubernetes was
 * reachable here).
 */
import { KubernetesVersion } from './kubernetes-version';

/** The feature gates the rules consult. */
export enum FeatureGate {
  SIDECAR_CONTAINERS = 'SidecarContainers',
  PROC_MOUNT_TYPE = 'ProcMountType',
  USER_NAMESPACES_SUPPORT = 'UserNamespacesSupport',
  IN_PLACE_POD_VERTICAL_SCALING = 'InPlacePodVerticalScaling',
  DYNAMIC_RESOURCE_ALLOCATION = 'DynamicResourceAllocation',
  POD_LIFECYCLE_SLEEP_ACTION = 'PodLifecycleSleepAction',
  RELAXED_ENVIRONMENT_VARIABLE_VALIDATION = 'RelaxedEnvironmentVariableValidation',
  RELAXED_DNS_SEARCH_VALIDATION = 'RelaxedDNSSearchValidation',
  JOB_BACKOFF_LIMIT_PER_INDEX = 'JobBackoffLimitPerIndex',
  JOB_POD_REPLACEMENT_POLICY = 'JobPodReplacementPolicy',
  MAX_UNAVAILABLE_STATEFUL_SET = 'MaxUnavailableStatefulSet',
  APP_ARMOR_FIELDS = 'AppArmorFields',
  POD_LIFECYCLE_SLEEP_ACTION_ALLOW_ZERO = 'PodLifecycleSleepActionAllowZero',
  MULTI_CIDR_SERVICE_ALLOCATOR = 'MultiCIDRServiceAllocator',
}

/** A gate's maturity, as kube_features.go's `PreRelease` names it. */
export enum GateStage {
  ALPHA = 'alpha',
  BETA = 'beta',
  GA = 'GA',
}

/** One `{Version, Default, PreRelease}` entry of a gate's history in kube_features.go. */
export interface GateSpec {
  /** Minor release of Kubernetes 1.x the entry applies from. */
  readonly since: number;
  readonly enabled: boolean;
  readonly stage: GateStage;
}

const { ALPHA, BETA, GA } = GateStage;

const SPECS: Record<FeatureGate, readonly GateSpec[]> = {
  [FeatureGate.SIDECAR_CONTAINERS]: [
    { since: 28, enabled: false, stage: ALPHA }, { since: 29, enabled: true, stage: BETA }, { since: 33, enabled: true, stage: GA },
  ],
  [FeatureGate.PROC_MOUNT_TYPE]: [
    { since: 12, enabled: false, stage: ALPHA }, { since: 31, enabled: false, stage: BETA }, { since: 33, enabled: true, stage: BETA },
  ],
  [FeatureGate.USER_NAMESPACES_SUPPORT]: [
    { since: 25, enabled: false, stage: ALPHA }, { since: 30, enabled: false, stage: BETA }, { since: 33, enabled: true, stage: BETA },
  ],
  [FeatureGate.IN_PLACE_POD_VERTICAL_SCALING]: [
    { since: 27, enabled: false, stage: ALPHA }, { since: 33, enabled: true, stage: BETA }, { since: 35, enabled: true, stage: GA },
  ],
  [FeatureGate.DYNAMIC_RESOURCE_ALLOCATION]: [
    { since: 26, enabled: false, stage: ALPHA }, { since: 32, enabled: false, stage: BETA }, { since: 34, enabled: true, stage: GA },
  ],
  [FeatureGate.POD_LIFECYCLE_SLEEP_ACTION]: [
    { since: 29, enabled: false, stage: ALPHA }, { since: 30, enabled: true, stage: BETA }, { since: 34, enabled: true, stage: GA },
  ],
  [FeatureGate.RELAXED_ENVIRONMENT_VARIABLE_VALIDATION]: [
    { since: 30, enabled: false, stage: ALPHA }, { since: 32, enabled: true, stage: BETA }, { since: 34, enabled: true, stage: GA },
  ],
  [FeatureGate.RELAXED_DNS_SEARCH_VALIDATION]: [
    { since: 32, enabled: false, stage: ALPHA }, { since: 33, enabled: true, stage: BETA }, { since: 34, enabled: true, stage: GA },
  ],
  [FeatureGate.JOB_BACKOFF_LIMIT_PER_INDEX]: [
    { since: 28, enabled: false, stage: ALPHA }, { since: 29, enabled: true, stage: BETA }, { since: 33, enabled: true, stage: GA },
  ],
  [FeatureGate.JOB_POD_REPLACEMENT_POLICY]: [
    { since: 28, enabled: false, stage: ALPHA }, { since: 29, enabled: true, stage: BETA }, { since: 34, enabled: true, stage: GA },
  ],
  [FeatureGate.MAX_UNAVAILABLE_STATEFUL_SET]: [
    { since: 24, enabled: false, stage: ALPHA }, { since: 35, enabled: true, stage: BETA },
  ],
  [FeatureGate.APP_ARMOR_FIELDS]: [
    { since: 30, enabled: true, stage: BETA }, { since: 31, enabled: true, stage: GA },
  ],
  [FeatureGate.POD_LIFECYCLE_SLEEP_ACTION_ALLOW_ZERO]: [
    { since: 32, enabled: false, stage: ALPHA }, { since: 33, enabled: true, stage: BETA }, { since: 34, enabled: true, stage: GA },
  ],
  // v1.28.7: {Default: false, PreRelease: featuregate.Alpha}; on by default (GA) from 1.33: ServiceCIDR objects may then add ranges.
  [FeatureGate.MULTI_CIDR_SERVICE_ALLOCATOR]: [
    { since: 27, enabled: false, stage: ALPHA }, { since: 31, enabled: false, stage: BETA }, { since: 33, enabled: true, stage: GA },
  ],
};

/** The entry of a gate's history (oldest first) in force at `version`, or undefined when the release does not have the gate yet. */
export function specIn(history: readonly GateSpec[], version: KubernetesVersion): GateSpec | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    if (history[i].since <= version.minor) return history[i];
  }
  return undefined;
}

/** The gate's entry in force at `version`, or undefined when the release does not know the gate yet. */
function specAt(gate: FeatureGate, version: KubernetesVersion): GateSpec | undefined {
  return specIn(SPECS[gate], version);
}

/** Whether `gate` is on by default in `version` (false when the release does not have the gate). */
export function isEnabledByDefault(gate: FeatureGate, version: KubernetesVersion): boolean {
  return specAt(gate, version)?.enabled ?? false;
}

/** Whether `gate` is on where `version` runs: as its cluster sets it (`withFeatureGates`), else the release's default. */
export function isEnabled(gate: FeatureGate, version: KubernetesVersion): boolean {
  return version.featureGates[gate] ?? isEnabledByDefault(gate, version);
}

const GATE_NAMES: readonly string[] = Object.values(FeatureGate);

/**
 * Refuses gates `version.withFeatureGates` cannot honour: names the rules do
 * not consult (a typo would silently change nothing) and gates the release
 * does not have yet (kube-apiserver refuses to start with an unknown gate).
 */
export function checkFeatureGates(gates: { [gate: string]: boolean }, version: KubernetesVersion): void {
  for (const [name, enabled] of Object.entries(gates)) {
    if (!GATE_NAMES.includes(name)) {
      throw new Error(`unknown feature gate "${name}": the gates that change what the rules judge are ${GATE_NAMES.join(', ')} (upstream names, as kube-apiserver's --feature-gates spells them)`);
    }
    if (typeof enabled !== 'boolean') {
      throw new Error(`feature gate ${name}: ${JSON.stringify(enabled)} is not true or false`);
    }
    if (specAt(name as FeatureGate, version) === undefined) {
      const since = SPECS[name as FeatureGate][0].since;
      throw new Error(`feature gate ${name} is not in Kubernetes ${version.name} (it was added in 1.${since}): drop it, or target 1.${since} or later`);
    }
  }
}

/**
 * `feature gate SidecarContainers, alpha and off by default`, or `feature gate
 * PodLifecycleSleepAction, not in 1.28` for a gate the release does not have
 * yet: the wording of every finding about a dropped field.
 */
export function describeGate(gate: FeatureGate, version: KubernetesVersion): string {
  const spec = specAt(gate, version);
  if (spec === undefined) return `feature gate ${gate}, not in ${version.name}`;
  const set = version.featureGates[gate];
  if (set !== undefined) return `feature gate ${gate}, ${spec.stage}, set to ${set} on this cluster`;
  return `feature gate ${gate}, ${spec.stage} and ${spec.enabled ? 'on' : 'off'} by default`;
}

/** The first supported release where `gate` is on by default, or undefined when none is. */
export function firstVersionEnabling(gate: FeatureGate): KubernetesVersion | undefined {
  return KubernetesVersion.all().find((version) => isEnabledByDefault(gate, version));
}
