/**
 * Fields of features whose gate is off by default in the target release: the
 * API server drops them before validation (pkg/api/pod/util.go
 * dropDisabledFields, pkg/registry/apps/statefulset and batch/job strategies)
 * and accepts the object, so they have no effect. A warning naming the feature
 * gate, not an API error. Gate defaults per release: src/k8s/feature-gates.ts.
 * Native sidecars are bp-sidecar-feature-gate's; one with probes or hooks is
 * refused where the gate is off (api-init-container-probes).
 */
import { Errors, isSet, list, obj } from './field';
import { describeGate, FeatureGate, isEnabled } from '../../k8s/feature-gates';
import { KubernetesVersion } from '../../k8s/kubernetes-version';
import { PodRuleContext } from '../pod-templates';
import { ObjectRuleContext } from '../rule';

/** The finding for `path` when `gate` is off where `version` runs; none when it is on. */
function dropped(version: KubernetesVersion, path: string, gate: FeatureGate, what: string): Errors {
  if (isEnabled(gate, version)) return [];
  return [{ path, message: `${path} is dropped by the API server on ${version.name} and has no effect (${describeGate(gate, version)}): ${what}` }];
}

/** Dropped Pod spec fields: procMount, hostUsers, resizePolicy, resource claims. */
export function droppedPodFields(ctx: PodRuleContext): Errors {
  const version = ctx.kubernetesVersion;
  const errs: Errors = [];
  const spec = ctx.pod.spec;
  if (isSet(spec.hostUsers)) errs.push(...dropped(version, `${ctx.pod.specPath}.hostUsers`, FeatureGate.USER_NAMESPACES_SUPPORT, 'the Pod runs in the host user namespace'));
  if (list(spec.resourceClaims).length > 0) errs.push(...dropped(version, `${ctx.pod.specPath}.resourceClaims`, FeatureGate.DYNAMIC_RESOURCE_ALLOCATION, 'no resource is allocated'));
  for (const ref of ctx.containers) {
    const procMount = obj(ref.container.securityContext).procMount;
    if (isSet(procMount) && procMount !== 'Default') {
      errs.push(...dropped(version, `${ref.path}.securityContext.procMount`, FeatureGate.PROC_MOUNT_TYPE, '/proc stays masked (procMount Default)'));
    }
    if (list(ref.container.resizePolicy).length > 0) errs.push(...dropped(version, `${ref.path}.resizePolicy`, FeatureGate.IN_PLACE_POD_VERTICAL_SCALING, 'resource changes need a new Pod'));
    if (list(obj(ref.container.resources).claims).length > 0) errs.push(...dropped(version, `${ref.path}.resources.claims`, FeatureGate.DYNAMIC_RESOURCE_ALLOCATION, 'no claim is attached'));
  }
  return errs;
}

/** Dropped controller fields: StatefulSet maxUnavailable, Job backoffLimitPerIndex / maxFailedIndexes / podReplacementPolicy. */
export function droppedObjectFields(ctx: ObjectRuleContext): Errors {
  const version = ctx.kubernetesVersion;
  const spec = obj(ctx.object.spec);
  if (ctx.kind === 'StatefulSet' && isSet(obj(obj(spec.updateStrategy).rollingUpdate).maxUnavailable)) {
    return dropped(version, 'spec.updateStrategy.rollingUpdate.maxUnavailable', FeatureGate.MAX_UNAVAILABLE_STATEFUL_SET, 'Pods are updated one at a time');
  }
  const jobSpec = ctx.kind === 'Job' ? spec : ctx.kind === 'CronJob' ? obj(obj(spec.jobTemplate).spec) : undefined;
  if (jobSpec === undefined) return [];
  const prefix = ctx.kind === 'Job' ? 'spec' : 'spec.jobTemplate.spec';
  const errs: Errors = [];
  if (isSet(jobSpec.backoffLimitPerIndex)) errs.push(...dropped(version, `${prefix}.backoffLimitPerIndex`, FeatureGate.JOB_BACKOFF_LIMIT_PER_INDEX, 'backoffLimit applies to the whole Job'));
  if (isSet(jobSpec.maxFailedIndexes)) errs.push(...dropped(version, `${prefix}.maxFailedIndexes`, FeatureGate.JOB_BACKOFF_LIMIT_PER_INDEX, 'backoffLimit applies to the whole Job'));
  if (isSet(jobSpec.podReplacementPolicy)) errs.push(...dropped(version, `${prefix}.podReplacementPolicy`, FeatureGate.JOB_POD_REPLACEMENT_POLICY, 'failed Pods are replaced as soon as they terminate'));
  return errs;
}
