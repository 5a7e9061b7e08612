import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { assertHost, assertNamespace, assertPort, assertServiceName, assertTiming, parseHttpUrl } from './waiter-input';
import { WaiterPortCheck } from './waiter-port-check';
import { dnsWaiterScript, httpWaiterScript, POD_NAMESPACE_ENV, tcpWaiterScript, WaiterTiming } from './waiter-script';
import { moveInitContainers } from '../k8s/cdk8s-internals';
import { DNS1123_LABEL_MAX_LENGTH, truncateWithHash } from '../names/names';
import { GatedWaiter, WorkloadRecord } from '../pods/container-intake';
import { ContainerRole, normalizeContainer } from '../pods/container-normalizer';
import { SecurityProfile } from '../policy/security-profile';

/**
 * Options for `WaitFor.service` and `WaitFor.serviceName`.
 */
export interface WaitForServiceOptions {
  /**
   * Namespace of the Service.
   *
   * @default - the Service's own namespace when it is known at synth time
   * (`metadata.namespace` or the chart's namespace), otherwise the Pod's own
   * namespace, read at run time through the Downward API
   * (`fieldRef: metadata.namespace`), which, unlike the service-account
   * namespace file, also works with `automountServiceAccountToken: false`
   */
  readonly namespace?: string;
}

/**
 * How the waiters that `WaitFor.gate` adds wait.
 */
export interface WaitForGateOptions {
  /**
   * How long each waiter waits before it gives up with a non-zero exit, so the
   * Pod shows `Init:Error` instead of hanging silently.
   *
   * @default Duration.minutes(5)
   */
  readonly waitTimeout?: Duration;

  /**
   * Pause between two attempts of a waiter.
   *
   * @default Duration.seconds(2)
   */
  readonly waitInterval?: Duration;

  /**
   * The cluster's DNS domain, used to build fully qualified Service names.
   *
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;

  /**
   * Image of the waiter containers. It needs a POSIX `sh`, `nslookup`, `nc`,
   * `wget`, `timeout` and `date`: any busybox release from 1.28 (the one the
   * guide pins) on works.
   *
   * @default 'busybox:1.37.0'
   */
  readonly waiterImage?: string;
}

/** The waiter image when none is given: a current busybox release, pinned. */
export const DEFAULT_WAITER_IMAGE = 'busybox:1.37.0';

/** What the waiters of one Pod share. */
interface WaiterSettings {
  readonly owner: string;
  readonly image: string;
  readonly clusterDomain: string;
  readonly timeout: Duration;
  readonly interval: Duration;
}


/** What one factory decided; the container is built once the Pod's settings are known. */
interface WaiterSpec {
  readonly dependency: string;
  /** Becomes `wait-for-<nameHint>`. */
  readonly nameHint: string;
  /** The Service's namespace when known at synth; tells apart two Services of one name. */
  readonly namespace?: string;
  /** True when the script reads `$POD_NAMESPACE` (Downward API). */
  readonly readsPodNamespace?: boolean;
  readonly render: (ctx: ScriptContext) => string;
  /** For a TCP wait: what to check against the app's Services at synth. */
  readonly tcp?: { readonly request: string; readonly port: number; readonly service?: kplus.Service; readonly host?: string };
}

interface ScriptContext extends WaiterTiming {
  readonly clusterDomain: string;
}

const WAITER_USER = 65534; // "nobody": lets root images such as busybox start under runAsNonRoot

/**
 * A dependency an app waits for before it starts: each becomes a bounded
 * waiter init container named `wait-for-<dependency>`.
 *
 * A DNS answer for a ClusterIP Service proves the Service exists, not that a
 * backend is ready: use `tcp` or `http` to wait for a listener.
 */
export class WaitFor {
  /**
   * Waits until the Service's fully qualified name
   * (`<metadata.name>.<namespace>.svc.<clusterDomain>`) resolves.
   *
   * The name is the Service's synthesized `metadata.name`, so renaming the
   * Service changes its waiter.
   */
  public static service(service: kplus.Service, options: WaitForServiceOptions = {}): WaitFor {
    const namespace = options.namespace ?? service.metadata.namespace;
    return WaitFor.forService(`WaitFor.service(${service.node.path})`, service.name, namespace);
  }

  /**
   * Waits until the Service `name` resolves (a Service this app does not define).
   */
  public static serviceName(name: string, options: WaitForServiceOptions = {}): WaitFor {
    return WaitFor.forService(`WaitFor.serviceName("${name}")`, name, options.namespace);
  }

  /**
   * Waits until a TCP listener accepts connections on `host:port`.
   *
   * When `host` names a Service of the same app (`name`, `name.namespace` or
   * `name.namespace.svc[.<cluster domain>]`), the synth fails if that Service
   * does not expose `port`: the waiter would otherwise time out at run time.
   */
  public static tcp(host: string, port: number): WaitFor {
    const request = `WaitFor.tcp("${host}", ${port})`;
    checkInput(request, () => {
      assertHost(host);
      assertPort(port);
    });
    return new WaitFor({
      dependency: `tcp ${host}:${port}`,
      nameHint: `${host}-${port}`,
      render: ctx => tcpWaiterScript({ ...ctx, host, port }),
      tcp: { request, port, host },
    });
  }

  /**
   * Waits until `service` accepts TCP connections on `port`, one of the ports it
   * exposes (`ServicePort.port`, not the target port).
   *
   * The synth fails, naming the Service and its ports, if the Service does not
   * expose `port` (ports added later with `service.bind` count). The host is the
   * Service's synthesized `metadata.name`, qualified with its namespace when
   * that is known at synth time.
   */
  public static servicePort(service: kplus.Service, port: number, options: WaitForServiceOptions = {}): WaitFor {
    const request = `WaitFor.servicePort(${service.node.path}, ${port})`;
    const namespace = options.namespace ?? service.metadata.namespace;
    checkInput(request, () => {
      assertServiceName(service.name);
      if (namespace !== undefined) assertNamespace(namespace);
      assertPort(port);
    });
    const host = (ctx: ScriptContext) => namespace === undefined ? service.name : `${service.name}.${namespace}.svc.${ctx.clusterDomain}`;
    return new WaitFor({
      dependency: `tcp ${namespace === undefined ? service.name : `${service.name}.${namespace}`}:${port}`,
      nameHint: `${service.name}-${port}`,
      namespace,
      render: ctx => tcpWaiterScript({ ...ctx, host: host(ctx), port }),
      tcp: { request, port, service },
    });
  }

  /**
   * Waits until an `http://` GET of `url` answers with a 2xx status.
   */
  public static http(url: string): WaitFor {
    const parts = checkInput(`WaitFor.http("${url}")`, () => parseHttpUrl(url));
    return new WaitFor({
      dependency: `http ${url}`,
      nameHint: `${parts.host}-${parts.port}`,
      render: ctx => httpWaiterScript({ ...ctx, url }),
    });
  }

  /**
   * Makes `workload` (any cdk8s-plus workload: Deployment, StatefulSet, Job,
   * DaemonSet, CronJob, Pod) wait for `waitFor` before anything else starts:
   * one bounded waiter init container per dependency, in order, placed before
   * the init containers it already has (and after waiters of an earlier `gate`).
   *
   * The waiters are hardened to Pod Security Standards *restricted* whatever the
   * workload's profile, run as user 65534 and request 10m CPU / 16Mi. The
   * workload is checked at synth with the rules Kubernetes itself enforces
   * (duplicate container names, for one) if the library does not already check
   * it with a profile of its own.
   */
  public static gate(workload: kplus.AbstractPod, waitFor: WaitFor[], options: WaitForGateOptions = {}): void {
    const record = WorkloadRecord.ensure(workload);
    const owned = record.options;
    const normalize = {
      owner: workload.node.path,
      versionScope: workload,
      allowMutableImageTags: owned?.allowMutableImageTags ?? false,
      securityProfile: SecurityProfile.RESTRICTED,
    };
    const gated = new Map(record.waiters);
    const before = gated.size;
    const waiters = WaitFor.toContainers(waitFor, gated, {
      owner: workload.node.path,
      image: options.waiterImage ?? DEFAULT_WAITER_IMAGE,
      clusterDomain: options.clusterDomain ?? 'cluster.local',
      timeout: options.waitTimeout ?? Duration.minutes(5),
      interval: options.waitInterval ?? Duration.seconds(2),
    }).map(props => normalizeContainer(props, ContainerRole.WAITER, normalize));
    const added = record.addNormalized(() => waiters.map(props => workload.addInitContainer(props)));
    placeAfterEarlierWaiters(workload, added, before);
    gated.forEach((waiter, name) => record.waiters.set(name, waiter));
    for (const waiter of waitFor) {
      if (waiter.spec.tcp !== undefined) WaiterPortCheck.of(workload).add({ workload, ...waiter.spec.tcp });
    }
    record.checkIfUnowned();
  }

  /**
   * The waiter containers for `waiters`, in order, with unique names; `byName`
   * holds the workload's earlier waiters and receives the new ones, so a
   * dependency is refused the same way whether it repeats in one list or
   * across `gate` calls (`InitGatedApp` props and `addWaitFor`).
   */
  private static toContainers(waiters: WaitFor[], byName: Map<string, GatedWaiter>, settings: WaiterSettings): kplus.ContainerProps[] {
    if (waiters.length === 0) return [];
    const context = scriptContext(settings);
    const hintCounts = new Map<string, number>();
    [...byName.values(), ...waiters.map(w => w.spec)].forEach(w => hintCounts.set(w.nameHint, (hintCounts.get(w.nameHint) ?? 0) + 1));
    return waiters.map(waiter => {
      const shared = hintCounts.get(waiter.spec.nameHint)! > 1;
      const name = waiterName(shared && waiter.spec.namespace ? `${waiter.spec.nameHint}-${waiter.spec.namespace}` : waiter.spec.nameHint);
      const clash = byName.get(name);
      if (clash !== undefined) {
        const what = clash.dependency === waiter.dependency
          ? `lists ${waiter.dependency} twice`
          : `${clash.dependency} and ${waiter.dependency} would both be waited for by "${name}"`;
        throw new Error(`${settings.owner}: waitFor ${what}: list each dependency once`);
      }
      byName.set(name, { dependency: waiter.dependency, nameHint: waiter.spec.nameHint });
      return waiter.toContainer(name, settings, context);
    });
  }

  private static forService(context: string, name: string, namespace: string | undefined): WaitFor {
    checkInput(context, () => {
      assertServiceName(name);
      if (namespace !== undefined) assertNamespace(namespace);
    });
    return new WaitFor({
      dependency: `service ${name}.${namespace ?? `$${POD_NAMESPACE_ENV}`}`,
      nameHint: name,
      namespace,
      readsPodNamespace: namespace === undefined,
      render: ctx => dnsWaiterScript({ ...ctx, serviceName: name, namespace }),
    });
  }

  /** What is waited for, e.g. `service mydb.$POD_NAMESPACE` or `tcp db:5432`. */
  public readonly dependency: string;

  private constructor(private readonly spec: WaiterSpec) {
    this.dependency = spec.dependency;
  }

  private toContainer(name: string, settings: WaiterSettings, context: ScriptContext): kplus.ContainerProps {
    return {
      name,
      image: settings.image,
      command: ['sh', '-c', this.spec.render(context)],
      envVariables: this.spec.readsPodNamespace
        ? { [POD_NAMESPACE_ENV]: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAMESPACE) }
        : undefined,
      securityContext: { user: WAITER_USER, group: WAITER_USER },
      resources: {
        cpu: { request: kplus.Cpu.millis(10), limit: kplus.Cpu.millis(100) },
        memory: { request: Size.mebibytes(16), limit: Size.mebibytes(32) },
      },
    };
  }
}

/**
 * Moves the just-added waiters behind the `before` earlier waiters and in front
 * of the workload's other init containers. cdk8s-plus only appends, so nothing
 * moves when no other init container was added yet (how `InitGatedApp` builds
 * its workload); otherwise the private list is reordered through the seam.
 */
function placeAfterEarlierWaiters(workload: kplus.AbstractPod, added: kplus.Container[], before: number): void {
  if (workload.initContainers.length === before + added.length) return;
  moveInitContainers(workload, added, before);
}

function scriptContext(settings: WaiterSettings): ScriptContext {
  return checkInput(settings.owner, () => {
    const timeoutSeconds = wholeSeconds('waitTimeout', settings.timeout);
    const intervalSeconds = wholeSeconds('waitInterval', settings.interval);
    assertTiming(timeoutSeconds, intervalSeconds);
    return { clusterDomain: settings.clusterDomain, timeoutSeconds, intervalSeconds };
  });
}

function wholeSeconds(what: string, duration: Duration): number {
  const seconds = duration.toSeconds({ integral: false });
  if (!Number.isInteger(seconds)) {
    throw new Error(`${what} ${duration.toHumanString()} is not a whole number of seconds: use Duration.seconds(n) or Duration.minutes(n)`);
  }
  return seconds;
}

/** `wait-for-<hint>` as a DNS-1123 label; long hints keep a stable hash suffix. */
function waiterName(hint: string): string {
  const label = `wait-for-${hint.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+$/, '')}`;
  return truncateWithHash(label, DNS1123_LABEL_MAX_LENGTH);
}

function checkInput<T>(context: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    throw new Error(`${context}: ${(e as Error).message}`);
  }
}
