/**
 * The Kubernetes releases each rule's verdict applies to, for the catalogue.
 * A rule not listed judges the same on every supported release; a listed one
 * changes with a feature gate's default (src/k8s/feature-gates.ts, read from
 * pkg/features/kube_features.go), a field a release adds, the vendored image
 * reference grammar or a versioned Pod Security check, and its check asks the
 * run's version. docs/kubernetes-versions.md cites the upstream source of each.
 */
import { RULE } from './rule-ids';
import { VALIDATION_RULE } from './validation/rules';
import { FeatureGate, firstVersionEnabling } from '../k8s/feature-gates';
import { KubernetesVersion } from '../k8s/kubernetes-version';

function since(gate: FeatureGate): string {
  return firstVersionEnabling(gate)!.name;
}

function range(from: KubernetesVersion, to: KubernetesVersion): string {
  return from === to ? from.name : `${from.name}–${to.name}`;
}

const ALL = KubernetesVersion.all();
const OLDEST = ALL[0];
const NEWEST = ALL[ALL.length - 1];

/** Why a rule's verdict differs by release, by rule id. */
function versionNotes(): ReadonlyMap<string, string> {
  const beforeSidecars = ALL.filter((v) => !v.isAtLeast(KubernetesVersion.of(since(FeatureGate.SIDECAR_CONTAINERS))));
  const beforeServiceCIDRs = ALL.filter((v) => !v.isAtLeast(KubernetesVersion.of(since(FeatureGate.MULTI_CIDR_SERVICE_ALLOCATOR))));
  const procMountFrom = KubernetesVersion.of(since(FeatureGate.PROC_MOUNT_TYPE));
  return new Map([
    [RULE.BP_SIDECAR_FEATURE_GATE,
      `${range(OLDEST, beforeSidecars[beforeSidecars.length - 1])} (SidecarContainers on by default from ${since(FeatureGate.SIDECAR_CONTAINERS)})`],
    ['bp-dropped-alpha-field',
      `${range(OLDEST, NEWEST)}, per field until its gate is on by default: init restartPolicy and sidecar probes before ${since(FeatureGate.SIDECAR_CONTAINERS)}, `
      + `Job backoffLimitPerIndex, maxFailedIndexes, podReplacementPolicy before ${since(FeatureGate.JOB_BACKOFF_LIMIT_PER_INDEX)}, `
      + `hostUsers, procMount, resizePolicy before ${since(FeatureGate.USER_NAMESPACES_SUPPORT)}, resource claims before ${since(FeatureGate.DYNAMIC_RESOURCE_ALLOCATION)}, `
      + `StatefulSet maxUnavailable before ${since(FeatureGate.MAX_UNAVAILABLE_STATEFUL_SET)}`],
    [RULE.API_CONTAINER_RESTART_POLICY,
      `${range(OLDEST, NEWEST)}; an init container's restartPolicy only from ${since(FeatureGate.SIDECAR_CONTAINERS)} (dropped before: bp-dropped-alpha-field)`],
    ['pss-baseline-proc-mount',
      `${range(procMountFrom, NEWEST)} (ProcMountType off before ${procMountFrom.name}: procMount is forced to Default); from 1.35 any value at baseline when hostUsers is false`],
    ['api-decoding',
      `${range(OLDEST, NEWEST)}; fields added after 1.28 (lifecycle \`sleep\` 1.29, \`appArmorProfile\` 1.30, Service \`trafficDistribution\` 1.30, Pod \`resources\` 1.32, … docs/kubernetes-versions.md) exist from their release (unknown fields before, with a hint naming the release)`],
    [VALIDATION_RULE.POD_VOLUMES_CONTAINERS,
      `${range(OLDEST, NEWEST)}; env names and envFrom prefixes: any printable ASCII but \`=\` from ${since(FeatureGate.RELAXED_ENVIRONMENT_VARIABLE_VALIDATION)} (RelaxedEnvironmentVariableValidation)`],
    [VALIDATION_RULE.POD_DNS,
      `${range(OLDEST, NEWEST)}; dnsConfig.searches may hold \`_\` and a lone \`.\` from ${since(FeatureGate.RELAXED_DNS_SEARCH_VALIDATION)} (RelaxedDNSSearchValidation)`],
    [VALIDATION_RULE.POD_FIELDS,
      `${range(OLDEST, NEWEST)}; appArmorProfile fields and their agreement with the AppArmor annotations from ${since(FeatureGate.APP_ARMOR_FIELDS)}`],
    [VALIDATION_RULE.SERVICE_ALLOCATION,
      `${range(OLDEST, beforeServiceCIDRs[beforeServiceCIDRs.length - 1])} (MultiCIDRServiceAllocator on by default from ${since(FeatureGate.MULTI_CIDR_SERVICE_ALLOCATOR)}: ServiceCIDR objects may add ranges the flag does not show); only with a declared --service-cluster-ip-range`],
    [VALIDATION_RULE.APPS_SPEC,
      `${range(OLDEST, NEWEST)}; StatefulSet rollingUpdate.maxUnavailable validated from ${since(FeatureGate.MAX_UNAVAILABLE_STATEFUL_SET)} (dropped before)`],
    [VALIDATION_RULE.BATCH_SPEC,
      `${range(OLDEST, NEWEST)}; backoffLimitPerIndex, maxFailedIndexes (and FailIndex) and podReplacementPolicy validated from ${since(FeatureGate.JOB_BACKOFF_LIMIT_PER_INDEX)} (dropped before)`],
    [RULE.API_PROBE,
      `${range(OLDEST, NEWEST)}; a lifecycle \`sleep\` is no handler before ${since(FeatureGate.POD_LIFECYCLE_SLEEP_ACTION)} (unknown in 1.28, dropped in 1.29), `
      + `from ${since(FeatureGate.POD_LIFECYCLE_SLEEP_ACTION)} 1..terminationGracePeriodSeconds, 0 allowed from ${since(FeatureGate.POD_LIFECYCLE_SLEEP_ACTION_ALLOW_ZERO)}`],
    [RULE.RUNTIME_IMAGE_REFERENCE,
      `${range(OLDEST, NEWEST)}; from 1.29 (distribution/reference v0.5.0) IPv6 registries in brackets and an upper-case first component as registry are valid`],
    [RULE.BP_MUTABLE_IMAGE_TAG,
      `${range(OLDEST, NEWEST)}; references read with the target release's grammar (see runtime-image-reference)`],
    ['pss-baseline-sysctls', `${range(OLDEST, NEWEST)}; more safe sysctls from 1.29 (tcp_keepalive_*, tcp_fin_timeout) and 1.32 (tcp_rmem, tcp_wmem)`],
    ['pss-baseline-selinux-options', `${range(OLDEST, NEWEST)}; container_engine_t allowed from 1.31`],
    ['pss-baseline-apparmor-profile', `${range(OLDEST, NEWEST)}; the appArmorProfile fields checked from 1.30`],
    ['pss-baseline-host-probes-and-lifecycle', `${range(KubernetesVersion.V1_34, NEWEST)} (no such check before 1.34)`],
    ['pss-restricted-run-as-non-root', `${range(OLDEST, NEWEST)}; any value when hostUsers is false from 1.35`],
    ['pss-restricted-run-as-user', `${range(OLDEST, NEWEST)}; any value when hostUsers is false from 1.35`],
  ]);
}

let notes: ReadonlyMap<string, string> | undefined;

/** `1.28–1.35`, or the releases and reason for a rule whose verdict depends on the release. */
export function kubernetesVersionsOf(ruleId: string): string {
  notes ??= versionNotes();
  return notes.get(ruleId) ?? range(OLDEST, NEWEST);
}
