/**
 * Per-container checks of pkg/apis/core/validation/validation.go (1.28)
 * validateContainerCommon that the older api-* rules (names, image, ports,
 * pull policy, probes' handlers) do not make: terminationMessagePolicy,
 * env/envFrom, volumeMounts and volumeDevices (ValidateVolumeMounts,
 * ValidateVolumeDevices), resources, securityContext, and the HTTP details of
 * probes and hooks (validateHTTPGetAction).
 */
import { httpHeaderNameErrors } from './apimachinery';
import { validateEnv, validateEnvFrom } from './env';
import { Errors, forbidden, invalid, isObject, isSet, list, notSupported, obj, required, str } from './field';
import { validateLocalDescendingPath, validatePathNoBacksteps } from './paths';
import { validateResourceRequirements } from './resources';
import { validateContainerSecurityContext } from './security-context';
import { PodValidationOptions, podValidationOptions } from './validation-options';
import { ContainerRef } from '../pod-templates';

const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const MOUNT_PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
const HTTP_SCHEMES = ['HTTP', 'HTTPS'];

/** k8s: ValidateVolumeMounts */
function validateVolumeMounts(container: Record<string, any>, volumes: PodVolumes, path: string): Errors {
  const errs: Errors = [];
  const seen = new Set<string>();
  const devices = list(container.volumeDevices).map(obj);
  list(container.volumeMounts).forEach((raw, i) => {
    const mount = obj(raw);
    const at = `${path}[${i}]`;
    const name = str(mount.name);
    const mountPath = str(mount.mountPath);
    // An unknown name is api-volume-mount-unknown's; a volume that failed its own validation is "Not found" too.
    if (name !== '' && volumes.invalid.has(name)) {
      errs.push({ path: `${at}.name`, message: `${at}.name: Not found: ${JSON.stringify(name)} (the volume of that name is itself invalid: fix it first)` });
    }
    if (mountPath === '') errs.push(required(`${at}.mountPath`));
    if (seen.has(mountPath)) errs.push(invalid(`${at}.mountPath`, mountPath, 'must be unique', 'mount each path once; use subPath to mount parts of one volume'));
    seen.add(mountPath);
    if (devices.some((d) => d.name === name)) errs.push(invalid(`${at}.name`, name, 'must not already exist in volumeDevices'));
    if (devices.some((d) => d.devicePath === mountPath)) errs.push(invalid(`${at}.mountPath`, mountPath, 'must not already exist as a path in volumeDevices'));
    const subPath = str(mount.subPath);
    if (subPath !== '') errs.push(...validateLocalDescendingPath(subPath, `${path}.subPath`));
    const subPathExpr = str(mount.subPathExpr);
    if (subPathExpr !== '') {
      if (subPath !== '') errs.push(invalid(`${at}.subPathExpr`, subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(subPathExpr, `${path}.subPathExpr`));
    }
    if (isSet(mount.mountPropagation)) {
      if (!MOUNT_PROPAGATIONS.includes(mount.mountPropagation)) errs.push(notSupported(`${path}.mountPropagation`, mount.mountPropagation, MOUNT_PROPAGATIONS));
      if (mount.mountPropagation === 'Bidirectional' && obj(container.securityContext).privileged !== true) {
        errs.push(forbidden(`${path}.mountPropagation`, 'Bidirectional mount propagation is available only to privileged containers'));
      }
    }
  });
  return errs;
}

/** The volumes of a Pod after ValidateVolumes: those that validated, and the declared names of those that did not. */
export interface PodVolumes {
  readonly valid: Map<string, any>;
  readonly invalid: Set<string>;
}

/** k8s: ValidateVolumeDevices */
function validateVolumeDevices(container: Record<string, any>, volumes: PodVolumes, path: string): Errors {
  const errs: Errors = [];
  const paths = new Set<string>();
  const names = new Set<string>();
  const mounts = list(container.volumeMounts).map(obj);
  list(container.volumeDevices).forEach((raw, i) => {
    const dev = obj(raw);
    const at = `${path}[${i}]`;
    const name = str(dev.name);
    const devicePath = str(dev.devicePath);
    const volume = volumes.valid.get(name);
    if (name === '') errs.push(required(`${at}.name`));
    if (names.has(name)) errs.push(invalid(`${at}.name`, name, 'must be unique'));
    if (volume !== undefined && !isSet(volume.persistentVolumeClaim) && !isSet(volume.ephemeral)) {
      errs.push(invalid(`${at}.name`, name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'));
    }
    if (volume === undefined) errs.push({ path: `${at}.name`, message: `${at}.name: Not found: ${JSON.stringify(name)}` });
    if (devicePath === '') errs.push(required(`${at}.devicePath`));
    if (paths.has(devicePath)) errs.push(invalid(`${at}.devicePath`, devicePath, 'must be unique'));
    if (devicePath !== '' && validatePathNoBacksteps(devicePath, at).length > 0) errs.push(invalid(`${at}.devicePath`, devicePath, "can not contain backsteps ('..')"));
    else paths.add(devicePath);
    if (mounts.some((m) => m.name === name)) errs.push(invalid(`${at}.name`, name, 'must not already exist in volumeMounts'));
    if (mounts.some((m) => m.mountPath === devicePath)) errs.push(invalid(`${at}.devicePath`, devicePath, 'must not already exist as a path in volumeMounts'));
    if (name !== '') names.add(name);
  });
  return errs;
}

/** k8s: validateHTTPGetAction (path and scheme are defaulted to "/" and HTTP first) */
function validateHTTPGet(owner: unknown, path: string): Errors {
  if (!isObject(owner) || !isObject(owner.httpGet)) return [];
  const http = owner.httpGet;
  const errs: Errors = [];
  if (isSet(http.scheme) && http.scheme !== '' && !HTTP_SCHEMES.includes(http.scheme)) errs.push(notSupported(`${path}.httpGet.scheme`, http.scheme, HTTP_SCHEMES));
  for (const header of list(http.httpHeaders)) {
    const name = str(obj(header).name);
    for (const msg of httpHeaderNameErrors(name)) errs.push(invalid(`${path}.httpGet.httpHeaders`, name, msg));
  }
  return errs;
}

/** The validateContainerCommon checks of this module for one container. */
export function validateContainer(ref: ContainerRef, volumes: PodVolumes, pod: boolean, opts: PodValidationOptions = podValidationOptions()): Errors {
  const c = ref.container;
  const errs: Errors = [];
  const policy = c.terminationMessagePolicy;
  if (isSet(policy) && policy !== '' && !TERMINATION_MESSAGE_POLICIES.includes(policy)) {
    errs.push(notSupported(`${ref.path}.terminationMessagePolicy`, policy, TERMINATION_MESSAGE_POLICIES));
  }
  errs.push(...validateEnv(c.env, `${ref.path}.env`, opts.allowRelaxedEnvironmentVariableValidation));
  errs.push(...validateEnvFrom(c.envFrom, `${ref.path}.envFrom`, opts.allowRelaxedEnvironmentVariableValidation));
  errs.push(...validateVolumeMounts(c, volumes, `${ref.path}.volumeMounts`));
  errs.push(...validateVolumeDevices(c, volumes, `${ref.path}.volumeDevices`));
  errs.push(...validateResourceRequirements(c.resources, `${ref.path}.resources`, pod));
  errs.push(...validateContainerSecurityContext(c.securityContext, `${ref.path}.securityContext`));
  const probesChecked = ref.group === 'containers' || (ref.sidecar && opts.sidecarContainers);
  if (probesChecked) {
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) errs.push(...validateHTTPGet(c[probe], `${ref.path}.${probe}`));
    const lifecycle = obj(c.lifecycle);
    for (const hook of ['postStart', 'preStop']) errs.push(...validateHTTPGet(lifecycle[hook], `${ref.path}.lifecycle.${hook}`));
  }
  return errs;
}
