/**
 * What the Kubernetes 1.28 API server lets through and the Pod then hits at run
 * time. Only a certain failure is an unsuppressible error: an image the kubelet
 * cannot parse. What the manifest alone cannot prove (two containers declaring
 * one port: a declaration binds nothing; a command naming a service-account file:
 * it may never read it) is a suppressible warning, so a correct manifest can pass.
 */
import { ClusterFacts, NO_CLUSTER_FACTS, serviceAccountKey } from './cluster-facts';
import { ContainerRef, PodRuleContext, describeContainer, isObject } from './pod-templates';
import { Rule, RuleHit, enforcedRule, hit, runtimeHeuristicRule } from './rule';
import { RULE } from './rule-ids';
import { imageReferenceProblem } from '../image/image-reference';

export type { ClusterFacts };
export { NO_CLUSTER_FACTS, serviceAccountKey };

const SA_DIRECTORY = '/var/run/secrets/kubernetes.io/serviceaccount';
const SA_FILE_PATTERN = /\/var\/run\/secrets\/kubernetes\.io\/serviceaccount(?:\/([A-Za-z0-9._-]+))?/;

// k8s: the API server stores any non-empty image; the kubelet parses it
// (pkg/util/parsers/parsers.go ParseImageName) and reports InvalidImageName.
function checkImageReferences(ctx: PodRuleContext): RuleHit[] {
  const found: RuleHit[] = [];
  for (const ref of ctx.containers) {
    const image = ref.container.image;
    // Empty images and surrounding whitespace are API errors, reported by the API rules.
    if (typeof image !== 'string' || image === '' || image.trim() !== image) {
      continue;
    }
    const problem = imageReferenceProblem(image, ctx.kubernetesVersion);
    if (problem !== undefined) {
      found.push(hit(`${ref.path}.image`,
        `${describeContainer(ref)} image "${image}" cannot be pulled: the kubelet fails with InvalidImageName and the container never starts: ${problem}`));
    }
  }
  return found;
}

interface PortClaim {
  readonly ref: ContainerRef;
  readonly path: string;
}

/**
 * All containers of a Pod share one network namespace, so two containers running
 * at the same time cannot both listen on one port. Who runs together:
 * - app containers with each other and with every sidecar;
 * - a run-to-completion init container with the sidecars declared before it
 *   (they are already running), but not with other init containers (they run one
 *   after the other) nor with app containers (they start after it has exited).
 *
 * Kubernetes itself only warns (pkg/api/pod/warnings.go "duplicate port definition"),
 * and so does this rule: `containerPort` is informational, and a container may
 * declare a port it never listens on.
 */
function checkPortConflicts(ctx: PodRuleContext): RuleHit[] {
  const found: RuleHit[] = [];
  const running = new Map<string, PortClaim>();
  for (const ref of ctx.containers) {
    if (ref.group === 'ephemeralContainers') {
      continue;
    }
    const claims = portClaimsOf(ref);
    for (const [key, claim] of claims) {
      const holder = running.get(key);
      if (holder !== undefined) {
        found.push(conflict(key, claim, holder));
      }
    }
    if (ref.group === 'containers' || ref.sidecar) {
      for (const [key, claim] of claims) {
        if (!running.has(key)) {
          running.set(key, claim);
        }
      }
    }
  }
  return found;
}

/** The distinct `port/protocol` a container listens on; repeats inside one container are no conflict. */
function portClaimsOf(ref: ContainerRef): Map<string, PortClaim> {
  const claims = new Map<string, PortClaim>();
  const ports = Array.isArray(ref.container.ports) ? ref.container.ports : [];
  ports.forEach((port: any, index: number) => {
    if (!isObject(port) || typeof port.containerPort !== 'number' || port.containerPort < 1) {
      return;
    }
    const key = `${port.containerPort}/${port.protocol || 'TCP'}`;
    if (!claims.has(key)) {
      claims.set(key, { ref, path: `${ref.path}.ports[${index}].containerPort` });
    }
  });
  return claims;
}

function conflict(key: string, claim: PortClaim, holder: PortClaim): RuleHit {
  return hit(claim.path,
    `${describeContainer(claim.ref)} and ${describeContainer(holder.ref)} both declare containerPort ${key} (${holder.path}), `
    + 'but all containers of a Pod share one network namespace and run at the same time: if both listen on it, the second to bind fails and crash-loops; '
    + 'give each container its own port (or, if only one of them listens, suppress the rule with the reason)');
}

/**
 * The token volume, with the `namespace` file the guide's waiter reads, is mounted
 * only when automounting is on for the Pod, or left to a ServiceAccount that has
 * it on (k8s: plugin/pkg/admission/serviceaccount/admission.go shouldAutomount).
 * The check reads command text, not what runs, so it warns: a command may name
 * the path without reading it (a message, a branch that checks for the file).
 */
function checkServiceAccountFiles(ctx: PodRuleContext): RuleHit[] {
  const reason = tokenNotMountedReason(ctx, ctx.facts);
  if (reason === undefined) {
    return [];
  }
  const found: RuleHit[] = [];
  for (const ref of ctx.containers) {
    if (mountsServiceAccountDirectory(ref.container)) {
      continue;
    }
    const use = firstServiceAccountFileUse(ref);
    if (use !== undefined) {
      found.push(hit(use.path, saFileMessage(ref, use.file, reason)));
    }
  }
  return found;
}

function tokenNotMountedReason(ctx: PodRuleContext, facts: ClusterFacts): string | undefined {
  const own = ctx.pod.spec.automountServiceAccountToken;
  if (own === false) {
    return 'the Pod sets automountServiceAccountToken: false';
  }
  if (own === true) {
    return undefined;
  }
  const account = ctx.pod.spec.serviceAccountName || ctx.pod.spec.serviceAccount || 'default';
  const namespace = isObject(ctx.object.metadata) ? ctx.object.metadata.namespace : undefined;
  if (facts.serviceAccountAutomount.get(serviceAccountKey(namespace, account)) === false) {
    return `its ServiceAccount "${account}" sets automountServiceAccountToken: false`;
  }
  return undefined;
}

/** A volume mounted over (or into) the token directory puts the files back. */
function mountsServiceAccountDirectory(container: any): boolean {
  const mounts = Array.isArray(container.volumeMounts) ? container.volumeMounts : [];
  return mounts.some((mount: any) => isObject(mount) && typeof mount.mountPath === 'string'
    && overlaps(mount.mountPath.replace(/\/+$/, ''), SA_DIRECTORY));
}

/** Whether one of two absolute paths is the other or lies inside it. */
function overlaps(a: string, b: string): boolean {
  return a === b || b.startsWith(`${a}/`) || a.startsWith(`${b}/`);
}

interface FileUse {
  readonly path: string;
  readonly file: string;
}

function firstServiceAccountFileUse(ref: ContainerRef): FileUse | undefined {
  for (const field of ['command', 'args']) {
    const words = Array.isArray(ref.container[field]) ? ref.container[field] : [];
    for (let index = 0; index < words.length; index++) {
      // includes() first: the regex is the costliest step of linting long generated scripts.
      const word = words[index];
      const match = typeof word === 'string' && word.includes(SA_DIRECTORY) ? SA_FILE_PATTERN.exec(word) : null;
      if (match !== null) {
        return { path: `${ref.path}.${field}[${index}]`, file: match[0] };
      }
    }
  }
  return undefined;
}

function saFileMessage(ref: ContainerRef, file: string, reason: string): string {
  const fix = file.endsWith('/namespace')
    ? 'read the namespace from an env var set by the Downward API (env: [{name: POD_NAMESPACE, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}]) or write the namespace into the command'
    : 'turn automountServiceAccountToken on for this Pod, or mount a projected serviceAccountToken volume at that path';
  const consequence = ref.group === 'initContainers' && !ref.sidecar
    ? 'so the command fails, and a wait loop built on it (the guide\'s `until nslookup myservice.$(cat …/namespace)…`) never succeeds and blocks the Pod in Init forever'
    : 'so the command fails';
  return `${describeContainer(ref)} reads ${file}, but ${reason}: the service account token volume is not mounted and the file does not exist, ${consequence}; ${fix}`;
}

const KUBELET_IMAGE_MANAGER = 'pkg/kubelet/images/image_manager.go (k8s v1.28)';

/** What the API server lets through and the kubelet or the running Pod then hits (certainly, or likely). */
export const RUNTIME_RULES: readonly Rule[] = [
  enforcedRule({
    id: RULE.RUNTIME_IMAGE_REFERENCE,
    what: 'Every image is a reference the kubelet can parse (`[registry/]repository[:tag][@digest]`, lower-case repository).',
    why: 'The API server accepts any string; the kubelet then fails with `InvalidImageName` and the container never starts.',
    fix: 'Write the image as `registry/repository:tag` or with `@sha256:<64 hex digits>`.',
    reference: `${KUBELET_IMAGE_MANAGER} EnsureImageExists: \`msg := fmt.Sprintf("Failed to apply default image tag %q: %v", container.Image, err)\` then \`return "", msg, ErrInvalidImageName\`; `
      + 'applyDefaultImageTag parses with github.com/distribution/reference `ParseNormalizedNamed`',
    checkPod: checkImageReferences,
  }),
  runtimeHeuristicRule({
    id: RULE.RUNTIME_PORT_CONFLICT,
    what: 'No two containers that run at the same time (app containers and sidecars) declare the same `containerPort` and protocol.',
    why: 'All containers of a Pod share one network namespace: if both listen on the port, the second fails to bind and crash-loops. A declaration binds nothing, so Kubernetes only warns (`duplicate port definition`), and so does this rule.',
    fix: 'Give each container its own port; if only one of them listens, suppress the rule on the object with that reason.',
    reference: 'pkg/api/pod/warnings.go (k8s v1.28) warningsForPodSpecAndMeta: `fmt.Sprintf("%s: duplicate port definition with %s", ...)` (a warning, not a rejection)',
    checkPod: checkPortConflicts,
  }),
  runtimeHeuristicRule({
    id: RULE.RUNTIME_SA_NAMESPACE_FILE,
    what: 'No container command mentions `/var/run/secrets/kubernetes.io/serviceaccount/…` when the service account token is not mounted (`automountServiceAccountToken: false` on the Pod or its ServiceAccount).',
    why: 'The file does not exist. The guide\'s waiter then looks up `myservice..svc.cluster.local` and loops forever; other commands fail. The rule reads command text, not what runs, so it warns.',
    fix: 'Read the namespace from an env var set by the Downward API (`valueFrom.fieldRef.fieldPath: metadata.namespace`), or write the namespace into the command; if the command never reads the file, suppress the rule with that reason.',
    reference: 'plugin/pkg/admission/serviceaccount/admission.go (k8s v1.28) shouldAutomount: `if pod.Spec.AutomountServiceAccountToken != nil { return *pod.Spec.AutomountServiceAccountToken }` (no token volume, so no files)',
    checkPod: checkServiceAccountFiles,
  }),
];
