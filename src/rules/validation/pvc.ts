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

/**
 * k8s: pkg/api/persistentvolumeclaim/util.go EnforceDataSourceBackwardsCompatibility: without a
 * dataSourceRef, a dataSource that is neither a PVC nor a VolumeSnapshot is silently dropped on create.
 */
function keptDataSource(spec: Record<string, any>): Record<string, any> | undefined {
  if (!isSet(spec.dataSource)) return undefined;
  if (isSet(spec.dataSourceRef)) return obj(spec.dataSource);
  const source = obj(spec.dataSource);
  const group = str(source.apiGroup);
  const pvcOrSnapshot = (source.kind === 'PersistentVolumeClaim' && group === '') || (source.kind === 'VolumeSnapshot' && group === 'snapshot.storage.k8s.io');
  return pvcOrSnapshot ? source : undefined;
}

/** k8s: ValidatePersistentVolumeClaimSpec (`claim`: a PersistentVolumeClaim object, whose strategy normalises data sources first) */
export function validatePersistentVolumeClaimSpec(spec: Record<string, any>, path: string, claim = false): Errors {
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
  const dataSource = claim ? keptDataSource(spec) : (isSet(spec.dataSource) ? obj(spec.dataSource) : undefined);
  if (dataSource !== undefined) {
    errs.push(...validateDataSource(dataSource, `${path}.dataSource`));
    // NormalizeDataSources copies it into dataSourceRef, validated again there.
    if (claim && !isSet(spec.dataSourceRef)) errs.push(...validateDataSource(dataSource, `${path}.dataSourceRef`));
  }
  if (isSet(spec.dataSourceRef)) errs.push(...validateDataSource(obj(spec.dataSourceRef), `${path}.dataSourceRef`));
  return errs;
}
