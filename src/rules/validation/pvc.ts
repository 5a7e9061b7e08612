/**
 * PersistentVolumeClaims and claim templates: a port of
 * pkg/apis/core/validation/validation.go (1.28) ValidatePersistentVolumeClaim,
 * ValidatePersistentVolumeClaimSpec, validateDataSource, with the options
 * 1.28 sets (ReadWriteOncePod beta, on).
 */
import { dns1123SubdomainErrors } from './apimachinery';
import { Errors, forbidden, invalid, invalidEach, isObject, isSet, list, notSupported, obj, required, str } from './field';
import { validateLabelSelector } from './label-selector';
import { parseQuantity } from './quantity';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];

/** k8s: validateDataSource (also run on the dataSourceRef the server copies it to: EnforceDataSourceBackwardsCompatibility) */
function validateDataSource(source: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  if (str(source.name) === '') errs.push(required(`${path}.name`));
  if (str(source.kind) === '') errs.push(required(`${path}.kind`));
  if (str(source.apiGroup) === '' && source.kind !== 'PersistentVolumeClaim') {
    errs.push(invalid(path, source.kind ?? '', "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  }
  return errs;
}

/** k8s: ValidatePersistentVolumeClaimSpec */
export function validatePersistentVolumeClaimSpec(spec: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  const modes = list(spec.accessModes);
  if (modes.length === 0) errs.push(required(`${path}.accessModes`, 'at least 1 access mode is required', 'add ReadWriteOnce (or the mode your storage supports)'));
  if (isSet(spec.selector)) errs.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  let rwop = false;
  let other = false;
  for (const mode of modes) {
    if (!ACCESS_MODES.includes(mode)) errs.push(notSupported(`${path}.accessModes`, mode, ACCESS_MODES));
    if (mode === 'ReadWriteOncePod') rwop = true;
    else if (ACCESS_MODES.includes(mode)) other = true;
  }
  if (rwop && other) errs.push(forbidden(`${path}.accessModes`, 'may not use ReadWriteOncePod with other access modes'));
  const requests = obj(obj(spec.resources).requests);
  const storagePath = `${path}.resources[storage]`;
  if (!isObject(spec.resources) || !isSet(requests.storage)) {
    errs.push(required(storagePath, '', 'request the size of the volume in resources.requests.storage, e.g. 1Gi'));
  } else {
    const q = parseQuantity(requests.storage);
    if (q !== undefined && q.value <= 0) errs.push(invalid(storagePath, q.text, 'must be greater than zero'));
  }
  const storageClass = spec.storageClassName;
  if (typeof storageClass === 'string' && storageClass !== '') errs.push(...invalidEach(`${path}.storageClassName`, storageClass, dns1123SubdomainErrors(storageClass)));
  if (isSet(spec.volumeMode) && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(notSupported(`${path}.volumeMode`, spec.volumeMode, VOLUME_MODES));
  if (isSet(spec.dataSource)) {
    errs.push(...validateDataSource(obj(spec.dataSource), `${path}.dataSource`));
    if (!isSet(spec.dataSourceRef)) errs.push(...validateDataSource(obj(spec.dataSource), `${path}.dataSourceRef`));
  }
  if (isSet(spec.dataSourceRef)) errs.push(...validateDataSource(obj(spec.dataSourceRef), `${path}.dataSourceRef`));
  return errs;
}
