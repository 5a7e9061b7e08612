import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { addApp, intake, intakeBuilt, ownWorkload } from './container-intake';
import { ContainerRole } from './container-normalizer';
import { hardenPodProps } from './hardening';
import { PodPatternsOptions } from './pod-patterns-options';
import { childPath, resolveRestartPolicy } from './workload-restart';
import { writableMounts } from './writable-paths';
import { SecurityProfile } from '../policy/security-profile';
import { WorkloadKind } from '../policy/workload-kind';

/**
 * Props for `SafePod`.
 */
export interface SafePodProps extends kplus.PodProps, PodPatternsOptions {
  /**
   * Native sidecar containers (Kubernetes 1.28 `SidecarContainers`): init
   * containers with `restartPolicy: Always` that start in order after the other
   * init containers, keep running beside the app containers, and may have probes.
   *
   * On Kubernetes 1.28 the `SidecarContainers` feature gate (alpha) must be
   * enabled on the cluster; it is on by default from 1.29.
   *
   * @default - no sidecars
   */
  readonly sidecars?: kplus.ContainerProps[];
}

/**
 * A Pod that is correct for Kubernetes 1.28 and hardened by default.
 *
 * - every container (init containers and sidecars included) carries an explicit
 *   `imagePullPolicy`, computed from the image exactly as Kubernetes defaults it;
 * - untagged and `:latest` images are refused unless `allowMutableImageTags`;
 * - containers are hardened to Pod Security Standards *restricted* unless
 *   `securityProfile` says otherwise, and no resources are invented;
 * - the whole Pod is checked at synth (duplicate names, port clashes in the
 *   shared network namespace, mounts of unknown volumes, init-container
 *   restrictions, Pod Security Standards), together with every other checked
 *   workload of the app, and nothing is written when any fails.
 *
 * Every way into the Pod is covered: props, `addContainer`, `addInitContainer`
 * (with `restartPolicy: Always` it adds a native sidecar), `addSidecar` and
 * `attachContainer`. A container cdk8s-plus built before it was attached carries
 * cdk8s-plus's defaults, which cannot be told from values written on purpose:
 * exactly those count as unset (an `Always` pull policy is recomputed as
 * Kubernetes would, the 1000m/512Mi resources are dropped); its security
 * context is completed for the profile at synth. To force `Always` on a pinned
 * tag, use `addContainer` with `imagePullPolicy`.
 *
 * With `securityProfile: PRIVILEGED` the Pod is exactly a `kplus.Pod` but for
 * the computed pull policies and the absence of invented resources.
 *
 * Like any bare Pod it never heals itself: nothing reschedules it when its node
 * fails. Use `InitGatedApp` (a Deployment by default) for long-running services.
 */
export class SafePod extends kplus.Pod {
  public constructor(scope: Construct, id: string, props: SafePodProps = {}) {
    const securityProfile = props.securityProfile ?? SecurityProfile.RESTRICTED;
    super(scope, id, {
      ...props,
      containers: undefined,
      initContainers: undefined,
      securityContext: hardenPodProps(props.securityContext, securityProfile),
      restartPolicy: resolveRestartPolicy(childPath(scope, id), WorkloadKind.POD, props.restartPolicy),
    });
    ownWorkload(this, {
      owner: this.node.path,
      versionScope: this,
      allowMutableImageTags: props.allowMutableImageTags ?? false,
      securityProfile,
      shareProcessNamespace: props.shareProcessNamespace,
      writableMounts: writableMounts(this, this.node.path, props.writablePaths ?? [], props.writablePathSizeLimit),
    });
    props.initContainers?.forEach(c => this.addInitContainer(c));
    props.sidecars?.forEach(c => this.addSidecar(c));
    props.containers?.forEach(c => this.addContainer(c));
  }

  /**
   * Adds an app container, normalised and hardened like the ones given in props.
   */
  public addContainer(cont: kplus.ContainerProps): kplus.Container {
    return addApp(this, cont, props => super.addContainer(props));
  }

  /**
   * Adds an init container; it runs to completion, after the ones added before
   * it. With `restartPolicy: Always` it is a native sidecar, as `addSidecar`.
   */
  public addInitContainer(cont: kplus.ContainerProps): kplus.Container {
    return super.addInitContainer(intake(this, cont, ContainerRole.INIT));
  }

  /**
   * Adds a native sidecar: an init container with `restartPolicy: Always`.
   */
  public addSidecar(cont: kplus.ContainerProps): kplus.Container {
    return super.addInitContainer(intake(this, cont, ContainerRole.SIDECAR));
  }

  /**
   * Attaches a container cdk8s-plus already built, after the same checks as
   * `addContainer` (name, image, tag policy). cdk8s-plus's own defaults on it
   * count as unset (an `Always` pull policy is recomputed, 1000m/512Mi
   * resources dropped; use `addContainer` to force `Always`); it gets the
   * `writablePaths` mounts; its security context is completed at synth.
   */
  public attachContainer(cont: kplus.Container): void {
    intakeBuilt(this, cont);
    super.attachContainer(cont);
  }
}
