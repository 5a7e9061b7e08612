/**
 * Manifests Kubernetes accepts and runs, but that go against the practices the
 * guide and this library stand for. Severity WARNING: the constructs print them
 * at synth (and fail on them only under `WarningPolicy.FAIL`); `lint` and the
 * plugin report them without failing.
 */
import { ContainerRef, PodRuleContext, describeContainer, isObject } from './pod-templates';
import { ObjectRuleContext, Rule, RuleHit, bestPracticeRule, hit } from './rule';
import { RULE } from './rule-ids';
import { ImageReference, imageReferenceProblem } from '../image/image-reference';
import { FeatureGate, firstVersionEnabling, isEnabled } from '../k8s/feature-gates';
import { RestartPolicyFamily, podOwningKind, valueAtPath } from '../k8s/workload-kinds';

/** A shell `until`/`while` loop: the keyword, then `do` as a word further on. */
const WAIT_LOOP = /(?:^|[\s;&|(]|\$\()(?:until|while)\s[\s\S]*?(?:[\s;])do(?:\s|;|$)/;

/**
 * A way out of a wait loop, recognised conservatively: any `exit`, the `timeout`
 * command, a deadline taken from the clock (`date +%s`), a numeric comparison or
 * shell arithmetic (a retry counter, or a check of elapsed time).
 */
const WAY_OUT = /\bexit\b|(?:^|[\s;&|(])timeout\s|\bdate\s+(?:-u\s+)?\+%s|\s-(?:lt|le|gt|ge)\s|\$\(\(/;

/** A naked Pod: nothing recreates it. */
function checkBarePod({ object: obj }: ObjectRuleContext): RuleHit[] {
  if (obj.kind !== 'Pod' || hasController(obj)) {
    return [];
  }
  const name = isObject(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : '';
  return [hit('kind',
    `Pod "${name}" is a naked Pod: nothing recreates it when it is deleted, evicted or its node fails; `
    + 'run it from a Deployment (or a StatefulSet, or a Job for work that runs to completion)')];
}

// k8s: pkg/apis/core/v1/defaults.go SetDefaults_Container (`:latest` or no tag: pull Always)
function checkMutableImageTags(ctx: PodRuleContext): RuleHit[] {
  const found: RuleHit[] = [];
  for (const ref of ctx.containers) {
    const image = ref.container.image;
    // Unparseable and blank images are errors of their own rules.
    if (typeof image !== 'string' || image === '' || image.trim() !== image || imageReferenceProblem(image, ctx.kubernetesVersion) !== undefined) {
      continue;
    }
    if (ImageReference.parse(image, ctx.kubernetesVersion).isMutable) {
      const what = hasTag(image) ? 'uses the mutable tag :latest' : 'has no tag (so it means :latest)';
      found.push(hit(`${ref.path}.image`,
        `${describeContainer(ref)} image "${image}" ${what}: the default pull policy becomes Always and nodes may run different code; pin a version tag or a digest `
        + '(a warning in lint; the cdk8s-pod-patterns constructs refuse it unless allowMutableImageTags is set)'));
    }
  }
  return found;
}

function hasTag(image: string): boolean {
  const name = image.split('@')[0];
  return name.lastIndexOf(':') > name.lastIndexOf('/');
}

/**
 * A run-to-completion init container that waits in a loop with no way out keeps
 * the Pod in `Init:0/N` forever. Deliberately simple and conservative: any `exit`,
 * `timeout`, clock deadline or counter in the script, or an `activeDeadlineSeconds`
 * on the Pod or Job, counts as a way out. The library's own waiters take a deadline
 * from `date +%s` and `exit 1`, so they pass; the guide's `until nslookup …; do …; done`
 * loops do not.
 */
function checkUnboundedWaitLoops(ctx: PodRuleContext): RuleHit[] {
  if (hasDeadline(ctx)) {
    return [];
  }
  const found: RuleHit[] = [];
  for (const ref of ctx.containers) {
    if (ref.group !== 'initContainers' || ref.sidecar) {
      continue;
    }
    const loopAt = unboundedLoopPath(ref);
    if (loopAt !== undefined) {
      found.push(hit(loopAt,
        `${describeContainer(ref)} waits in a loop with no way out (no exit, timeout or deadline): if what it waits for never comes, `
        + 'the Pod stays in Init forever with nothing to alert on; give the loop a deadline and `exit 1` with a message when it passes '
        + '(as WaitFor does), or set activeDeadlineSeconds'));
    }
  }
  return found;
}

function hasDeadline(ctx: PodRuleContext): boolean {
  if (typeof ctx.pod.spec.activeDeadlineSeconds === 'number') {
    return true;
  }
  const jobSpecPath = podOwningKind(ctx.kind)?.jobSpecPath;
  const jobSpec = jobSpecPath === undefined ? undefined : valueAtPath(ctx.object, jobSpecPath);
  return isObject(jobSpec) && typeof jobSpec.activeDeadlineSeconds === 'number';
}

function unboundedLoopPath(ref: ContainerRef): string | undefined {
  const words: Array<{ text: string; path: string }> = [];
  for (const field of ['command', 'args']) {
    const list = Array.isArray(ref.container[field]) ? ref.container[field] : [];
    list.forEach((word: unknown, index: number) => {
      if (typeof word === 'string') {
        words.push({ text: word, path: `${ref.path}.${field}[${index}]` });
      }
    });
  }
  const script = words.map((word) => word.text).join('\n');
  if (!WAIT_LOOP.test(script) || WAY_OUT.test(script)) {
    return undefined;
  }
  return (words.find((word) => WAIT_LOOP.test(word.text)) ?? words[0]).path;
}

// k8s: pkg/apis/core/v1/defaults.go SetDefaults_Pod copies limits into missing requests, so a limit alone counts.
function checkResourceRequests(ctx: PodRuleContext): RuleHit[] {
  // Kinds whose Pods run until stopped, and so hold their resources for good.
  const owner = podOwningKind(ctx.kind);
  if (owner === undefined || owner.restartPolicies === RestartPolicyFamily.RUN_TO_COMPLETION) {
    return [];
  }
  const found: RuleHit[] = [];
  for (const ref of ctx.containers) {
    if (ref.group !== 'containers' && !ref.sidecar) {
      continue;
    }
    const missing = ['cpu', 'memory'].filter((resource) => !requests(ref.container, resource));
    if (missing.length > 0) {
      found.push(hit(`${ref.path}.resources`,
        `${describeContainer(ref)} requests no ${missing.join(' and ')}: the scheduler places the Pod blind and evicts it first under pressure; `
        + `set ${missing.map((resource) => `resources.requests.${resource}`).join(' and ')}`));
    }
  }
  return found;
}

function requests(container: any, resource: string): boolean {
  const resources = isObject(container.resources) ? container.resources : {};
  return isSet(resources.requests?.[resource]) || isSet(resources.limits?.[resource]);
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function checkLivenessEqualsReadiness(ctx: PodRuleContext): RuleHit[] {
  const found: RuleHit[] = [];
  for (const ref of ctx.containers) {
    const { livenessProbe, readinessProbe } = ref.container;
    if (isObject(livenessProbe) && isObject(readinessProbe) && canonicalJson(livenessProbe) === canonicalJson(readinessProbe)) {
      found.push(hit(`${ref.path}.livenessProbe`,
        `${describeContainer(ref)} has identical liveness and readiness probes: when the check fails because a dependency is slow, `
        + 'the container is restarted instead of only taken out of the Service; make the liveness probe check only that the process is alive, or give it a higher failureThreshold'));
    }
  }
  return found;
}

/**
 * In 1.28 native sidecars are alpha (SidecarContainers feature gate, off by default);
 * without the gate the API server drops `restartPolicy` from init containers
 * (k8s: pkg/api/pod/util.go dropDisabledFields).
 */
// SidecarContainers is on by default from 1.29 (src/k8s/feature-gates.ts): only older targets need the gate enabled.
function checkSidecarFeatureGate(ctx: PodRuleContext): RuleHit[] {
  const version = ctx.kubernetesVersion;
  if (isEnabled(FeatureGate.SIDECAR_CONTAINERS, version)) return [];
  return ctx.containers.filter((ref) => ref.sidecar).map((ref) => hit(`${ref.path}.restartPolicy`,
    `${describeContainer(ref)} is a native sidecar (restartPolicy: Always), which Kubernetes ${version.name} supports only with the alpha SidecarContainers feature gate: `
    + 'without it the API server drops the field and the sidecar becomes an init container that never exits, so the Pod never leaves Init; '
    + 'enable the gate on the API server and kubelets and say so (lint --feature-gates SidecarContainers=true; in code PodPatterns.setKubernetesVersion(app, KubernetesVersion.V1_28.withFeatureGates({ SidecarContainers: true }))), '
    + `or run Kubernetes ${firstVersionEnabling(FeatureGate.SIDECAR_CONTAINERS)!.name} or later`));
}

function hasController(obj: any): boolean {
  const owners = isObject(obj.metadata) && Array.isArray(obj.metadata.ownerReferences) ? obj.metadata.ownerReferences : [];
  return owners.some((owner: any) => isObject(owner) && owner.controller === true);
}

/** JSON with object keys sorted, so that key order does not make equal probes differ. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner) => isObject(inner)
    ? Object.fromEntries(Object.keys(inner).sort().map((key) => [key, inner[key]]))
    : inner);
}

/**
 * k8s: pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot. With
 * runAsNonRoot true and no runAsUser, the kubelet reads the image's USER: root, or a
 * user name it cannot verify ("image has non-numeric user ... cannot verify user is
 * non-root"), fails the container with CreateContainerConfigError. The container's
 * own runAsNonRoot and runAsUser win over the Pod's (pkg/securitycontext DetermineEffectiveSecurityContext).
 * Windows Pods are verified by user name (runAsUserName) and are skipped.
 */
function checkRunAsNonRootWithoutUser(ctx: PodRuleContext): RuleHit[] {
  if (ctx.pod.spec.os?.name === 'windows') {
    return [];
  }
  const podContext = isObject(ctx.pod.spec.securityContext) ? ctx.pod.spec.securityContext : {};
  const found: RuleHit[] = [];
  for (const ref of ctx.containers) {
    const own = isObject(ref.container.securityContext) ? ref.container.securityContext : {};
    const nonRootFrom = typeof own.runAsNonRoot === 'boolean' ? 'the container' : 'the Pod';
    const nonRoot = typeof own.runAsNonRoot === 'boolean' ? own.runAsNonRoot : podContext.runAsNonRoot;
    if (nonRoot !== true || typeof own.runAsUser === 'number' || typeof podContext.runAsUser === 'number') {
      continue;
    }
    found.push(hit(`${ref.path}.securityContext.runAsUser`,
      `${describeContainer(ref)} has runAsNonRoot: true (from ${nonRootFrom}) but no numeric runAsUser on the container or the Pod: `
      + 'the kubelet then checks the image\'s USER and refuses to start the container (CreateContainerConfigError) when it is root or a name rather than a number; '
      + 'set securityContext.runAsUser to a numeric non-root UID the image can run as (e.g. 65532) on the container or the Pod, '
      + 'and spec.securityContext.fsGroup so that its volumes stay writable'));
  }
  return found;
}

/** Practices the guide and this library stand for: warnings, suppressible with a reason. */
export const BEST_PRACTICE_RULES: readonly Rule[] = [
  bestPracticeRule({
    id: RULE.BP_MUTABLE_IMAGE_TAG,
    what: 'Images are pinned: not untagged and not `:latest` without a digest.',
    why: 'A mutable tag changes under you: two nodes can run different code, and the default pull policy becomes `Always`. A warning in lint; the constructs refuse such images unless `allowMutableImageTags` is set.',
    fix: 'Pin a version tag or a digest.',
    reference: 'pkg/apis/core/v1/defaults.go SetDefaults_Container',
    checkPod: checkMutableImageTags,
  }),
  bestPracticeRule({
    id: RULE.BP_UNBOUNDED_WAIT_LOOP,
    what: 'An init container\'s `until … do … done` or `while … do … done` loop has a way out: an `exit`, a `timeout` command, a deadline (`date +%s`) or a counter (numeric test, shell arithmetic), or the Pod has `activeDeadlineSeconds`.',
    why: 'An endless wait leaves the Pod in `Init:0/N` forever with nothing to alert on; a bounded wait fails with `Init:Error` and a message.',
    fix: 'Give the loop a deadline and `exit 1` with a message when it passes (what `WaitFor` generates).',
    reference: 'Heuristic over the command text; the guide\'s example loops are the motivating case',
    checkPod: checkUnboundedWaitLoops,
  }),
  bestPracticeRule({
    id: RULE.BP_MISSING_RESOURCE_REQUESTS,
    what: 'App containers and sidecars of long-running workloads (not Job or CronJob) request CPU and memory (a limit alone counts, it becomes the request).',
    why: 'Without requests the scheduler packs the node blind and the Pod is the first evicted (BestEffort).',
    fix: 'Set `resources.requests.cpu` and `resources.requests.memory`.',
    reference: 'pkg/apis/core/v1/defaults.go SetDefaults_Pod (requests default to limits); pkg/apis/core/helper/qos',
    checkPod: checkResourceRequests,
  }),
  bestPracticeRule({
    id: RULE.BP_LIVENESS_EQUALS_READINESS,
    what: 'A container\'s liveness probe differs from its readiness probe.',
    why: 'When they are identical, a slow dependency that should only take the Pod out of the Service also gets the container killed and restarted.',
    fix: 'Make the liveness probe check only that the process is alive, or give it a higher failure threshold.',
    reference: 'Kubernetes documentation: configure liveness, readiness and startup probes',
    checkPod: checkLivenessEqualsReadiness,
  }),
  bestPracticeRule({
    id: RULE.BP_BARE_POD,
    what: 'The object is a naked Pod.',
    why: 'Nothing recreates a naked Pod when it is deleted, evicted or its node fails; a Deployment or StatefulSet would.',
    fix: 'Use a Deployment (or StatefulSet, or a Job for run-to-completion work).',
    reference: 'The guide, rule R4',
    checkObject: checkBarePod,
  }),
  bestPracticeRule({
    id: RULE.BP_SIDECAR_FEATURE_GATE,
    what: 'Native sidecars (`restartPolicy: Always` on an init container) are used.',
    why: 'In Kubernetes 1.28 the SidecarContainers feature gate is alpha and off by default. Without it the API server drops the field: the sidecar becomes an ordinary init container that never exits, so the Pod stays in `Init` forever (or is rejected if the sidecar has probes).',
    fix: 'Enable the SidecarContainers feature gate on the 1.28 control plane and kubelets and declare it (`--feature-gates SidecarContainers=true`, `KubernetesVersion.V1_28.withFeatureGates({ SidecarContainers: true })`), or run on 1.29+ where it is on by default.',
    reference: 'pkg/features/kube_features.go SidecarContainers (1.28 alpha); pkg/api/pod/util.go dropDisabledFields',
    checkPod: checkSidecarFeatureGate,
  }),
  bestPracticeRule({
    id: RULE.BP_RUN_AS_NON_ROOT_WITHOUT_USER,
    what: 'A container that runs with `runAsNonRoot: true` (its own, or inherited from the Pod) also gets a numeric `runAsUser` (its own, or the Pod\'s).',
    why: 'Without a numeric user the kubelet checks the image\'s `USER`: root, or a user name it cannot verify, makes it refuse the container (`CreateContainerConfigError`: `image will run as root` / `image has non-numeric user`). Many public images default to root or a named user.',
    fix: 'Set `securityContext.runAsUser` to a numeric non-root UID the image can run as (e.g. 65532) on the Pod or the container, plus `spec.securityContext.fsGroup` for writable volumes. Do not weaken the security profile instead.',
    reference: 'pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot',
    checkPod: checkRunAsNonRootWithoutUser,
  }),
];
