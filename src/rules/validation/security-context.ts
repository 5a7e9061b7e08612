/**
 * Security contexts: a port of pkg/apis/core/validation/validation.go (1.28)
 * ValidateSecurityContext, validatePodSpecSecurityContext,
 * validateSeccompProfileField, validateSysctls,
 * validateWindowsSecurityContextOptions (the parts a Linux manifest meets).
 * The server runs with --allow-privileged=true, as every usual cluster does.
 */
import { dns1123SubdomainErrors, idErrors } from './apimachinery';
import { Errors, invalid, invalidEach, isInt, isSet, list, notSupported, obj, required, str } from './field';
import { validateLocalDescendingPath } from './paths';

const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
const FS_GROUP_POLICIES = ['Always', 'OnRootMismatch'];
const SYSCTL_SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_FMT = `(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}`;
const SYSCTL_RE = new RegExp(`^${SYSCTL_FMT}$`);

function idField(value: unknown, path: string): Errors {
  return isInt(value) ? invalidEach(path, value, idErrors(value)) : [];
}

/** k8s: validateSeccompProfileField */
export function validateSeccompProfile(profile: unknown, path: string): Errors {
  if (!isSet(profile)) return [];
  const p = obj(profile);
  const errs: Errors = [];
  const type = str(p.type);
  if (type === '') errs.push(required(`${path}.type`, 'type is required when seccompProfile is set'));
  else if (!SECCOMP_TYPES.includes(type)) errs.push(notSupported(`${path}.type`, type, SECCOMP_TYPES));
  if (type === 'Localhost') {
    if (!isSet(p.localhostProfile)) errs.push(required(`${path}.localhostProfile`, 'must be set when seccomp type is Localhost', 'name the profile file, relative to the kubelet\'s seccomp directory'));
    else errs.push(...validateLocalDescendingPath(str(p.localhostProfile), `${path}.localhostProfile`));
  } else if (isSet(p.localhostProfile)) {
    errs.push(invalid(`${path}.localhostProfile`, p, 'can only be set when seccomp type is Localhost'));
  }
  return errs;
}

/** k8s: validateWindowsSecurityContextOptions (the name checks) */
function validateWindowsOptions(options: unknown, path: string): Errors {
  if (!isSet(options)) return [];
  const o = obj(options);
  const errs: Errors = [];
  if (typeof o.gmsaCredentialSpecName === 'string') errs.push(...invalidEach(`${path}.gmsaCredentialSpecName`, o.gmsaCredentialSpecName, dns1123SubdomainErrors(o.gmsaCredentialSpecName)));
  if (o.gmsaCredentialSpec === '') errs.push(invalid(`${path}.gmsaCredentialSpec`, '', 'gmsaCredentialSpec cannot be an empty string'));
  if (o.runAsUserName === '') errs.push(invalid(`${path}.runAsUserName`, '', 'runAsUserName cannot be an empty string'));
  return errs;
}

/** k8s: ValidateSecurityContext (procMount is dropped before validation in 1.28: ProcMountType is off) */
export function validateContainerSecurityContext(context: unknown, path: string): Errors {
  if (!isSet(context)) return [];
  const sc = obj(context);
  const errs = [...idField(sc.runAsUser, `${path}.runAsUser`), ...idField(sc.runAsGroup, `${path}.runAsGroup`)];
  errs.push(...validateSeccompProfile(sc.seccompProfile, `${path}.seccompProfile`));
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true) {
      errs.push(invalid(path, sc, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true', 'a privileged container always can escalate: drop one of the two'));
    }
    for (const cap of list(obj(sc.capabilities).add)) {
      if (cap === 'CAP_SYS_ADMIN') errs.push(invalid(path, sc, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
    }
  }
  errs.push(...validateWindowsOptions(sc.windowsOptions, `${path}.windowsOptions`));
  return errs;
}

/** k8s: validatePodSpecSecurityContext (hostPID, shareProcessNamespace live on the v1 PodSpec) */
export function validatePodSecurityContext(spec: Record<string, any>, specPath: string): Errors {
  const path = `${specPath}.securityContext`;
  const sc = obj(spec.securityContext);
  const errs = [...idField(sc.fsGroup, `${path}.fsGroup`), ...idField(sc.runAsUser, `${path}.runAsUser`), ...idField(sc.runAsGroup, `${path}.runAsGroup`)];
  list(sc.supplementalGroups).forEach((gid, i) => errs.push(...idField(gid, `${path}.supplementalGroups[${i}]`)));
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    errs.push(invalid(`${path}.shareProcessNamespace`, true, 'ShareProcessNamespace and HostPID cannot both be enabled', 'drop one of the two'));
  }
  const names = new Set<string>();
  list(sc.sysctls).forEach((raw, i) => {
    const name = str(obj(raw).name);
    const at = `${path}.sysctls[${i}].name`;
    if (name === '') errs.push(required(at));
    else if (name.length > 253 || !SYSCTL_RE.test(name)) errs.push(invalid(at, name, `must have at most 253 characters and match regex ^${SYSCTL_FMT}$`));
    else if (names.has(name)) errs.push({ path: at, message: `${at}: Duplicate value: ${JSON.stringify(name)}` });
    names.add(name);
  });
  if (isSet(sc.fsGroupChangePolicy) && !FS_GROUP_POLICIES.includes(sc.fsGroupChangePolicy)) errs.push(notSupported(`${path}.fsGroupChangePolicy`, sc.fsGroupChangePolicy, FS_GROUP_POLICIES));
  errs.push(...validateSeccompProfile(sc.seccompProfile, `${path}.seccompProfile`));
  errs.push(...validateWindowsOptions(sc.windowsOptions, `${path}.windowsOptions`));
  return errs;
}
