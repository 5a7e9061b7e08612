/**
 * PersistentVolumeClaims and claim templates: a port of
 * pkg/apis/core/validation/validation.go (1.28) ValidatePersistentVolumeClaim,
 * ValidatePersistentVolumeClaimSpec, validateDataSource, validateDataSourceRef, with the options
 * 1.28 sets (ReadWriteOncePod beta, on).
 */
import { dns1123LabelErrors, dns1123SubdomainErrors } from './apimachinery';
import { Errors, forbidden, invalid, invalidEach, isObject, isSet, list, notSupported, obj, required, str } from './field';
import { validateLabelSelector } from './label-selector';
import { parseQuantity } from './quantity';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];

/** k8s: validateDataSource, validateDataSourceRef (the namespace check is the latter's) */
function validateDataSource(source: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  if (str(source.name) === '') errs.push(required(`${path}.name`));
  if (str(source.kind) === '') errs.push(required(`${path}.kind`));
  if (str(source.apiGroup) === '' && source.kind !== 'PersistentVolumeClaim') {
    errs.push(invalid(path, source.kind ?? '', "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  }
  const namespace = str(source.namespace);
  if (namespace !== '') errs.push(...invalidEach(`${path}.namespace`, namespace, dns1123LabelErrors(namespace)));
  return errs;
}

interface DataSources {
  readonly dataSource?: Record<string, any>;
  readonly dataSourceRef?: Record<string, any>;
}

function isPvcOrSnapshot(source: Record<string, any>): boolean {
  const group = str(source.apiGroup);
  return (source.kind === 'PersistentVolumeClaim' && group === '') || (source.kind === 'VolumeSnapshot' && group === 'snapshot.storage.k8s.io');
}

/** The kind, name and apiGroup of a reference, as NormalizeDataSources copies them (an absent apiGroup stays absent). */
function copyReference(source: Record<string, any>): Record<string, any> {
  return { kind: source.kind ?? '', name: source.name ?? '', ...(isSet(source.apiGroup) ? { apiGroup: source.apiGroup } : {}) };
}

/**
 * The data sources a PersistentVolumeClaim is validated with: its strategy's
 * PrepareForCreate (pkg/api/persistentvolumeclaim/util.go, 1.28 gates) runs
 * DropDisabledFields (CrossNamespaceVolumeDataSource is alpha, off: a
 * dataSourceRef with a namespace is dropped), EnforceDataSourceBackwardsCompatibility
 * (without a dataSourceRef, a dataSource that is neither a PVC nor a
 * VolumeSnapshot is dropped), then NormalizeDataSources (AnyVolumeDataSource is
 * beta, on: each copied into the other when only one is set).
 */
function claimDataSources(spec: Record<string, any>): DataSources {
  let dataSource = isSet(spec.dataSource) ? obj(spec.dataSource) : undefined;
  let dataSourceRef = isSet(spec.dataSourceRef) ? obj(spec.dataSourceRef) : undefined;
  if (dataSourceRef !== undefined && str(dataSourceRef.namespace) !== '') dataSourceRef = undefined;
  if (dataSourceRef === undefined && dataSource !== undefined && !isPvcOrSnapshot(dataSource)) dataSource = undefined;
  if (dataSource !== undefined && dataSourceRef === undefined) dataSourceRef = copyReference(dataSource);
  else if (dataSourceRef !== undefined && dataSource === undefined) dataSource = copyReference(dataSourceRef);
  return { dataSource, dataSourceRef };
}

/** k8s: isDataSourceEqualDataSourceRef (apiGroup pointers compared by reflect.DeepEqual: absent differs from "") */
function sameReference(a: Record<string, any>, b: Record<string, any>): boolean {
  const group = (r: Record<string, any>) => (isSet(r.apiGroup) ? str(r.apiGroup) : undefined);
  return group(a) === group(b) && str(a.kind) === str(b.kind) && str(a.name) === str(b.name);
}

/** k8s: ValidatePersistentVolumeClaimSpec's data source checks */
function validateDataSources(sources: DataSources, path: string): Errors {
  const { dataSource, dataSourceRef } = sources;
  const errs: Errors = [];
  if (dataSource !== undefined) errs.push(...validateDataSource(dataSource, `${path}.dataSource`));
  if (dataSourceRef !== undefined) errs.push(...validateDataSource(dataSourceRef, `${path}.dataSourceRef`));
  if (dataSourceRef !== undefined && str(dataSourceRef.namespace) !== '') {
    if (dataSource !== undefined) errs.push(invalid(path, `${path}.dataSource`, 'may not be specified when dataSourceRef.namespace is specified'));
  } else if (dataSource !== undefined && dataSourceRef !== undefined && !sameReference(dataSource, dataSourceRef)) {
    errs.push(invalid(path, `${path}.dataSource`, 'must match dataSourceRef', 'set only dataSourceRef (the server copies it into dataSource)'));
  }
  return errs;
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
  const sources = claim ? claimDataSources(spec) : {
    dataSource: isSet(spec.dataSource) ? obj(spec.dataSource) : undefined,
    dataSourceRef: isSet(spec.dataSourceRef) ? obj(spec.dataSourceRef) : undefined,
  };
  errs.push(...validateDataSources(sources, path));
  return errs;
}
