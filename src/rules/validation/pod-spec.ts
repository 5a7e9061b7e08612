/**
 * ValidatePodSpec of pkg/apis/core/validation/validation.go (1.28), for the
 * checks the older api-* rules (src/rules/api-rules.ts) do not make: volumes,
 * the per-container checks of containers.ts, DNS, host aliases, scheduling,
 * security contexts, names of referenced objects, deadlines, OS-specific fields.
 */
import { dns1123LabelErrors, dns1123SubdomainErrors, dns1123SubdomainWithUnderscoreErrors, parseIPSloppy } from './apimachinery';
import { validateAppArmorFields } from './app-armor-fields';
import { PodVolumes, validateContainer } from './containers';
import { Errors, forbidden, invalid, invalidEach, isInt, isObject, isSet, list, notSupported, obj, required, str } from './field';
import { validateGatedPodFields } from './gated-fields';
import { validateLabels } from './object-meta';
import { validateResourceRequirements } from './resources';
import { validateAffinity, validateGates, validateTolerations, validateTopologySpreadConstraints } from './scheduling';
import { validatePodSecurityContext } from './security-context';
import { PodValidationOptions, podValidationOptions } from './validation-options';
import { validateVolumes } from './volumes';
import { FeatureGate, isEnabled } from '../../k8s/feature-gates';
import { PodRuleContext } from '../pod-templates';

const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const OS_NAMES = ['linux', 'windows'];
const MAX_INT32 = 2147483647;

/** k8s: ValidateVolumes, then validateContainerCommon for every container (the parts in containers.ts). */
export function validatePodVolumesAndContainers(ctx: PodRuleContext): Errors {
  const podName = ctx.kind === 'Pod' ? str(obj(ctx.object.metadata).name) : '';
  const { errors, valid } = validateVolumes(ctx.pod.spec.volumes, `${ctx.pod.specPath}.volumes`, podName);
  const declared = list(ctx.pod.spec.volumes).map((v) => str(obj(v).name)).filter((n) => n !== '');
  const volumes: PodVolumes = { valid, invalid: new Set(declared.filter((n) => !valid.has(n))) };
  const errs = [...errors];
  for (const ref of ctx.containers) {
    if (ref.group !== 'ephemeralContainers') errs.push(...validateContainer(ref, volumes, ctx.kind === 'Pod', podValidationOptions(ctx.kubernetesVersion)));
  }
  return errs;
}

/** k8s: validatePodDNSConfig + validateDNSPolicy (an empty policy is defaulted to ClusterFirst) + ValidateHostAliases */
export function validateDNS(spec: Record<string, any>, specPath: string, opts: PodValidationOptions = podValidationOptions()): Errors {
  const errs: Errors = validateHostAliases(spec.hostAliases, `${specPath}.hostAliases`);
  const policy = isSet(spec.dnsPolicy) && spec.dnsPolicy !== '' ? spec.dnsPolicy : 'ClusterFirst';
  if (!DNS_POLICIES.includes(policy)) errs.push(notSupported(`${specPath}.dnsPolicy`, policy, DNS_POLICIES));
  const path = `${specPath}.dnsConfig`;
  if (policy === 'None') {
    if (!isSet(spec.dnsConfig)) return [...errs, required(path, 'must provide `dnsConfig` when `dnsPolicy` is None', 'add dnsConfig.nameservers, or use another dnsPolicy')];
    if (list(obj(spec.dnsConfig).nameservers).length === 0) {
      return [...errs, required(`${path}.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  if (!isObject(spec.dnsConfig)) return errs;
  const config = spec.dnsConfig;
  const nameservers = list(config.nameservers);
  if (nameservers.length > 3) errs.push(invalid(`${path}.nameservers`, nameservers, 'must not have more than 3 nameservers'));
  nameservers.forEach((ns, i) => {
    if (parseIPSloppy(str(ns)) === undefined) errs.push(invalid(`${path}.nameservers[${i}]`, ns, 'must be valid IP address', 'nameservers are IP addresses, not host names'));
  });
  const searches = list(config.searches).map(str);
  if (searches.length > 32) errs.push(invalid(`${path}.searches`, searches, 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) errs.push(invalid(`${path}.searches`, searches, 'must not have more than 2048 characters (including spaces) in the search list'));
  searches.forEach((search, i) => {
    // Relaxed (PR #127167, v1.32.0): "_" where "-" may stand, and a lone "." (resolv.conf's root domain).
    if (opts.allowRelaxedDNSSearchValidation && search === '.') return;
    const trimmed = search.endsWith('.') ? search.slice(0, -1) : search;
    const check = opts.allowRelaxedDNSSearchValidation ? dns1123SubdomainWithUnderscoreErrors : dns1123SubdomainErrors;
    errs.push(...invalidEach(`${path}.searches[${i}]`, trimmed, check(trimmed)));
  });
  list(config.options).forEach((o, i) => {
    if (str(obj(o).name) === '') errs.push(required(`${path}.options[${i}]`, 'must not be empty'));
  });
  return errs;
}

/** k8s: ValidateHostAliases */
export function validateHostAliases(aliases: unknown, path: string): Errors {
  const errs: Errors = [];
  for (const raw of list(aliases)) {
    const alias = obj(raw);
    if (parseIPSloppy(str(alias.ip)) === undefined) errs.push(invalid(`${path}.ip`, str(alias.ip), 'must be valid IP address'));
    for (const hostname of list(alias.hostnames)) errs.push(...invalidEach(`${path}.hostnames`, hostname, dns1123SubdomainErrors(str(hostname))));
  }
  return errs;
}

/** k8s: validateOS, validateLinux, validateWindows (the container parts: VisitContainersWithPath) */
function validateOS(ctx: PodRuleContext): Errors {
  const spec = ctx.pod.spec;
  if (!isSet(spec.os)) return [];
  const path = `${ctx.pod.specPath}.os`;
  const name = str(obj(spec.os).name);
  if (name === '') return [required(`${path}.name`, 'cannot be empty')];
  if (!OS_NAMES.includes(name)) return [notSupported(path, name, OS_NAMES)];
  const errs: Errors = [];
  const podSc = obj(spec.securityContext);
  if (name === 'linux') {
    if (isSet(podSc.windowsOptions)) errs.push(forbidden(`${ctx.pod.specPath}.securityContext.windowsOptions`, 'windows options cannot be set for a linux pod'));
    for (const ref of ctx.containers) {
      if (isSet(obj(ref.container.securityContext).windowsOptions)) errs.push(forbidden(`${ref.path}.securityContext.windowsOptions`, 'windows options cannot be set for a linux pod'));
    }
    return errs;
  }
  const podFields: Array<[string, string]> = [['seLinuxOptions', 'securityContext.seLinuxOptions'], ['seccompProfile', 'securityContext.seccompProfile'],
    ['fsGroup', 'securityContext.fsGroup'], ['fsGroupChangePolicy', 'securityContext.fsGroupChangePolicy'], ['sysctls', 'securityContext.sysctls'],
    ['runAsUser', 'securityContext.runAsUser'], ['runAsGroup', 'securityContext.runAsGroup'], ['supplementalGroups', 'securityContext.supplementalGroups']];
  for (const [key, at] of podFields) {
    if (isSet(podSc[key]) && !(key === 'sysctls' && list(podSc[key]).length === 0)) errs.push(forbidden(`${ctx.pod.specPath}.${at}`, 'cannot be set for a windows pod'));
  }
  // The field reaches validateWindows only where UserNamespacesSupport keeps it (dropDisabledFields).
  if (isSet(spec.hostUsers) && isEnabled(FeatureGate.USER_NAMESPACES_SUPPORT, ctx.kubernetesVersion)) {
    errs.push(forbidden(`${ctx.pod.specPath}.hostUsers`, 'cannot be set for a windows pod'));
  }
  if (spec.hostPID === true) errs.push(forbidden(`${ctx.pod.specPath}.hostPID`, 'cannot be set for a windows pod'));
  if (spec.hostIPC === true) errs.push(forbidden(`${ctx.pod.specPath}.hostIPC`, 'cannot be set for a windows pod'));
  if (isSet(spec.shareProcessNamespace)) errs.push(forbidden(`${ctx.pod.specPath}.shareProcessNamespace`, 'cannot be set for a windows pod'));
  for (const ref of ctx.containers) {
    const sc = obj(ref.container.securityContext);
    for (const key of ['seLinuxOptions', 'seccompProfile', 'capabilities', 'readOnlyRootFilesystem', 'privileged', 'allowPrivilegeEscalation', 'procMount', 'runAsUser', 'runAsGroup']) {
      if (isSet(sc[key])) errs.push(forbidden(`${ref.path}.securityContext.${key}`, 'cannot be set for a windows pod'));
    }
  }
  return errs;
}

/** k8s: validateWindowsHostProcessPod */
function validateHostProcess(ctx: PodRuleContext): Errors {
  const podHostProcess = obj(obj(ctx.pod.spec.securityContext).windowsOptions).hostProcess;
  let count = 0;
  let hostProcessCount = 0;
  const errs: Errors = [];
  for (const ref of ctx.containers) {
    count++;
    const own = obj(obj(ref.container.securityContext).windowsOptions).hostProcess;
    if (typeof podHostProcess === 'boolean' && typeof own === 'boolean' && podHostProcess !== own) {
      errs.push(invalid(`${ref.path}.securityContext.windowsOptions.hostProcess`, own, `pod hostProcess value must be identical if both are specified, was ${podHostProcess}`));
    }
    if (own === true || (own === undefined && podHostProcess === true)) hostProcessCount++;
  }
  if (hostProcessCount > 0) {
    if (hostProcessCount !== count) errs.push(invalid(ctx.pod.specPath, '', 'If pod contains any hostProcess containers then all containers must be HostProcess containers'));
    if (ctx.pod.spec.hostNetwork !== true) errs.push(invalid(`${ctx.pod.specPath}.hostNetwork`, false, 'hostNetwork must be true if pod contains any hostProcess containers'));
  }
  return errs;
}

/**
 * k8s: checkHostPortConflicts after SetDefaults_Pod's defaultHostNetworkPorts: with
 * hostNetwork, a Pod's unset hostPorts become their containerPorts, so two app
 * containers listening on one port clash. Clashes of explicit hostPorts are
 * api-host-port-conflict's; this reports those the defaulting creates.
 */
function validateDefaultedHostPorts(ctx: PodRuleContext): Errors {
  if (ctx.kind !== 'Pod' || ctx.pod.spec.hostNetwork !== true) return [];
  const errs: Errors = [];
  const seen = new Map<string, boolean>();
  for (const ref of ctx.containers) {
    if (ref.group !== 'containers') continue;
    list(ref.container.ports).forEach((raw, i) => {
      const port = obj(raw);
      const explicit = isInt(port.hostPort) && port.hostPort !== 0;
      const hostPort = explicit ? port.hostPort : port.containerPort;
      if (!isInt(hostPort) || hostPort === 0) return;
      const key = `${str(port.protocol) || 'TCP'}/${str(port.hostIP)}/${hostPort}`;
      const earlierExplicit = seen.get(key);
      if (earlierExplicit !== undefined && !(explicit && earlierExplicit)) {
        errs.push({ path: `${ref.path}.ports[${i}].hostPort`, message: `${ref.path}.ports[${i}].hostPort: Duplicate value: ${JSON.stringify(key)} (with hostNetwork, an unset hostPort becomes the containerPort): give each container its own port` });
      }
      if (earlierExplicit === undefined) seen.set(key, explicit);
    });
  }
  return errs;
}

/** The Pod-level fields of ValidatePodSpec. */
export function validatePodFields(ctx: PodRuleContext): Errors {
  const spec = ctx.pod.spec;
  const p = ctx.pod.specPath;
  const errs: Errors = [];
  errs.push(...validateLabels(spec.nodeSelector, `${p}.nodeSelector`));
  errs.push(...validatePodSecurityContext(spec, p));
  if (podValidationOptions(ctx.kubernetesVersion).appArmorFields) errs.push(...validateAppArmorFields(ctx));
  errs.push(...validateAffinity(spec.affinity, `${p}.affinity`));
  errs.push(...validateGates(spec, p));
  errs.push(...validateTopologySpreadConstraints(spec.topologySpreadConstraints, `${p}.topologySpreadConstraints`));
  errs.push(...validateHostProcess(ctx));
  for (const [field, check] of [['serviceAccountName', dns1123SubdomainErrors], ['nodeName', dns1123SubdomainErrors], ['priorityClassName', dns1123SubdomainErrors],
    ['hostname', dns1123LabelErrors], ['subdomain', dns1123LabelErrors]] as Array<[string, (v: string) => string[]]>) {
    const value = str(spec[field]);
    if (value !== '') errs.push(...invalidEach(`${p}.${field}`, value, check(value)));
  }
  if (typeof spec.runtimeClassName === 'string') errs.push(...invalidEach(`${p}.runtimeClassName`, spec.runtimeClassName, dns1123SubdomainErrors(spec.runtimeClassName)));
  const deadline = spec.activeDeadlineSeconds;
  if (isInt(deadline) && (deadline < 1 || deadline > MAX_INT32)) {
    errs.push(invalid(`${p}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, `must be between 1 and ${MAX_INT32}, inclusive`, 'omit it for no deadline'));
  }
  errs.push(...validateTolerations(spec.tolerations, `${p}.tolerations`));
  if (isSet(spec.preemptionPolicy)) {
    if (spec.preemptionPolicy === '') errs.push(required(`${p}.preemptionPolicy`));
    else if (!PREEMPTION_POLICIES.includes(spec.preemptionPolicy)) errs.push(notSupported(`${p}.preemptionPolicy`, spec.preemptionPolicy, PREEMPTION_POLICIES));
  }
  if (isObject(spec.overhead)) errs.push(...validateResourceRequirements({ limits: spec.overhead }, `${p}.overhead`));
  errs.push(...validateOS(ctx));
  errs.push(...validateDefaultedHostPorts(ctx));
  errs.push(...validateGatedPodFields(ctx));
  return errs;
}
