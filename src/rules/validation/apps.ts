/**
 * apps/v1 controllers: a port of pkg/apis/apps/validation/validation.go (1.28)
 * ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidateDaemonSetSpec,
 * ValidateStatefulSetSpec and their strategies, after pkg/apis/apps/v1/defaults.go
 * (SetDefaults_Deployment, SetDefaults_DaemonSet, SetDefaults_StatefulSet).
 *
 * 1.28 validates a StatefulSet's template only for selector match, labels and
 * annotations (ValidatePodTemplateSpecForStatefulSet): its Pod spec problems
 * are reported by api-statefulset-pods as what they are, Pods the controller
 * cannot create. `volumeClaimTemplates` are not validated on create either.
 */
import { percentErrors } from './apimachinery';
import { Errors, forbidden, invalid, isInt, isObject, isSet, nonNegative, notSupported, obj, required, str } from './field';
import { isEmptySelector, selectorMatches, validateLabelSelector } from './label-selector';
import { validateReadOnlyPersistentDisks } from './volumes';
import { FeatureGate, isEnabled } from '../../k8s/feature-gates';
import { KubernetesVersion } from '../../k8s/kubernetes-version';


/** IntOrString as decoded: a number, or a string (a percentage). */
type IntOrString = number | string | undefined;

/** k8s: ValidatePositiveIntOrPercent */
function positiveIntOrPercent(value: IntOrString, path: string): Errors {
  if (typeof value === 'string') return percentErrors(value).map((msg) => invalid(path, value, msg));
  if (typeof value === 'number') return nonNegative(value, path);
  return [];
}

/** k8s: getIntOrPercentValue (an invalid string counts as 0, as IntValue() parses it) */
function intOrPercentValue(value: IntOrString): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (percentErrors(value).length === 0) return Number(value.slice(0, -1));
    const n = Number.parseInt(value, 10);
    return Number.isNaN(n) ? 0 : n;
  }
  return 0;
}

/** k8s: IsNotMoreThan100Percent */
function notMoreThan100Percent(value: IntOrString, path: string): Errors {
  return typeof value === 'string' && percentErrors(value).length === 0 && Number(value.slice(0, -1)) > 100
    ? [invalid(path, value, 'must not be greater than 100%')] : [];
}

/** The selector checks every controller makes: present, valid, not empty, matching the template's labels. */
function selectorErrors(kind: string, spec: Record<string, any>, path: string, requireSelector: boolean): Errors {
  const errs: Errors = [];
  const templateLabels = obj(obj(spec.template).metadata).labels;
  if (!isSet(spec.selector)) {
    if (requireSelector) {
      errs.push(required(`${path}.selector`, '', 'set spec.selector.matchLabels to the labels of spec.template.metadata.labels'));
      // LabelSelectorAsSelector(nil) is labels.Nothing(): it matches no template either.
      errs.push(invalid(`${path}.template.metadata.labels`, templateLabels ?? {}, '`selector` does not match template `labels`'));
    }
    return errs;
  }
  errs.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  if (isEmptySelector(spec.selector)) {
    errs.push(invalid(`${path}.selector`, spec.selector, `empty selector is invalid for ${kind === 'ReplicaSet' ? 'deployment' : kind.toLowerCase()}`));
  } else if (!selectorMatches(spec.selector, templateLabels)) {
    errs.push(invalid(`${path}.template.metadata.labels`, templateLabels ?? {}, '`selector` does not match template `labels`', 'give the template every label the selector requires'));
  }
  return errs;
}

/** k8s: the restartPolicy and activeDeadlineSeconds checks of the controllers' templates (restartPolicy is api-restart-policy's). */
export function templateDeadline(kind: string, spec: Record<string, any>, path: string): Errors {
  const podSpec = obj(obj(spec.template).spec);
  return isSet(podSpec.activeDeadlineSeconds)
    ? [forbidden(`${path}.template.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${kind} is not Supported`, 'remove it: controllers keep their Pods running')] : [];
}

/**
 * k8s: ValidatePodTemplateSpecForReplicaSet's (replicas > 1) and
 * ValidateDaemonSetSpec's (always) ValidateReadOnlyPersistentDisks.
 */
export function readOnlyDisks(spec: Record<string, any>, path: string, replicas: unknown): Errors {
  return isInt(replicas) && replicas > 1 ? validateReadOnlyPersistentDisks(obj(obj(spec.template).spec).volumes, `${path}.template.spec.volumes`) : [];
}

/** k8s: ValidateDeploymentSpec + ValidateDeploymentStrategy + ValidateRollingUpdateDeployment */
function validateDeploymentSpec(spec: Record<string, any>, path: string): Errors {
  const errs = [...nonNegative(spec.replicas, `${path}.replicas`), ...selectorErrors('Deployment', spec, path, true), ...templateDeadline('Deployment', spec, path),
    ...readOnlyDisks(spec, path, isSet(spec.replicas) ? spec.replicas : 1)];
  const strategy = obj(spec.strategy);
  const type = isSet(strategy.type) && strategy.type !== '' ? strategy.type : 'RollingUpdate';
  if (type === 'Recreate') {
    if (isSet(strategy.rollingUpdate)) errs.push(forbidden(`${path}.strategy.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'"));
  } else if (type === 'RollingUpdate') {
    const ru = obj(strategy.rollingUpdate);
    const maxUnavailable: IntOrString = isSet(ru.maxUnavailable) ? ru.maxUnavailable : '25%';
    const maxSurge: IntOrString = isSet(ru.maxSurge) ? ru.maxSurge : '25%';
    const at = `${path}.strategy.rollingUpdate`;
    errs.push(...positiveIntOrPercent(maxUnavailable, `${at}.maxUnavailable`), ...positiveIntOrPercent(maxSurge, `${at}.maxSurge`));
    if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
      errs.push(invalid(`${at}.maxUnavailable`, maxUnavailable, 'may not be 0 when `maxSurge` is 0', 'allow at least one of them: a rollout must either add or remove a Pod'));
    }
    errs.push(...notMoreThan100Percent(maxUnavailable, `${at}.maxUnavailable`));
  } else {
    errs.push(notSupported(`${path}.strategy`, strategy, ['Recreate', 'RollingUpdate']));
  }
  errs.push(...nonNegative(spec.minReadySeconds, `${path}.minReadySeconds`));
  errs.push(...nonNegative(spec.revisionHistoryLimit, `${path}.revisionHistoryLimit`));
  const deadline = isSet(spec.progressDeadlineSeconds) ? spec.progressDeadlineSeconds : 600;
  const minReady = isInt(spec.minReadySeconds) ? spec.minReadySeconds : 0;
  if (isInt(deadline)) {
    errs.push(...nonNegative(deadline, `${path}.progressDeadlineSeconds`));
    if (deadline <= minReady) errs.push(invalid(`${path}.progressDeadlineSeconds`, deadline, 'must be greater than minReadySeconds'));
  }
  return errs;
}

/** k8s: ValidateReplicaSetSpec */
function validateReplicaSetSpec(spec: Record<string, any>, path: string): Errors {
  return [...nonNegative(spec.replicas, `${path}.replicas`), ...nonNegative(spec.minReadySeconds, `${path}.minReadySeconds`),
    ...selectorErrors('ReplicaSet', spec, path, true), ...templateDeadline('ReplicaSet', spec, path), ...readOnlyDisks(spec, path, isSet(spec.replicas) ? spec.replicas : 1)];
}

/** k8s: ValidateDaemonSetSpec + ValidateDaemonSetUpdateStrategy + ValidateRollingUpdateDaemonSet */
function validateDaemonSetSpec(spec: Record<string, any>, path: string): Errors {
  const errs = [...selectorErrors('DaemonSet', spec, path, false), ...templateDeadline('DaemonSet', spec, path), ...nonNegative(spec.minReadySeconds, `${path}.minReadySeconds`),
    ...validateReadOnlyPersistentDisks(obj(obj(spec.template).spec).volumes, `${path}.template.spec.volumes`)];
  if (!isSet(spec.selector)) {
    // LabelSelectorAsSelector(nil) selects nothing: the template's labels can never match.
    errs.push(invalid(`${path}.template.metadata.labels`, obj(obj(spec.template).metadata).labels ?? {}, '`selector` does not match template `labels`', 'set spec.selector.matchLabels'));
  }
  const strategy = obj(spec.updateStrategy);
  const type = isSet(strategy.type) && strategy.type !== '' ? strategy.type : 'RollingUpdate';
  if (type === 'RollingUpdate') {
    const ru = obj(strategy.rollingUpdate);
    const maxUnavailable: IntOrString = isSet(ru.maxUnavailable) ? ru.maxUnavailable : 1;
    const maxSurge: IntOrString = isSet(ru.maxSurge) ? ru.maxSurge : 0;
    const at = `${path}.updateStrategy.rollingUpdate`;
    errs.push(...positiveIntOrPercent(maxUnavailable, `${at}.maxUnavailable`), ...positiveIntOrPercent(maxSurge, `${at}.maxSurge`));
    errs.push(...notMoreThan100Percent(maxUnavailable, `${at}.maxUnavailable`), ...notMoreThan100Percent(maxSurge, `${at}.maxSurge`));
    const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
    const hasSurge = intOrPercentValue(maxSurge) !== 0;
    if (hasUnavailable && hasSurge) errs.push(invalid(`${at}.maxSurge`, maxSurge, 'may not be set when maxUnavailable is non-zero', 'set one of maxSurge and maxUnavailable, the other to 0'));
    if (!hasUnavailable && !hasSurge) errs.push(required(`${at}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  } else if (type !== 'OnDelete') {
    errs.push(notSupported(`${path}.updateStrategy`, strategy, ['RollingUpdate', 'OnDelete']));
  }
  errs.push(...nonNegative(spec.revisionHistoryLimit, `${path}.revisionHistoryLimit`));
  return errs;
}

/**
 * k8s: validateRollingUpdateStatefulSet's maxUnavailable checks (the same function in 1.28, where the
 * field is dropped; kept from 1.35, MaxUnavailableStatefulSet beta and on).
 */
function validateStatefulSetMaxUnavailable(rollingUpdate: Record<string, any>, path: string): Errors {
  const maxUnavailable = rollingUpdate.maxUnavailable;
  if (!isSet(maxUnavailable)) return [];
  const errs = positiveIntOrPercent(maxUnavailable, path);
  if (intOrPercentValue(maxUnavailable) === 0) errs.push(invalid(path, maxUnavailable, 'cannot be 0', 'update at least one Pod at a time'));
  return [...errs, ...notMoreThan100Percent(maxUnavailable, path)];
}

/** k8s: ValidateStatefulSetSpec (maxUnavailable is dropped in 1.28: MaxUnavailableStatefulSet is alpha and off) */
function validateStatefulSetSpec(spec: Record<string, any>, path: string, version: KubernetesVersion = KubernetesVersion.DEFAULT): Errors {
  const errs: Errors = [];
  const policy = isSet(spec.podManagementPolicy) && spec.podManagementPolicy !== '' ? spec.podManagementPolicy : 'OrderedReady';
  if (policy !== 'OrderedReady' && policy !== 'Parallel') errs.push(invalid(`${path}.podManagementPolicy`, policy, "must be 'OrderedReady' or 'Parallel'"));
  const strategy = obj(spec.updateStrategy);
  const type = isSet(strategy.type) && strategy.type !== '' ? strategy.type : 'RollingUpdate';
  if (type === 'OnDelete') {
    if (isSet(strategy.rollingUpdate)) errs.push(invalid(`${path}.updateStrategy.rollingUpdate`, strategy.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (type === 'RollingUpdate') {
    errs.push(...nonNegative(obj(strategy.rollingUpdate).partition, `${path}.updateStrategy.rollingUpdate.partition`));
    if (isEnabled(FeatureGate.MAX_UNAVAILABLE_STATEFUL_SET, version)) {
      errs.push(...validateStatefulSetMaxUnavailable(obj(strategy.rollingUpdate), `${path}.updateStrategy.rollingUpdate.maxUnavailable`));
    }
  } else {
    errs.push(invalid(`${path}.updateStrategy`, strategy, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (isObject(retention)) {
    for (const key of ['whenDeleted', 'whenScaled']) {
      const value = isSet(retention[key]) && retention[key] !== '' ? retention[key] : 'Retain';
      if (value !== 'Retain' && value !== 'Delete') errs.push(notSupported(`${path}.persistentVolumeClaimRetentionPolicy.${key}`, value, ['Retain', 'Delete']));
    }
  }
  errs.push(...nonNegative(spec.replicas, `${path}.replicas`), ...nonNegative(spec.minReadySeconds, `${path}.minReadySeconds`));
  if (isObject(spec.ordinals)) errs.push(...nonNegative(spec.ordinals.start, `${path}.ordinals.start`));
  errs.push(...selectorErrors('StatefulSet', spec, path, true), ...templateDeadline('StatefulSet', spec, path));
  return errs;
}

const SPEC_VALIDATORS: Record<string, (spec: Record<string, any>, path: string, version: KubernetesVersion) => Errors> = {
  Deployment: validateDeploymentSpec,
  ReplicaSet: validateReplicaSetSpec,
  DaemonSet: validateDaemonSetSpec,
  StatefulSet: validateStatefulSetSpec,
};

/** The apps/v1 spec checks of `kind` on an API server of `version`, or none for other kinds. */
export function validateAppsSpec(kind: string, object: any, version: KubernetesVersion = KubernetesVersion.DEFAULT): Errors {
  const validate = SPEC_VALIDATORS[kind];
  if (validate === undefined) return [];
  return validate(obj(object.spec), 'spec', version);
}

export { str };
