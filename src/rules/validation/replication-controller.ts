/**
 * ReplicationController: a port of pkg/apis/core/validation/validation.go
 * (1.28) ValidateReplicationControllerSpec, ValidateNonEmptySelector and
 * ValidatePodTemplateSpecForRC, after pkg/apis/core/v1/defaults.go
 * SetDefaults_ReplicationController (an empty selector takes the template's
 * labels, replicas default to 1). The template's Pod spec is validated by the
 * Pod rules like every template's; its restartPolicy by api-restart-policy.
 */
import { readOnlyDisks, templateDeadline } from './apps';
import { Errors, invalid, isObject, isSet, nonNegative, obj, required } from './field';
import { selectorMatches } from './label-selector';


/** k8s: SetDefaults_ReplicationController: a template with labels (even `{}`) fills an empty selector. */
function defaultedSelector(spec: Record<string, any>): Record<string, unknown> {
  const selector = isObject(spec.selector) ? spec.selector : {};
  const labels = obj(spec.template).metadata?.labels;
  return Object.keys(selector).length === 0 && isObject(labels) ? labels : selector;
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
  // labels.Set(selector).AsSelector(): a map selector is a LabelSelector's matchLabels.
  if (Object.keys(selector).length > 0 && !selectorMatches({ matchLabels: selector }, labels)) {
    errs.push(invalid('spec.template.metadata.labels', isObject(labels) ? labels : {}, '`selector` does not match template `labels`', 'give the template every label the selector requires'));
  }
  return [...errs, ...readOnlyDisks(spec, 'spec', replicas), ...templateDeadline('ReplicationController', spec, 'spec')];
}
