/**
 * What the Kubernetes 1.28 API server rejects in a Pod or Pod template, checked
 * on the manifest as written (before the API server's defaulting: an omitted
 * `protocol`, `imagePullPolicy` or probe threshold is therefore fine).
 *
 * k8s: pkg/apis/core/validation/validation.go (ValidatePodSpec and the functions
 * it calls), pkg/apis/apps/validation, pkg/apis/batch/validation.
 */
import { RULE, violation } from './catalog';
import { Violation } from './finding';
import { ContainerRef, PodRuleContext, describeContainer, describesPods, isObject } from './pod-templates';
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors, portNameErrors } from '../names/names';
import { restartPolicyProblem } from '../policy/restart-policy';

const DUPLICATE_CHECK_ORDER = ['containers', 'initContainers', 'ephemeralContainers'];
const PORT_RANGE_MESSAGE = 'must be between 1 and 65535, inclusive';
const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SUPPORTED_PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROBE_FIELDS = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const INIT_FORBIDDEN_FIELDS = ['lifecycle', ...PROBE_FIELDS];
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
/** `sleep` hooks arrived in 1.29 (PodLifecycleSleepAction); a 1.28 API server drops the field. */
const LIFECYCLE_HANDLERS_1_28 = ['exec', 'httpGet', 'tcpSocket'];
const NON_NEGATIVE_PROBE_FIELDS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];
/** Job and CronJob names end up in label values of their Pods (`batch.kubernetes.io/job-name`). */
const JOB_NAME_MAX_LENGTH = 63;
/** k8s: pkg/apis/batch/validation ValidateCronJobCreate (63 minus the controller's 11-character suffix). */
const CRON_JOB_NAME_MAX_LENGTH = 52;

/** Rules on the object itself rather than on a Pod: `metadata.name` for the kinds we know. */
export function checkObjectApiRules(obj: any): Violation[] {
  const kind = obj.kind;
  if (kind !== 'Service' && !describesPods(kind)) {
    return [];
  }
  const metadata = isObject(obj.metadata) ? obj.metadata : {};
  const name = metadata.name;
  if (name === undefined || name === null || name === '') {
    if (typeof metadata.generateName === 'string' && metadata.generateName !== '') {
      return [];
    }
    return [violation(RULE.API_OBJECT_NAME, 'metadata.name',
      `${kind} has no metadata.name: Required value: name or generateName is required; set metadata.name`)];
  }
  const problems = objectNameProblems(kind, String(name));
  if (problems.length === 0) {
    return [];
  }
  return [violation(RULE.API_OBJECT_NAME, 'metadata.name',
    `${kind} name "${name}" is invalid: ${problems.join('; ')}: rename it`)];
}

/** Every API rule over one Pod (or Pod template) of an object. */
export function checkPodApiRules(ctx: PodRuleContext): Violation[] {
  return [
    ...checkContainersPresent(ctx),
    ...checkContainerNames(ctx),
    ...checkDuplicateContainerNames(ctx),
    ...checkVolumesAndMounts(ctx),
    ...checkPodRestartPolicy(ctx),
    ...checkContainerRestartPolicies(ctx),
    ...checkInitContainerProbes(ctx),
    ...checkProbesAndHooks(ctx),
    ...checkContainerPorts(ctx),
    ...checkHostPortConflicts(ctx),
    ...checkImages(ctx),
  ];
}

function objectNameProblems(kind: string, name: string): string[] {
  if (kind === 'Service') {
    return dns1035LabelErrors(name);
  }
  const problems = dns1123SubdomainErrors(name);
  if (kind === 'CronJob' && name.length > CRON_JOB_NAME_MAX_LENGTH) {
    problems.push(`must be no more than ${CRON_JOB_NAME_MAX_LENGTH} characters (the CronJob controller appends an 11-character suffix to name its Jobs)`);
  }
  if (kind === 'Job' && name.length > JOB_NAME_MAX_LENGTH) {
    problems.push(`must be no more than ${JOB_NAME_MAX_LENGTH} characters (the name becomes the batch.kubernetes.io/job-name label value of its Pods)`);
  }
  return problems;
}

// k8s: validation.go validateContainers (`if len(containers) == 0 { Required }`)
function checkContainersPresent(ctx: PodRuleContext): Violation[] {
  const containers = ctx.pod.spec.containers;
  if (Array.isArray(containers) && containers.length > 0) {
    return [];
  }
  return [violation(RULE.API_CONTAINERS_REQUIRED, `${ctx.pod.specPath}.containers`,
    'the Pod has no app containers: containers: Required value: add at least one container to containers')];
}

// k8s: validation.go validateContainerCommon (name Required, ValidateDNS1123Label)
function checkContainerNames(ctx: PodRuleContext): Violation[] {
  const found: Violation[] = [];
  for (const ref of ctx.containers) {
    const name = ref.container.name;
    const path = `${ref.path}.name`;
    if (name === undefined || name === null || name === '') {
      found.push(violation(RULE.API_CONTAINER_NAME, path,
        `${describeContainer(ref)} has no name: Required value: name every container`));
      continue;
    }
    const problems = dns1123LabelErrors(String(name));
    if (problems.length > 0) {
      found.push(violation(RULE.API_CONTAINER_NAME, path,
        `${describeContainer(ref)} name "${name}" is not a DNS-1123 label: ${problems.join('; ')}: rename it`));
    }
  }
  return found;
}

// k8s: validation.go validateContainers, validateInitContainers, validateEphemeralContainers (field.Duplicate)
function checkDuplicateContainerNames(ctx: PodRuleContext): Violation[] {
  const firstByName = new Map<string, ContainerRef>();
  const found: Violation[] = [];
  for (const ref of inValidationOrder(ctx.containers)) {
    const name = ref.container.name;
    if (typeof name !== 'string' || name === '') {
      continue;
    }
    const first = firstByName.get(name);
    if (first === undefined) {
      firstByName.set(name, ref);
      continue;
    }
    found.push(violation(RULE.API_CONTAINER_NAME_DUPLICATE, `${ref.path}.name`,
      `${describeContainer(ref)}: Duplicate value: "${name}" (already used by ${first.path}): container names must be unique across init, app and ephemeral containers; rename one`));
  }
  return found;
}

/** App containers first, as ValidatePodSpec checks them, so a clash is reported where Kubernetes reports it. */
function inValidationOrder(refs: ContainerRef[]): ContainerRef[] {
  return DUPLICATE_CHECK_ORDER.flatMap((group) => refs.filter((ref) => ref.group === group));
}

// k8s: validation.go ValidateVolumes, ValidateVolumeMounts (field.NotFound)
function checkVolumesAndMounts(ctx: PodRuleContext): Violation[] {
  const found: Violation[] = [];
  const declared = new Set<string>();
  const volumes = Array.isArray(ctx.pod.spec.volumes) ? ctx.pod.spec.volumes : [];
  volumes.forEach((volume: any, index: number) => {
    const name = isObject(volume) ? volume.name : undefined;
    const path = `${ctx.pod.specPath}.volumes[${index}].name`;
    if (name === undefined || name === null || name === '') {
      found.push(violation(RULE.API_VOLUME_NAME, path, `volume #${index} has no name: Required value: name every volume`));
      return;
    }
    const problems = dns1123LabelErrors(String(name));
    if (problems.length > 0) {
      found.push(violation(RULE.API_VOLUME_NAME, path,
        `volume name "${name}" is not a DNS-1123 label: ${problems.join('; ')}: rename it`));
    }
    if (declared.has(String(name))) {
      found.push(violation(RULE.API_VOLUME_NAME, path,
        `volume name: Duplicate value: "${name}": give each volume its own name`));
    }
    declared.add(String(name));
  });
  for (const ref of ctx.containers) {
    const mounts = Array.isArray(ref.container.volumeMounts) ? ref.container.volumeMounts : [];
    mounts.forEach((mount: any, index: number) => {
      const name = isObject(mount) ? mount.name : undefined;
      if (typeof name === 'string' && declared.has(name)) {
        return;
      }
      found.push(violation(RULE.API_VOLUME_MOUNT_UNKNOWN, `${ref.path}.volumeMounts[${index}].name`,
        `${describeContainer(ref)} mounts volume "${name ?? ''}": Not found: the Pod has no volume of that name; add it to volumes or correct the mount name`));
    });
  }
  return found;
}

// k8s: validation.go validateRestartPolicy; apps/validation and batch/validation (per-kind values)
function checkPodRestartPolicy(ctx: PodRuleContext): Violation[] {
  const policy = ctx.pod.spec.restartPolicy;
  const given = policy === undefined || policy === null ? undefined : String(policy);
  const problem = restartPolicyProblem(ctx.kind, given);
  if (problem === undefined) {
    return [];
  }
  return [violation(RULE.API_RESTART_POLICY, `${ctx.pod.specPath}.restartPolicy`, `${ctx.kind} ${problem}`)];
}

// k8s: validation.go validateInitContainerRestartPolicy; validateContainers ("may not be set for non-init containers")
function checkContainerRestartPolicies(ctx: PodRuleContext): Violation[] {
  const found: Violation[] = [];
  for (const ref of ctx.containers) {
    const policy = ref.container.restartPolicy;
    if (policy === undefined || policy === null) {
      continue;
    }
    const path = `${ref.path}.restartPolicy`;
    if (ref.group !== 'initContainers') {
      found.push(violation(RULE.API_CONTAINER_RESTART_POLICY, path,
        `${describeContainer(ref)} restartPolicy "${policy}": Forbidden: may not be set for non-init containers; remove it, or move the container to initContainers with restartPolicy Always to make it a sidecar`));
    } else if (policy !== 'Always') {
      found.push(violation(RULE.API_CONTAINER_RESTART_POLICY, path,
        `${describeContainer(ref)} restartPolicy: Unsupported value: "${policy}": supported values: "Always"; use Always for a sidecar, or remove the field`));
    }
  }
  return found;
}

// k8s: validation.go validateInitContainers (default branch: field.Forbidden for lifecycle and probes)
function checkInitContainerProbes(ctx: PodRuleContext): Violation[] {
  const found: Violation[] = [];
  for (const ref of ctx.containers) {
    if (ref.group !== 'initContainers' || ref.sidecar) {
      continue;
    }
    for (const field of INIT_FORBIDDEN_FIELDS) {
      if (isPresent(ref.container[field])) {
        found.push(violation(RULE.API_INIT_CONTAINER_PROBES, `${ref.path}.${field}`,
          `${describeContainer(ref)} ${field}: Forbidden: may not be set for init containers without restartPolicy=Always; remove it, or make the container a sidecar (restartPolicy: Always)`));
      }
    }
  }
  return found;
}

// k8s: validation.go validateContainers and validateInitContainers (restartAlways branch) call
// validateLifecycle, validateLivenessProbe, validateReadinessProbe, validateStartupProbe.
function checkProbesAndHooks(ctx: PodRuleContext): Violation[] {
  const found: Violation[] = [];
  for (const ref of ctx.containers) {
    if (ref.group === 'ephemeralContainers' || (ref.group === 'initContainers' && !ref.sidecar)) {
      continue;
    }
    for (const field of PROBE_FIELDS) {
      const probe = ref.container[field];
      if (isPresent(probe)) {
        found.push(...probeProblems(ref, field, probe));
      }
    }
    const lifecycle = ref.container.lifecycle;
    if (isObject(lifecycle)) {
      for (const hook of ['postStart', 'preStop']) {
        if (isPresent(lifecycle[hook])) {
          found.push(...handlerProblems(ref, `lifecycle.${hook}`, lifecycle[hook], LIFECYCLE_HANDLERS_1_28));
        }
      }
    }
  }
  return found;
}

function probeProblems(ref: ContainerRef, field: string, probe: any): Violation[] {
  const found = handlerProblems(ref, field, probe, PROBE_HANDLERS);
  const safe = isObject(probe) ? probe : {};
  const at = (child: string) => `${ref.path}.${field}.${child}`;
  for (const number of NON_NEGATIVE_PROBE_FIELDS) {
    if (typeof safe[number] === 'number' && safe[number] < 0) {
      found.push(violation(RULE.API_PROBE, at(number),
        `${describeContainer(ref)} ${field}.${number}: Invalid value: ${safe[number]}: must be greater than or equal to 0`));
    }
  }
  const grace = safe.terminationGracePeriodSeconds;
  if (field === 'readinessProbe' && isPresent(grace)) {
    found.push(violation(RULE.API_PROBE, at('terminationGracePeriodSeconds'),
      `${describeContainer(ref)} readinessProbe.terminationGracePeriodSeconds: Invalid value: ${grace}: must not be set for readinessProbes; remove it`));
  } else if (typeof grace === 'number' && grace <= 0) {
    found.push(violation(RULE.API_PROBE, at('terminationGracePeriodSeconds'),
      `${describeContainer(ref)} ${field}.terminationGracePeriodSeconds: Invalid value: ${grace}: must be greater than 0`));
  }
  // An omitted or 0 successThreshold is defaulted to 1 (SetDefaults_Probe) before validation.
  const success = safe.successThreshold;
  if (field !== 'readinessProbe' && typeof success === 'number' && success > 1) {
    found.push(violation(RULE.API_PROBE, at('successThreshold'),
      `${describeContainer(ref)} ${field}.successThreshold: Invalid value: ${success}: must be 1; remove it or set it to 1`));
  }
  return found;
}

// k8s: validation.go validateHandler, validateExecAction, ValidatePortNumOrName
function handlerProblems(ref: ContainerRef, field: string, owner: any, handlers: string[]): Violation[] {
  const safe = isObject(owner) ? owner : {};
  const path = `${ref.path}.${field}`;
  const set = handlers.filter((handler) => isPresent(safe[handler]));
  if (set.length === 0) {
    const sleepHint = isPresent(safe.sleep) ? ' (a sleep hook needs Kubernetes 1.29; a 1.28 API server drops it)' : '';
    return [violation(RULE.API_PROBE, path,
      `${describeContainer(ref)} ${field}: Required value: must specify a handler type${sleepHint}; use one of ${handlers.join(', ')}`)];
  }
  if (set.length > 1) {
    return [violation(RULE.API_PROBE, `${path}.${set[1]}`,
      `${describeContainer(ref)} ${field}.${set[1]}: Forbidden: may not specify more than 1 handler type (${set.join(' and ')} are set); keep one`)];
  }
  const handler = set[0];
  const action = isObject(safe[handler]) ? safe[handler] : {};
  if (handler === 'exec') {
    return Array.isArray(action.command) && action.command.length > 0 ? [] : [violation(RULE.API_PROBE, `${path}.exec.command`,
      `${describeContainer(ref)} ${field}.exec.command: Required value: give the command to run`)];
  }
  const problem = portNumOrNameProblem(action.port);
  return problem === undefined ? [] : [violation(RULE.API_PROBE, `${path}.${handler}.port`,
    `${describeContainer(ref)} ${field}.${handler}.port: Invalid value: ${JSON.stringify(action.port ?? 0)}: ${problem}`)];
}

function portNumOrNameProblem(port: unknown): string | undefined {
  if (typeof port === 'string') {
    const problems = portNameErrors(port);
    return problems.length === 0 ? undefined : `${problems.join('; ')} (a port name; write a number without quotes for a port number)`;
  }
  return isValidPortNumber(port) ? undefined : PORT_RANGE_MESSAGE;
}

// k8s: validation.go validateContainerPorts
function checkContainerPorts(ctx: PodRuleContext): Violation[] {
  const found: Violation[] = [];
  for (const ref of ctx.containers) {
    if (!Array.isArray(ref.container.ports)) {
      continue;
    }
    const names = new Set<string>();
    ref.container.ports.forEach((port: any, index: number) => {
      found.push(...portProblems(ref, isObject(port) ? port : {}, `${ref.path}.ports[${index}]`, names));
    });
  }
  return found;
}

function portProblems(ref: ContainerRef, port: Record<string, any>, path: string, names: Set<string>): Violation[] {
  const found: Violation[] = [];
  const who = describeContainer(ref);
  if (typeof port.name === 'string' && port.name !== '') {
    const problems = portNameErrors(port.name);
    if (problems.length > 0) {
      found.push(violation(RULE.API_CONTAINER_PORT, `${path}.name`,
        `${who} port name "${port.name}" is invalid: ${problems.join('; ')}: use at most 15 characters of a-z, 0-9 and '-', with at least one letter`));
    } else if (names.has(port.name)) {
      found.push(violation(RULE.API_CONTAINER_PORT, `${path}.name`,
        `${who} port name: Duplicate value: "${port.name}": port names must be unique within a container`));
    }
    names.add(port.name);
  }
  if (port.containerPort === undefined || port.containerPort === null || port.containerPort === 0) {
    found.push(violation(RULE.API_CONTAINER_PORT, `${path}.containerPort`,
      `${who} port has no containerPort: Required value: set the port the container listens on (1-65535)`));
  } else if (!isValidPortNumber(port.containerPort)) {
    found.push(violation(RULE.API_CONTAINER_PORT, `${path}.containerPort`,
      `${who} containerPort: Invalid value: ${JSON.stringify(port.containerPort)}: ${PORT_RANGE_MESSAGE}`));
  }
  const hostPort = port.hostPort;
  if (hostPort !== undefined && hostPort !== null && hostPort !== 0 && !isValidPortNumber(hostPort)) {
    found.push(violation(RULE.API_CONTAINER_PORT, `${path}.hostPort`,
      `${who} hostPort: Invalid value: ${JSON.stringify(hostPort)}: ${PORT_RANGE_MESSAGE} (or 0 for none)`));
  }
  const protocol = port.protocol;
  if (isPresent(protocol) && protocol !== '' && !SUPPORTED_PROTOCOLS.includes(protocol)) {
    found.push(violation(RULE.API_CONTAINER_PORT, `${path}.protocol`,
      `${who} protocol: Unsupported value: "${protocol}": supported values: ${quotedList(SUPPORTED_PROTOCOLS)} (upper case)`));
  }
  return found;
}

// k8s: validation.go checkHostPortConflicts: across all app containers, and within each init
// container on its own ("since init containers run one-by-one").
function checkHostPortConflicts(ctx: PodRuleContext): Violation[] {
  const found: Violation[] = [];
  const appPorts = new Map<string, string>();
  for (const ref of ctx.containers) {
    if (ref.group === 'containers') {
      found.push(...hostPortDuplicates(ref, appPorts));
    } else if (ref.group === 'initContainers') {
      found.push(...hostPortDuplicates(ref, new Map<string, string>()));
    }
  }
  return found;
}

function hostPortDuplicates(ref: ContainerRef, seen: Map<string, string>): Violation[] {
  const found: Violation[] = [];
  const ports = Array.isArray(ref.container.ports) ? ref.container.ports : [];
  ports.forEach((port: any, index: number) => {
    if (!isObject(port) || typeof port.hostPort !== 'number' || port.hostPort === 0) {
      return;
    }
    const key = `${port.protocol || 'TCP'}/${port.hostIP ?? ''}/${port.hostPort}`;
    const path = `${ref.path}.ports[${index}].hostPort`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, path);
      return;
    }
    found.push(violation(RULE.API_HOST_PORT_CONFLICT, path,
      `${describeContainer(ref)} hostPort: Duplicate value: "${key}" (also at ${first}): use another hostPort, protocol or hostIP`));
  });
  return found;
}

// k8s: validation.go validateContainerCommon (image Required), validatePullPolicy,
// validateContainerOnlyForPod (whitespace, Pods only)
function checkImages(ctx: PodRuleContext): Violation[] {
  const found: Violation[] = [];
  for (const ref of ctx.containers) {
    const image = ref.container.image;
    if (image === undefined || image === null || image === '') {
      found.push(violation(RULE.API_IMAGE_REQUIRED, `${ref.path}.image`,
        `${describeContainer(ref)} has no image: Required value (Pod templates included): set image, pinned to a tag or digest`));
    } else if (typeof image === 'string' && image.trim() !== image) {
      found.push(violation(RULE.API_IMAGE_WHITESPACE, `${ref.path}.image`, whitespaceMessage(ctx.kind, ref, image)));
    }
    const policy = ref.container.imagePullPolicy;
    if (isPresent(policy) && policy !== '' && !SUPPORTED_PULL_POLICIES.includes(policy)) {
      found.push(violation(RULE.API_IMAGE_PULL_POLICY, `${ref.path}.imagePullPolicy`,
        `${describeContainer(ref)} imagePullPolicy: Unsupported value: "${policy}": supported values: ${quotedList(SUPPORTED_PULL_POLICIES)}; or omit it to get the default for the image`));
    }
  }
  return found;
}

function whitespaceMessage(kind: string, ref: ContainerRef, image: string): string {
  const consequence = kind === 'Pod'
    ? 'must not have leading or trailing whitespace'
    : `must not have leading or trailing whitespace (the API server accepts the ${kind} but rejects every Pod created from it)`;
  return `${describeContainer(ref)} image: Invalid value: ${JSON.stringify(image)}: ${consequence}; remove the whitespace`;
}

function isValidPortNumber(port: unknown): boolean {
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535;
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function quotedList(values: string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}
