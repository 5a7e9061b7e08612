/**
 * What the Kubernetes 1.28 API server rejects in a Pod or Pod template, checked
 * on the manifest as written (before the API server's defaulting: an omitted
 * `protocol`, `imagePullPolicy` or probe threshold is therefore fine).
 *
 * k8s: pkg/apis/core/validation/validation.go (ValidatePodSpec and the functions
 * it calls), pkg/apis/apps/validation, pkg/apis/batch/validation.
 */
import { ContainerRef, PodRuleContext, describeContainer, describesPods, isObject, isSidecarFor } from './pod-templates';
import { ObjectRuleContext, Rule, RuleHit, enforcedRule, hit } from './rule';
import { RULE } from './rule-ids';
import { describeGate, FeatureGate, firstVersionEnabling, isEnabled } from '../k8s/feature-gates';
import { KubernetesVersion } from '../k8s/kubernetes-version';
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

// k8s: validation.go ValidatePodName, ValidateServiceName; batch/validation ValidateCronJobCreate
function checkObjectName({ object: obj, kind }: ObjectRuleContext): RuleHit[] {
  if (kind !== 'Service' && !describesPods(kind)) {
    return [];
  }
  const metadata = isObject(obj.metadata) ? obj.metadata : {};
  const name = metadata.name;
  if (name === undefined || name === null || name === '') {
    if (typeof metadata.generateName === 'string' && metadata.generateName !== '') {
      return [];
    }
    return [hit('metadata.name',
      `${kind} has no metadata.name: Required value: name or generateName is required; set metadata.name`)];
  }
  const problems = objectNameProblems(kind, String(name));
  if (problems.length === 0) {
    return [];
  }
  return [hit('metadata.name',
    `${kind} name "${name}" is invalid: ${problems.join('; ')}: rename it`)];
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
function checkContainersPresent(ctx: PodRuleContext): RuleHit[] {
  const containers = ctx.pod.spec.containers;
  if (Array.isArray(containers) && containers.length > 0) {
    return [];
  }
  return [hit(`${ctx.pod.specPath}.containers`,
    'the Pod has no app containers: containers: Required value: add at least one container to containers')];
}

// k8s: validation.go validateContainerCommon (name Required, ValidateDNS1123Label)
function checkContainerNames(ctx: PodRuleContext): RuleHit[] {
  const found: RuleHit[] = [];
  for (const ref of ctx.containers) {
    const name = ref.container.name;
    const path = `${ref.path}.name`;
    if (name === undefined || name === null || name === '') {
      found.push(hit(path,
        `${describeContainer(ref)} has no name: Required value: name every container`));
      continue;
    }
    const problems = dns1123LabelErrors(String(name));
    if (problems.length > 0) {
      found.push(hit(path,
        `${describeContainer(ref)} name "${name}" is not a DNS-1123 label: ${problems.join('; ')}: rename it`));
    }
  }
  return found;
}

// k8s: validation.go validateContainers, validateInitContainers, validateEphemeralContainers (field.Duplicate)
function checkDuplicateContainerNames(ctx: PodRuleContext): RuleHit[] {
  const firstByName = new Map<string, ContainerRef>();
  const found: RuleHit[] = [];
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
    found.push(hit(`${ref.path}.name`,
      `${describeContainer(ref)}: Duplicate value: "${name}" (already used by ${first.path}): container names must be unique across init, app and ephemeral containers; rename one`));
  }
  return found;
}

/** App containers first, as ValidatePodSpec checks them, so a clash is reported where Kubernetes reports it. */
function inValidationOrder(refs: ContainerRef[]): ContainerRef[] {
  return DUPLICATE_CHECK_ORDER.flatMap((group) => refs.filter((ref) => ref.group === group));
}

// k8s: validation.go ValidateVolumes (name Required, ValidateDNS1123Label, field.Duplicate)
function checkVolumeNames(ctx: PodRuleContext): RuleHit[] {
  const found: RuleHit[] = [];
  const declared = new Set<string>();
  volumesOf(ctx).forEach((volume: any, index: number) => {
    const name = isObject(volume) ? volume.name : undefined;
    const path = `${ctx.pod.specPath}.volumes[${index}].name`;
    if (name === undefined || name === null || name === '') {
      found.push(hit(path, `volume #${index} has no name: Required value: name every volume`));
      return;
    }
    const problems = dns1123LabelErrors(String(name));
    if (problems.length > 0) {
      found.push(hit(path,
        `volume name "${name}" is not a DNS-1123 label: ${problems.join('; ')}: rename it`));
    }
    if (declared.has(String(name))) {
      found.push(hit(path,
        `volume name: Duplicate value: "${name}": give each volume its own name`));
    }
    declared.add(String(name));
  });
  return found;
}

// k8s: validation.go ValidateVolumeMounts (field.NotFound)
function checkVolumeMounts(ctx: PodRuleContext): RuleHit[] {
  const declared = new Set<string>();
  for (const volume of volumesOf(ctx)) {
    const name = isObject(volume) ? volume.name : undefined;
    if (name !== undefined && name !== null && name !== '') declared.add(String(name));
  }
  const found: RuleHit[] = [];
  for (const ref of ctx.containers) {
    const mounts = Array.isArray(ref.container.volumeMounts) ? ref.container.volumeMounts : [];
    mounts.forEach((mount: any, index: number) => {
      const name = isObject(mount) ? mount.name : undefined;
      if (typeof name === 'string' && declared.has(name)) {
        return;
      }
      found.push(hit(`${ref.path}.volumeMounts[${index}].name`,
        `${describeContainer(ref)} mounts volume "${name ?? ''}": Not found: the Pod has no volume of that name; add it to volumes or correct the mount name`));
    });
  }
  return found;
}

function volumesOf(ctx: PodRuleContext): any[] {
  return Array.isArray(ctx.pod.spec.volumes) ? ctx.pod.spec.volumes : [];
}

// k8s: validation.go validateRestartPolicy; apps/validation and batch/validation (per-kind values)
function checkPodRestartPolicy(ctx: PodRuleContext): RuleHit[] {
  const policy = ctx.pod.spec.restartPolicy;
  const given = policy === undefined || policy === null ? undefined : String(policy);
  const problem = restartPolicyProblem(ctx.kind, given);
  if (problem === undefined) {
    return [];
  }
  return [hit(`${ctx.pod.specPath}.restartPolicy`, `${ctx.kind} ${problem}`)];
}

// k8s: validation.go validateInitContainerRestartPolicy; validateContainers ("may not be set for non-init containers")
function checkContainerRestartPolicies(ctx: PodRuleContext): RuleHit[] {
  const found: RuleHit[] = [];
  for (const ref of ctx.containers) {
    const policy = ref.container.restartPolicy;
    if (policy === undefined || policy === null) {
      continue;
    }
    const path = `${ref.path}.restartPolicy`;
    if (ref.group !== 'initContainers') {
      found.push(hit(path,
        `${describeContainer(ref)} restartPolicy "${policy}": Forbidden: may not be set for non-init containers; remove it, or move the container to initContainers with restartPolicy Always to make it a sidecar`));
    } else if (policy !== 'Always') {
      found.push(hit(path,
        `${describeContainer(ref)} restartPolicy: Unsupported value: "${policy}": supported values: "Always"; use Always for a sidecar, or remove the field`));
    }
  }
  return found;
}

// k8s: validation.go validateInitContainers (default branch: field.Forbidden for lifecycle and probes)
function checkInitContainerProbes(ctx: PodRuleContext): RuleHit[] {
  const found: RuleHit[] = [];
  for (const ref of ctx.containers) {
    if (ref.group !== 'initContainers' || isSidecarFor(ref, ctx.kubernetesVersion)) {
      continue;
    }
    for (const field of INIT_FORBIDDEN_FIELDS) {
      if (isPresent(ref.container[field])) {
        found.push(hit(`${ref.path}.${field}`,
          `${describeContainer(ref)} ${field}: Forbidden: may not be set for init containers without restartPolicy=Always; ${initProbeFix(ref, field, ctx.kubernetesVersion)}`));
      }
    }
  }
  return found;
}

/** A sidecar refused for its probes only because its release drops `restartPolicy` is told so, with both ways out. */
function initProbeFix(ref: ContainerRef, field: string, version: KubernetesVersion): string {
  if (!ref.sidecar) return 'remove it, or make the container a sidecar (restartPolicy: Always)';
  return `the API server drops this sidecar's restartPolicy: Always on ${version.name} (${describeGate(FeatureGate.SIDECAR_CONTAINERS, version)}) and validates it as a plain init container. `
    + `If the cluster enables the gate on its API server and kubelets, say so (lint --feature-gates SidecarContainers=true; in code PodPatterns.setKubernetesVersion(app, KubernetesVersion.V1_${version.minor}.withFeatureGates({ SidecarContainers: true }))); `
    + `otherwise remove ${field} or run Kubernetes ${firstVersionEnabling(FeatureGate.SIDECAR_CONTAINERS)!.name} or later`;
}

// k8s: validation.go validateContainers and validateInitContainers (restartAlways branch) call
// validateLifecycle, validateLivenessProbe, validateReadinessProbe, validateStartupProbe.
function checkProbesAndHooks(ctx: PodRuleContext): RuleHit[] {
  const found: RuleHit[] = [];
  for (const ref of ctx.containers) {
    if (ref.group === 'ephemeralContainers' || (ref.group === 'initContainers' && !isSidecarFor(ref, ctx.kubernetesVersion))) {
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
          found.push(...handlerProblems(ref, `lifecycle.${hook}`, lifecycle[hook], lifecycleHandlers(ctx.kubernetesVersion), sleepLimits(ctx)));
        }
      }
    }
  }
  return found;
}

function probeProblems(ref: ContainerRef, field: string, probe: any): RuleHit[] {
  const found = handlerProblems(ref, field, probe, PROBE_HANDLERS);
  const safe = isObject(probe) ? probe : {};
  const at = (child: string) => `${ref.path}.${field}.${child}`;
  for (const number of NON_NEGATIVE_PROBE_FIELDS) {
    if (typeof safe[number] === 'number' && safe[number] < 0) {
      found.push(hit(at(number),
        `${describeContainer(ref)} ${field}.${number}: Invalid value: ${safe[number]}: must be greater than or equal to 0`));
    }
  }
  const grace = safe.terminationGracePeriodSeconds;
  if (field === 'readinessProbe' && isPresent(grace)) {
    found.push(hit(at('terminationGracePeriodSeconds'),
      `${describeContainer(ref)} readinessProbe.terminationGracePeriodSeconds: Invalid value: ${grace}: must not be set for readinessProbes; remove it`));
  } else if (typeof grace === 'number' && grace <= 0) {
    found.push(hit(at('terminationGracePeriodSeconds'),
      `${describeContainer(ref)} ${field}.terminationGracePeriodSeconds: Invalid value: ${grace}: must be greater than 0`));
  }
  // An omitted or 0 successThreshold is defaulted to 1 (SetDefaults_Probe) before validation.
  const success = safe.successThreshold;
  if (field !== 'readinessProbe' && typeof success === 'number' && success > 1) {
    found.push(hit(at('successThreshold'),
      `${describeContainer(ref)} ${field}.successThreshold: Invalid value: ${success}: must be 1; remove it or set it to 1`));
  }
  return found;
}

/**
 * The lifecycle handlers a default API server of `version` keeps: `sleep` from
 * 1.30 (PodLifecycleSleepAction on; 1.29 has the field but drops it, pkg/api/pod/util.go
 * dropDisabledFields; 1.28 has no such field).
 */
function lifecycleHandlers(version: KubernetesVersion): string[] {
  return isEnabled(FeatureGate.POD_LIFECYCLE_SLEEP_ACTION, version) ? [...LIFECYCLE_HANDLERS_1_28, 'sleep'] : LIFECYCLE_HANDLERS_1_28;
}

/** What validateSleepAction checks a sleep against: the Pod's terminationGracePeriodSeconds (SetDefaults_PodSpec: 30). */
interface SleepLimits {
  readonly version: KubernetesVersion;
  readonly gracePeriod: unknown;
}

function sleepLimits(ctx: PodRuleContext): SleepLimits {
  return { version: ctx.kubernetesVersion, gracePeriod: ctx.pod.spec.terminationGracePeriodSeconds ?? 30 };
}

/** Why a sleep hook has no handler on `version`: the field is unknown (1.28) or dropped (1.29). */
function droppedSleepHint(version: KubernetesVersion): string {
  if (version.minor === KubernetesVersion.V1_28.minor) return ' (a sleep hook needs Kubernetes 1.29; a 1.28 API server drops it)';
  return ` (a ${version.name} API server drops the sleep action: ${describeGate(FeatureGate.POD_LIFECYCLE_SLEEP_ACTION, version)}; it is on by default from ${firstVersionEnabling(FeatureGate.POD_LIFECYCLE_SLEEP_ACTION)!.name})`;
}

/**
 * k8s: validation.go validateSleepAction (v1.30.0; zero allowed where
 * AllowPodLifecycleSleepActionZeroValue is set, v1.32.0+).
 */
function sleepProblems(ref: ContainerRef, field: string, action: any, limits: SleepLimits): RuleHit[] {
  const seconds = action.seconds ?? 0;
  const grace = limits.gracePeriod;
  if (typeof seconds !== 'number' || typeof grace !== 'number') return [];
  const allowZero = isEnabled(FeatureGate.POD_LIFECYCLE_SLEEP_ACTION_ALLOW_ZERO, limits.version);
  if (allowZero ? seconds >= 0 && seconds <= grace : seconds > 0 && seconds <= grace) return [];
  const rule = allowZero ? 'must be non-negative' : 'must be greater than 0';
  return [hit(`${ref.path}.${field}.sleep`,
    `${describeContainer(ref)} ${field}.sleep: Invalid value: ${seconds}: ${rule} and less than terminationGracePeriodSeconds (${grace}); sleep at most the Pod's grace period`)];
}

// k8s: validation.go validateHandler, validateExecAction, ValidatePortNumOrName
function handlerProblems(ref: ContainerRef, field: string, owner: any, handlers: string[], limits?: SleepLimits): RuleHit[] {
  const safe = isObject(owner) ? owner : {};
  const path = `${ref.path}.${field}`;
  const set = handlers.filter((handler) => isPresent(safe[handler]));
  if (set.length === 0) {
    const sleepHint = isPresent(safe.sleep) ? droppedSleepHint(limits?.version ?? KubernetesVersion.DEFAULT) : '';
    return [hit(path,
      `${describeContainer(ref)} ${field}: Required value: must specify a handler type${sleepHint}; use one of ${handlers.join(', ')}`)];
  }
  if (set.length > 1) {
    return [hit(`${path}.${set[1]}`,
      `${describeContainer(ref)} ${field}.${set[1]}: Forbidden: may not specify more than 1 handler type (${set.join(' and ')} are set); keep one`)];
  }
  const handler = set[0];
  const action = isObject(safe[handler]) ? safe[handler] : {};
  if (handler === 'sleep') return limits === undefined ? [] : sleepProblems(ref, field, action, limits);
  if (handler === 'exec') {
    return Array.isArray(action.command) && action.command.length > 0 ? [] : [hit(`${path}.exec.command`,
      `${describeContainer(ref)} ${field}.exec.command: Required value: give the command to run`)];
  }
  const problem = portNumOrNameProblem(action.port);
  return problem === undefined ? [] : [hit(`${path}.${handler}.port`,
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
function checkContainerPorts(ctx: PodRuleContext): RuleHit[] {
  const found: RuleHit[] = [];
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

function portProblems(ref: ContainerRef, port: Record<string, any>, path: string, names: Set<string>): RuleHit[] {
  const found: RuleHit[] = [];
  const who = describeContainer(ref);
  if (typeof port.name === 'string' && port.name !== '') {
    const problems = portNameErrors(port.name);
    if (problems.length > 0) {
      found.push(hit(`${path}.name`,
        `${who} port name "${port.name}" is invalid: ${problems.join('; ')}: use at most 15 characters of a-z, 0-9 and '-', with at least one letter`));
    } else if (names.has(port.name)) {
      found.push(hit(`${path}.name`,
        `${who} port name: Duplicate value: "${port.name}": port names must be unique within a container`));
    }
    names.add(port.name);
  }
  if (port.containerPort === undefined || port.containerPort === null || port.containerPort === 0) {
    found.push(hit(`${path}.containerPort`,
      `${who} port has no containerPort: Required value: set the port the container listens on (1-65535)`));
  } else if (!isValidPortNumber(port.containerPort)) {
    found.push(hit(`${path}.containerPort`,
      `${who} containerPort: Invalid value: ${JSON.stringify(port.containerPort)}: ${PORT_RANGE_MESSAGE}`));
  }
  const hostPort = port.hostPort;
  if (hostPort !== undefined && hostPort !== null && hostPort !== 0 && !isValidPortNumber(hostPort)) {
    found.push(hit(`${path}.hostPort`,
      `${who} hostPort: Invalid value: ${JSON.stringify(hostPort)}: ${PORT_RANGE_MESSAGE} (or 0 for none)`));
  }
  const protocol = port.protocol;
  if (isPresent(protocol) && protocol !== '' && !SUPPORTED_PROTOCOLS.includes(protocol)) {
    found.push(hit(`${path}.protocol`,
      `${who} protocol: Unsupported value: "${protocol}": supported values: ${quotedList(SUPPORTED_PROTOCOLS)} (upper case)`));
  }
  return found;
}

// k8s: validation.go checkHostPortConflicts: across all app containers, and within each init
// container on its own ("since init containers run one-by-one").
function checkHostPortConflicts(ctx: PodRuleContext): RuleHit[] {
  const found: RuleHit[] = [];
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

function hostPortDuplicates(ref: ContainerRef, seen: Map<string, string>): RuleHit[] {
  const found: RuleHit[] = [];
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
    found.push(hit(path,
      `${describeContainer(ref)} hostPort: Duplicate value: "${key}" (also at ${first}): use another hostPort, protocol or hostIP`));
  });
  return found;
}

// k8s: validation.go validateContainerCommon (image Required, Pods and templates alike)
function checkImageRequired(ctx: PodRuleContext): RuleHit[] {
  return ctx.containers
    .filter((ref) => ref.container.image === undefined || ref.container.image === null || ref.container.image === '')
    .map((ref) => hit(`${ref.path}.image`,
      `${describeContainer(ref)} has no image: Required value (Pod templates included): set image, pinned to a tag or digest`));
}

// k8s: validation.go validateContainerOnlyForPod (whitespace, Pods only)
function checkImageWhitespace(ctx: PodRuleContext): RuleHit[] {
  return ctx.containers
    .filter((ref) => typeof ref.container.image === 'string' && ref.container.image !== '' && ref.container.image.trim() !== ref.container.image)
    .map((ref) => hit(`${ref.path}.image`, whitespaceMessage(ctx.kind, ref, ref.container.image)));
}

// k8s: validation.go validatePullPolicy
function checkImagePullPolicy(ctx: PodRuleContext): RuleHit[] {
  return ctx.containers
    .filter((ref) => isPresent(ref.container.imagePullPolicy) && ref.container.imagePullPolicy !== ''
      && !SUPPORTED_PULL_POLICIES.includes(ref.container.imagePullPolicy))
    .map((ref) => hit(`${ref.path}.imagePullPolicy`,
      `${describeContainer(ref)} imagePullPolicy: Unsupported value: "${ref.container.imagePullPolicy}": supported values: ${quotedList(SUPPORTED_PULL_POLICIES)}; or omit it to get the default for the image`));
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

// k8s: validation.go ValidatePodCreate ("cannot be set on create": only the ephemeralcontainers
// subresource adds them) and ValidatePodTemplateSpec ("ephemeral containers not allowed in pod template").
function checkEphemeralContainers(ctx: PodRuleContext): RuleHit[] {
  const list = ctx.pod.spec.ephemeralContainers;
  if (!Array.isArray(list) || list.length === 0) {
    return [];
  }
  const why = ctx.kind === 'Pod'
    ? 'Forbidden: cannot be set on create'
    : 'Forbidden: ephemeral containers not allowed in pod template';
  return [hit(`${ctx.pod.specPath}.ephemeralContainers`,
    `${ctx.kind} sets ephemeralContainers: ${why}; remove them: ephemeral containers are added to a running Pod through its ephemeralcontainers subresource (kubectl debug)`)];
}

// k8s: validation.go validateHostNetwork (1.28: `(opts.ResourceIsPod || hostPort != 0) && hostPort != containerPort`,
// app containers only) after pkg/apis/core/v1/defaults.go defaultHostNetworkPorts has copied containerPort
// into an unset hostPort of a Pod (templates are no longer defaulted in 1.28, and 0 is allowed there).
// Either way, only an explicit hostPort other than containerPort is rejected.
function checkHostNetworkHostPorts(ctx: PodRuleContext): RuleHit[] {
  if (ctx.pod.spec.hostNetwork !== true) {
    return [];
  }
  const found: RuleHit[] = [];
  for (const ref of ctx.containers) {
    if (ref.group !== 'containers' || !Array.isArray(ref.container.ports)) {
      continue;
    }
    ref.container.ports.forEach((port: any, index: number) => {
      if (!isObject(port) || !isPresent(port.hostPort) || port.hostPort === 0 || port.hostPort === port.containerPort) {
        return;
      }
      found.push(hit(`${ref.path}.ports[${index}].hostPort`,
        `${describeContainer(ref)} hostPort: Invalid value: ${JSON.stringify(port.hostPort)}: must match \`containerPort\` (${JSON.stringify(port.containerPort)}) when \`hostNetwork\` is true; `
        + 'remove hostPort (it defaults to containerPort) or make the two equal'));
    });
  }
  return found;
}

/** Each API rule's reference quotes the line of this file (k8s v1.28) that rejects the object. */
const VALIDATION_GO = 'pkg/apis/core/validation/validation.go (k8s v1.28)';

/** The rules of the Kubernetes 1.28 API server's validation. */
export const API_RULES: readonly Rule[] = [
  enforcedRule({
    id: RULE.API_OBJECT_NAME,
    what: '`metadata.name` is valid for the kind: a DNS-1123 subdomain for Pods and workloads, a DNS-1035 label for Services, at most 63 characters for a Job and 52 for a CronJob.',
    why: 'The API server rejects the object. Job and CronJob names end up in label values (63 characters) and in the names of the Jobs a CronJob creates (name + 11 characters).',
    fix: 'Rename the object: lower-case letters, digits and `-` (and `.` where a subdomain is allowed), starting and ending with a letter or digit.',
    reference: `${VALIDATION_GO} validatePodMetadataAndSpec: \`ValidateObjectMeta(&pod.ObjectMeta, true, ValidatePodName, fldPath)\`; ValidateService: \`ValidateObjectMeta(&service.ObjectMeta, true, ValidateServiceName, field.NewPath("metadata"))\`; pkg/apis/batch/validation/validation.go ValidateCronJobCreate: \`field.Invalid(field.NewPath("metadata").Child("name"), cronJob.ObjectMeta.Name, "must be no more than 52 characters")\``,
    checkObject: checkObjectName,
  }),
  enforcedRule({
    id: RULE.API_CONTAINERS_REQUIRED,
    what: 'The Pod has at least one app container.',
    why: 'The API server rejects a Pod (or template) without `containers`.',
    fix: 'Add a container to `containers`.',
    reference: `${VALIDATION_GO} validateContainers: \`if len(containers) == 0 { allErrs = append(allErrs, field.Required(fldPath, "")) }\``,
    checkPod: checkContainersPresent,
  }),
  enforcedRule({
    id: RULE.API_CONTAINER_NAME,
    what: 'Every container has a name, and it is a DNS-1123 label.',
    why: 'The API server rejects the Pod.',
    fix: 'Name the container with at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit.',
    reference: `${VALIDATION_GO} validateContainerCommon: \`if len(ctr.Name) == 0 { allErrs = append(allErrs, field.Required(namePath, "")) } else { allErrs = append(allErrs, ValidateDNS1123Label(ctr.Name, namePath)...) }\``,
    checkPod: checkContainerNames,
  }),
  enforcedRule({
    id: RULE.API_CONTAINER_NAME_DUPLICATE,
    what: 'Container names are unique across init, app and ephemeral containers.',
    why: 'The API server rejects the Pod: `Duplicate value`.',
    fix: 'Rename one of the containers.',
    reference: `${VALIDATION_GO} validateInitContainers, validateContainers, validateEphemeralContainers: \`if allNames.Has(ctr.Name) { allErrs = append(allErrs, field.Duplicate(namePath, ctr.Name)) }\``,
    checkPod: checkDuplicateContainerNames,
  }),
  enforcedRule({
    id: RULE.API_VOLUME_NAME,
    what: 'Every volume has a unique name that is a DNS-1123 label.',
    why: 'The API server rejects the Pod.',
    fix: 'Rename the volume with at most 63 lower-case letters, digits and `-`; give each volume its own name.',
    reference: `${VALIDATION_GO} ValidateVolumes: \`el = append(el, ValidateDNS1123Label(vol.Name, namePath)...)\`, \`if allNames.Has(vol.Name) { el = append(el, field.Duplicate(namePath, vol.Name)) }\``,
    checkPod: checkVolumeNames,
  }),
  enforcedRule({
    id: RULE.API_VOLUME_MOUNT_UNKNOWN,
    what: 'Every `volumeMounts[].name` names a volume of the Pod.',
    why: 'The API server rejects the Pod: `Not found`.',
    fix: 'Add the volume to `volumes`, or correct the mount\'s name.',
    reference: `${VALIDATION_GO} ValidateVolumeMounts: \`if !IsMatchedVolume(mnt.Name, volumes) { allErrs = append(allErrs, field.NotFound(idxPath.Child("name"), mnt.Name)) }\``,
    checkPod: checkVolumeMounts,
  }),
  enforcedRule({
    id: RULE.API_RESTART_POLICY,
    what: 'The Pod `restartPolicy` is one the owning kind accepts: any for a Pod, `Always` for Deployment, StatefulSet, DaemonSet, ReplicaSet and ReplicationController, `OnFailure` or `Never` for Job and CronJob.',
    why: 'The API server rejects the object. An omitted policy defaults to `Always`, which a Job rejects.',
    fix: 'Set the restart policy the kind accepts.',
    reference: `${VALIDATION_GO} validateRestartPolicy: \`field.NotSupported(fldPath, *restartPolicy, validValues)\`; pkg/apis/apps/validation ValidatePodTemplateSpecForStatefulSet, ValidateDeploymentSpec, ValidateDaemonSetSpec: \`if spec.Template.Spec.RestartPolicy != api.RestartPolicyAlways\` → \`field.NotSupported(...)\`; pkg/apis/batch/validation validateJobSpec: \`field.NotSupported(fldPath.Child("template", "spec", "restartPolicy"), ...)\``,
    checkPod: checkPodRestartPolicy,
  }),
  enforcedRule({
    id: RULE.API_CONTAINER_RESTART_POLICY,
    what: 'A container-level `restartPolicy` appears only on init containers, and only as `Always` (a native sidecar).',
    why: 'The API server rejects the Pod: `may not be set for non-init containers` or `Unsupported value`.',
    fix: 'Remove the field, or move the container to `initContainers` with `restartPolicy: Always` to make it a sidecar.',
    reference: `${VALIDATION_GO} validateContainers: \`field.Forbidden(path.Child("restartPolicy"), "may not be set for non-init containers")\`; validateInitContainerRestartPolicy: \`field.NotSupported(fldPath, *restartPolicy, validValues)\``,
    checkPod: checkContainerRestartPolicies,
  }),
  enforcedRule({
    id: RULE.API_INIT_CONTAINER_PROBES,
    what: 'Init containers that run to completion have no `lifecycle`, `livenessProbe`, `readinessProbe` or `startupProbe`. Where SidecarContainers is off (1.28 unless the cluster enables it) sidecars are such init containers: the API server drops their `restartPolicy` first.',
    why: 'The API server rejects the Pod: `may not be set for init containers without restartPolicy=Always`. Only sidecars (restartPolicy Always, kept by the server) may have them.',
    fix: 'Remove the probe or hook, or make the container a sidecar with `restartPolicy: Always`; for a sidecar on 1.28, declare the cluster\'s SidecarContainers gate (`--feature-gates SidecarContainers=true`, `KubernetesVersion.V1_28.withFeatureGates`) or target 1.29+.',
    reference: `${VALIDATION_GO} validateInitContainers: \`field.Forbidden(idxPath.Child("lifecycle"), "may not be set for init containers without restartPolicy=Always")\` (and the same for livenessProbe, readinessProbe, startupProbe)`,
    checkPod: checkInitContainerProbes,
  }),
  enforcedRule({
    id: RULE.API_PROBE,
    what: 'Probes and lifecycle hooks have exactly one handler; liveness and startup probes have `successThreshold` 1; readiness probes have no `terminationGracePeriodSeconds`; numbers are not negative.',
    why: 'The API server rejects the Pod.',
    fix: 'Use one of `exec`, `httpGet`, `tcpSocket`, `grpc` per probe; drop `successThreshold` or set it to 1 on liveness and startup probes.',
    reference: `${VALIDATION_GO} validateHandler: \`field.Forbidden(fldPath.Child("exec"), "may not specify more than 1 handler type")\`; validateLivenessProbe: \`if probe.SuccessThreshold != 1 { field.Invalid(fldPath.Child("successThreshold"), probe.SuccessThreshold, "must be 1") }\`; validateReadinessProbe: \`field.Invalid(fldPath.Child("terminationGracePeriodSeconds"), ..., "must not be set for readinessProbes")\`; validateProbe: \`ValidateNonnegativeField(int64(probe.InitialDelaySeconds), fldPath.Child("initialDelaySeconds"))\``,
    checkPod: checkProbesAndHooks,
  }),
  enforcedRule({
    id: RULE.API_CONTAINER_PORT,
    what: '`containerPort` is 1-65535, `hostPort` is 0-65535, `protocol` is TCP, UDP or SCTP, port names are IANA service names unique within the container.',
    why: 'The API server rejects the Pod.',
    fix: 'Correct the port number, protocol (upper case) or name (at most 15 characters of a-z, 0-9 and `-`, with a letter).',
    reference: `${VALIDATION_GO} validateContainerPorts: \`field.Invalid(idxPath.Child("containerPort"), port.ContainerPort, validation.InclusiveRangeError(1, 65535))\`, \`field.NotSupported(idxPath.Child("protocol"), port.Protocol, supportedPortProtocols.List())\`, \`field.Duplicate(idxPath.Child("name"), port.Name)\``,
    checkPod: checkContainerPorts,
  }),
  enforcedRule({
    id: RULE.API_HOST_PORT_CONFLICT,
    what: 'No two app container ports (nor two ports of one init container) use the same hostPort, protocol and hostIP.',
    why: 'The API server rejects the Pod: `Duplicate value`.',
    fix: 'Give each host port its own number, protocol or hostIP; usually, drop `hostPort` and use a Service.',
    reference: `${VALIDATION_GO} AccumulateUniqueHostPorts: \`if accumulator.Has(str) { allErrors = append(allErrors, field.Duplicate(idxPath.Child("hostPort"), str)) }\`, called by checkHostPortConflicts`,
    checkPod: checkHostPortConflicts,
  }),
  enforcedRule({
    id: RULE.API_HOST_NETWORK_HOST_PORT,
    what: 'With `hostNetwork: true`, every app container port that sets `hostPort` sets it equal to its `containerPort`.',
    why: 'The API server rejects the Pod (`must match containerPort when hostNetwork is true`): in the host\'s network namespace the container listens on the node\'s port directly, so there is nothing to map. An omitted hostPort is fine: Kubernetes defaults it to containerPort.',
    fix: 'Remove `hostPort`, or set it to the same number as `containerPort`.',
    reference: `${VALIDATION_GO} validateHostNetwork: \`if port.HostPort != port.ContainerPort { allErrors = append(allErrors, field.Invalid(...)) }\`; pkg/apis/core/v1/defaults.go defaultHostNetworkPorts: \`if (*containers)[i].Ports[j].HostPort == 0 { (*containers)[i].Ports[j].HostPort = (*containers)[i].Ports[j].ContainerPort }\``,
    checkPod: checkHostNetworkHostPorts,
  }),
  enforcedRule({
    id: RULE.API_EPHEMERAL_CONTAINERS,
    what: 'No Pod or Pod template sets `ephemeralContainers`.',
    why: 'The API server rejects a Pod that sets them on create (`cannot be set on create`) and any workload whose template sets them (`ephemeral containers not allowed in pod template`): only the ephemeralcontainers subresource of a running Pod (`kubectl debug`) adds them.',
    fix: 'Remove `ephemeralContainers`; use `kubectl debug` on the running Pod to add one.',
    reference: `${VALIDATION_GO} ValidatePodCreate: \`field.Forbidden(fldPath.Child("ephemeralContainers"), "cannot be set on create")\`; ValidatePodTemplateSpec: \`field.Forbidden(fldPath.Child("spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template")\``,
    checkPod: checkEphemeralContainers,
  }),
  enforcedRule({
    id: RULE.API_IMAGE_PULL_POLICY,
    what: '`imagePullPolicy` is `Always`, `IfNotPresent` or `Never`.',
    why: 'The API server rejects the Pod: `Unsupported value`.',
    fix: 'Use one of the three values (case matters), or omit it to get the default for the image.',
    reference: `${VALIDATION_GO} validatePullPolicy: \`default: allErrors = append(allErrors, field.NotSupported(fldPath, policy, supportedPullPolicies.List()))\``,
    checkPod: checkImagePullPolicy,
  }),
  enforcedRule({
    id: RULE.API_IMAGE_REQUIRED,
    what: 'Every container has an image.',
    why: 'The API server rejects Pods and Pod templates alike: `image: Required value`.',
    fix: 'Set `image`, pinned to a tag or digest.',
    reference: `${VALIDATION_GO} validateContainerCommon (for app, init and ephemeral containers): \`if len(ctr.Image) == 0 { allErrs = append(allErrs, field.Required(path.Child("image"), "")) }\``,
    checkPod: checkImageRequired,
  }),
  enforcedRule({
    id: RULE.API_IMAGE_WHITESPACE,
    what: 'Images have no leading or trailing whitespace.',
    why: 'The API server rejects such a Pod. It accepts the template of a workload, but then rejects every Pod the controller creates from it (`FailedCreate`), so nothing runs.',
    fix: 'Remove the whitespace around the image reference.',
    reference: `${VALIDATION_GO} validateContainerOnlyForPod: \`if len(ctr.Image) != len(strings.TrimSpace(ctr.Image)) { field.Invalid(path.Child("image"), ctr.Image, "must not have leading or trailing whitespace") }\``,
    checkPod: checkImageWhitespace,
  }),
];
