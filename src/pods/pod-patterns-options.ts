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
   * `RESTRICTED` sets `runAsNonRoot`, so an image that runs as root (busybox,
   * nginx, most official images) fails with `CreateContainerConfigError` unless
   * its container sets a numeric non-root `securityContext.user`. For images that
   * must run as root choose `BASELINE`.
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
}
