/**
 * Scheduling fields of a Pod spec: a port of
 * pkg/apis/core/validation/validation.go (1.28) ValidateTolerations,
 * validateAffinity (node, pod and anti affinity), validateTopologySpreadConstraints,
 * validateReadinessGates, validateSchedulingGates and ValidatePreemptionPolicy.
 */
import { dns1123LabelErrors, labelValueErrors, qualifiedNameErrors } from './apimachinery';
import { Errors, forbidden, invalid, invalidEach, isInt, isObject, isSet, list, notSupported, obj, required, str } from './field';
import { validateLabelSelector } from './label-selector';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const NODE_INCLUSION_POLICIES = ['Honor', 'Ignore'];
const WHEN_UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway'];

/** k8s: ValidateTolerations */
export function validateTolerations(tolerations: unknown, path: string): Errors {
  const errs: Errors = [];
  list(tolerations).forEach((raw, i) => {
    const t = obj(raw);
    const at = `${path}[${i}]`;
    const key = str(t.key);
    const operator = str(t.operator);
    if (key !== '') errs.push(...invalidEach(`${at}.key`, key, qualifiedNameErrors(key)));
    if (key === '' && operator !== 'Exists') {
      errs.push(invalid(`${at}.operator`, operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (isSet(t.tolerationSeconds) && t.effect !== 'NoExecute') {
      errs.push(invalid(`${at}.effect`, str(t.effect), "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = labelValueErrors(str(t.value));
      if (msgs.length > 0) errs.push(invalid(`${at}.operator`, str(t.value), msgs.join(';')));
    } else if (operator === 'Exists') {
      if (str(t.value) !== '') errs.push(invalid(`${at}.operator`, t, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(`${at}.operator`, operator, ['Equal', 'Exists']));
    }
    if (str(t.effect) !== '' && !EFFECTS.includes(t.effect)) errs.push(notSupported(`${at}.effect`, t.effect, EFFECTS));
  });
  return errs;
}

/** k8s: ValidateNodeSelectorRequirement */
function validateNodeSelectorRequirement(req: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  const values = list(req.values);
  switch (req.operator) {
    case 'In': case 'NotIn':
      if (values.length === 0) errs.push(required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists': case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt': case 'Lt':
      if (values.length !== 1) errs.push(required(`${path}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(`${path}.operator`, req.operator ?? '', 'not a valid selector operator', 'use In, NotIn, Exists, DoesNotExist, Gt or Lt'));
  }
  return [...errs, ...invalidEach(`${path}.key`, str(req.key), qualifiedNameErrors(str(req.key)))];
}

/** k8s: ValidateNodeFieldSelectorRequirement (the only field key is metadata.name) */
function validateNodeFieldRequirement(req: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  if (req.operator === 'In' || req.operator === 'NotIn') {
    if (list(req.values).length !== 1) errs.push(required(`${path}.values`, "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else {
    errs.push(invalid(`${path}.operator`, req.operator ?? '', 'not a valid selector operator'));
  }
  if (req.key !== 'metadata.name') errs.push(invalid(`${path}.key`, req.key ?? '', 'not a valid field selector key'));
  return errs;
}

function validateNodeSelectorTerm(term: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  list(term.matchExpressions).forEach((r, j) => errs.push(...validateNodeSelectorRequirement(obj(r), `${path}.matchExpressions[${j}]`)));
  list(term.matchFields).forEach((r, j) => errs.push(...validateNodeFieldRequirement(obj(r), `${path}.matchFields[${j}]`)));
  return errs;
}

function weightErrors(weight: unknown, path: string): Errors {
  const w = typeof weight === 'number' ? weight : 0;
  return w <= 0 || w > 100 ? [invalid(path, w, 'must be in the range 1-100')] : [];
}

/** k8s: validatePodAffinityTerm */
function validatePodAffinityTerm(term: Record<string, any>, path: string): Errors {
  const errs = [...validateLabelSelector(term.labelSelector, `${path}.labelSelector`), ...validateLabelSelector(term.namespaceSelector, `${path}.namespaceSelector`)];
  for (const ns of list(term.namespaces)) errs.push(...invalidEach(`${path}.namespace`, ns, dns1123LabelErrors(str(ns))));
  const key = str(term.topologyKey);
  if (key === '') errs.push(required(`${path}.topologyKey`, 'can not be empty', 'use a node label such as kubernetes.io/hostname or topology.kubernetes.io/zone'));
  return [...errs, ...invalidEach(`${path}.topologyKey`, key, qualifiedNameErrors(key))];
}

function validatePodAffinity(affinity: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  list(affinity.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) =>
    errs.push(...validatePodAffinityTerm(obj(t), `${path}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`)));
  list(affinity.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
    const at = `${path}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    errs.push(...weightErrors(obj(t).weight, `${at}.weight`), ...validatePodAffinityTerm(obj(obj(t).podAffinityTerm), `${at}.podAffinityTerm`));
  });
  return errs;
}

/** k8s: validateAffinity */
export function validateAffinity(affinity: unknown, path: string): Errors {
  if (!isObject(affinity)) return [];
  const errs: Errors = [];
  if (isObject(affinity.nodeAffinity)) {
    const na = affinity.nodeAffinity;
    const at = `${path}.nodeAffinity`;
    if (isSet(na.requiredDuringSchedulingIgnoredDuringExecution)) {
      const terms = list(obj(na.requiredDuringSchedulingIgnoredDuringExecution).nodeSelectorTerms);
      const termsPath = `${at}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
      if (terms.length === 0) errs.push(required(termsPath, 'must have at least one node selector term'));
      terms.forEach((t, i) => errs.push(...validateNodeSelectorTerm(obj(t), `${termsPath}[${i}]`)));
    }
    list(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      const p = `${at}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      errs.push(...weightErrors(obj(t).weight, `${p}.weight`), ...validateNodeSelectorTerm(obj(obj(t).preference), `${p}.preference`));
    });
  }
  if (isObject(affinity.podAffinity)) errs.push(...validatePodAffinity(affinity.podAffinity, `${path}.podAffinity`));
  if (isObject(affinity.podAntiAffinity)) errs.push(...validatePodAffinity(affinity.podAntiAffinity, `${path}.podAntiAffinity`));
  return errs;
}

/** k8s: validateTopologySpreadConstraints (MinDomains, NodeInclusionPolicy and MatchLabelKeys are beta and on in 1.28) */
export function validateTopologySpreadConstraints(constraints: unknown, path: string): Errors {
  const errs: Errors = [];
  const all = list(constraints).map(obj);
  all.forEach((c, i) => {
    const at = `${path}[${i}]`;
    const skew = typeof c.maxSkew === 'number' ? c.maxSkew : 0;
    if (skew <= 0) errs.push(invalid(`${at}.maxSkew`, skew, 'must be greater than zero'));
    if (str(c.topologyKey) === '') errs.push(required(`${at}.topologyKey`, 'can not be empty'));
    const when = str(c.whenUnsatisfiable);
    if (!WHEN_UNSATISFIABLE.includes(when)) errs.push(notSupported(`${at}.whenUnsatisfiable`, when, WHEN_UNSATISFIABLE));
    if (all.slice(i + 1).some((o) => o.topologyKey === c.topologyKey && o.whenUnsatisfiable === c.whenUnsatisfiable)) {
      errs.push({ path: `${at}.{topologyKey, whenUnsatisfiable}`, message: `${at}.{topologyKey, whenUnsatisfiable}: Duplicate value: "{${str(c.topologyKey)}, ${when}}"` });
    }
    if (isSet(c.minDomains)) {
      if (!isInt(c.minDomains) || c.minDomains <= 0) errs.push(invalid(`${at}.minDomains`, c.minDomains, 'must be greater than zero'));
      if (when !== 'DoNotSchedule') errs.push(invalid(`${at}.minDomains`, c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${when}`));
    }
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      if (isSet(c[policy]) && !NODE_INCLUSION_POLICIES.includes(c[policy])) errs.push(notSupported(`${at}.${policy}`, c[policy], NODE_INCLUSION_POLICIES));
    }
    const keys = list(c.matchLabelKeys);
    if (keys.length > 0) {
      const selector = obj(c.labelSelector);
      const selectorKeys = new Set([...Object.keys(obj(selector.matchLabels)), ...list(selector.matchExpressions).map((e) => str(obj(e).key))]);
      if (!isSet(c.labelSelector)) errs.push(forbidden(`${at}.matchLabelKeys`, 'must not be specified when labelSelector is not set'));
      keys.forEach((key, j) => {
        errs.push(...invalidEach(`${at}.matchLabelKeys[${j}]`, key, qualifiedNameErrors(str(key))));
        if (selectorKeys.has(key)) errs.push(invalid(`${at}.matchLabelKeys[${j}]`, key, 'exists in both matchLabelKeys and labelSelector'));
      });
    }
    errs.push(...validateLabelSelector(c.labelSelector, `${at}.labelSelector`));
  });
  return errs;
}

/** k8s: validateReadinessGates, validateSchedulingGates */
export function validateGates(spec: Record<string, any>, specPath: string): Errors {
  const errs: Errors = [];
  list(spec.readinessGates).forEach((g, i) => {
    const type = str(obj(g).conditionType);
    errs.push(...invalidEach(`${specPath}.readinessGates[${i}].conditionType`, type, qualifiedNameErrors(type)));
  });
  const seen = new Set<string>();
  list(spec.schedulingGates).forEach((g, i) => {
    const name = str(obj(g).name);
    const at = `${specPath}.schedulingGates[${i}]`;
    errs.push(...invalidEach(at, name, qualifiedNameErrors(name)));
    if (seen.has(name)) errs.push({ path: at, message: `${at}: Duplicate value: ${JSON.stringify(name)}` });
    seen.add(name);
  });
  return errs;
}

/**
 * k8s: ValidatePodCreate: "A Pod cannot be assigned a Node if there are
 * remaining scheduling gates." Checked on Pods only: a template with both is
 * accepted, and every Pod made from it refused.
 */
export function validateNodeNameWithSchedulingGates(spec: Record<string, any>, specPath: string): Errors {
  return str(spec.nodeName) !== '' && list(spec.schedulingGates).length > 0
    ? [forbidden(`${specPath}.nodeName`, 'cannot be set until all schedulingGates have been cleared', 'remove nodeName and let the scheduler bind the Pod once its gates are removed')] : [];
}
