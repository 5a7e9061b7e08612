// Types only: `lint` loads this module and must not pay for loading cdk8s-plus-28 (issue 13, bench/lint.js).
import type * as kplus from 'cdk8s-plus-28';
import { WorkloadKind } from './workload-kind';
import { joinPath, POD_OWNING_KINDS, PodOwningKind, RestartPolicyFamily } from '../k8s/workload-kinds';

/**
 * What one kind of object accepts as its Pods' `restartPolicy`, and where the
 * API server reports a wrong one.
 */
interface KindRule {
  /** Field path the API server puts in front of its complaint. */
  readonly path: string;
  /** The values the API server accepts for this kind, in its own order. */
  readonly supported: readonly string[];
  /**
   * batch/v1 reports `Always` (and an omitted policy, defaulted to `Always`
   * first) as "Required value" instead of "Unsupported value".
   */
  readonly alwaysIsRequiredValue: boolean;
  /** Why the kind needs that, and what to write instead. */
  readonly fix: string;
}

// The values of kplus.RestartPolicy (the Kubernetes API's spelling).
const ALWAYS: string = 'Always';
const ON_FAILURE: string = 'OnFailure';
const NEVER: string = 'Never';

// k8s: pkg/apis/core/validation/validation.go validateRestartPolicy
function anyPolicyRule(path: string): KindRule {
  return {
    path,
    supported: [ALWAYS, ON_FAILURE, NEVER],
    alwaysIsRequiredValue: false,
    fix: 'use Always, OnFailure or Never',
  };
}

// k8s: pkg/apis/apps/validation/validation.go (ValidatePodTemplateSpecForReplicaSet,
// ValidateStatefulSetSpec, ValidateDaemonSetSpec) and
// pkg/apis/core/validation/validation.go ValidatePodTemplateSpecForRC
function alwaysOnlyRule(kind: string, path: string): KindRule {
  return {
    path,
    supported: [ALWAYS],
    alwaysIsRequiredValue: false,
    fix: `a ${kind} keeps its Pods running and only replaces Pods that are gone, so their containers must be restarted in place: use Always, or a Job (OnFailure or Never) for work that runs to completion`,
  };
}

// k8s: pkg/apis/batch/validation/validation.go validateJobSpec
function runToCompletionRule(kind: string, path: string): KindRule {
  return {
    path,
    supported: [ON_FAILURE, NEVER],
    alwaysIsRequiredValue: true,
    fix: `a ${kind} runs its Pods to completion and retries failures up to backoffLimit: set OnFailure (restart the failed container in the same Pod) or Never (replace the failed Pod); leaving it out is rejected too, because the Pod default Always is applied before validation`,
  };
}

const RULE_BY_FAMILY: Record<RestartPolicyFamily, (kind: string, path: string) => KindRule> = {
  [RestartPolicyFamily.ANY]: (_kind, path) => anyPolicyRule(path),
  [RestartPolicyFamily.ALWAYS_ONLY]: alwaysOnlyRule,
  [RestartPolicyFamily.RUN_TO_COMPLETION]: runToCompletionRule,
};

// Derived from the one table of kinds (src/k8s/workload-kinds.ts).
function kindRule(owner: PodOwningKind): KindRule {
  const path = joinPath(joinPath(owner.templatePath, 'spec'), 'restartPolicy');
  return RULE_BY_FAMILY[owner.restartPolicies](owner.kind, path);
}

const RULES = new Map<string, KindRule>(POD_OWNING_KINDS.map((owner) => [owner.kind, kindRule(owner)]));

/**
 * Which Pod `restartPolicy` each workload kind accepts (Kubernetes 1.28), and
 * the one this library writes when none is given.
 *
 * | kind | accepted | default here |
 * |---|---|---|
 * | Pod | Always, OnFailure, Never | Always (Kubernetes' default) |
 * | Deployment, StatefulSet, DaemonSet, ReplicaSet | Always | Always |
 * | Job, CronJob | OnFailure, Never | Never (library choice, see `defaultFor`) |
 */
export class WorkloadRestartPolicy {
  /**
   * The restart policies the API server accepts for Pods of `kind`.
   */
  public static allowed(kind: WorkloadKind): kplus.RestartPolicy[] {
    return ruleFor(kind).supported.map(toKplusPolicy);
  }

  /**
   * The restart policy this library writes for `kind` when none is given.
   *
   * `Always` for a Pod (Kubernetes' own default) and for the controllers (the
   * only value they accept). For a Job or CronJob Kubernetes has no usable
   * default: the Pod default `Always` is applied and then rejected, so a value
   * must be written. This library picks `Never`: a failed attempt leaves its Pod
   * (and logs) behind and a fresh Pod is started, while with `OnFailure` the
   * container restarts in place and the Pod is deleted once `backoffLimit` is
   * reached, taking the evidence with it.
   */
  public static defaultFor(kind: WorkloadKind): kplus.RestartPolicy {
    const rule = ruleFor(kind);
    return toKplusPolicy(rule.alwaysIsRequiredValue ? NEVER : ALWAYS);
  }

  /**
   * The restart policy to emit for Pods of `kind`: `policy` when the API server
   * accepts it, `defaultFor(kind)` when it is omitted.
   *
   * @throws Error in the API server's words, with the fix, when `kind` does not
   * accept `policy` (e.g. `Never` for a Deployment, `Always` for a Job).
   */
  public static resolve(kind: WorkloadKind, policy?: kplus.RestartPolicy): kplus.RestartPolicy {
    const rule = ruleFor(kind);
    const chosen = policy ?? WorkloadRestartPolicy.defaultFor(kind);
    const complaint = apiServerComplaint(rule, chosen);
    if (complaint !== undefined) {
      throw new Error(`${kind} ${complaint}; ${rule.fix}`);
    }
    return chosen;
  }

  private constructor() {}
}

/**
 * What the API server says about `policy` on an object of `kind` (a manifest
 * `kind` string: Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
 * ReplicationController, Job, CronJob), followed by the fix; `undefined` when it
 * is accepted or the kind has no Pod template this rule knows.
 *
 * `policy` is the raw field: `undefined` or `''` means omitted, which the API
 * server defaults to `Always` before validating (k8s: pkg/apis/core/v1/defaults.go
 * SetDefaults_PodSpec). That is why an omitted policy passes on a Pod and fails
 * on a Job with "Required value".
 *
 * For a value that is no restart policy at all, the API server also reports the
 * generic core error on controllers; the kind-specific complaint returned here
 * lists what that kind accepts.
 */
export function restartPolicyProblem(kind: string, policy: string | undefined): string | undefined {
  const rule = RULES.get(kind);
  if (rule === undefined) {
    return undefined;
  }
  const complaint = apiServerComplaint(rule, defaulted(policy));
  return complaint === undefined ? undefined : `${complaint}; ${rule.fix}`;
}

function apiServerComplaint(rule: KindRule, policy: string): string | undefined {
  if (rule.supported.includes(policy)) {
    return undefined;
  }
  if (rule.alwaysIsRequiredValue && policy === ALWAYS) {
    // k8s: batch validation field.Required(..., fmt.Sprintf("valid values: %q, %q", OnFailure, Never))
    return `${rule.path}: Required value: valid values: ${quoteAll(rule.supported)}`;
  }
  // k8s: apimachinery field.NotSupported
  return `${rule.path}: Unsupported value: ${JSON.stringify(policy)}: supported values: ${quoteAll(rule.supported)}`;
}

function defaulted(policy: string | undefined): string {
  return policy === undefined || policy === '' ? ALWAYS : policy;
}

function quoteAll(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

function ruleFor(kind: WorkloadKind): KindRule {
  const rule = RULES.get(kind);
  if (rule === undefined || !Object.values(WorkloadKind).includes(kind)) {
    throw new Error(`unknown workload kind ${JSON.stringify(kind)}: use one of ${Object.values(WorkloadKind).join(', ')}`);
  }
  return rule;
}

function toKplusPolicy(value: string): kplus.RestartPolicy {
  return value as kplus.RestartPolicy;
}
