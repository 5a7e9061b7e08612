import { Size } from 'cdk8s';
import { SecurityProfile } from '../policy/security-profile';

/**
 * Options shared by `SafePod` and `InitGatedApp`.
 */
export interface PodPatternsOptions {
  /**
   * Accept images without a tag or with the `latest` tag.
   *
   * Such an image is not pinned: two nodes may run different code under the same
   * manifest. When allowed, the container gets `imagePullPolicy: Always`, as
   * Kubernetes itself defaults it.
   *
   * @default false - an untagged or `:latest` image is an error at synth
   */
  readonly allowMutableImageTags?: boolean;

  /**
   * The Pod Security Standards level every container (init containers, sidecars
   * and generated waiters included) is hardened to and checked against.
   *
   * `RESTRICTED` sets `runAsNonRoot` and a read-only root filesystem. An image
   * whose USER is root or a name (busybox, nginx, postgres, most official images)
   * then fails with `CreateContainerConfigError` unless its container runs as a
   * numeric non-root `securityContext.user` (with `group`, and the Pod's
   * `fsGroup` for volumes); `writablePaths` gives it the directories it writes.
   * Choose `BASELINE` only for an image that must really start as root (e.g. it
   * binds a port below 1024 or chowns files at start).
   *
   * @default SecurityProfile.RESTRICTED
   */
  readonly securityProfile?: SecurityProfile;

  /**
   * Share one PID namespace between all containers of the Pod.
   *
   * The pause container then runs as PID 1 and reaps zombie processes, and
   * containers can signal each other's processes.
   *
   * @default false
   */
  readonly shareProcessNamespace?: boolean;

  /**
   * Directories the processes must write while the root filesystem stays
   * read-only (`/tmp`, caches, sockets such as `/var/run/postgresql`). Each is an
   * `emptyDir` (limited by `writablePathSizeLimit`) mounted at that path into
   * every app container and sidecar, including containers added later.
   *
   * @default - none
   */
  readonly writablePaths?: string[];

  /**
   * The `sizeLimit` of each `writablePaths` volume; the kubelet evicts the Pod
   * when a directory outgrows it.
   *
   * @default Size.mebibytes(256)
   */
  readonly writablePathSizeLimit?: Size;
}
