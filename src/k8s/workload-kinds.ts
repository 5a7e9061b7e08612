/**
 * The one table of the Kubernetes 1.28 kinds that run Pods: where each keeps its
 * Pod template and which restart policies its Pods may use. Every other place
 * (the rules' Pod finder, the restart-policy rule, the constructs' patches)
 * derives from it.
 *
 * k8s: pkg/apis/core/validation/validation.go (Pod, ReplicationController),
 * pkg/apis/apps/validation (Deployment, StatefulSet, DaemonSet, ReplicaSet),
 * pkg/apis/batch/validation (Job, CronJob).
 */

/** Which Pod `restartPolicy` values a kind's API validation accepts. */
export enum RestartPolicyFamily {
  /** A naked Pod: Always, OnFailure or Never (validation.go validateRestartPolicy). */
  ANY = 'any',
  /** Controllers that keep Pods running: only Always. */
  ALWAYS_ONLY = 'always-only',
  /** Job and CronJob: OnFailure or Never (batch validation validateJobSpec). */
  RUN_TO_COMPLETION = 'run-to-completion',
}

/** What one kind that runs Pods looks like. */
export interface PodOwningKind {
  /** `kind` as written in a manifest. */
  readonly kind: string;
  /** JSON path of the Pod template (`metadata` + `spec`) inside the object; `''` for a Pod itself. */
  readonly templatePath: string;
  /** JSON path of the Job spec that bounds the Pods (`activeDeadlineSeconds`, `backoffLimit`); only Job and CronJob. */
  readonly jobSpecPath?: string;
  readonly restartPolicies: RestartPolicyFamily;
}

const TEMPLATE = 'spec.template';

/** Every kind that runs Pods, in the order the documentation lists them. */
export const POD_OWNING_KINDS: readonly PodOwningKind[] = [
  { kind: 'Pod', templatePath: '', restartPolicies: RestartPolicyFamily.ANY },
  { kind: 'Deployment', templatePath: TEMPLATE, restartPolicies: RestartPolicyFamily.ALWAYS_ONLY },
  { kind: 'StatefulSet', templatePath: TEMPLATE, restartPolicies: RestartPolicyFamily.ALWAYS_ONLY },
  { kind: 'DaemonSet', templatePath: TEMPLATE, restartPolicies: RestartPolicyFamily.ALWAYS_ONLY },
  { kind: 'ReplicaSet', templatePath: TEMPLATE, restartPolicies: RestartPolicyFamily.ALWAYS_ONLY },
  { kind: 'ReplicationController', templatePath: TEMPLATE, restartPolicies: RestartPolicyFamily.ALWAYS_ONLY },
  { kind: 'Job', templatePath: TEMPLATE, jobSpecPath: 'spec', restartPolicies: RestartPolicyFamily.RUN_TO_COMPLETION },
  // A CronJob's jobTemplate is validated as a Job spec one level down.
  { kind: 'CronJob', templatePath: 'spec.jobTemplate.spec.template', jobSpecPath: 'spec.jobTemplate.spec', restartPolicies: RestartPolicyFamily.RUN_TO_COMPLETION },
];

const BY_KIND = new Map<string, PodOwningKind>(POD_OWNING_KINDS.map((entry) => [entry.kind, entry]));

/** The table entry of `kind`; `undefined` for kinds that run no Pods (and for `constructor`, `toString`, ...). */
export function podOwningKind(kind: string): PodOwningKind | undefined {
  return BY_KIND.get(kind);
}

/** `prefix.key`, or `key` when the prefix is the object root. */
export function joinPath(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

/** The value at a dotted JSON path (no array indices); `undefined` when a step is missing or not an object. */
export function valueAtPath(obj: unknown, path: string): any {
  if (path === '') return obj;
  let current: any = obj;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) {
      return undefined;
    }
    current = current[key];
  }
  return current;
}
