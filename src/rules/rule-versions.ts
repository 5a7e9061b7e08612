/**
 * The Kubernetes releases each rule judges at, for the catalogue, as data (the
 * releases) with the human text beside it (why the verdict differs, and the
 * one-line summary the README table shows). A rule not listed judges the same
 * on every supported release; a listed one changes with a feature gate's
 * default (src/k8s/feature-gates.ts, read from pkg/features/kube_features.go),
 * a field a release adds, the vendored image reference grammar or a versioned
 * Pod Security check, and its check asks the run's version.
 * docs/kubernetes-versions.md cites the upstream source of each.
 */
import { RULE } from './rule-ids';
import { VALIDATION_RULE } from './validation/rules';
import { FeatureGate, firstVersionEnabling } from '../k8s/feature-gates';
import { KubernetesVersion } from '../k8s/kubernetes-version';

/** The releases a rule judges at, and why its verdict differs between them. */
export interface RuleReleases {
  /** The supported releases the rule can report anything for, oldest first, without gaps. */
  readonly releases: readonly KubernetesVersion[];
  /** Why the verdict differs by release; empty when it is the same at every one. */
  readonly note: string;
  /** The releases and the note as one line (`1.28 (SidecarContainers on by default from 1.29)`). */
  readonly text: string;
}

/** How a note joins the release range in the one-line text. */
type Phrasing = (range: string, note: string) => string;
const IN_PARENTHESES: Phrasing = (range, note) => `${range} (${note})`;
const AFTER_SEMICOLON: Phrasing = (range, note) => `${range}; ${note}`;
const AFTER_COMMA: Phrasing = (range, note) => `${range}, ${note}`;

const ALL = KubernetesVersion.all();
const OLDEST = ALL[0];
const NEWEST = ALL[ALL.length - 1];

function since(gate: FeatureGate): KubernetesVersion {
  return firstVersionEnabling(gate)!;
}

function rangeName(from: KubernetesVersion, to: KubernetesVersion): string {
  return from === to ? from.name : `${from.name}–${to.name}`;
}

function judgedAt(from: KubernetesVersion, to: KubernetesVersion, note = '', phrasing: Phrasing = AFTER_SEMICOLON): RuleReleases {
  const range = rangeName(from, to);
  return {
    releases: ALL.filter((version) => version.isAtLeast(from) && to.isAtLeast(version)),
    note,
    text: note === '' ? range : phrasing(range, note),
  };
}

/** Judged at every supported release, with a verdict that changes on the way. */
function everywhere(note: string, phrasing: Phrasing = AFTER_SEMICOLON): RuleReleases {
  return judgedAt(OLDEST, NEWEST, note, phrasing);
}

/** The releases of each rule whose verdict differs by release, by rule id. */
function versionedRules(): ReadonlyMap<string, RuleReleases> {
  const sidecars = since(FeatureGate.SIDECAR_CONTAINERS);
  const lastWithoutSidecars = ALL.filter((v) => !v.isAtLeast(sidecars)).pop()!;
  const procMount = since(FeatureGate.PROC_MOUNT_TYPE);
  const serviceCIDRs = since(FeatureGate.MULTI_CIDR_SERVICE_ALLOCATOR);
  const lastWithoutServiceCIDRs = ALL.filter((v) => !v.isAtLeast(serviceCIDRs)).pop()!;
  return new Map([
    [RULE.BP_SIDECAR_FEATURE_GATE,
      judgedAt(OLDEST, lastWithoutSidecars, `SidecarContainers on by default from ${sidecars.name}`, IN_PARENTHESES)],
    ['bp-dropped-alpha-field',
      everywhere(`per field until its gate is on by default: init restartPolicy before ${sidecars.name}, `
      + `Job backoffLimitPerIndex, maxFailedIndexes, podReplacementPolicy before ${since(FeatureGate.JOB_BACKOFF_LIMIT_PER_INDEX).name}, `
      + `hostUsers, procMount, resizePolicy before ${since(FeatureGate.USER_NAMESPACES_SUPPORT).name}, resource claims before ${since(FeatureGate.DYNAMIC_RESOURCE_ALLOCATION).name}, `
      + `StatefulSet maxUnavailable before ${since(FeatureGate.MAX_UNAVAILABLE_STATEFUL_SET).name}`, AFTER_COMMA)],
    [RULE.API_CONTAINER_RESTART_POLICY,
      everywhere(`an init container's restartPolicy only from ${sidecars.name} (dropped before: bp-dropped-alpha-field)`)],
    [RULE.API_INIT_CONTAINER_PROBES,
      everywhere(`before ${sidecars.name} also a sidecar's probes and hooks (its restartPolicy is dropped), unless the cluster enables SidecarContainers`)],
    ['pss-baseline-proc-mount',
      judgedAt(procMount, NEWEST, `ProcMountType off before ${procMount.name}: procMount is forced to Default; from 1.35 any value at baseline when hostUsers is false`, IN_PARENTHESES)],
    ['api-decoding',
      everywhere('fields added after 1.28 (lifecycle `sleep` 1.29, `appArmorProfile` 1.30, Service `trafficDistribution` 1.30, Pod `resources` 1.32, … docs/kubernetes-versions.md) exist from their release (unknown fields before, with a hint naming the release)')],
    [VALIDATION_RULE.POD_VOLUMES_CONTAINERS,
      everywhere(`env names and envFrom prefixes: any printable ASCII but \`=\` from ${since(FeatureGate.RELAXED_ENVIRONMENT_VARIABLE_VALIDATION).name} (RelaxedEnvironmentVariableValidation)`)],
    [VALIDATION_RULE.POD_DNS,
      everywhere(`dnsConfig.searches may hold \`_\` and a lone \`.\` from ${since(FeatureGate.RELAXED_DNS_SEARCH_VALIDATION).name} (RelaxedDNSSearchValidation)`)],
    [VALIDATION_RULE.POD_FIELDS,
      everywhere(`appArmorProfile fields and their agreement with the AppArmor annotations from ${since(FeatureGate.APP_ARMOR_FIELDS).name}`)],
    [VALIDATION_RULE.SERVICE_ALLOCATION,
      judgedAt(OLDEST, lastWithoutServiceCIDRs, `MultiCIDRServiceAllocator on by default from ${serviceCIDRs.name}: ServiceCIDR objects may add ranges the flag does not show; only with a declared --service-cluster-ip-range`, IN_PARENTHESES)],
    [VALIDATION_RULE.APPS_SPEC,
      everywhere(`StatefulSet rollingUpdate.maxUnavailable validated from ${since(FeatureGate.MAX_UNAVAILABLE_STATEFUL_SET).name} (dropped before)`)],
    [VALIDATION_RULE.BATCH_SPEC,
      everywhere(`backoffLimitPerIndex, maxFailedIndexes (and FailIndex) and podReplacementPolicy validated from ${since(FeatureGate.JOB_BACKOFF_LIMIT_PER_INDEX).name} (dropped before)`)],
    [RULE.API_PROBE,
      everywhere(`a lifecycle \`sleep\` is no handler before ${since(FeatureGate.POD_LIFECYCLE_SLEEP_ACTION).name} (unknown in 1.28, dropped in 1.29), `
      + `from ${since(FeatureGate.POD_LIFECYCLE_SLEEP_ACTION).name} 1..terminationGracePeriodSeconds, 0 allowed from ${since(FeatureGate.POD_LIFECYCLE_SLEEP_ACTION_ALLOW_ZERO).name}`)],
    [RULE.RUNTIME_IMAGE_REFERENCE,
      everywhere('from 1.29 (distribution/reference v0.5.0) IPv6 registries in brackets and an upper-case first component as registry are valid')],
    [RULE.BP_MUTABLE_IMAGE_TAG,
      everywhere('references read with the target release\'s grammar (see runtime-image-reference)')],
    ['pss-baseline-sysctls', everywhere('more safe sysctls from 1.29 (tcp_keepalive_*, tcp_fin_timeout) and 1.32 (tcp_rmem, tcp_wmem)')],
    ['pss-baseline-selinux-options', everywhere('container_engine_t allowed from 1.31')],
    ['pss-baseline-apparmor-profile', everywhere('the appArmorProfile fields checked from 1.30')],
    ['pss-baseline-host-probes-and-lifecycle', judgedAt(KubernetesVersion.V1_34, NEWEST, 'no such check before 1.34', IN_PARENTHESES)],
    ['pss-restricted-run-as-non-root', everywhere('any value when hostUsers is false from 1.35')],
    ['pss-restricted-run-as-user', everywhere('any value when hostUsers is false from 1.35')],
  ]);
}

let versioned: ReadonlyMap<string, RuleReleases> | undefined;

/** The releases a rule judges at: every supported one, unless its verdict depends on the release. */
export function ruleReleasesOf(ruleId: string): RuleReleases {
  versioned ??= versionedRules();
  return versioned.get(ruleId) ?? judgedAt(OLDEST, NEWEST);
}
