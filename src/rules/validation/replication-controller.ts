/**
 * ReplicationController: a port of pkg/apis/core/validation/validation.go
 * (1.28) ValidateReplicationControllerSpec, ValidateNonEmptySelector and
 * ValidatePodTemplateSpecForRC, after pkg/apis/core/v1/defaults.go
 * SetDefaults_ReplicationController (an empty selector takes the template's
 * labels, replicas default to 1). The template's Pod spec is validated by the
 * Pod rules like every template's; its restartPolicy by api-restart-policy.
 */
import { Errors, forbidden, invalid, isInt, isObject, isSet, obj, required } from './field';
import { validateReadOnlyPersistentDisks } from './volumes';

const NONNEGATIVE = 'must be greater than or equal to 0';

function nonNegative(value: unknown, path: string): Errors {
  return isInt(value) && value < 0 ? [invalid(path, value, NONNEGATIVE)] : [];
}

/** k8s: SetDefaults_ReplicationController: a template with labels (even `{}`) fills an empty selector. */
function defaultedSelector(spec: Record<string, any>): Record<string, unknown> {
  const selector = isObject(spec.selector) ? spec.selector : {};
  const labels = obj(spec.template).metadata?.labels;
  return Object.keys(selector).length === 0 && isObject(labels) ? labels : selector;
}

/** labels.Set(selector).AsSelector().Matches(labels): every pair of the selector is a label of the template. */
function matches(selector: Record<string, unknown>, labels: unknown): boolean {
  const l = isObject(labels) ? labels : {};
  return Object.entries(selector).every(([key, value]) => l[key] === value);
}

/** k8s: ValidateReplicationControllerSpec + ValidatePodTemplateSpecForRC (the parts no Pod rule makes) */
export function validateReplicationControllerSpec(object: any): Errors {
  const spec = obj(obj(object).spec);
  const selector = defaultedSelector(spec);
  const replicas = isSet(spec.replicas) ? spec.replicas : 1;
  const errs: Errors = [...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds')];
  if (Object.keys(selector).length === 0) errs.push(required('spec.selector', '', 'set spec.selector to the labels of spec.template.metadata.labels'));
  errs.push(...nonNegative(replicas, 'spec.replicas'));
  if (!isSet(spec.template)) return [...errs, required('spec.template', '', 'a ReplicationController needs the Pod template it replicates')];
  const template = obj(spec.template);
  const labels = obj(template.metadata).labels;
  if (Object.keys(selector).length > 0 && !matches(selector, labels)) {
    errs.push(invalid('spec.template.metadata.labels', isObject(labels) ? labels : {}, '`selector` does not match template `labels`', 'give the template every label the selector requires'));
  }
  const podSpec = obj(template.spec);
  if (isInt(replicas) && replicas > 1) errs.push(...validateReadOnlyPersistentDisks(podSpec.volumes, 'spec.template.spec.volumes'));
  if (isSet(podSpec.activeDeadlineSeconds)) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicationController is not Supported', 'remove it: controllers keep their Pods running'));
  }
  return errs;
}
