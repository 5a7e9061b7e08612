import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ContainerRole, hardenPod, normalizeContainer, NormalizeOptions, resolveRestartPolicy } from './container-normalizer';
import { PodPatternsOptions } from './pod-patterns-options';
import { bindPodRules } from './pod-rules-binding';
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
 *   restrictions, Pod Security Standards) and every problem is reported at once.
 *
 * Like any bare Pod it never heals itself: nothing reschedules it when its node
 * fails. Use `InitGatedApp` (a Deployment by default) for long-running services.
 */
export class SafePod extends kplus.Pod {
  private readonly normalizeOptions: NormalizeOptions;

  public constructor(scope: Construct, id: string, props: SafePodProps = {}) {
    const securityProfile = props.securityProfile ?? SecurityProfile.RESTRICTED;
    super(scope, id, {
      ...props,
      containers: undefined,
      initContainers: undefined,
      securityContext: hardenPod(props.securityContext, securityProfile),
      restartPolicy: resolveRestartPolicy(childPath(scope, id), WorkloadKind.POD, props.restartPolicy),
    });
    this.normalizeOptions = {
      owner: this.node.path,
      allowMutableImageTags: props.allowMutableImageTags ?? false,
      securityProfile,
    };
    props.initContainers?.forEach(c => this.addInitContainer(c));
    props.sidecars?.forEach(c => this.addSidecar(c));
    props.containers?.forEach(c => this.addContainer(c));
    bindPodRules(this, { securityProfile, shareProcessNamespace: props.shareProcessNamespace });
  }

  /**
   * Adds an app container, normalised and hardened like the ones given in props.
   */
  public addContainer(cont: kplus.ContainerProps): kplus.Container {
    return super.addContainer(normalizeContainer(cont, ContainerRole.APP, this.normalizeOptions));
  }

  /**
   * Adds an init container; it runs to completion, after the ones added before it.
   */
  public addInitContainer(cont: kplus.ContainerProps): kplus.Container {
    return super.addInitContainer(normalizeContainer(cont, ContainerRole.INIT, this.normalizeOptions));
  }

  /**
   * Adds a native sidecar: an init container with `restartPolicy: Always`.
   */
  public addSidecar(cont: kplus.ContainerProps): kplus.Container {
    return super.addInitContainer(normalizeContainer(cont, ContainerRole.SIDECAR, this.normalizeOptions));
  }
}

function childPath(scope: Construct, id: string): string {
  return scope.node.path === '' ? id : `${scope.node.path}/${id}`;
}
