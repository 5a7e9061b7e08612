import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { PodGuard } from '../pods/pod-guard';

/** A TCP waiter whose port can be checked against a Service of the app. */
export interface TcpWaitTarget {
  /** The workload the waiter gates (its construct path names the problem). */
  readonly workload: kplus.AbstractPod;
  /** How the waiter was asked for, e.g. `WaitFor.tcp("db", 5433)`. */
  readonly request: string;
  readonly port: number;
  /** The Service, when given as a construct (`WaitFor.servicePort`). */
  readonly service?: kplus.Service;
  /** The host, when given as a string (`WaitFor.tcp`): checked if it names a Service of the app. */
  readonly host?: string;
}

const CHECK_ID = 'cdk8s-pod-patterns-waiter-ports';

/**
 * Checks, at synth, that every TCP waiter waits for a port its Service exposes:
 * otherwise the waiter times out at run time (after 5 minutes by default) and
 * the Pod never starts. Ports are read at synth because a Service may gain them
 * after the waiter is declared (`service.bind`, `exposeViaService`).
 *
 * One check per app, a child of the root found by its id, so the cost is one
 * pass over the app's constructs per validation, whatever the number of waiters;
 * and one validation per `app.synth()`, whatever the number of charts (the
 * app's `PodGuard` keeps the verdict for the synth's per-chart validations).
 */
export class WaiterPortCheck extends Construct {
  /** The check of the app `scope` belongs to, created on first use. */
  public static of(scope: IConstruct): WaiterPortCheck {
    const root = scope.node.root;
    const existing = root.node.tryFindChild(CHECK_ID);
    return existing instanceof WaiterPortCheck ? existing : new WaiterPortCheck(root);
  }

  private readonly targets: TcpWaitTarget[] = [];

  private constructor(root: IConstruct) {
    super(root as Construct, CHECK_ID);
    const guard = PodGuard.of(root);
    this.node.addValidation({ validate: () => guard.oncePerSynth(this, () => this.check()) });
  }

  /** Checks `target` at every synth. */
  public add(target: TcpWaitTarget): void {
    this.targets.push(target);
  }

  private check(): string[] {
    const services = this.targets.some(t => t.host !== undefined) ? servicesByName(this.node.root) : new Map<string, kplus.Service>();
    const problems: string[] = [];
    for (const target of this.targets) {
      const service = target.service ?? serviceNamedBy(target, services);
      const problem = service === undefined ? undefined : portProblem(target, service);
      if (problem !== undefined) problems.push(problem);
    }
    return problems;
  }
}

/**
 * The app's Services by `name/namespace`, from one pass over the tree, so
 * that finding the Service of each waiter costs no further pass (the first
 * Service of a name wins, as a search in tree order would find it).
 */
function servicesByName(root: IConstruct): Map<string, kplus.Service> {
  const byName = new Map<string, kplus.Service>();
  for (const child of root.node.findAll()) {
    if (!(child instanceof kplus.Service)) continue;
    const key = serviceKey(child.name, child.metadata.namespace);
    if (!byName.has(key)) byName.set(key, child);
  }
  return byName;
}

function serviceKey(name: string, namespace: string | undefined): string {
  return JSON.stringify([name, namespace ?? null]);
}

/**
 * The Service of the app a host string names, the way cluster DNS resolves it
 * from the Pod: `name` (the Pod's namespace), `name.namespace`,
 * `name.namespace.svc[.<cluster domain>]`. Any other dotted name is not a Service.
 */
function serviceNamedBy(target: TcpWaitTarget, services: ReadonlyMap<string, kplus.Service>): kplus.Service | undefined {
  const labels = target.host!.split('.');
  if (labels.length > 2 && labels[2] !== 'svc') return undefined;
  const name = labels[0];
  const namespace = labels.length > 1 ? labels[1] : ApiObject.of(target.workload).metadata.namespace;
  return services.get(serviceKey(name, namespace));
}

/** Why `target.port` is not a TCP port of `service`, or `undefined` when it is (or cannot be known). */
function portProblem(target: TcpWaitTarget, service: kplus.Service): string | undefined {
  // An ExternalName Service is a DNS alias, and a headless one resolves to the
  // Pods themselves: either way the connection does not go through the Service's ports.
  if (service.type === kplus.ServiceType.EXTERNAL_NAME || service.clusterIP === 'None') return undefined;
  const open = new Set(service.ports.filter(p => (p.protocol ?? kplus.Protocol.TCP) === kplus.Protocol.TCP).map(p => p.port));
  if (open.has(target.port)) return undefined;
  const exposes = open.size === 0 ? 'exposes no TCP port' : `exposes only TCP port(s) ${[...open].sort((a, b) => a - b).join(', ')}`;
  return `${target.workload.node.path}: ${target.request} waits for port ${target.port} of Service "${service.name}" (${service.node.path}), `
    + `which ${exposes}: the waiter would time out and the Pod never start; wait for a port the Service exposes, or add ${target.port} to the Service`;
}
