import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ContainerRole, normalizeBuiltContainer, normalizeContainer, NormalizeOptions } from './container-normalizer';
import { CheckSettings, ObjectRecord } from './object-record';
import { PodGuard } from './pod-guard';
import { recordProvenance } from './provenance';
import { SecurityProfile } from '../policy/security-profile';
import { podSpecPath } from '../rules/pod-templates';

/** A waiter `WaitFor.gate` put into a workload: what later gates must not repeat. */
export interface GatedWaiter {
  /** What is waited for, e.g. `tcp db:5432`. */
  readonly dependency: string;
  /** The waiter container's name comes from it. */
  readonly nameHint: string;
}

const RECORD_ID = 'cdk8s-pod-patterns-record';

/**
 * What the library keeps about one workload, in one place: the options its
 * containers are normalised with (if the library owns it), whether it is inside
 * its own `addContainer` or taking props that are already normalised, and the
 * waiters gated into it. Every way a container enters an owned workload goes
 * through `intake`: props, `addContainer`, `addInitContainer` (an init
 * container with `restartPolicy: Always` becomes a native sidecar), `addSidecar`
 * and `attachContainer`. A workload the library does not own passes containers
 * through.
 *
 * It is a child construct of the workload, found by its id: no module-level state.
 */
export class WorkloadRecord extends Construct {
  /** The record of `workload`, if one was made. */
  public static of(workload: kplus.AbstractPod): WorkloadRecord | undefined {
    const found = workload.node.tryFindChild(RECORD_ID);
    return found instanceof WorkloadRecord ? found : undefined;
  }

  /** The record of `workload`, made (not owning it) if there is none. */
  public static ensure(workload: kplus.AbstractPod): WorkloadRecord {
    return WorkloadRecord.of(workload) ?? new WorkloadRecord(workload);
  }

  /** The waiters gated into the workload, by container name, in order. */
  public readonly waiters = new Map<string, GatedWaiter>();
  private adding = false;
  private asIs = false;

  private ownOptions?: NormalizeOptions;
  private checked?: ObjectRecord;

  private constructor(private readonly workload: kplus.AbstractPod) {
    super(workload, RECORD_ID);
  }

  /** The options the workload's containers are normalised with, if the library owns it. */
  public get options(): NormalizeOptions | undefined {
    return this.ownOptions;
  }

  /** `props` as the workload takes them in `role`. */
  public intake(props: kplus.ContainerProps, role: ContainerRole): kplus.ContainerProps {
    return this.options === undefined || this.asIs ? props : normalizeContainer(props, role, this.options);
  }

  /**
   * `intake`, then `add` (the base class's `addContainer`). The container it
   * builds from normalised props reaches `attachContainer` too, and must not be
   * taken for one the user built: its explicit values are the user's.
   */
  public addApp(props: kplus.ContainerProps, add: (props: kplus.ContainerProps) => kplus.Container): kplus.Container {
    const normalized = this.intake(props, ContainerRole.APP);
    return this.during('adding', () => add(normalized));
  }

  /** Normalises a container the user built with cdk8s-plus, before the workload attaches it. */
  public intakeBuilt(container: kplus.Container): void {
    if (this.options !== undefined && !this.adding && !this.asIs) normalizeBuiltContainer(container, ContainerRole.APP, this.options);
  }

  /** Runs `add` with intake off: for containers normalised already (the waiters, hardened to restricted). */
  public addNormalized<T>(add: () => T): T {
    return this.during('asIs', add);
  }

  private during<T>(flag: 'adding' | 'asIs', run: () => T): T {
    const before = this[flag];
    this[flag] = true;
    try {
      return run();
    } finally {
      this[flag] = before;
    }
  }

  /** Makes the workload normalise the containers added to it from now on, and puts it under the synth guard. */
  public own(options: OwnedWorkloadOptions): void {
    this.ownOptions = options;
    const apiObject = ApiObject.of(this.workload);
    if (options.shareProcessNamespace !== undefined) {
      const pointer = `/${podSpecPath(apiObject.kind)!.replace(/\./g, '/')}/shareProcessNamespace`;
      apiObject.addJsonPatch(JsonPatch.add(pointer, options.shareProcessNamespace));
    }
    this.check({ profile: options.securityProfile, harden: true });
    recordProvenance(apiObject, options.securityProfile, options.owner);
  }

  /**
   * Has the guard check a workload the library does not own (one `WaitFor.gate`
   * put waiters into) with the rules Kubernetes itself enforces, unless
   * something else claims it: a `PodPatterns.apply` scope around it checks it
   * with its own settings.
   */
  public checkIfUnowned(): void {
    if (this.ownOptions === undefined) this.check({ profile: SecurityProfile.PRIVILEGED, harden: false, fallback: true });
  }

  /** How the workload's object renders at synth (hardened for its profile), once it is checked. */
  public get object(): ObjectRecord | undefined {
    return this.checked;
  }

  private check(settings: CheckSettings): void {
    if (this.checked === undefined) {
      const apiObject = ApiObject.of(this.workload);
      this.checked = new ObjectRecord(apiObject, settings, () => PodGuard.kubernetesVersionAt(apiObject));
    } else {
      this.checked.settings = settings;
    }
    PodGuard.of(this.workload).register(this.checked);
  }
}

/** What a workload owned by the library is checked and hardened with. */
export interface OwnedWorkloadOptions extends NormalizeOptions {
  readonly shareProcessNamespace?: boolean;
}

/**
 * Makes `workload` normalise the containers added to it from now on, and puts
 * it under the app's synth guard with its profile.
 */
export function ownWorkload(workload: kplus.AbstractPod, options: OwnedWorkloadOptions): void {
  WorkloadRecord.ensure(workload).own(options);
}

/** The options `workload` normalises with, if the library owns it. */
export function ownedOptions(workload: kplus.AbstractPod): NormalizeOptions | undefined {
  return WorkloadRecord.of(workload)?.options;
}

/** `props` as `workload` takes them in `role`. */
export function intake(workload: kplus.AbstractPod, props: kplus.ContainerProps, role: ContainerRole): kplus.ContainerProps {
  return WorkloadRecord.of(workload)?.intake(props, role) ?? props;
}

/** `WorkloadRecord.addApp` for `workload`; a workload without a record just adds. */
export function addApp(
  workload: kplus.AbstractPod,
  props: kplus.ContainerProps,
  add: (props: kplus.ContainerProps) => kplus.Container,
): kplus.Container {
  const record = WorkloadRecord.of(workload);
  return record === undefined ? add(props) : record.addApp(props, add);
}

/** Normalises a container the user built with cdk8s-plus, before `workload` attaches it. */
export function intakeBuilt(workload: kplus.AbstractPod, container: kplus.Container): void {
  WorkloadRecord.of(workload)?.intakeBuilt(container);
}

type OwnedWorkloadClass<T> = new (scope: Construct, id: string, props: any, options: OwnedWorkloadOptions) => T;

/**
 * A cdk8s-plus workload class whose containers all go through `intake`. The
 * constructor takes the class's own `(scope, id, props)` plus the options, and
 * normalises the props' containers before cdk8s-plus sees them (a StatefulSet
 * reads their ports while it is constructed).
 */
export function ownedWorkloadClass<T extends kplus.AbstractPod>(
  Base: new (scope: Construct, id: string, props: any) => T,
): OwnedWorkloadClass<T> {
  const Workload = Base as new (...args: any[]) => any;
  class Owned extends Workload {
    public constructor(scope: Construct, id: string, props: kplus.AbstractPodProps, options: OwnedWorkloadOptions) {
      super(scope, id, {
        ...props,
        containers: props.containers?.map(c => normalizeContainer(c, ContainerRole.APP, options)),
        initContainers: props.initContainers?.map(c => normalizeContainer(c, ContainerRole.INIT, options)),
      });
      ownWorkload(this as unknown as kplus.AbstractPod, options);
    }

    public addContainer(cont: kplus.ContainerProps): kplus.Container {
      return addApp(this as unknown as kplus.AbstractPod, cont, props => super.addContainer(props));
    }

    public addInitContainer(cont: kplus.ContainerProps): kplus.Container {
      return super.addInitContainer(intake(this as unknown as kplus.AbstractPod, cont, ContainerRole.INIT));
    }

    public attachContainer(cont: kplus.Container): void {
      intakeBuilt(this as unknown as kplus.AbstractPod, cont);
      super.attachContainer(cont);
    }
  }
  return Owned as unknown as OwnedWorkloadClass<T>;
}
