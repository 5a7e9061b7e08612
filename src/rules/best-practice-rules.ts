/**
 * Manifests Kubernetes accepts and runs, but that go against the practices the
 * guide and this library stand for. Severity WARNING: the constructs do not fail
 * synth on them; `lint` reports them.
 */
import { RULE, violation } from './catalog';
import { Violation } from './finding';
import { ContainerRef, PodRuleContext, describeContainer, isObject } from './pod-templates';
import { ImageReference, imageReferenceProblem } from '../image/image-reference';

/** Kinds whose Pods run until stopped, and so hold their resources for good. */
const LONG_RUNNING_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

/** A shell `until`/`while` loop: the keyword, then `do` as a word further on. */
const WAIT_LOOP = /(?:^|[\s;&|(]|\$\()(?:until|while)\s[\s\S]*?(?:[\s;])do(?:\s|;|$)/;

/**
 * A way out of a wait loop, recognised conservatively: any `exit`, the `timeout`
 * command, a deadline taken from the clock (`date +%s`), a numeric comparison or
 * shell arithmetic (a retry counter, or a check of elapsed time).
 */
const WAY_OUT = /\bexit\b|(?:^|[\s;&|(])timeout\s|\bdate\s+(?:-u\s+)?\+%s|\s-(?:lt|le|gt|ge)\s|\$\(\(/;

/** Rules over the object itself: a naked Pod. */
export function checkObjectBestPractices(obj: any): Violation[] {
  if (obj.kind !== 'Pod' || hasController(obj)) {
    return [];
  }
  const name = isObject(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : '';
  return [violation(RULE.BP_BARE_POD, 'kind',
    `Pod "${name}" is a naked Pod: nothing recreates it when it is deleted, evicted or its node fails; `
    + 'run it from a Deployment (or a StatefulSet, or a Job for work that runs to completion)')];
}

/** Every best-practice rule over one Pod (or Pod template) of an object. */
export function checkPodBestPractices(ctx: PodRuleContext): Violation[] {
  return [
    ...checkMutableImageTags(ctx),
    ...checkUnboundedWaitLoops(ctx),
    ...checkResourceRequests(ctx),
    ...checkLivenessEqualsReadiness(ctx),
    ...checkSidecarFeatureGate(ctx),
  ];
}

// k8s: pkg/apis/core/v1/defaults.go SetDefaults_Container (`:latest` or no tag: pull Always)
function checkMutableImageTags(ctx: PodRuleContext): Violation[] {
  const found: Violation[] = [];
  for (const ref of ctx.containers) {
    const image = ref.container.image;
    // Unparseable and blank images are errors of their own rules.
    if (typeof image !== 'string' || image === '' || image.trim() !== image || imageReferenceProblem(image) !== undefined) {
      continue;
    }
    if (ImageReference.parse(image).isMutable) {
      const what = hasTag(image) ? 'uses the mutable tag :latest' : 'has no tag (so it means :latest)';
      found.push(violation(RULE.BP_MUTABLE_IMAGE_TAG, `${ref.path}.image`,
        `${describeContainer(ref)} image "${image}" ${what}: the default pull policy becomes Always and nodes may run different code; pin a version tag or a digest`));
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
function checkUnboundedWaitLoops(ctx: PodRuleContext): Violation[] {
  if (hasDeadline(ctx)) {
    return [];
  }
  const found: Violation[] = [];
  for (const ref of ctx.containers) {
    if (ref.group !== 'initContainers' || ref.sidecar) {
      continue;
    }
    const loopAt = unboundedLoopPath(ref);
    if (loopAt !== undefined) {
      found.push(violation(RULE.BP_UNBOUNDED_WAIT_LOOP, loopAt,
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
  const spec = isObject(ctx.object.spec) ? ctx.object.spec : {};
  const jobSpec = ctx.kind === 'CronJob' ? spec.jobTemplate?.spec : ctx.kind === 'Job' ? spec : undefined;
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
function checkResourceRequests(ctx: PodRuleContext): Violation[] {
  if (!LONG_RUNNING_KINDS.has(ctx.kind)) {
    return [];
  }
  const found: Violation[] = [];
  for (const ref of ctx.containers) {
    if (ref.group !== 'containers' && !ref.sidecar) {
      continue;
    }
    const missing = ['cpu', 'memory'].filter((resource) => !requests(ref.container, resource));
    if (missing.length > 0) {
      found.push(violation(RULE.BP_MISSING_RESOURCE_REQUESTS, `${ref.path}.resources`,
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

function checkLivenessEqualsReadiness(ctx: PodRuleContext): Violation[] {
  const found: Violation[] = [];
  for (const ref of ctx.containers) {
    const { livenessProbe, readinessProbe } = ref.container;
    if (isObject(livenessProbe) && isObject(readinessProbe) && canonicalJson(livenessProbe) === canonicalJson(readinessProbe)) {
      found.push(violation(RULE.BP_LIVENESS_EQUALS_READINESS, `${ref.path}.livenessProbe`,
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
function checkSidecarFeatureGate(ctx: PodRuleContext): Violation[] {
  return ctx.containers.filter((ref) => ref.sidecar).map((ref) => violation(RULE.BP_SIDECAR_FEATURE_GATE, `${ref.path}.restartPolicy`,
    `${describeContainer(ref)} is a native sidecar (restartPolicy: Always), which Kubernetes 1.28 supports only with the alpha SidecarContainers feature gate: `
    + 'without it the API server drops the field and the sidecar becomes an init container that never exits, so the Pod never leaves Init; '
    + 'enable the gate on the API server and kubelets, or run Kubernetes 1.29 or later'));
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
