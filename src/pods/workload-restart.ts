import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { WorkloadRestartPolicy } from '../policy/restart-policy';
import { WorkloadKind } from '../policy/workload-kind';

/**
 * `WorkloadRestartPolicy.resolve` with the construct path `owner` in its error,
 * thrown while the user's constructor call is on the stack.
 */
export function resolveRestartPolicy(owner: string, kind: WorkloadKind, policy: kplus.RestartPolicy | undefined): kplus.RestartPolicy {
  try {
    return WorkloadRestartPolicy.resolve(kind, policy);
  } catch (e) {
    throw new Error(`${owner}: restartPolicy: ${(e as Error).message}`);
  }
}

/** The path of the construct `id` about to be created in `scope`. */
export function childPath(scope: IConstruct, id: string): string {
  return scope.node.path === '' ? id : `${scope.node.path}/${id}`;
}
