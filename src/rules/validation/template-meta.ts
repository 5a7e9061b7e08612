/**
 * Metadata of embedded templates (Pod templates, claim templates): k8s
 * pkg/apis/core/validation ValidateTemplateObjectMeta (labels and annotations only).
 */
import { Errors, obj } from './field';
import { validateAnnotations, validateLabels } from './object-meta';

/**
 * k8s: ValidateTemplateObjectMeta. `path` is the template's (its labels are
 * reported at `<template>.labels`, as ValidatePodTemplateSpec does).
 */
export function validateTemplateObjectMeta(meta: unknown, path: string): Errors {
  const m = obj(meta);
  return [...validateLabels(m.labels, `${path}.labels`), ...validateAnnotations(m.annotations, `${path}.annotations`)];
}
