/**
 * Fields of alpha features that are off in Kubernetes 1.28: the API server
 * drops them before validation (pkg/api/pod/util.go dropDisabledFields,
 * pkg/registry/apps/statefulset and batch/job strategies) and accepts the
 * object, so they have no effect. A warning naming the feature gate, not an
 * API error. Defaults from pkg/features/kube_features.go (1.28). Native
 * sidecars (SidecarContainers) are bp-sidecar-feature-gate's.
 */
import { Errors, isSet, list, obj } from './field';
import { PodRuleContext } from '../pod-templates';
import { ObjectRuleContext } from '../rule';

function dropped(path: string, gate: string, what: string): Errors {
  return [{ path, message: `${path} is dropped by the API server on 1.28 and has no effect (feature gate ${gate}, alpha and off by default): ${what}` }];
}

/**
 * Sidecars with probes or lifecycle hooks: dropDisabledFields removes their
 * restartPolicy, then validateInitContainers refuses the probes. A default 1.28
 * API server rejects such a Pod (and every Pod of such a template). The
 * constructs build native sidecars for clusters that enable the gate, so this
 * is the dropped field's warning, saying what a default 1.28 server does.
 */
function droppedSidecarRestartPolicy(ctx: PodRuleContext): Errors {
  const errs: Errors = [];
  for (const ref of ctx.containers) {
    if (!ref.sidecar) continue;
    const refused = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'].filter((field) => isSet(ref.container[field]));
    if (refused.length === 0) continue;
    errs.push({
      path: `${ref.path}.${refused[0]}`,
      message: `${ref.path}.restartPolicy is dropped by the API server on 1.28 (feature gate SidecarContainers, alpha and off by default), so ${refused.join(', ')} of this sidecar is refused there (Forbidden: may not be set for init containers without restartPolicy=Always): enable the gate on the control plane and kubelets, or remove ${refused.join(', ')}`,
    });
  }
  return errs;
}

/** Dropped Pod spec fields: procMount, hostUsers, resizePolicy, resource claims, sidecars' restartPolicy (with probes). */
export function droppedPodFields(ctx: PodRuleContext): Errors {
  const errs: Errors = droppedSidecarRestartPolicy(ctx);
  const spec = ctx.pod.spec;
  if (isSet(spec.hostUsers)) errs.push(...dropped(`${ctx.pod.specPath}.hostUsers`, 'UserNamespacesSupport', 'the Pod runs in the host user namespace'));
  if (list(spec.resourceClaims).length > 0) errs.push(...dropped(`${ctx.pod.specPath}.resourceClaims`, 'DynamicResourceAllocation', 'no resource is allocated'));
  for (const ref of ctx.containers) {
    const procMount = obj(ref.container.securityContext).procMount;
    if (isSet(procMount) && procMount !== 'Default') {
      errs.push(...dropped(`${ref.path}.securityContext.procMount`, 'ProcMountType', '/proc stays masked (procMount Default)'));
    }
    if (list(ref.container.resizePolicy).length > 0) errs.push(...dropped(`${ref.path}.resizePolicy`, 'InPlacePodVerticalScaling', 'resource changes need a new Pod'));
    if (list(obj(ref.container.resources).claims).length > 0) errs.push(...dropped(`${ref.path}.resources.claims`, 'DynamicResourceAllocation', 'no claim is attached'));
  }
  return errs;
}

/** Dropped controller fields: StatefulSet maxUnavailable, Job backoffLimitPerIndex / maxFailedIndexes / podReplacementPolicy. */
export function droppedObjectFields(ctx: ObjectRuleContext): Errors {
  const spec = obj(ctx.object.spec);
  if (ctx.kind === 'StatefulSet' && isSet(obj(obj(spec.updateStrategy).rollingUpdate).maxUnavailable)) {
    return dropped('spec.updateStrategy.rollingUpdate.maxUnavailable', 'MaxUnavailableStatefulSet', 'Pods are updated one at a time');
  }
  const jobSpec = ctx.kind === 'Job' ? spec : ctx.kind === 'CronJob' ? obj(obj(spec.jobTemplate).spec) : undefined;
  if (jobSpec === undefined) return [];
  const prefix = ctx.kind === 'Job' ? 'spec' : 'spec.jobTemplate.spec';
  const errs: Errors = [];
  if (isSet(jobSpec.backoffLimitPerIndex)) errs.push(...dropped(`${prefix}.backoffLimitPerIndex`, 'JobBackoffLimitPerIndex', 'backoffLimit applies to the whole Job'));
  if (isSet(jobSpec.maxFailedIndexes)) errs.push(...dropped(`${prefix}.maxFailedIndexes`, 'JobBackoffLimitPerIndex', 'backoffLimit applies to the whole Job'));
  if (isSet(jobSpec.podReplacementPolicy)) errs.push(...dropped(`${prefix}.podReplacementPolicy`, 'JobPodReplacementPolicy', 'failed Pods are replaced as soon as they terminate'));
  return errs;
}
