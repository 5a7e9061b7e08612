/**
 * Pod volumes: a port of pkg/apis/core/validation/validation.go (1.28)
 * ValidateVolumes, validateVolumeSource and the checks of each source. Field
 * paths are upstream's, typos included (`downwarAPI`, `persistentDisk`), so
 * the differential test can compare them with the server's.
 */
import { dns1123LabelErrors, dns1123SubdomainErrors, qualifiedNameErrors } from './apimachinery';
import { validateObjectFieldSelector, validateResourceFieldSelector, VOLUME_FIELD_PATHS } from './env';
import { byteLength, Errors, forbidden, invalid, invalidEach, isInt, isObject, isSet, list, notSupported, obj, required, str, tooLong } from './field';
import { validateLocalDescendingPath, validateLocalNonReservedPath, validatePathNoBacksteps } from './paths';
import { validatePersistentVolumeClaimSpec } from './pvc';
import { parseQuantity } from './quantity';
import { validateTemplateObjectMeta } from './template-meta';

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const ONE_TYPE = 'may not specify more than 1 volume type';

/** The sources of a Volume in validateVolumeSource's order, with the child path it reports under. */
const SOURCES: Array<[string, string, (source: any, path: string, ctx: VolumeContext) => Errors]> = [
  ['emptyDir', 'emptyDir', validateEmptyDir],
  ['hostPath', 'hostPath', validateHostPath],
  ['gitRepo', 'gitRepo', validateGitRepo],
  ['gcePersistentDisk', 'persistentDisk', (s, p) => [...requireFields(s, p, ['pdName']), ...partitionErrors(s.partition, `${p}.partition`)]],
  ['awsElasticBlockStore', 'awsElasticBlockStore', (s, p) => [...requireFields(s, p, ['volumeID']), ...partitionErrors(s.partition, `${p}.partition`)]],
  ['secret', 'secret', validateSecretSource],
  ['nfs', 'nfs', validateNFS],
  ['iscsi', 'iscsi', validateISCSI],
  ['glusterfs', 'glusterfs', (s, p) => requireFields(s, p, ['endpoints', 'path'])],
  ['flocker', 'flocker', validateFlocker],
  ['persistentVolumeClaim', 'persistentVolumeClaim', (s, p) => (str(s.claimName) === '' ? [required(`${p}.claimName`)] : [])],
  ['rbd', 'rbd', (s, p) => [...(list(s.monitors).length === 0 ? [required(`${p}.monitors`)] : []), ...(str(s.image) === '' ? [required(`${p}.image`)] : [])]],
  ['cinder', 'cinder', (s, p) => [...requireFields(s, p, ['volumeID']), ...secretRefNameRequired(s, p)]],
  ['cephfs', 'cephfs', (s, p) => (list(s.monitors).length === 0 ? [required(`${p}.monitors`)] : [])],
  ['quobyte', 'quobyte', validateQuobyte],
  ['downwardAPI', 'downwardAPI', validateDownwardAPISource],
  ['fc', 'fc', validateFC],
  ['flexVolume', 'flexVolume', validateFlexVolume],
  ['configMap', 'configMap', validateConfigMapSource],
  ['azureFile', 'azureFile', (s, p) => requireFields(s, p, ['secretName', 'shareName'])],
  ['vsphereVolume', 'vsphereVolume', (s, p) => requireFields(s, p, ['volumePath'])],
  ['photonPersistentDisk', 'photonPersistentDisk', (s, p) => requireFields(s, p, ['pdID'])],
  ['portworxVolume', 'portworxVolume', (s, p) => requireFields(s, p, ['volumeID'])],
  ['azureDisk', 'azureDisk', validateAzureDisk],
  ['storageos', 'storageos', validateStorageOS],
  ['projected', 'projected', validateProjected],
  ['scaleIO', 'scaleIO', (s, p) => requireFields(s, p, ['gateway', 'system', 'volumeName'])],
  ['csi', 'csi', validateCSI],
  ['ephemeral', 'ephemeral', validateEphemeral],
];

/** The JSON keys a volume's source may be written with (also used to tell a mount's source kind). */
export const VOLUME_SOURCE_KEYS = SOURCES.map(([key]) => key);

/** Where a misspelled source reports "more than 1 volume type" (upstream's typo). */
const DUPLICATE_PATH: Record<string, string> = { downwardAPI: 'downwarAPI', cephfs: 'cephFS', gcePersistentDisk: 'gcePersistentDisk' };

interface VolumeContext {
  readonly podName: string;
  readonly volumeName: string;
}

/**
 * k8s: ValidateVolumes. Returns the errors and the names of the volumes that
 * validated (mounts of any other name are "Not found" upstream).
 */
export function validateVolumes(volumes: unknown, path: string, podName: string): { errors: Errors; valid: Map<string, any> } {
  const errors: Errors = [];
  const valid = new Map<string, any>();
  const ephemeralClaims = new Set<string>();
  if (podName !== '') {
    for (const v of list(volumes)) if (isObject(v) && isSet(v.ephemeral)) ephemeralClaims.add(`${podName}-${str(v.name)}`);
  }
  list(volumes).forEach((raw, i) => {
    const volume = obj(raw);
    const at = `${path}[${i}]`;
    const name = str(volume.name);
    const el = validateVolumeSource(volume, at, { podName, volumeName: name });
    // Volume names themselves (required, DNS-1123 label, unique) are api-volume-name's: counted here only to know which volumes validate.
    const nameOk = name !== '' && dns1123LabelErrors(name).length === 0 && !valid.has(name);
    if (el.length === 0 && nameOk) valid.set(name, volume);
    errors.push(...el);
    const claim = obj(volume.persistentVolumeClaim);
    if (isSet(volume.persistentVolumeClaim) && ephemeralClaims.has(str(claim.claimName))) {
      errors.push(invalid(`${at}.persistentVolumeClaim.claimName`, claim.claimName, 'must not reference a PVC that gets created for an ephemeral volume'));
    }
  });
  return { errors, valid };
}

/** k8s: validateVolumeSource */
export function validateVolumeSource(volume: Record<string, any>, path: string, ctx: VolumeContext): Errors {
  const errs: Errors = [];
  let count = 0;
  for (const [key, child, check] of SOURCES) {
    if (!isSet(volume[key])) continue;
    if (count > 0) {
      errs.push(forbidden(`${path}.${DUPLICATE_PATH[key] ?? key}`, ONE_TYPE, 'a volume has exactly one source: split it into two volumes'));
      continue;
    }
    count++;
    errs.push(...check(obj(volume[key]), `${path}.${child}`, ctx));
  }
  const iscsi = obj(volume.iscsi);
  if (isSet(volume.iscsi) && isSet(iscsi.initiatorName) && byteLength(`${ctx.volumeName}:${str(iscsi.targetPortal)}`) > 64) {
    errs.push(invalid(`${path}.name`, ctx.volumeName, 'Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.'));
  }
  // No source at all never reaches validation: pkg/apis/core/v1/defaults.go SetDefaults_Volume makes it an emptyDir.
  return errs;
}

function requireFields(source: Record<string, any>, path: string, fields: string[]): Errors {
  return fields.filter((f) => str(source[f]) === '').map((f) => required(`${path}.${f}`));
}

function validateEmptyDir(source: Record<string, any>, path: string): Errors {
  const size = parseQuantity(source.sizeLimit);
  return isSet(source.sizeLimit) && size !== undefined && size.value < 0
    ? [forbidden(`${path}.sizeLimit`, 'SizeLimit field must be a valid resource quantity')] : [];
}

function validateHostPath(source: Record<string, any>, path: string): Errors {
  const p = str(source.path);
  if (p === '') return [required(`${path}.path`)];
  const errs = validatePathNoBacksteps(p, `${path}.path`);
  if (isSet(source.type) && !HOST_PATH_TYPES.includes(str(source.type))) errs.push(notSupported(`${path}.type`, source.type, HOST_PATH_TYPES));
  return errs;
}

function validateGitRepo(source: Record<string, any>, path: string): Errors {
  const errs: Errors = str(source.repository) === '' ? [required(`${path}.repository`)] : [];
  return [...errs, ...validateLocalDescendingPath(str(source.directory), `${path}.directory`)];
}

function validateNFS(source: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  if (str(source.server) === '') errs.push(required(`${path}.server`));
  if (str(source.path) === '') errs.push(required(`${path}.path`));
  if (!str(source.path).startsWith('/')) errs.push(invalid(`${path}.path`, str(source.path), 'must be an absolute path'));
  return errs;
}

const IQN = /iqn\.\d{4}-\d{2}\.([A-Za-z0-9\-.]+)(:[^,;*&$|\s]+)$/;
const EUI = /^eui.[A-Za-z0-9]{16}$/;
const NAA = /^naa.[A-Za-z0-9]{32}$/;

function validateISCSI(source: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  if (str(source.targetPortal) === '') errs.push(required(`${path}.targetPortal`));
  const iqn = str(source.iqn);
  errs.push(...(iqn === '' ? [required(`${path}.iqn`)] : iscsiNameErrors(iqn, `${path}.iqn`)));
  const lun = typeof source.lun === 'number' ? source.lun : 0;
  if (lun < 0 || lun > 255) errs.push(invalid(`${path}.lun`, lun, 'must be between 0 and 255, inclusive'));
  if ((source.chapAuthDiscovery === true || source.chapAuthSession === true) && !isSet(source.secretRef)) errs.push(required(`${path}.secretRef`));
  if (isSet(source.initiatorName)) errs.push(...iscsiNameErrors(str(source.initiatorName), `${path}.initiatorname`));
  return errs;
}

// k8s: validateISCSIVolumeSource's checks of iqn and initiatorName (the latter reported at `initiatorname`, lower case upstream)
function iscsiNameErrors(initiator: string, path: string): Errors {
  const errs: Errors = [];
  if (!initiator.startsWith('iqn') && !initiator.startsWith('eui') && !initiator.startsWith('naa')) {
    errs.push(invalid(path, initiator, 'must be valid format starting with iqn, eui, or naa'));
  }
  if ((initiator.startsWith('iqn') && !IQN.test(initiator)) || (initiator.startsWith('eui') && !EUI.test(initiator)) || (initiator.startsWith('naa') && !NAA.test(initiator))) {
    errs.push(invalid(path, initiator, 'must be valid format'));
  }
  return errs;
}

/** k8s: pdPartitionErrorMsg (the message says 1, the check allows 0) */
function partitionErrors(partition: unknown, path: string): Errors {
  return isInt(partition) && (partition < 0 || partition > 255) ? [invalid(path, partition, 'must be between 1 and 255, inclusive')] : [];
}

function secretRefNameRequired(source: Record<string, any>, path: string): Errors {
  return isSet(source.secretRef) && str(obj(source.secretRef).name) === '' ? [required(`${path}.secretRef.name`)] : [];
}

// k8s: validateFlockerVolumeSource
function validateFlocker(source: Record<string, any>, path: string): Errors {
  const name = str(source.datasetName);
  const uuid = str(source.datasetUUID);
  const errs: Errors = [];
  if (name === '' && uuid === '') errs.push(required(path, 'one of datasetName and datasetUUID is required'));
  if (name !== '' && uuid !== '') errs.push(invalid(path, 'resource', 'datasetName and datasetUUID can not be specified simultaneously'));
  if (name.includes('/')) errs.push(invalid(`${path}.datasetName`, name, "must not contain '/'"));
  return errs;
}

/** Go's net.SplitHostPort accepts `hostport` (a port, possibly empty, after the last colon; IPv6 hosts in brackets). */
function splitsAsHostPort(hostport: string): boolean {
  const i = hostport.lastIndexOf(':');
  if (i < 0) return false;
  let j = 0;
  let k = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0 || end + 1 !== i) return false;
    j = 1;
    k = end + 1;
  } else if (hostport.slice(0, i).includes(':')) {
    return false;
  }
  return !hostport.slice(j).includes('[') && !hostport.slice(k).includes(']');
}

// k8s: validateQuobyteVolumeSource
function validateQuobyte(source: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  const registry = str(source.registry);
  const hostPort = 'must be a host:port pair or multiple pairs separated by commas';
  if (registry === '') {
    errs.push(required(`${path}.registry`, hostPort));
  } else if (str(source.tenant).length >= 65) {
    errs.push(required(`${path}.tenant`, 'must be a UUID and may not exceed a length of 64 characters'));
  } else {
    for (const pair of registry.split(',')) if (!splitsAsHostPort(pair)) errs.push(invalid(`${path}.registry`, registry, hostPort));
  }
  if (str(source.volume) === '') errs.push(required(`${path}.volume`));
  return errs;
}

// k8s: validateFlexVolumeSource (user options may not use the kubernetes.io and k8s.io namespaces)
function validateFlexVolume(source: Record<string, any>, path: string): Errors {
  const errs = requireFields(source, path, ['driver']);
  for (const key of Object.keys(obj(source.options))) {
    const slash = key.indexOf('/');
    const namespace = `.${(slash >= 0 ? key.slice(0, slash) : key).toLowerCase()}`;
    if (namespace.endsWith('.kubernetes.io') || namespace.endsWith('.k8s.io')) {
      errs.push(invalid(`${path}.options[${key}]`, key, 'kubernetes.io and k8s.io namespaces are reserved'));
    }
  }
  return errs;
}

const AZURE_CACHING_MODES = ['None', 'ReadOnly', 'ReadWrite'];
const AZURE_DISK_KINDS = ['Dedicated', 'Managed', 'Shared'];

// k8s: validateAzureDisk, after SetDefaults_AzureDiskVolumeSource (cachingMode ReadWrite, kind Shared)
function validateAzureDisk(source: Record<string, any>, path: string): Errors {
  const errs = requireFields(source, path, ['diskName', 'diskURI']);
  const cachingMode = isSet(source.cachingMode) ? str(source.cachingMode) : 'ReadWrite';
  const kind = isSet(source.kind) ? str(source.kind) : 'Shared';
  const uri = str(source.diskURI);
  if (!AZURE_CACHING_MODES.includes(cachingMode)) errs.push(notSupported(`${path}.cachingMode`, cachingMode, AZURE_CACHING_MODES));
  if (!AZURE_DISK_KINDS.includes(kind)) errs.push(notSupported(`${path}.kind`, kind, AZURE_DISK_KINDS));
  if (kind === 'Managed' && !uri.startsWith('/subscriptions/')) {
    errs.push(notSupported(`${path}.diskURI`, uri, ['/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}']));
  }
  if (kind !== 'Managed' && !uri.startsWith('https://')) {
    errs.push(notSupported(`${path}.diskURI`, uri, ['https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd']));
  }
  return errs;
}

// k8s: validateStorageOSVolumeSource
function validateStorageOS(source: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  const name = str(source.volumeName);
  if (name === '') errs.push(required(`${path}.volumeName`));
  else errs.push(...invalidEach(`${path}.volumeName`, name, dns1123LabelErrors(name)));
  const namespace = str(source.volumeNamespace);
  if (namespace !== '') errs.push(...invalidEach(`${path}.volumeNamespace`, namespace, dns1123LabelErrors(namespace)));
  return [...errs, ...secretRefNameRequired(source, path)];
}

function validateFC(source: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  const wwns = list(source.targetWWNs);
  const wwids = list(source.wwids);
  if (wwns.length < 1 && wwids.length < 1) errs.push(required(`${path}.targetWWNs`, 'must specify either targetWWNs or wwids, but not both'));
  if (wwns.length !== 0 && wwids.length !== 0) errs.push(invalid(`${path}.targetWWNs`, wwns, 'targetWWNs and wwids can not be specified simultaneously'));
  if (wwns.length !== 0) {
    if (!isSet(source.lun)) errs.push(required(`${path}.lun`, 'lun is required if targetWWNs is specified'));
    else if (source.lun < 0 || source.lun > 255) errs.push(invalid(`${path}.lun`, source.lun, 'must be between 0 and 255, inclusive'));
  }
  return errs;
}

function modeErrors(mode: unknown, path: string): Errors {
  return isInt(mode) && (mode > 0o777 || mode < 0) ? [invalid(path, mode, FILE_MODE_ERROR)] : [];
}

// k8s: validateKeyToPath
function validateKeyToPath(item: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  if (str(item.key) === '') errs.push(required(`${path}.key`));
  if (str(item.path) === '') errs.push(required(`${path}.path`));
  errs.push(...validateLocalNonReservedPath(str(item.path), `${path}.path`));
  errs.push(...modeErrors(item.mode, `${path}.mode`));
  return errs;
}

function validateSecretSource(source: Record<string, any>, path: string): Errors {
  const errs: Errors = str(source.secretName) === '' ? [required(`${path}.secretName`)] : [];
  errs.push(...modeErrors(source.defaultMode, `${path}.defaultMode`));
  list(source.items).forEach((item, i) => errs.push(...validateKeyToPath(obj(item), `${path}.items[${i}]`)));
  return errs;
}

function validateConfigMapSource(source: Record<string, any>, path: string): Errors {
  const errs: Errors = str(source.name) === '' ? [required(`${path}.name`)] : [];
  errs.push(...modeErrors(source.defaultMode, `${path}.defaultMode`));
  list(source.items).forEach((item, i) => errs.push(...validateKeyToPath(obj(item), `${path}.items[${i}]`)));
  return errs;
}

// k8s: validateDownwardAPIVolumeFile
function validateDownwardAPIFile(file: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  if (str(file.path) === '') errs.push(required(`${path}.path`));
  errs.push(...validateLocalNonReservedPath(str(file.path), `${path}.path`));
  if (isSet(file.fieldRef)) {
    errs.push(...validateObjectFieldSelector(obj(file.fieldRef), VOLUME_FIELD_PATHS, `${path}.fieldRef`));
    if (isSet(file.resourceFieldRef)) errs.push(invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (isSet(file.resourceFieldRef)) {
    errs.push(...validateResourceFieldSelector(obj(file.resourceFieldRef), `${path}.resourceFieldRef`, true));
  } else {
    errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  errs.push(...modeErrors(file.mode, `${path}.mode`));
  return errs;
}

function validateDownwardAPISource(source: Record<string, any>, path: string): Errors {
  const errs = modeErrors(source.defaultMode, `${path}.defaultMode`);
  for (const file of list(source.items)) errs.push(...validateDownwardAPIFile(obj(file), path));
  return errs;
}

// k8s: validateProjectedVolumeSource, validateProjectionSources
function validateProjected(source: Record<string, any>, path: string): Errors {
  const errs = modeErrors(source.defaultMode, `${path}.defaultMode`);
  const paths = new Set<string>();
  const claim = (p: string, owner: unknown) => {
    if (p === '') return;
    if (paths.has(p)) errs.push(invalid(path, owner, 'conflicting duplicate paths'));
    paths.add(p);
  };
  list(source.sources).forEach((raw, i) => {
    const s = obj(raw);
    const at = `${path}.sources[${i}]`;
    let count = 0;
    for (const kind of ['secret', 'configMap']) {
      if (!isSet(s[kind])) continue;
      count++;
      const ref = obj(s[kind]);
      if (str(ref.name) === '') errs.push(required(`${at}.${kind}.name`));
      list(ref.items).forEach((item, j) => {
        errs.push(...validateKeyToPath(obj(item), `${at}.${kind}.items[${j}]`));
        claim(str(obj(item).path), ref.name ?? '');
      });
    }
    if (isSet(s.downwardAPI)) {
      count++;
      for (const file of list(obj(s.downwardAPI).items)) {
        errs.push(...validateDownwardAPIFile(obj(file), `${at}.downwardAPI`));
        claim(str(obj(file).path), str(obj(file).path));
      }
    }
    if (isSet(s.serviceAccountToken)) {
      count++;
      const token = obj(s.serviceAccountToken);
      // SetDefaults_ServiceAccountTokenProjection: expirationSeconds defaults to 3600.
      const expiration = typeof token.expirationSeconds === 'number' ? token.expirationSeconds : 3600;
      if (expiration < 600) errs.push(invalid(`${at}.serviceAccountToken.expirationSeconds`, expiration, 'may not specify a duration less than 10 minutes'));
      if (expiration > 2 ** 32) errs.push(invalid(`${at}.serviceAccountToken.expirationSeconds`, expiration, 'may not specify a duration larger than 2^32 seconds'));
      if (str(token.path) === '') errs.push(required(`${path}.path`));
    }
    if (isSet(s.clusterTrustBundle)) count++;
    if (count > 1) errs.push(forbidden(at, ONE_TYPE));
  });
  return errs;
}

// k8s: validateCSIVolumeSource, ValidateCSIDriverName
function validateCSI(source: Record<string, any>, path: string): Errors {
  const driver = str(source.driver);
  const errs: Errors = [];
  if (driver === '') errs.push(required(`${path}.driver`));
  if (driver.length > 63) errs.push(tooLong(`${path}.driver`, 63));
  errs.push(...invalidEach(`${path}.driver`, driver, dns1123SubdomainErrors(driver.toLowerCase())));
  if (isSet(source.nodePublishSecretRef)) {
    const name = str(obj(source.nodePublishSecretRef).name);
    if (name === '') errs.push(required(`${path}.nodePublishSecretRef.name`));
    else errs.push(...invalidEach(`${path}.name`, name, dns1123SubdomainErrors(name)));
  }
  return errs;
}

// k8s: validateEphemeralVolumeSource, ValidatePersistentVolumeClaimTemplate
function validateEphemeral(source: Record<string, any>, path: string, ctx: VolumeContext): Errors {
  if (!isSet(source.volumeClaimTemplate)) return [required(`${path}.volumeClaimTemplate`)];
  const tpl = obj(source.volumeClaimTemplate);
  const at = `${path}.volumeClaimTemplate`;
  const errs = [...validateTemplateObjectMeta(tpl.metadata, `${at}.metadata`), ...validatePersistentVolumeClaimSpec(obj(tpl.spec), `${at}.spec`)];
  if (ctx.podName !== '' && ctx.volumeName !== '') {
    const claimName = `${ctx.podName}-${ctx.volumeName}`;
    for (const msg of dns1123SubdomainErrors(claimName)) {
      errs.push(invalid(`${path.replace(/\.ephemeral$/, '')}.name`, ctx.volumeName, `PVC name "${claimName}": ${msg}`));
    }
  }
  return errs;
}

/**
 * k8s: ValidateReadOnlyPersistentDisks, for templates of more than one replica
 * (SkipReadOnlyValidationGCE is alpha, off, in 1.28): a GCE PD attaches
 * read-write to one node only.
 */
export function validateReadOnlyPersistentDisks(volumes: unknown, path: string): Errors {
  const errs: Errors = [];
  list(volumes).forEach((raw, i) => {
    const volume = obj(raw);
    if (isSet(volume.gcePersistentDisk) && obj(volume.gcePersistentDisk).readOnly !== true) {
      errs.push(invalid(`${path}[${i}].gcePersistentDisk.readOnly`, false, 'must be true for replicated pods > 1; GCE PD can only be mounted on multiple machines if it is read-only'));
    }
  });
  return errs;
}

export { qualifiedNameErrors };
