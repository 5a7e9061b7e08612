import { describeGate, FeatureGate, firstVersionEnabling, isEnabled, isEnabledByDefault } from '../../src/k8s/feature-gates';
import { KubernetesVersion } from '../../src/k8s/kubernetes-version';

const V = KubernetesVersion;

/** The supported releases where `gate` is on by default, read off kube_features.go by hand (not computed). */
const ON_BY_DEFAULT: Record<FeatureGate, string[]> = {
  // {1.28 Alpha false}, {1.29 Beta true}, {1.33 GA true}
  [FeatureGate.SIDECAR_CONTAINERS]: ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'],
  // {1.12 Alpha false}, {1.31 Beta false}, {1.33 Beta true}
  [FeatureGate.PROC_MOUNT_TYPE]: ['1.33', '1.34', '1.35'],
  // {1.25 Alpha false}, {1.30 Beta false}, {1.33 Beta true}
  [FeatureGate.USER_NAMESPACES_SUPPORT]: ['1.33', '1.34', '1.35'],
  // {1.27 Alpha false}, {1.33 Beta true}, {1.35 GA true}
  [FeatureGate.IN_PLACE_POD_VERTICAL_SCALING]: ['1.33', '1.34', '1.35'],
  // {1.26 Alpha false}, {1.32 Beta false}, {1.34 GA true}
  [FeatureGate.DYNAMIC_RESOURCE_ALLOCATION]: ['1.34', '1.35'],
  // {1.29 Alpha false}, {1.30 Beta true}, {1.34 GA true}
  [FeatureGate.POD_LIFECYCLE_SLEEP_ACTION]: ['1.30', '1.31', '1.32', '1.33', '1.34', '1.35'],
  // {1.30 Alpha false}, {1.32 Beta true}, {1.34 GA true}
  [FeatureGate.RELAXED_ENVIRONMENT_VARIABLE_VALIDATION]: ['1.32', '1.33', '1.34', '1.35'],
  // {1.32 Alpha false}, {1.33 Beta true}, {1.34 GA true}
  [FeatureGate.RELAXED_DNS_SEARCH_VALIDATION]: ['1.33', '1.34', '1.35'],
  // {1.28 Alpha false}, {1.29 Beta true}, {1.33 GA true}
  [FeatureGate.JOB_BACKOFF_LIMIT_PER_INDEX]: ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'],
  // {1.28 Alpha false}, {1.29 Beta true}, {1.34 GA true}
  [FeatureGate.JOB_POD_REPLACEMENT_POLICY]: ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'],
  // {1.24 Alpha false}, {1.35 Beta true}
  [FeatureGate.MAX_UNAVAILABLE_STATEFUL_SET]: ['1.35'],
  // {1.30 Beta true}, {1.31 GA true} (v1.28.7 has no AppArmorFields: the fields do not exist there)
  [FeatureGate.APP_ARMOR_FIELDS]: ['1.30', '1.31', '1.32', '1.33', '1.34', '1.35'],
  // {1.32 Alpha false}, {1.33 Beta true}, {1.34 GA true}
  [FeatureGate.POD_LIFECYCLE_SLEEP_ACTION_ALLOW_ZERO]: ['1.33', '1.34', '1.35'],
  // {1.27 Alpha false}, {1.31 Beta false}, {1.33 GA true} (v1.28.7: {Default: false, PreRelease: featuregate.Alpha})
  [FeatureGate.MULTI_CIDR_SERVICE_ALLOCATOR]: ['1.33', '1.34', '1.35'],
};

// pkg/features/kube_features.go defaultVersionedKubernetesFeatureGates.
describe('feature-gate defaults per release', () => {
  test.each(Object.values(FeatureGate))('%s', (gate) => {
    const on = V.all().filter((version) => isEnabledByDefault(gate, version)).map((version) => version.name);
    expect(on).toEqual(ON_BY_DEFAULT[gate]);
  });

  test('describeGate names the stage and default; a gate the release does not have yet says so', () => {
    expect(describeGate(FeatureGate.SIDECAR_CONTAINERS, V.V1_28)).toBe('feature gate SidecarContainers, alpha and off by default');
    expect(describeGate(FeatureGate.PROC_MOUNT_TYPE, V.V1_31)).toBe('feature gate ProcMountType, beta and off by default');
    expect(describeGate(FeatureGate.SIDECAR_CONTAINERS, V.V1_33)).toBe('feature gate SidecarContainers, GA and on by default');
    expect(describeGate(FeatureGate.POD_LIFECYCLE_SLEEP_ACTION, V.V1_28)).toBe('feature gate PodLifecycleSleepAction, not in 1.28');
  });

  test('firstVersionEnabling', () => {
    expect(firstVersionEnabling(FeatureGate.SIDECAR_CONTAINERS)).toBe(V.V1_29);
    expect(firstVersionEnabling(FeatureGate.MAX_UNAVAILABLE_STATEFUL_SET)).toBe(V.V1_35);
  });
});

describe('gates the cluster sets (KubernetesVersion.withFeatureGates)', () => {
  test('isEnabled takes the cluster\'s setting over the default; isEnabledByDefault does not', () => {
    const version = KubernetesVersion.V1_28.withFeatureGates({ SidecarContainers: true });
    expect(isEnabled(FeatureGate.SIDECAR_CONTAINERS, version)).toBe(true);
    expect(isEnabledByDefault(FeatureGate.SIDECAR_CONTAINERS, version)).toBe(false);
    expect(isEnabled(FeatureGate.PROC_MOUNT_TYPE, version)).toBe(false);
    expect(isEnabled(FeatureGate.SIDECAR_CONTAINERS, KubernetesVersion.V1_33.withFeatureGates({ SidecarContainers: false }))).toBe(false);
  });

  test('describeGate says the cluster set it', () => {
    expect(describeGate(FeatureGate.SIDECAR_CONTAINERS, KubernetesVersion.V1_30.withFeatureGates({ SidecarContainers: false })))
      .toBe('feature gate SidecarContainers, beta, set to false on this cluster');
    expect(describeGate(FeatureGate.SIDECAR_CONTAINERS, KubernetesVersion.V1_28)).toBe('feature gate SidecarContainers, alpha and off by default');
  });
});
