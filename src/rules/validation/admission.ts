/**
 * What the default admission plugins of a 1.28 API server refuse in a Pod that
 * its own content decides (no cluster object involved):
 * - Priority (plugin/pkg/admission/priority/admission.go): without a
 *   priorityClassName (and no global default class), the computed priority is
 *   0 and the preemption policy PreemptLowerPriority; a Pod giving another
 *   `priority` or `preemptionPolicy` is refused. The two built-in classes have
 *   known values.
 * - RuntimeClass (plugin/pkg/admission/runtimeclass/admission.go): `overhead`
 *   without a runtimeClassName is refused (only a RuntimeClass may set it).
 * - PodSecurity (staging/src/k8s.io/pod-security-admission/admission): the
 *   `pod-security.kubernetes.io/*` labels of a Namespace must be valid levels
 *   and versions.
 * Workload templates pass admission; their Pods are refused when created.
 */
import { Errors, forbidden, invalid, isInt, isSet, obj, str } from './field';
import { PodRuleContext } from '../pod-templates';

const BUILT_IN_PRIORITIES: Record<string, number> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 };
const LEVELS = ['privileged', 'baseline', 'restricted'];
const MODES = ['enforce', 'audit', 'warn'];
const VERSION = /^(latest|v1\.(0|[1-9][0-9]*))$/;

/** k8s: priority admission (admitPod) and runtimeclass admission (validateOverhead) for one Pod spec. */
export function podAdmissionErrors(ctx: PodRuleContext): Errors {
  const spec = ctx.pod.spec;
  const p = ctx.pod.specPath;
  const errs: Errors = [];
  const className = str(spec.priorityClassName);
  const known = className === '' ? 0 : BUILT_IN_PRIORITIES[className];
  if (isInt(spec.priority) && known !== undefined && spec.priority !== known) {
    errs.push(forbidden(`${p}.priority`, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${known} from the given PriorityClass name`,
      'remove priority: set priorityClassName and let the Priority admission plugin compute it'));
  }
  if (className === '' && isSet(spec.preemptionPolicy) && spec.preemptionPolicy !== 'PreemptLowerPriority') {
    errs.push(forbidden(`${p}.preemptionPolicy`, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name`,
      'set preemptionPolicy on a PriorityClass and reference it with priorityClassName'));
  }
  if (isSet(spec.overhead) && str(spec.runtimeClassName) === '') {
    errs.push(forbidden(`${p}.overhead`, 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead', 'remove overhead: a RuntimeClass defines it'));
  }
  return errs;
}

/** k8s: pod-security-admission: the Namespace labels it reads must be valid. */
export function namespacePodSecurityLabelErrors(ns: any): Errors {
  const errs: Errors = [];
  for (const [key, value] of Object.entries(obj(obj(ns.metadata).labels))) {
    const m = /^pod-security\.kubernetes\.io\/(enforce|audit|warn)(-version)?$/.exec(key);
    if (m === null || !MODES.includes(m[1])) continue;
    const at = `metadata.labels[${key}]`;
    if (m[2] === undefined && !LEVELS.includes(str(value))) errs.push(invalid(at, value, 'must be one of privileged, baseline, restricted'));
    if (m[2] !== undefined && !VERSION.test(str(value))) errs.push(invalid(at, value, "must be 'latest' or 'v1.x'"));
  }
  return errs;
}
