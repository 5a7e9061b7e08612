import { ClusterFacts, NO_CLUSTER_FACTS } from './cluster-facts';
import { PodTemplateView } from './pod-template';
import { FeatureGate, isEnabled } from '../k8s/feature-gates';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { joinPath, podOwningKind, valueAtPath } from '../k8s/workload-kinds';
import { SecurityProfile } from '../policy/security-profile';

/** Where a container sits in a Pod spec. */
export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

/** One container of a Pod spec, with what the rules need to know about its place. */
export interface ContainerRef {
  /** The container object as written in the manifest. */
  readonly container: any;
  readonly group: ContainerGroup;
  readonly index: number;
  /** JSON path of the container, e.g. `spec.template.spec.initContainers[1]`. */
  readonly path: string;
  /** `name` of the container, or `#<index>` when it has none, for messages. */
  readonly label: string;
  /**
   * An init container with `restartPolicy: Always` (Kubernetes 1.28 SidecarContainers):
   * it starts in init order and then keeps running next to the app containers.
   */
  readonly sidecar: boolean;
}

/** JSON path of the Pod spec inside an object of `kind` (`spec`, `spec.template.spec`, ...); undefined for kinds without one. */
export function podSpecPath(kind: string): string | undefined {
  const owner = podOwningKind(kind);
  return owner === undefined ? undefined : joinPath(owner.templatePath, 'spec');
}

const CONTAINER_GROUPS: ContainerGroup[] = ['initContainers', 'containers', 'ephemeralContainers'];

/**
 * The Pods a manifest object describes: the Pod itself, or the Pod template of a
 * workload controller. Other kinds describe no Pod and give `[]`.
 *
 * A missing template or spec is returned as `{}` so that the rules report the
 * missing containers instead of the object silently passing.
 */
export function podTemplatesOf(obj: any): PodTemplateView[] {
  if (!isObject(obj) || typeof obj.kind !== 'string') {
    return [];
  }
  const owner = podOwningKind(obj.kind);
  if (owner === undefined) {
    return [];
  }
  return [viewAt(valueAtPath(obj, owner.templatePath), owner.templatePath)];
}

/** Whether `kind` is one `podTemplatesOf` finds a Pod in. */
export function describesPods(kind: string): boolean {
  return podOwningKind(kind) !== undefined;
}

/** Every container of a Pod spec, init containers first (the order the kubelet starts them). */
export function containersOf(pod: PodTemplateView): ContainerRef[] {
  const refs: ContainerRef[] = [];
  for (const group of CONTAINER_GROUPS) {
    const list = pod.spec[group];
    if (!Array.isArray(list)) {
      continue;
    }
    list.forEach((container: any, index: number) => {
      const safe = isObject(container) ? container : {};
      refs.push({
        container: safe,
        group,
        index,
        path: `${pod.specPath}.${group}[${index}]`,
        label: typeof safe.name === 'string' && safe.name !== '' ? safe.name : `#${index}`,
        sidecar: group === 'initContainers' && safe.restartPolicy === 'Always',
      });
    });
  }
  return refs;
}

/**
 * Whether the API server of `version` keeps `ref`'s `restartPolicy: Always`
 * and so validates it as a sidecar. Where SidecarContainers is off (1.28 by
 * default) it drops the field first (pkg/api/pod/util.go dropDisabledFields)
 * and validates a plain init container.
 */
export function isSidecarFor(ref: ContainerRef, version: KubernetesVersion): boolean {
  return ref.sidecar && isEnabled(FeatureGate.SIDECAR_CONTAINERS, version);
}

/** Human name of a container's place, for messages: `init container "x"`, `sidecar "y"`. */
export function describeContainer(ref: ContainerRef): string {
  const role = ref.sidecar ? 'sidecar'
    : ref.group === 'initContainers' ? 'init container'
      : ref.group === 'ephemeralContainers' ? 'ephemeral container'
        : 'container';
  return `${role} "${ref.label}"`;
}

export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function viewAt(owner: any, prefix: string): PodTemplateView {
  const safe = isObject(owner) ? owner : {};
  return {
    metadata: isObject(safe.metadata) ? safe.metadata : {},
    spec: isObject(safe.spec) ? safe.spec : {},
    metadataPath: joinPath(prefix, 'metadata'),
    specPath: joinPath(prefix, 'spec'),
  };
}

/** What every Pod rule is given: the object, one of its Pods, and that Pod's containers. */
export interface PodRuleContext {
  /** `kind` of the manifest object (`Pod`, `Deployment`, ...). */
  readonly kind: string;
  /** The whole manifest object. */
  readonly object: any;
  readonly pod: PodTemplateView;
  /** `containersOf(pod)`, computed once for all rules. */
  readonly containers: ContainerRef[];
  /** The Pod Security Standards level of the run. */
  readonly profile: SecurityProfile;
  /** What the other objects of the run say (ServiceAccounts). */
  readonly facts: ClusterFacts;
  /** The Kubernetes release the run judges for. */
  readonly kubernetesVersion: KubernetesVersion;
}

/** What a rule run knows besides the object: the profile and the cross-object facts. */
export interface RunSettings {
  /** @default SecurityProfile.RESTRICTED */
  readonly profile?: SecurityProfile;
  /** @default NO_CLUSTER_FACTS */
  readonly facts?: ClusterFacts;
  /** @default KubernetesVersion.DEFAULT (1.28) */
  readonly kubernetesVersion?: KubernetesVersion;
}

/** The rule context for one Pod of `object`. */
export function podRuleContext(object: any, pod: PodTemplateView, settings: RunSettings = {}): PodRuleContext {
  return {
    kind: object.kind,
    object,
    pod,
    containers: containersOf(pod),
    profile: settings.profile ?? SecurityProfile.RESTRICTED,
    facts: settings.facts ?? NO_CLUSTER_FACTS,
    kubernetesVersion: settings.kubernetesVersion ?? KubernetesVersion.DEFAULT,
  };
}
