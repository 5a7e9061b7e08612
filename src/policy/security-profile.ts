/**
 * A Pod Security Standards level (Kubernetes 1.28, `pod-security-admission` v0.28).
 *
 * The constructs harden their output to the chosen level and refuse to
 * synthesize anything that violates it; the lint command checks manifests
 * against it.
 */
export enum SecurityProfile {
  /**
   * Pod Security Standards *restricted*: non-root, no privilege escalation,
   * all capabilities dropped, `RuntimeDefault` seccomp, restricted volume types;
   * the constructs also default to a read-only root filesystem.
   *
   * Images that run as root (busybox, nginx, most official images) fail to start
   * under it with `CreateContainerConfigError` unless the container sets a
   * numeric non-root user (`securityContext.user`).
   */
  RESTRICTED = 'restricted',

  /**
   * Pod Security Standards *baseline*: the opt-out for images that must run as
   * root and write to their image (nginx, most official images). Known privilege
   * escalations stay forbidden (privileged containers, host namespaces, hostPath
   * volumes, added capabilities beyond the default set); the constructs still
   * default to no privilege escalation and `RuntimeDefault` seccomp, but not to
   * a read-only root filesystem or dropped capabilities.
   */
  BASELINE = 'baseline',

  /**
   * Pod Security Standards *privileged*: no security rule is checked and the
   * constructs add no hardening: every container is exactly what cdk8s-plus-28
   * makes of its props. That keeps cdk8s-plus's own defaults, which you may
   * override per container: `runAsNonRoot: true` (on the Pod and each container),
   * `readOnlyRootFilesystem: true`, `privileged: false` and
   * `allowPrivilegeEscalation: false`. So an image that starts as root does not
   * start under PRIVILEGED either: choose `BASELINE` for it (or keep `RESTRICTED`
   * with a numeric non-root user). Only for system workloads that need the host.
   */
  PRIVILEGED = 'privileged',
}
