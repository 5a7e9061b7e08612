/** Facts about the other objects of the same lint run that a Pod's fate depends on. */
export interface ClusterFacts {
  /**
   * `automountServiceAccountToken` of the ServiceAccounts among the objects, by
   * `<namespace>/<name>` (namespace `''` when the manifest leaves it out).
   */
  readonly serviceAccountAutomount: ReadonlyMap<string, boolean>;
}

/** No other objects known: every ServiceAccount keeps Kubernetes' default (token mounted). */
export const NO_CLUSTER_FACTS: ClusterFacts = { serviceAccountAutomount: new Map() };

/** Key of a ServiceAccount in `ClusterFacts.serviceAccountAutomount`. */
export function serviceAccountKey(namespace: unknown, name: string): string {
  return `${typeof namespace === 'string' ? namespace : ''}/${name}`;
}

/** The cross-object facts of `objects`, gathered in one pass. */
export function clusterFactsOf(objects: readonly any[]): ClusterFacts {
  const serviceAccountAutomount = new Map<string, boolean>();
  for (const obj of objects) {
    if (typeof obj === 'object' && obj !== null && obj.kind === 'ServiceAccount' && typeof obj.automountServiceAccountToken === 'boolean'
      && typeof obj.metadata === 'object' && obj.metadata !== null && typeof obj.metadata.name === 'string') {
      serviceAccountAutomount.set(serviceAccountKey(obj.metadata.namespace, obj.metadata.name), obj.automountServiceAccountToken);
    }
  }
  return { serviceAccountAutomount };
}
