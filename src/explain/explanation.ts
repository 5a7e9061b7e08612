import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { appContainerEntries } from './app-phase';
import { controllerSection, effectiveRestartPolicy } from './controller-summary';
import { Assumption, EXPLANATION_SCHEMA_VERSION, ExplanationData } from './explanation-model';
import { imagePullEntries } from './image-pulls';
import { initContainerEntries } from './init-phase';
import { kubeletReleaseNotes } from './kubelet-releases';
import { renderMermaid } from './mermaid-renderer';
import { restartSection } from './restarts';
import { sandboxSection } from './sandbox';
import { terminationSection } from './termination';
import { renderText } from './text-renderer';
import { timeToReadySection } from './time-to-ready';
import { assumptionMatches, buildTimeline } from './timeline';
import { workloadLabel, workloadSource, workloadSources, WorkloadSource } from './workload-source';
import { KubernetesVersion } from '../k8s/kubernetes-version';

/** When one dependency of a Pod's waiters becomes reachable, for `ExplainOptions.assume`. */
export interface ReadinessAssumption {
  /**
   * What a waiter waits for: the Service name of `WaitFor.service`, the host of
   * `WaitFor.tcp`/`WaitFor.http`, or the waiter container's name.
   */
  readonly target: string;

  /**
   * Seconds after the first init container starts when the dependency becomes reachable.
   *
   * @default - never
   */
  readonly readyAtSeconds?: number;
}

/** Options of the `Explanation` factories. */
export interface ExplainOptions {
  /**
   * When each dependency becomes reachable: turns the explanation into a
   * timeline of what the kubelet does second by second. A dependency not named
   * is taken as reachable from the start.
   *
   * @default - no timeline; the Mermaid chart shows the best case
   */
  readonly assume?: ReadinessAssumption[];

  /**
   * The Kubernetes release the kubelet runs: native sidecars need no gate from
   * 1.29, and from 1.29 the kubelet stops them after the app containers. The
   * default timing is the same on every supported release; the text and JSON
   * (`kubeletRelease`) say what else that release's kubelet does by default and
   * which gates, off by default, would change the timing.
   *
   * @default KubernetesVersion.V1_28
   */
  readonly kubernetesVersion?: KubernetesVersion;
}

/** What `explain` leaves out. */
const NOT_MODELLED = [
  'scheduling, node pressure and eviction',
  'image size and registry speed (pulls are taken as instant)',
  'the container runtime\'s own start-up time',
  'the run time of init containers that are not the library\'s waiters',
  'probes that fail (each is taken to pass from its first run)',
  'a waiter attempt that hangs (an unreachable DNS server): each is bounded by its attempt timeout',
  'kubelet restarts, and Pod deletion while starting',
];

/**
 * The kubelet's view of one workload, from its manifest alone: the controller,
 * the sandbox, image pulls, the init phase (the library's waiters recognised
 * from their scripts), the app phase and its probes, restarts and back-off,
 * termination and time to ready, for Kubernetes 1.28.
 */
export class Explanation {
  /**
   * Explains one manifest object of a kind that runs Pods (Pod, Deployment,
   * StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob).
   *
   * @throws Error naming the kind when `manifest` runs no Pods
   */
  public static ofManifest(manifest: any, options: ExplainOptions = {}): Explanation {
    const source = workloadSource(manifest);
    if (source === undefined) {
      throw new Error(`cannot explain ${describeObject(manifest)}: it holds no Pod spec; explain a Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job or CronJob`);
    }
    return new Explanation(source, options);
  }

  /** Explains every object of `manifests` that runs Pods, in order; other objects are skipped. */
  public static ofManifests(manifests: any[], options: ExplainOptions = {}): Explanation[] {
    return workloadSources(manifests).map(source => new Explanation(source, options));
  }

  /**
   * Explains the one workload in `construct` (a cdk8s-plus workload, an
   * `InitGatedApp`, or any construct holding exactly one object that runs Pods),
   * as it would synthesize now.
   *
   * @throws Error when the construct holds no workload or several
   */
  public static ofWorkload(construct: IConstruct, options: ExplainOptions = {}): Explanation {
    const sources = construct.node.findAll()
      .filter(ApiObject.isApiObject)
      .map(apiObject => workloadSource(apiObject.toJson()))
      .filter((source): source is WorkloadSource => source !== undefined);
    if (sources.length !== 1) {
      const found = sources.length === 0 ? 'none' : sources.map(workloadLabel).join(', ');
      throw new Error(`${construct.node.path}: Explanation.ofWorkload needs exactly one workload in the construct, found ${found}: pass the workload itself, or use Explanation.ofManifests`);
    }
    return new Explanation(sources[0], options);
  }

  /** The workload's `kind`. */
  public readonly kind: string;
  /** The workload's `metadata.name`. */
  public readonly name: string;
  /** What the Pod's waiters wait for, in order: the names `ReadinessAssumption.target` accepts. */
  public readonly waiterTargets: string[];

  private readonly data: ExplanationData;
  private readonly waiterNames: string[];

  private constructor(source: WorkloadSource, options: ExplainOptions) {
    const restartPolicy = effectiveRestartPolicy(source);
    const version = options.kubernetesVersion ?? KubernetesVersion.DEFAULT;
    const initContainers = initContainerEntries(source, version);
    const appContainers = appContainerEntries(source);
    // Assumptions about another workload's dependencies do not apply here.
    const assumptions: Assumption[] = (options.assume ?? [])
      .map(a => ({ target: a.target, readyAtSeconds: a.readyAtSeconds ?? null }))
      .filter(a => initContainers.some(entry => assumptionMatches(a, entry)));
    this.kind = source.kind;
    this.name = source.name;
    this.waiterTargets = initContainers.flatMap(e => (e.waiter === undefined ? [] : [e.waiter.target]));
    const restarts = restartSection(source);
    const releaseNotes = kubeletReleaseNotes(version);
    this.waiterNames = initContainers.filter(e => e.waiter !== undefined).map(e => e.name);
    this.data = {
      schemaVersion: EXPLANATION_SCHEMA_VERSION,
      kubernetesVersion: version.name,
      ...(Object.keys(version.featureGates).length === 0 ? {} : { featureGates: { ...version.featureGates } }),
      ...(releaseNotes.length === 0 ? {} : { kubeletRelease: releaseNotes }),
      workload: { kind: source.kind, name: source.name, ...(source.namespace === undefined ? {} : { namespace: source.namespace }) },
      controller: controllerSection(source, version),
      sandbox: sandboxSection(source, initContainers.flatMap(e => (e.waiter === undefined || e.waiter.check === 'dns' ? [] : [e.waiter.target]))),
      images: imagePullEntries(source),
      initContainers,
      appContainers,
      restarts,
      termination: terminationSection(source, version),
      timeToReady: timeToReadySection(restartPolicy, initContainers, appContainers, restarts.job?.backoffLimit),
      ...((options.assume ?? []).length === 0
        ? {}
        : { timeline: buildTimeline({ restartPolicy, initContainers, appContainers, assumptions }) }),
      notModelled: NOT_MODELLED,
    };
  }

  /** Whether one of the Pod's waiters waits for `target` (a `waiterTargets` entry or a waiter container's name). */
  public waits(target: string): boolean {
    return this.waiterTargets.includes(target) || this.waiterNames.includes(target);
  }

  /** The explanation as plain data, in the shape of `schema/explain.schema.json`. */
  public toJson(): any {
    return JSON.parse(JSON.stringify(this.data));
  }

  /** The explanation for a terminal: plain text wrapped at 100 columns. */
  public toText(): string {
    return renderText(this.data);
  }

  /**
   * The start as a Mermaid gantt chart: the `assume` timeline, or without one
   * the best case (every dependency reachable from the start).
   */
  public toMermaid(): string {
    const timeline = this.data.timeline ?? buildTimeline({
      restartPolicy: this.data.restarts.restartPolicy,
      initContainers: this.data.initContainers,
      appContainers: this.data.appContainers,
      assumptions: [],
    });
    return renderMermaid(this.data, timeline);
  }
}

function describeObject(manifest: any): string {
  const kind = typeof manifest?.kind === 'string' ? manifest.kind : 'an object without kind';
  const name = typeof manifest?.metadata?.name === 'string' ? `/${manifest.metadata.name}` : '';
  return `${kind}${name}`;
}
