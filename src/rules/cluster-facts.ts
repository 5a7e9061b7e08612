import type { ServiceIPRanges } from './validation/service-cluster-ip-range';

/** Facts about the cluster and the other objects of the same lint run that an object's fate depends on. */
export interface ClusterFacts {
  /**
   * `automountServiceAccountToken` of the ServiceAccounts among the objects, by
   * `<namespace>/<name>` (namespace `''` when the manifest leaves it out).
   */
  readonly serviceAccountAutomount: ReadonlyMap<string, boolean>;
  /**
   * The cluster's `--service-cluster-ip-range`, when the user declared it: what
   * the Service IP allocator hands out.
   * @default - not declared: nothing is judged against the cluster's ranges
   */
  readonly serviceIPRanges?: ServiceIPRanges;
}

/** No other objects known: every ServiceAccount keeps Kubernetes' default (token mounted). */
export const NO_CLUSTER_FACTS: ClusterFacts = { serviceAccountAutomount: new Map() };

/** Key of a ServiceAccount in `ClusterFacts.serviceAccountAutomount`. */
export function serviceAccountKey(namespace: unknown, name: string): string {
  return `${typeof namespace === 'string' ? namespace : ''}/${name}`;
}

/** The cross-object facts of `objects`, gathered in one pass, with the cluster's declared Service IP ranges. */
export function clusterFactsOf(objects: readonly any[], serviceIPRanges?: ServiceIPRanges): ClusterFacts {
  const serviceAccountAutomount = new Map<string, boolean>();
  for (const obj of objects) {
    if (typeof obj === 'object' && obj !== null && obj.kind === 'ServiceAccount' && typeof obj.automountServiceAccountToken === 'boolean'
      && typeof obj.metadata === 'object' && obj.metadata !== null && typeof obj.metadata.name === 'string') {
      serviceAccountAutomount.set(serviceAccountKey(obj.metadata.namespace, obj.metadata.name), obj.automountServiceAccountToken);
    }
  }
  return serviceIPRanges === undefined ? { serviceAccountAutomount } : { serviceAccountAutomount, serviceIPRanges };
}
