import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ContainerRole, normalizeBuiltContainer, normalizeContainer, NormalizeOptions } from './container-normalizer';
import { PodGuard } from './pod-guard';
import { recordProvenance } from './provenance';
import { podSpecPath } from '../rules/pod-templates';

/**
 * Every way a container enters a workload the library owns goes through here:
 * props, `addContainer`, `addInitContainer` (an init container with
 * `restartPolicy: Always` becomes a native sidecar), `addSidecar` and
 * `attachContainer`. A workload that is not listed passes containers through.
 */
const OPTIONS = new WeakMap<kplus.AbstractPod, NormalizeOptions>();

/** What a workload owned by the library is checked and hardened with. */
export interface OwnedWorkloadOptions extends NormalizeOptions {
  readonly shareProcessNamespace?: boolean;
}

/**
 * Makes `workload` normalise the containers added to it from now on, and puts
 * it under the app's synth guard with its profile.
 */
export function ownWorkload(workload: kplus.AbstractPod, options: OwnedWorkloadOptions): void {
  OPTIONS.set(workload, options);
  const apiObject = ApiObject.of(workload);
  if (options.shareProcessNamespace !== undefined) {
    const pointer = `/${podSpecPath(apiObject.kind)!.replace(/\./g, '/')}/shareProcessNamespace`;
    apiObject.addJsonPatch(JsonPatch.add(pointer, options.shareProcessNamespace));
  }
  PodGuard.of(workload).register({ apiObject, profile: options.securityProfile, harden: true });
  recordProvenance(apiObject, options.securityProfile, options.owner);
}

/** The options `workload` normalises with, if the library owns it. */
export function ownedOptions(workload: kplus.AbstractPod): NormalizeOptions | undefined {
  return OPTIONS.get(workload);
}

/** `props` as `workload` takes them in `role`. */
export function intake(workload: kplus.AbstractPod, props: kplus.ContainerProps, role: ContainerRole): kplus.ContainerProps {
  const options = OPTIONS.get(workload);
  return options === undefined ? props : normalizeContainer(props, role, options);
}

/** Workloads inside their own `addContainer`, which cdk8s-plus ends with `attachContainer`. */
const ADDING = new WeakSet<kplus.AbstractPod>();

/**
 * `intake`, then `add` (the base class's `addContainer`). The container it
 * builds from normalised props reaches `attachContainer` too, and must not be
 * taken for one the user built: its explicit values are the user's.
 */
export function addApp(
  workload: kplus.AbstractPod,
  props: kplus.ContainerProps,
  add: (props: kplus.ContainerProps) => kplus.Container,
): kplus.Container {
  const normalized = intake(workload, props, ContainerRole.APP);
  ADDING.add(workload);
  try {
    return add(normalized);
  } finally {
    ADDING.delete(workload);
  }
}

/** Normalises a container the user built with cdk8s-plus, before `workload` attaches it. */
export function intakeBuilt(workload: kplus.AbstractPod, container: kplus.Container): void {
  const options = OPTIONS.get(workload);
  if (options !== undefined && !ADDING.has(workload)) normalizeBuiltContainer(container, ContainerRole.APP, options);
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
