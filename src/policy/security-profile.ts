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
   * all capabilities dropped, `RuntimeDefault` seccomp, restricted volume types.
   *
   * Images that run as root (busybox, nginx, most official images) fail to start
   * under it with `CreateContainerConfigError` unless the container sets a
   * numeric non-root user (`securityContext.user`).
   */
  RESTRICTED = 'restricted',

  /**
   * Pod Security Standards *baseline*: the opt-out for images that must run as
   * root. Known privilege escalations stay forbidden (privileged containers,
   * host namespaces, hostPath volumes, added capabilities beyond the default set).
   */
  BASELINE = 'baseline',

  /**
   * Pod Security Standards *privileged*: no security rule is checked and no
   * hardening is added. Only for system workloads that need the host.
   */
  PRIVILEGED = 'privileged',
}
