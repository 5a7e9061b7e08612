/**
 * The Kubernetes releases each rule's verdict applies to, for the catalogue.
 * A rule not listed judges the same on every supported release; a listed one
 * changes with a feature gate's default (src/k8s/feature-gates.ts, read from
 * pkg/features/kube_features.go), and its check asks the run's version.
 */
import { RULE } from './rule-ids';
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
      `${range(procMountFrom, NEWEST)} (ProcMountType off before ${procMountFrom.name}: procMount is forced to Default)`],
  ]);
}

let notes: ReadonlyMap<string, string> | undefined;

/** `1.28–1.35`, or the releases and reason for a rule whose verdict depends on the release. */
export function kubernetesVersionsOf(ruleId: string): string {
  notes ??= versionNotes();
  return notes.get(ruleId) ?? range(OLDEST, NEWEST);
}
