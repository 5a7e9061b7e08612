import * as kplus from 'cdk8s-plus-28';
import { ImageReference } from '../image/image-reference';
import { dns1123LabelErrors } from '../names/names';
import { WorkloadRestartPolicy } from '../policy/restart-policy';
import { SecurityProfile } from '../policy/security-profile';
import { WorkloadKind } from '../policy/workload-kind';

/** Where a container sits in the Pod; decides what Kubernetes allows on it. */
export enum ContainerRole {
  APP = 'container',
  INIT = 'init container',
  SIDECAR = 'sidecar',
  WAITER = 'waiter init container',
}

/** The options every container of one Pod is normalised with. */
export interface NormalizeOptions {
  /** Construct path, to prefix errors. */
  readonly owner: string;
  readonly allowMutableImageTags: boolean;
  readonly securityProfile: SecurityProfile;
}

/**
 * Turns user container props into the props cdk8s-plus gets: explicit pull
 * policy computed as Kubernetes does, hardening for the profile, no invented
 * resources. Throws when the props alone show a problem.
 */
export function normalizeContainer(
  props: kplus.ContainerProps,
  role: ContainerRole,
  options: NormalizeOptions,
): kplus.ContainerProps {
  const label = describeContainer(props, role, options.owner);
  checkContainerName(props, label);
  checkRestartPolicyForRole(props, role, label);
  checkInitContainerHooks(props, role, label);
  const image = checkedImage(props.image, role, label, options);
  return {
    ...props,
    imagePullPolicy: props.imagePullPolicy ?? image.defaultPullPolicy,
    resources: props.resources ?? {},
    securityContext: hardenContainer(props.securityContext, options.securityProfile),
    restartPolicy: role === ContainerRole.SIDECAR ? kplus.ContainerRestartPolicy.ALWAYS : props.restartPolicy,
  };
}

/** Pod-level security context for a profile, keeping what the user set. */
export function hardenPod(
  user: kplus.PodSecurityContextProps | undefined,
  profile: SecurityProfile,
): kplus.PodSecurityContextProps {
  return {
    ...user,
    ensureNonRoot: user?.ensureNonRoot ?? profile === SecurityProfile.RESTRICTED,
  };
}

/**
 * Container security context for a profile. What the user set explicitly wins;
 * the rules then report it if it breaks the profile, rather than it being
 * silently overridden.
 */
export function hardenContainer(
  user: kplus.ContainerSecurityContextProps | undefined,
  profile: SecurityProfile,
): kplus.ContainerSecurityContextProps {
  const given = user ?? {};
  switch (profile) {
    case SecurityProfile.RESTRICTED:
      return {
        ...given,
        ensureNonRoot: given.ensureNonRoot ?? true,
        privileged: given.privileged ?? false,
        allowPrivilegeEscalation: given.allowPrivilegeEscalation ?? false,
        capabilities: { ...given.capabilities, drop: given.capabilities?.drop ?? [kplus.Capability.ALL] },
        seccompProfile: given.seccompProfile ?? { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
      };
    case SecurityProfile.BASELINE:
      return {
        ...given,
        ensureNonRoot: given.ensureNonRoot ?? false,
        readOnlyRootFilesystem: given.readOnlyRootFilesystem ?? false,
        privileged: given.privileged ?? false,
        allowPrivilegeEscalation: given.allowPrivilegeEscalation ?? false,
        seccompProfile: given.seccompProfile ?? { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
      };
    case SecurityProfile.PRIVILEGED:
      return {
        ...given,
        ensureNonRoot: given.ensureNonRoot ?? false,
        readOnlyRootFilesystem: given.readOnlyRootFilesystem ?? false,
      };
  }
}

/** The parsed image; refused when the kubelet could not parse it or it is not pinned. */
function checkedImage(image: string, role: ContainerRole, label: string, options: NormalizeOptions): ImageReference {
  let reference: ImageReference;
  try {
    reference = ImageReference.parse(image);
  } catch (e) {
    throw new Error(`${label}: ${(e as Error).message}`);
  }
  if (reference.isMutable && !options.allowMutableImageTags) {
    const what = reference.tag === undefined ? 'has no tag' : 'uses the mutable tag "latest"';
    const pin = role === ContainerRole.WAITER ? 'pin a tag or digest in waiterImage' : 'pin a tag or digest';
    throw new Error(`${label} image "${image}" ${what}: ${pin}, or set allowMutableImageTags`);
  }
  return reference;
}

function checkContainerName(props: kplus.ContainerProps, label: string): void {
  if (props.name === undefined) return;
  const errors = dns1123LabelErrors(props.name);
  if (errors.length > 0) {
    throw new Error(`${label}: name is not a valid DNS-1123 label: ${errors.join('; ')}: rename the container`);
  }
}

function checkRestartPolicyForRole(props: kplus.ContainerProps, role: ContainerRole, label: string): void {
  if (props.restartPolicy === undefined || role === ContainerRole.SIDECAR) return;
  const fix = role === ContainerRole.INIT
    ? 'pass it in `sidecars` instead, which sets restartPolicy: Always'
    : 'remove it; only sidecars (init containers that keep running) have one';
  throw new Error(`${label}: restartPolicy "${props.restartPolicy}" is not allowed on a ${role}: ${fix}`);
}

// k8s: pkg/apis/core/validation/validation.go validateInitContainers — probes and
// lifecycle are forbidden on init containers unless restartPolicy is Always.
function checkInitContainerHooks(props: kplus.ContainerProps, role: ContainerRole, label: string): void {
  if (role !== ContainerRole.INIT && role !== ContainerRole.WAITER) return;
  const hooks = [
    props.readiness && 'readiness probe',
    props.liveness && 'liveness probe',
    props.startup && 'startup probe',
    props.lifecycle && 'lifecycle',
  ].filter(Boolean);
  if (hooks.length > 0) {
    throw new Error(`${label}: ${hooks.join(', ')} not allowed on an init container, which runs to completion: drop it, or pass the container in \`sidecars\``);
  }
}

/**
 * `WorkloadRestartPolicy.resolve` with the construct path in its error.
 */
export function resolveRestartPolicy(owner: string, kind: WorkloadKind, policy: kplus.RestartPolicy | undefined): kplus.RestartPolicy {
  try {
    return WorkloadRestartPolicy.resolve(kind, policy);
  } catch (e) {
    throw new Error(`${owner}: restartPolicy: ${(e as Error).message}`);
  }
}

function describeContainer(props: kplus.ContainerProps, role: ContainerRole, owner: string): string {
  const name = props.name === undefined ? '(unnamed)' : `"${props.name}"`;
  return `${owner}: ${role} ${name}`;
}
