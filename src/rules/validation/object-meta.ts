/**
 * ObjectMeta: a port of
 * staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go
 * (ValidateObjectMetaAccessor, ValidateAnnotations, ValidateOwnerReferences, ValidateFinalizers) and
 * pkg/apis/meta/v1/validation ValidateLabels, with the name function of each
 * kind (pkg/apis/core/validation, apps/validation, batch/validation).
 */
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from './apimachinery';
import { Errors, byteLength, invalid, invalidEach, isObject, required, str, tooLong } from './field';

/** k8s: objectmeta.go TotalAnnotationSizeLimitB */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

type NameFn = (name: string) => string[];

/** k8s: NameIsDNSSubdomain, NameIsDNSLabel, NameIsDNS1035Label by kind (ValidatePodName, ValidateServiceName, ValidateNamespaceName...). */
export function nameFunctionOf(kind: string): NameFn {
  if (kind === 'Service') return dns1035LabelErrors;
  // apps/validation ValidateStatefulSetName is NameIsDNSLabel in 1.28 (its Pods are named <name>-<ordinal>).
  if (kind === 'Namespace' || kind === 'StatefulSet') return dns1123LabelErrors;
  return dns1123SubdomainErrors;
}

/** k8s: path.go ValidatePathSegmentName (every name must be usable as a URL path segment). */
function pathSegmentErrors(name: string, prefix: boolean): string[] {
  if (!prefix && (name === '.' || name === '..')) return [`may not be '${name}'`];
  for (const illegal of ['/', '%']) {
    if (name.includes(illegal)) return [`may not contain '${illegal}'`];
  }
  return [];
}

/** k8s: objectmeta.go maskTrailingDash (a generateName is checked without its trailing '-'). */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/**
 * k8s: ValidateObjectMetaAccessor for `kind`. The name itself is left to
 * `checkName: false` callers whose kind another rule already names (api-object-name).
 */
export function validateObjectMeta(kind: string, meta: unknown, path: string, checkName: boolean): Errors {
  const m = isObject(meta) ? meta : {};
  const errs: Errors = [];
  const nameFn = nameFunctionOf(kind);
  const generateName = typeof m.generateName === 'string' ? m.generateName : '';
  if (generateName !== '') {
    errs.push(...invalidEach(`${path}.generateName`, generateName, [...nameFn(maskTrailingDash(generateName)), ...pathSegmentErrors(generateName, true)]));
  }
  const name = typeof m.name === 'string' ? m.name : '';
  if (checkName) {
    if (name === '' && generateName === '') {
      errs.push(required(`${path}.name`, 'name or generateName is required'));
    } else if (name !== '') {
      errs.push(...invalidEach(`${path}.name`, name, [...nameFn(name), ...pathSegmentErrors(name, false)]));
    }
  }
  if (name === '' && generateName !== '') {
    // rest.BeforeCreate: the name is generateName (cut to 58 characters) plus 5 random characters, then validated as any name.
    const generated = `${generateName.slice(0, 58)}abcde`;
    const problems = [...nameFn(generated), ...(kind === 'CronJob' && generated.length > 52 ? ['must be no more than 52 characters'] : [])];
    errs.push(...problems.map((msg) => invalid(`${path}.name`, generated, `${msg} (the name generated from generateName ${JSON.stringify(generateName)})`)));
  }
  if (kind === 'StatefulSet' && name !== '' && dns1123SubdomainErrors(name).length === 0) {
    // api-object-name checks the subdomain; the label's extra limits (no dots, 63 characters) are reported here.
    errs.push(...invalidEach(`${path}.name`, name, dns1123LabelErrors(name)));
  }
  errs.push(...validateLabels(m.labels, `${path}.labels`));
  errs.push(...validateAnnotations(m.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(m.ownerReferences, `${path}.ownerReferences`));
  errs.push(...validateFinalizers(m.finalizers, `${path}.finalizers`));
  return errs;
}

/** k8s: objectmeta.go BannedOwners (as GroupVersionKind.String() prints them) */
const BANNED_OWNERS = ['/v1, Kind=Event'];

/** k8s: runtime/schema FromAPIVersionAndKind via ParseGroupVersion (more than one `/`: no group, no version). */
function groupVersionKind(apiVersion: string, kind: string): { group: string; version: string; kind: string } {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '', kind };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: apiVersion, kind };
  if (parts.length === 2) return { group: parts[0], version: parts[1], kind };
  return { group: '', version: '', kind };
}

/**
 * k8s: objectmeta.go ValidateOwnerReferences, validateOwnerReference. Errors
 * are reported at `ownerReferences.<field>`, without the index, as upstream does.
 */
function validateOwnerReferences(refs: unknown, path: string): Errors {
  if (!Array.isArray(refs)) return [];
  const errs: Errors = [];
  let firstController = '';
  for (const raw of refs) {
    const ref = isObject(raw) ? raw : {};
    const gvk = groupVersionKind(str(ref.apiVersion), str(ref.kind));
    if (gvk.version === '') errs.push(invalid(`${path}.apiVersion`, str(ref.apiVersion), 'version must not be empty', 'e.g. apps/v1'));
    if (gvk.kind === '') errs.push(invalid(`${path}.kind`, str(ref.kind), 'kind must not be empty'));
    if (str(ref.name) === '') errs.push(invalid(`${path}.name`, str(ref.name), 'name must not be empty'));
    if (str(ref.uid) === '') errs.push(invalid(`${path}.uid`, str(ref.uid), 'uid must not be empty', 'copy the owner\'s metadata.uid; owner references are normally set by controllers'));
    const printed = `${gvk.group}/${gvk.version}, Kind=${gvk.kind}`;
    if (BANNED_OWNERS.includes(printed)) errs.push(invalid(path, ref, `${printed} is disallowed from being an owner`));
    if (ref.controller === true) {
      const current = `${str(ref.kind)}/${str(ref.name)}`;
      if (firstController !== '') {
        errs.push(invalid(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`));
      } else {
        firstController = current;
      }
    }
  }
  return errs;
}

/** k8s: pkg/apis/meta/v1/validation ValidateLabels */
export function validateLabels(labels: unknown, path: string): Errors {
  if (!isObject(labels)) return [];
  const errs: Errors = [];
  for (const [key, value] of Object.entries(labels)) {
    errs.push(...invalidEach(path, key, qualifiedNameErrors(key)));
    if (typeof value === 'string') errs.push(...invalidEach(path, value, labelValueErrors(value)));
  }
  return errs;
}

/** k8s: objectmeta.go ValidateAnnotations (qualified names, case-insensitive; 256 KiB in total) */
export function validateAnnotations(annotations: unknown, path: string): Errors {
  if (!isObject(annotations)) return [];
  const errs: Errors = [];
  let size = 0;
  for (const [key, value] of Object.entries(annotations)) {
    errs.push(...invalidEach(path, key, qualifiedNameErrors(key.toLowerCase())));
    size += byteLength(key) + (typeof value === 'string' ? byteLength(value) : 0);
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
    errs.push({ ...tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT), message: `Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes (the annotations total ${size} bytes): move large data to a ConfigMap` });
  }
  return errs;
}

const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

/**
 * k8s: objectmeta.go ValidateFinalizers, then pkg/apis/core/validation
 * ValidateObjectMeta's validateKubeFinalizerName per finalizer (a name without
 * `/` must be a standard one).
 */
export function validateFinalizers(finalizers: unknown, path: string): Errors {
  if (!Array.isArray(finalizers)) return [];
  const errs: Errors = [];
  finalizers.forEach((finalizer, i) => {
    if (typeof finalizer !== 'string') return;
    errs.push(...invalidEach(path, finalizer, qualifiedNameErrors(finalizer)));
    if (!finalizer.includes('/') && !STANDARD_FINALIZERS.includes(finalizer)) {
      errs.push(invalid(`${path}[${i}]`, finalizer, 'name is neither a standard finalizer name nor is it fully qualified', 'prefix it with your domain, e.g. example.com/cleanup'));
    }
  });
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(invalid(path, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}
