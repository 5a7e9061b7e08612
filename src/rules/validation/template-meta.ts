/**
 * Metadata of embedded templates: k8s pkg/apis/core/validation
 * ValidateTemplateObjectMeta (claim templates: labels and annotations, every
 * other ObjectMeta field refused) and the labels and annotations checks that
 * ValidatePodTemplateSpec makes on a Pod template (which refuses nothing).
 */
import { Errors, forbidden, isSet, obj } from './field';
import { validateAnnotations, validateLabels } from './object-meta';

/**
 * The fields of metav1.ObjectMeta other than labels and annotations, as
 * validateFieldAllowList names them (Go field name, first letter lowered: `uID`).
 */
const NOT_ALLOWED: Array<[string, string]> = [
  ['name', 'name'], ['generateName', 'generateName'], ['namespace', 'namespace'], ['selfLink', 'selfLink'], ['uid', 'uID'],
  ['resourceVersion', 'resourceVersion'], ['generation', 'generation'], ['creationTimestamp', 'creationTimestamp'],
  ['deletionTimestamp', 'deletionTimestamp'], ['deletionGracePeriodSeconds', 'deletionGracePeriodSeconds'],
  ['ownerReferences', 'ownerReferences'], ['finalizers', 'finalizers'], ['managedFields', 'managedFields'],
];

/** validateFieldAllowList's "set": not the Go zero value (an empty string or 0 is zero; an empty list is not nil). */
function isNonZero(value: unknown): boolean {
  return isSet(value) && value !== '' && value !== 0 && value !== false;
}

/**
 * k8s: ValidateTemplateObjectMeta (PersistentVolumeClaim templates). `path` is
 * the template metadata's own path (`...volumeClaimTemplate.metadata`).
 */
export function validateTemplateObjectMeta(meta: unknown, path: string): Errors {
  const m = obj(meta);
  const errs = validateTemplateLabelsAndAnnotations(m, path);
  for (const [json, reported] of NOT_ALLOWED) {
    if (isNonZero(m[json])) errs.push(forbidden(`${path}.${reported}`, 'cannot be set', 'a claim template takes only labels and annotations: the claim is named after the Pod and the volume'));
  }
  return errs;
}

/**
 * k8s: ValidatePodTemplateSpec's ValidateLabels and ValidateAnnotations. `path`
 * is the template's (its labels are reported at `<template>.labels`).
 */
export function validateTemplateLabelsAndAnnotations(meta: unknown, path: string): Errors {
  const m = obj(meta);
  return [...validateLabels(m.labels, `${path}.labels`), ...validateAnnotations(m.annotations, `${path}.annotations`)];
}
