import { podOwningKind, valueAtPath } from '../k8s/workload-kinds';

/** One object that runs Pods, with its Pod spec found through the kinds table. */
export interface WorkloadSource {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** The whole object as read. */
  readonly object: any;
  /** The Pod spec (`spec` of a Pod, `spec.template.spec` of a Deployment, ...). */
  readonly podSpec: any;
  /** The Job spec of a Job or a CronJob's `jobTemplate`. */
  readonly jobSpec?: any;
}

/** The workloads among `objects`, in order: every kind of the kinds table that has a Pod spec. */
export function workloadSources(objects: readonly any[]): WorkloadSource[] {
  return objects.flatMap(object => {
    const source = workloadSource(object);
    return source === undefined ? [] : [source];
  });
}

/** `object` as a workload, or `undefined` when its kind runs no Pods or it has no Pod spec. */
export function workloadSource(object: any): WorkloadSource | undefined {
  const entry = typeof object?.kind === 'string' ? podOwningKind(object.kind) : undefined;
  if (entry === undefined) return undefined;
  const template = valueAtPath(object, entry.templatePath);
  const podSpec = template?.spec;
  if (typeof podSpec !== 'object' || podSpec === null) return undefined;
  return {
    kind: entry.kind,
    name: typeof object.metadata?.name === 'string' ? object.metadata.name : '(unnamed)',
    namespace: typeof object.metadata?.namespace === 'string' ? object.metadata.namespace : undefined,
    object,
    podSpec,
    jobSpec: entry.jobSpecPath === undefined ? undefined : valueAtPath(object, entry.jobSpecPath),
  };
}

/** `Kind/name`, the way `kubectl` names an object. */
export function workloadLabel(source: WorkloadSource): string {
  return `${source.kind}/${source.name}`;
}

/** The containers of one list of the Pod spec, skipping entries that are not objects. */
export function containerList(podSpec: any, field: 'initContainers' | 'containers'): any[] {
  const list = podSpec?.[field];
  return Array.isArray(list) ? list.filter(c => typeof c === 'object' && c !== null) : [];
}
