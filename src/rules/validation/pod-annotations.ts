/**
 * The annotations a Pod's validation reads: a port of
 * pkg/apis/core/validation/validation.go (1.28) ValidatePodSpecificAnnotations
 * (mirror Pods, tolerations, deletion cost, seccomp and AppArmor annotations)
 * and validateSeccompAnnotationsAndFields, with the helpers they call from
 * pkg/apis/core/helper/helpers.go. ValidatePodSpecificAnnotations runs for
 * Pods and every Pod template, StatefulSets' included;
 * validateSeccompAnnotationsAndFields for Pods and ValidatePodTemplateSpec's
 * templates (not a StatefulSet's, whose Pods meet it when they are created).
 */
import { APPARMOR_ANNOTATION_PREFIX } from './app-armor-fields';
import { Errors, forbidden, invalid, isObject, list, obj, str } from './field';
import { validateLocalDescendingPath } from './paths';
import { validateTolerations } from './scheduling';

/** k8s: pkg/apis/core/annotation_key_constants.go and staging/src/k8s.io/api/core/v1/annotation_key_constants.go */
const MIRROR_POD = 'kubernetes.io/config.mirror';
const TOLERATIONS = 'scheduler.alpha.kubernetes.io/tolerations';
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const SECCOMP_RUNTIME_DEFAULT = 'runtime/default';
const SECCOMP_DOCKER_DEFAULT = 'docker/default';
const SECCOMP_UNCONFINED = 'unconfined';
const SECCOMP_LOCALHOST_PREFIX = 'localhost/';
const APPARMOR_RUNTIME_DEFAULT = 'runtime/default';
const APPARMOR_UNCONFINED = 'unconfined';
const APPARMOR_LOCALHOST_PREFIX = 'localhost/';
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const CONTAINER_GROUPS = ['initContainers', 'containers', 'ephemeralContainers'];

function stringAnnotations(annotations: unknown): Array<[string, string]> {
  return isObject(annotations) ? Object.entries(annotations).filter((e): e is [string, string] => typeof e[1] === 'string') : [];
}

/**
 * k8s: ValidatePodSpecificAnnotations. `path` is where the annotations are:
 * `metadata.annotations` for a Pod, `<template>.annotations` for a template
 * (ValidatePodTemplateSpec's fldPath.Child("annotations")).
 */
export function validatePodSpecificAnnotations(annotations: unknown, spec: Record<string, any>, path: string): Errors {
  const all = new Map(stringAnnotations(annotations));
  const errs: Errors = [];
  if (all.has(MIRROR_POD) && str(spec.nodeName) === '') {
    errs.push(invalid(`${path}[${MIRROR_POD}]`, all.get(MIRROR_POD), 'must set spec.nodeName if mirror pod annotation is set', 'only the kubelet creates mirror Pods: remove the annotation'));
  }
  if ((all.get(TOLERATIONS) ?? '') !== '') errs.push(...validateTolerationsInPodAnnotations(all.get(TOLERATIONS)!, path));
  if (all.has(DELETION_COST) && deletionCost(all.get(DELETION_COST)!) === undefined) {
    errs.push(invalid(`${path}[${DELETION_COST}]`, all.get(DELETION_COST), 'must be a 32bit integer'));
  }
  errs.push(...validateSeccompPodAnnotations(all, path));
  errs.push(...validateAppArmorPodAnnotations(all, spec, path));
  return errs;
}

/**
 * k8s: helpers.go GetDeletionCostFromPodAnnotations: validFirstDigit (no `+`,
 * no leading zeros), then strconv.ParseInt(value, 10, 32).
 */
function deletionCost(value: string): number | undefined {
  const validFirstDigit = value.length > 0 && (value[0] === '-' || value === '0' || (value[0] >= '1' && value[0] <= '9'));
  if (!validFirstDigit || !/^[-+]?\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= INT32_MIN && n <= INT32_MAX ? n : undefined;
}

/** The fields of core.Toleration, as encoding/json matches them (case-insensitively). */
const TOLERATION_FIELDS: Record<string, 'string' | 'int64'> = { key: 'string', operator: 'string', value: 'string', effect: 'string', tolerationSeconds: 'int64' };

/**
 * k8s: ValidateTolerationsInPodAnnotations: helpers.go
 * GetTolerationsFromPodAnnotations unmarshals the annotation into
 * []core.Toleration (json.Unmarshal: unknown keys ignored, names matched
 * case-insensitively, a wrong type an error), then ValidateTolerations.
 */
function validateTolerationsInPodAnnotations(value: string, path: string): Errors {
  const decoded = decodeTolerations(value);
  if (typeof decoded === 'string') {
    return [invalid(path, TOLERATIONS, decoded, 'the annotation must be a JSON array of tolerations; better, set spec.tolerations')];
  }
  return validateTolerations(decoded, `${path}.${TOLERATIONS}`);
}

/** The tolerations of the annotation, or the decoding error's message. */
function decodeTolerations(value: string): Array<Record<string, unknown>> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    return `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (parsed === null) return [];
  if (!Array.isArray(parsed)) return `json: cannot unmarshal ${jsonKind(parsed)} into Go value of type []core.Toleration`;
  const out: Array<Record<string, unknown>> = [];
  for (const element of parsed) {
    if (element === null) {
      out.push({});
      continue;
    }
    if (!isObject(element)) return `json: cannot unmarshal ${jsonKind(element)} into Go value of type core.Toleration`;
    const toleration: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(element)) {
      const name = Object.keys(TOLERATION_FIELDS).find((f) => f.toLowerCase() === key.toLowerCase());
      if (name === undefined || v === null) continue;
      const type = TOLERATION_FIELDS[name];
      const fits = type === 'string' ? typeof v === 'string' : typeof v === 'number' && Number.isSafeInteger(v);
      if (!fits) return `json: cannot unmarshal ${jsonKind(v)} into Go struct field Toleration.${name} of type ${type}`;
      toleration[name] = v;
    }
    out.push(toleration);
  }
  return out;
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** k8s: ValidateSeccompProfile (the annotation form: runtime/default, docker/default, unconfined, localhost/<relative path>) */
function validateSeccompProfileAnnotation(profile: string, path: string): Errors {
  if (profile === SECCOMP_RUNTIME_DEFAULT || profile === SECCOMP_DOCKER_DEFAULT || profile === SECCOMP_UNCONFINED) return [];
  if (profile.startsWith(SECCOMP_LOCALHOST_PREFIX)) return validateLocalDescendingPath(profile.slice(SECCOMP_LOCALHOST_PREFIX.length), path);
  return [invalid(path, profile, 'must be a valid seccomp profile', 'use runtime/default, unconfined or localhost/<profile>; better, set securityContext.seccompProfile')];
}

/** k8s: ValidateSeccompPodAnnotations (reported at fldPath.Child(key): `<annotations>.<key>`) */
function validateSeccompPodAnnotations(all: Map<string, string>, path: string): Errors {
  const errs: Errors = [];
  if (all.has(SECCOMP_POD)) errs.push(...validateSeccompProfileAnnotation(all.get(SECCOMP_POD)!, `${path}.${SECCOMP_POD}`));
  for (const [key, profile] of all) {
    if (key.startsWith(SECCOMP_CONTAINER_PREFIX)) errs.push(...validateSeccompProfileAnnotation(profile, `${path}.${key}`));
  }
  return errs;
}

/** k8s: podSpecHasContainer (VisitContainersWithPath: init, app and ephemeral containers) */
function podSpecHasContainer(spec: Record<string, any>, name: string): boolean {
  return CONTAINER_GROUPS.some((group) => list(spec[group]).some((c) => str(obj(c).name) === name));
}

/** k8s: ValidateAppArmorPodAnnotations, ValidateAppArmorProfileFormat (1.28: annotations only, the fields came in 1.30) */
function validateAppArmorPodAnnotations(all: Map<string, string>, spec: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  for (const [key, profile] of all) {
    if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX)) continue;
    const container = key.slice(APPARMOR_ANNOTATION_PREFIX.length);
    if (!podSpecHasContainer(spec, container)) {
      errs.push(invalid(`${path}[${key}]`, container, 'container not found', 'the annotation key ends with the name of a container of this Pod'));
    }
    const valid = profile === '' || profile === APPARMOR_RUNTIME_DEFAULT || profile === APPARMOR_UNCONFINED || profile.startsWith(APPARMOR_LOCALHOST_PREFIX);
    if (!valid) {
      errs.push(invalid(`${path}[${key}]`, profile, `invalid AppArmor profile name: ${JSON.stringify(profile)}`, 'use runtime/default, unconfined or localhost/<profile>'));
    }
  }
  return errs;
}

/**
 * k8s: validateSeccompAnnotationsAndFields, validateSeccompAnnotationsAndFieldsMatch:
 * where a seccomp annotation and the matching seccompProfile field are both
 * set, they must say the same.
 */
export function validateSeccompAnnotationsAndFields(annotations: unknown, spec: Record<string, any>, specPath: string): Errors {
  const all = new Map(stringAnnotations(annotations));
  const errs: Errors = [];
  const podProfile = obj(spec.securityContext).seccompProfile;
  if (isObject(podProfile) && all.has(SECCOMP_POD)) {
    errs.push(...seccompMismatch(all.get(SECCOMP_POD)!, podProfile, `${specPath}.securityContext.seccompProfile`));
  }
  for (const group of CONTAINER_GROUPS) {
    list(spec[group]).forEach((raw, i) => {
      const container = obj(raw);
      const profile = obj(container.securityContext).seccompProfile;
      const key = `${SECCOMP_CONTAINER_PREFIX}${str(container.name)}`;
      if (isObject(profile) && all.has(key)) errs.push(...seccompMismatch(all.get(key)!, profile, `${specPath}.${group}[${i}].securityContext.seccompProfile`));
    });
  }
  return errs;
}

const MISMATCH_FIX = 'the seccomp annotations are deprecated: remove the annotation and keep securityContext.seccompProfile';

function seccompMismatch(annotation: string, profile: Record<string, any>, path: string): Errors {
  switch (profile.type) {
    case 'Unconfined':
      return annotation === SECCOMP_UNCONFINED ? [] : [forbidden(`${path}.type`, 'seccomp type in annotation and field must match', MISMATCH_FIX)];
    case 'RuntimeDefault':
      return annotation === SECCOMP_RUNTIME_DEFAULT || annotation === SECCOMP_DOCKER_DEFAULT ? [] : [forbidden(`${path}.type`, 'seccomp type in annotation and field must match', MISMATCH_FIX)];
    case 'Localhost':
      if (!annotation.startsWith(SECCOMP_LOCALHOST_PREFIX)) return [forbidden(`${path}.type`, 'seccomp type in annotation and field must match', MISMATCH_FIX)];
      return typeof profile.localhostProfile === 'string' && annotation.slice(SECCOMP_LOCALHOST_PREFIX.length) === profile.localhostProfile
        ? [] : [forbidden(`${path}.localhostProfile`, 'seccomp profile in annotation and field must match', MISMATCH_FIX)];
    default:
      return [];
  }
}
