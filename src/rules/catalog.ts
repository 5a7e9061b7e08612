import { Severity, Violation } from './finding';
import { PodSecurityRule } from './pod-security';

/** One rule of the catalogue: what it checks and what to do about it. */
export interface RuleDescription {
  /** Stable identifier, as it appears in findings. */
  readonly id: string;
  /** Severity of every finding of this rule. */
  readonly severity: Severity;
  /** What the rule checks. */
  readonly what: string;
  /** Why it matters: what Kubernetes does with such a manifest. */
  readonly why: string;
  /** How to fix a finding. */
  readonly fix: string;
  /** Kubernetes 1.28 source the rule follows, or the reason it exists. */
  readonly reference: string;
}

/** Rule identifiers, so that rules and catalogue cannot drift apart. */
export const RULE = {
  API_OBJECT_NAME: 'api-object-name',
  API_CONTAINERS_REQUIRED: 'api-containers-required',
  API_CONTAINER_NAME: 'api-container-name',
  API_CONTAINER_NAME_DUPLICATE: 'api-container-name-duplicate',
  API_VOLUME_NAME: 'api-volume-name',
  API_VOLUME_MOUNT_UNKNOWN: 'api-volume-mount-unknown',
  API_RESTART_POLICY: 'api-restart-policy',
  API_CONTAINER_RESTART_POLICY: 'api-container-restart-policy',
  API_INIT_CONTAINER_PROBES: 'api-init-container-probes',
  API_PROBE: 'api-probe',
  API_CONTAINER_PORT: 'api-container-port',
  API_HOST_PORT_CONFLICT: 'api-host-port-conflict',
  API_IMAGE_PULL_POLICY: 'api-image-pull-policy',
  API_IMAGE_REQUIRED: 'api-image-required',
  API_IMAGE_WHITESPACE: 'api-image-whitespace',
  RUNTIME_IMAGE_REFERENCE: 'runtime-image-reference',
  RUNTIME_PORT_CONFLICT: 'runtime-container-port-conflict',
  RUNTIME_SA_NAMESPACE_FILE: 'runtime-sa-namespace-file',
  BP_MUTABLE_IMAGE_TAG: 'bp-mutable-image-tag',
  BP_UNBOUNDED_WAIT_LOOP: 'bp-unbounded-wait-loop',
  BP_MISSING_RESOURCE_REQUESTS: 'bp-missing-resource-requests',
  BP_LIVENESS_EQUALS_READINESS: 'bp-liveness-equals-readiness',
  BP_BARE_POD: 'bp-bare-pod',
  BP_SIDECAR_FEATURE_GATE: 'bp-sidecar-feature-gate',
} as const;

const VALIDATION_GO = 'pkg/apis/core/validation/validation.go';

const OWN_RULES: RuleDescription[] = [
  {
    id: RULE.API_OBJECT_NAME,
    severity: Severity.ERROR,
    what: '`metadata.name` is valid for the kind: a DNS-1123 subdomain for Pods and workloads, a DNS-1035 label for Services, at most 63 characters for a Job and 52 for a CronJob.',
    why: 'The API server rejects the object. Job and CronJob names end up in label values (63 characters) and in the names of the Jobs a CronJob creates (name + 11 characters).',
    fix: 'Rename the object: lower-case letters, digits and `-` (and `.` where a subdomain is allowed), starting and ending with a letter or digit.',
    reference: `${VALIDATION_GO} ValidatePodName, ValidateServiceName; pkg/apis/batch/validation ValidateCronJobCreate`,
  },
  {
    id: RULE.API_CONTAINERS_REQUIRED,
    severity: Severity.ERROR,
    what: 'The Pod has at least one app container.',
    why: 'The API server rejects a Pod (or template) without `containers`.',
    fix: 'Add a container to `containers`.',
    reference: `${VALIDATION_GO} validateContainers`,
  },
  {
    id: RULE.API_CONTAINER_NAME,
    severity: Severity.ERROR,
    what: 'Every container has a name, and it is a DNS-1123 label.',
    why: 'The API server rejects the Pod.',
    fix: 'Name the container with at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit.',
    reference: `${VALIDATION_GO} validateContainerCommon`,
  },
  {
    id: RULE.API_CONTAINER_NAME_DUPLICATE,
    severity: Severity.ERROR,
    what: 'Container names are unique across init, app and ephemeral containers.',
    why: 'The API server rejects the Pod: `Duplicate value`.',
    fix: 'Rename one of the containers.',
    reference: `${VALIDATION_GO} validateInitContainers, validateContainers, validateEphemeralContainers`,
  },
  {
    id: RULE.API_VOLUME_NAME,
    severity: Severity.ERROR,
    what: 'Every volume has a unique name that is a DNS-1123 label.',
    why: 'The API server rejects the Pod.',
    fix: 'Rename the volume with at most 63 lower-case letters, digits and `-`; give each volume its own name.',
    reference: `${VALIDATION_GO} ValidateVolumes`,
  },
  {
    id: RULE.API_VOLUME_MOUNT_UNKNOWN,
    severity: Severity.ERROR,
    what: 'Every `volumeMounts[].name` names a volume of the Pod.',
    why: 'The API server rejects the Pod: `Not found`.',
    fix: 'Add the volume to `volumes`, or correct the mount\'s name.',
    reference: `${VALIDATION_GO} ValidateVolumeMounts`,
  },
  {
    id: RULE.API_RESTART_POLICY,
    severity: Severity.ERROR,
    what: 'The Pod `restartPolicy` is one the owning kind accepts: any for a Pod, `Always` for Deployment, StatefulSet, DaemonSet, ReplicaSet and ReplicationController, `OnFailure` or `Never` for Job and CronJob.',
    why: 'The API server rejects the object. An omitted policy defaults to `Always`, which a Job rejects.',
    fix: 'Set the restart policy the kind accepts.',
    reference: `${VALIDATION_GO} validateRestartPolicy; pkg/apis/apps/validation; pkg/apis/batch/validation`,
  },
  {
    id: RULE.API_CONTAINER_RESTART_POLICY,
    severity: Severity.ERROR,
    what: 'A container-level `restartPolicy` appears only on init containers, and only as `Always` (a native sidecar).',
    why: 'The API server rejects the Pod: `may not be set for non-init containers` or `Unsupported value`.',
    fix: 'Remove the field, or move the container to `initContainers` with `restartPolicy: Always` to make it a sidecar.',
    reference: `${VALIDATION_GO} validateInitContainerRestartPolicy, validateContainers`,
  },
  {
    id: RULE.API_INIT_CONTAINER_PROBES,
    severity: Severity.ERROR,
    what: 'Init containers that run to completion have no `lifecycle`, `livenessProbe`, `readinessProbe` or `startupProbe`.',
    why: 'The API server rejects the Pod: `may not be set for init containers without restartPolicy=Always`. Only sidecars (restartPolicy Always) may have them.',
    fix: 'Remove the probe or hook, or make the container a sidecar with `restartPolicy: Always`.',
    reference: `${VALIDATION_GO} validateInitContainers`,
  },
  {
    id: RULE.API_PROBE,
    severity: Severity.ERROR,
    what: 'Probes and lifecycle hooks have exactly one handler; liveness and startup probes have `successThreshold` 1; readiness probes have no `terminationGracePeriodSeconds`; numbers are not negative.',
    why: 'The API server rejects the Pod.',
    fix: 'Use one of `exec`, `httpGet`, `tcpSocket`, `grpc` per probe; drop `successThreshold` or set it to 1 on liveness and startup probes.',
    reference: `${VALIDATION_GO} validateProbe, validateLivenessProbe, validateReadinessProbe, validateStartupProbe, validateHandler`,
  },
  {
    id: RULE.API_CONTAINER_PORT,
    severity: Severity.ERROR,
    what: '`containerPort` is 1-65535, `hostPort` is 0-65535, `protocol` is TCP, UDP or SCTP, port names are IANA service names unique within the container.',
    why: 'The API server rejects the Pod.',
    fix: 'Correct the port number, protocol (upper case) or name (at most 15 characters of a-z, 0-9 and `-`, with a letter).',
    reference: `${VALIDATION_GO} validateContainerPorts`,
  },
  {
    id: RULE.API_HOST_PORT_CONFLICT,
    severity: Severity.ERROR,
    what: 'No two app container ports (nor two ports of one init container) use the same hostPort, protocol and hostIP.',
    why: 'The API server rejects the Pod: `Duplicate value`.',
    fix: 'Give each host port its own number, protocol or hostIP; usually, drop `hostPort` and use a Service.',
    reference: `${VALIDATION_GO} AccumulateUniqueHostPorts, checkHostPortConflicts`,
  },
  {
    id: RULE.API_IMAGE_PULL_POLICY,
    severity: Severity.ERROR,
    what: '`imagePullPolicy` is `Always`, `IfNotPresent` or `Never`.',
    why: 'The API server rejects the Pod: `Unsupported value`.',
    fix: 'Use one of the three values (case matters), or omit it to get the default for the image.',
    reference: `${VALIDATION_GO} validatePullPolicy`,
  },
  {
    id: RULE.API_IMAGE_REQUIRED,
    severity: Severity.ERROR,
    what: 'Every container has an image.',
    why: 'The API server rejects Pods and Pod templates alike: `image: Required value`.',
    fix: 'Set `image`, pinned to a tag or digest.',
    reference: `${VALIDATION_GO} validateContainerCommon`,
  },
  {
    id: RULE.API_IMAGE_WHITESPACE,
    severity: Severity.ERROR,
    what: 'Images have no leading or trailing whitespace.',
    why: 'The API server rejects such a Pod. It accepts the template of a workload, but then rejects every Pod the controller creates from it (`FailedCreate`), so nothing runs.',
    fix: 'Remove the whitespace around the image reference.',
    reference: `${VALIDATION_GO} validateContainerOnlyForPod`,
  },
  {
    id: RULE.RUNTIME_IMAGE_REFERENCE,
    severity: Severity.ERROR,
    what: 'Every image is a reference the kubelet can parse (`[registry/]repository[:tag][@digest]`, lower-case repository).',
    why: 'The API server accepts any string; the kubelet then fails with `InvalidImageName` and the container never starts.',
    fix: 'Write the image as `registry/repository:tag` or with `@sha256:<64 hex digits>`.',
    reference: 'pkg/util/parsers/parsers.go ParseImageName; github.com/distribution/reference',
  },
  {
    id: RULE.RUNTIME_PORT_CONFLICT,
    severity: Severity.ERROR,
    what: 'No two containers that run at the same time (app containers and sidecars) declare the same `containerPort` and protocol.',
    why: 'All containers of a Pod share one network namespace. Kubernetes only warns (`duplicate port definition`); the second container then fails to bind and crash-loops.',
    fix: 'Give each container its own port.',
    reference: 'pkg/api/pod/warnings.go (duplicate port definition)',
  },
  {
    id: RULE.RUNTIME_SA_NAMESPACE_FILE,
    severity: Severity.ERROR,
    what: 'No container reads `/var/run/secrets/kubernetes.io/serviceaccount/…` when the service account token is not mounted (`automountServiceAccountToken: false` on the Pod or its ServiceAccount).',
    why: 'The file does not exist. The guide\'s waiter then looks up `myservice..svc.cluster.local` and loops forever; other commands fail.',
    fix: 'Read the namespace from an env var set by the Downward API (`valueFrom.fieldRef.fieldPath: metadata.namespace`), or write the namespace into the command.',
    reference: 'plugin/pkg/admission/serviceaccount (token volume is mounted only when automount is on)',
  },
  {
    id: RULE.BP_MUTABLE_IMAGE_TAG,
    severity: Severity.WARNING,
    what: 'Images are pinned: not untagged and not `:latest` without a digest.',
    why: 'A mutable tag changes under you: two nodes can run different code, and the default pull policy becomes `Always`.',
    fix: 'Pin a version tag or a digest.',
    reference: 'pkg/apis/core/v1/defaults.go SetDefaults_Container',
  },
  {
    id: RULE.BP_UNBOUNDED_WAIT_LOOP,
    severity: Severity.WARNING,
    what: 'An init container\'s `until … do … done` or `while … do … done` loop has a way out: an `exit`, a `timeout` command, a deadline (`date +%s`) or a counter (numeric test, shell arithmetic), or the Pod has `activeDeadlineSeconds`.',
    why: 'An endless wait leaves the Pod in `Init:0/N` forever with nothing to alert on; a bounded wait fails with `Init:Error` and a message.',
    fix: 'Give the loop a deadline and `exit 1` with a message when it passes (what `WaitFor` generates).',
    reference: 'Heuristic over the command text; the guide\'s example loops are the motivating case',
  },
  {
    id: RULE.BP_MISSING_RESOURCE_REQUESTS,
    severity: Severity.WARNING,
    what: 'App containers and sidecars of long-running workloads (not Job or CronJob) request CPU and memory (a limit alone counts, it becomes the request).',
    why: 'Without requests the scheduler packs the node blind and the Pod is the first evicted (BestEffort).',
    fix: 'Set `resources.requests.cpu` and `resources.requests.memory`.',
    reference: 'pkg/apis/core/v1/defaults.go SetDefaults_Pod (requests default to limits); pkg/apis/core/helper/qos',
  },
  {
    id: RULE.BP_LIVENESS_EQUALS_READINESS,
    severity: Severity.WARNING,
    what: 'A container\'s liveness probe differs from its readiness probe.',
    why: 'When they are identical, a slow dependency that should only take the Pod out of the Service also gets the container killed and restarted.',
    fix: 'Make the liveness probe check only that the process is alive, or give it a higher failure threshold.',
    reference: 'Kubernetes documentation: configure liveness, readiness and startup probes',
  },
  {
    id: RULE.BP_BARE_POD,
    severity: Severity.WARNING,
    what: 'The object is a naked Pod.',
    why: 'Nothing recreates a naked Pod when it is deleted, evicted or its node fails; a Deployment or StatefulSet would.',
    fix: 'Use a Deployment (or StatefulSet, or a Job for run-to-completion work).',
    reference: 'The guide, rule R4',
  },
  {
    id: RULE.BP_SIDECAR_FEATURE_GATE,
    severity: Severity.WARNING,
    what: 'Native sidecars (`restartPolicy: Always` on an init container) are used.',
    why: 'In Kubernetes 1.28 the SidecarContainers feature gate is alpha and off by default. Without it the API server drops the field: the sidecar becomes an ordinary init container that never exits, so the Pod stays in `Init` forever (or is rejected if the sidecar has probes).',
    fix: 'Enable the SidecarContainers feature gate on the 1.28 control plane and kubelets, or run on 1.29+ where it is on by default.',
    reference: 'pkg/features/kube_features.go SidecarContainers (1.28 alpha); pkg/api/pod/util.go dropDisabledFields',
  },
];

const PSA_POLICY = 'staging/src/k8s.io/pod-security-admission/policy';
const BASELINE_WHY = 'The PodSecurity admission plugin rejects the Pod in a namespace enforcing the baseline (or restricted) level; under the constructs\' default (restricted) synth fails.';
const RESTRICTED_WHY = 'The PodSecurity admission plugin rejects the Pod in a namespace enforcing the restricted level, the constructs\' default.';

/** Pod Security Standards checks, as `src/rules/pod-security.ts` reports them (pod-security-admission v0.28). */
const POD_SECURITY_RULES: RuleDescription[] = [
  {
    id: PodSecurityRule.WINDOWS_HOST_PROCESS,
    severity: Severity.ERROR,
    what: 'No Windows HostProcess containers (`windowsOptions.hostProcess`).',
    why: `HostProcess containers run directly on the Windows host. ${BASELINE_WHY}`,
    fix: 'Remove `hostProcess: true`.',
    reference: `${PSA_POLICY}/check_windowsHostProcess.go`,
  },
  {
    id: PodSecurityRule.HOST_NAMESPACES,
    severity: Severity.ERROR,
    what: '`hostNetwork`, `hostPID` and `hostIPC` are unset or false.',
    why: `Host namespaces let the Pod see and reach the node's network, processes and IPC. ${BASELINE_WHY}`,
    fix: 'Remove `hostNetwork`, `hostPID` and `hostIPC`.',
    reference: `${PSA_POLICY}/check_hostNamespaces.go`,
  },
  {
    id: PodSecurityRule.PRIVILEGED,
    severity: Severity.ERROR,
    what: 'No container is privileged.',
    why: `A privileged container has every device and capability of the node. ${BASELINE_WHY}`,
    fix: 'Remove `securityContext.privileged: true`; add only the capabilities needed.',
    reference: `${PSA_POLICY}/check_privileged.go`,
  },
  {
    id: PodSecurityRule.CAPABILITIES_BASELINE,
    severity: Severity.ERROR,
    what: '`capabilities.add` holds only the container runtime\'s default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).',
    why: `Other capabilities (NET_ADMIN, SYS_ADMIN, ...) are known privilege escalations. ${BASELINE_WHY}`,
    fix: 'Remove the added capability.',
    reference: `${PSA_POLICY}/check_capabilities_baseline.go`,
  },
  {
    id: PodSecurityRule.HOST_PATH_VOLUMES,
    severity: Severity.ERROR,
    what: 'No `hostPath` volumes.',
    why: `A hostPath volume exposes the node's file system. ${BASELINE_WHY}`,
    fix: 'Use an emptyDir, configMap, secret or persistentVolumeClaim volume.',
    reference: `${PSA_POLICY}/check_hostPathVolumes.go`,
  },
  {
    id: PodSecurityRule.HOST_PORTS,
    severity: Severity.ERROR,
    what: 'No `hostPort` (unset or 0).',
    why: `A host port binds on the node itself and bypasses network policy. ${BASELINE_WHY}`,
    fix: 'Remove `hostPort` and expose the port through a Service.',
    reference: `${PSA_POLICY}/check_hostPorts.go`,
  },
  {
    id: PodSecurityRule.APPARMOR_PROFILE,
    severity: Severity.ERROR,
    what: 'AppArmor annotations name `runtime/default` or a `localhost/` profile.',
    why: `\`unconfined\` turns AppArmor off for the container. ${BASELINE_WHY}`,
    fix: 'Use `runtime/default`, or remove the annotation.',
    reference: `${PSA_POLICY}/check_appArmorProfile.go`,
  },
  {
    id: PodSecurityRule.SELINUX_OPTIONS,
    severity: Severity.ERROR,
    what: '`seLinuxOptions` sets no user or role, and a type only of container_t, container_init_t or container_kvm_t.',
    why: `Other SELinux users, roles and types escape the container policy. ${BASELINE_WHY}`,
    fix: 'Remove `seLinuxOptions.user`, `.role`, and any other `.type`.',
    reference: `${PSA_POLICY}/check_seLinuxOptions.go`,
  },
  {
    id: PodSecurityRule.PROC_MOUNT,
    severity: Severity.ERROR,
    what: '`procMount` is unset or `Default`.',
    why: `\`Unmasked\` exposes /proc paths the runtime normally hides. ${BASELINE_WHY}`,
    fix: 'Remove `securityContext.procMount`.',
    reference: `${PSA_POLICY}/check_procMount.go`,
  },
  {
    id: PodSecurityRule.SECCOMP_PROFILE_BASELINE,
    severity: Severity.ERROR,
    what: 'No seccomp profile of type `Unconfined`.',
    why: `Unconfined turns the system-call filter off. ${BASELINE_WHY}`,
    fix: 'Use `seccompProfile.type: RuntimeDefault`.',
    reference: `${PSA_POLICY}/check_seccompProfile_baseline.go`,
  },
  {
    id: PodSecurityRule.SYSCTLS,
    severity: Severity.ERROR,
    what: 'Only the safe sysctls are set (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.ip_local_reserved_ports).',
    why: `Other sysctls can affect the whole node. ${BASELINE_WHY}`,
    fix: 'Remove the sysctl.',
    reference: `${PSA_POLICY}/check_sysctls.go`,
  },
  {
    id: PodSecurityRule.RESTRICTED_VOLUMES,
    severity: Severity.ERROR,
    what: 'Volumes are only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected or secret.',
    why: `Other volume types reach node or network storage directly. ${RESTRICTED_WHY}`,
    fix: 'Use one of the allowed volume types (a PersistentVolumeClaim for storage).',
    reference: `${PSA_POLICY}/check_restrictedVolumes.go`,
  },
  {
    id: PodSecurityRule.ALLOW_PRIVILEGE_ESCALATION,
    severity: Severity.ERROR,
    what: 'Every container sets `allowPrivilegeEscalation: false`.',
    why: `Otherwise a setuid binary can gain more privileges than its parent process. ${RESTRICTED_WHY}`,
    fix: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
    reference: `${PSA_POLICY}/check_allowPrivilegeEscalation.go`,
  },
  {
    id: PodSecurityRule.RUN_AS_NON_ROOT,
    severity: Severity.ERROR,
    what: '`runAsNonRoot: true` on the Pod or on every container, and false nowhere.',
    why: `A container running as root is one escape away from root on the node. ${RESTRICTED_WHY} The kubelet then refuses images whose user is root (CreateContainerConfigError).`,
    fix: 'Set `runAsNonRoot: true` and a numeric non-root `runAsUser` for images that default to root, or choose the baseline profile.',
    reference: `${PSA_POLICY}/check_runAsNonRoot.go`,
  },
  {
    id: PodSecurityRule.RUN_AS_USER,
    severity: Severity.ERROR,
    what: '`runAsUser` is not 0.',
    why: `User 0 is root. ${RESTRICTED_WHY}`,
    fix: 'Use a non-zero user id.',
    reference: `${PSA_POLICY}/check_runAsUser.go`,
  },
  {
    id: PodSecurityRule.SECCOMP_PROFILE_RESTRICTED,
    severity: Severity.ERROR,
    what: 'A seccomp profile of type `RuntimeDefault` or `Localhost` is set on the Pod or on every container.',
    why: `Without one, many runtimes run containers unfiltered. ${RESTRICTED_WHY}`,
    fix: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the Pod.',
    reference: `${PSA_POLICY}/check_seccompProfile_restricted.go`,
  },
  {
    id: PodSecurityRule.CAPABILITIES_RESTRICTED,
    severity: Severity.ERROR,
    what: 'Every container drops `ALL` capabilities and adds back at most `NET_BIND_SERVICE`.',
    why: `Default capabilities are more than most processes need. ${RESTRICTED_WHY}`,
    fix: 'Set `capabilities.drop: [ALL]`; add only NET_BIND_SERVICE if the process binds a port below 1024.',
    reference: `${PSA_POLICY}/check_capabilities_restricted.go`,
  },
];

const ALL_RULES: RuleDescription[] = [...OWN_RULES, ...POD_SECURITY_RULES];

const BY_ID = new Map<string, RuleDescription>(ALL_RULES.map((rule) => [rule.id, rule]));

/** Every rule of the catalogue, API rules first, then run-time, security and best practice. */
export function allRules(): RuleDescription[] {
  return [...ALL_RULES].sort(byCatalogueOrder);
}

/** The rule with this id; throws for an unknown id, which is a bug in a rule module. */
export function ruleById(id: string): RuleDescription {
  const rule = BY_ID.get(id);
  if (rule === undefined) {
    throw new Error(`rule "${id}" is not in the catalogue (src/rules/catalog.ts): add it there`);
  }
  return rule;
}

/** A violation of rule `id`, with the severity the catalogue gives that rule. */
export function violation(id: string, path: string, message: string): Violation {
  return { ruleId: id, severity: ruleById(id).severity, path, message };
}

/** The catalogue as a Markdown table (id, severity, what, why, fix), for the README. */
export function renderCatalogMarkdown(rules: readonly RuleDescription[] = allRules()): string {
  const lines = [
    '| Rule | Severity | What | Why | Fix |',
    '| --- | --- | --- | --- | --- |',
    ...rules.map((rule) => `| \`${rule.id}\` | ${rule.severity} | ${cell(rule.what)} | ${cell(rule.why)} | ${cell(rule.fix)} |`),
  ];
  return lines.join('\n') + '\n';
}

/**
 * The rule catalogue, for documentation and tools: every rule the constructs,
 * the `lint` command and the cdk8s plugin run.
 */
export class RuleCatalog {
  /** Every rule, in catalogue order. */
  public static rules(): RuleDescription[] {
    return allRules();
  }

  /** The catalogue as a Markdown table. */
  public static toMarkdown(): string {
    return renderCatalogMarkdown();
  }

  private constructor() {}
}

const PREFIX_ORDER = ['api-', 'runtime-', 'pss-', 'bp-'];

function byCatalogueOrder(a: RuleDescription, b: RuleDescription): number {
  return prefixRank(a.id) - prefixRank(b.id);
}

function prefixRank(id: string): number {
  const rank = PREFIX_ORDER.findIndex((prefix) => id.startsWith(prefix));
  return rank === -1 ? PREFIX_ORDER.length : rank;
}

/** Markdown table cells cannot hold `|` or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
