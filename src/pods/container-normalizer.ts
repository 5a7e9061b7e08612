import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { hardenContainerProps } from './hardening';
import { PodGuard } from './pod-guard';
import { mountWritablePaths, withWritableMounts } from './writable-paths';
import { ImageReference } from '../image/image-reference';
import { isCdk8sPlusDefaultResources, rewriteBuiltContainer } from '../k8s/cdk8s-internals';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { dns1123LabelErrors } from '../names/names';
import { SecurityProfile } from '../policy/security-profile';
import { RULE } from '../rules/catalog';
import { violationsOf } from '../rules/engine';
import { Severity, Violation } from '../rules/finding';
import { ruleById } from '../rules/registry';
import { Rule } from '../rules/rule';

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
  /**
   * The construct whose Kubernetes release (the innermost
   * `PodPatterns.setKubernetesVersion` around it when a container is added) the
   * containers are checked for and their pull policy computed with: the workload
   * or the construct that makes it.
   */
  readonly versionScope: IConstruct;
  readonly allowMutableImageTags: boolean;
  readonly securityProfile: SecurityProfile;
  /** Mounted into every app container and sidecar (`writablePaths`). */
  readonly writableMounts?: readonly kplus.VolumeMount[];
}

/**
 * Turns user container props into the props cdk8s-plus gets: explicit pull
 * policy computed as Kubernetes does, hardening for the profile, no invented
 * resources. Throws when the props alone show a problem.
 *
 * An init container with `restartPolicy: Always` is a native sidecar, however it
 * was added (cdk8s-plus's own `addInitContainer` spelling included).
 */
export function normalizeContainer(
  props: kplus.ContainerProps,
  role: ContainerRole,
  options: NormalizeOptions,
): kplus.ContainerProps {
  const placed = roleOf(props, role);
  const version = PodGuard.kubernetesVersionAt(options.versionScope);
  checkContainerEarly(containerFields(props), placed, options, version);
  const mounts = placed === ContainerRole.APP || placed === ContainerRole.SIDECAR ? options.writableMounts ?? [] : [];
  const normalized: kplus.ContainerProps = {
    ...withWritableMounts(props, mounts, options.owner),
    imagePullPolicy: props.imagePullPolicy ?? ImageReference.parse(props.image, version).defaultPullPolicy,
    resources: props.resources ?? {},
    securityContext: hardenContainerProps(props.securityContext, options.securityProfile),
    restartPolicy: placed === ContainerRole.SIDECAR ? kplus.ContainerRestartPolicy.ALWAYS : props.restartPolicy,
  };
  return normalized;
}

/**
 * `normalizeContainer` for a container cdk8s-plus has already built
 * (`attachContainer`). Such a container always carries cdk8s-plus's defaults,
 * which cannot be told apart from values the user wrote, so exactly those
 * defaults count as unset: an `Always` pull policy becomes the one Kubernetes
 * computes for the image, and the 1000m/1500m CPU, 512Mi/2048Mi memory
 * resources are dropped. It gets the `writablePaths` mounts like any app
 * container; its security context is completed at synth.
 */
export function normalizeBuiltContainer(container: kplus.Container, role: ContainerRole, options: NormalizeOptions): void {
  const version = PodGuard.kubernetesVersionAt(options.versionScope);
  checkContainerEarly({
    name: container.name,
    image: container.image,
    imagePullPolicy: container.imagePullPolicy,
    restartPolicy: container.restartPolicy,
  }, role, options, version);
  rewriteBuiltContainer(container, {
    imagePullPolicy: container.imagePullPolicy === kplus.ImagePullPolicy.ALWAYS
      ? ImageReference.parse(container.image, version).defaultPullPolicy as kplus.ImagePullPolicy
      : container.imagePullPolicy,
    resources: isCdk8sPlusDefaultResources(container.resources) ? undefined : container.resources,
  });
  mountWritablePaths(container, options.writableMounts ?? [], options.owner);
}

function roleOf(props: kplus.ContainerProps, role: ContainerRole): ContainerRole {
  return role === ContainerRole.INIT && props.restartPolicy === kplus.ContainerRestartPolicy.ALWAYS ? ContainerRole.SIDECAR : role;
}

/** The manifest fields of a container that the container-level rules read. */
function containerFields(props: kplus.ContainerProps): Record<string, unknown> {
  const present = (value: unknown) => (value === undefined ? undefined : {});
  return {
    name: props.name,
    image: props.image,
    imagePullPolicy: props.imagePullPolicy,
    restartPolicy: props.restartPolicy,
    readinessProbe: present(props.readiness),
    livenessProbe: present(props.liveness),
    startupProbe: present(props.startup),
    lifecycle: present(props.lifecycle),
  };
}

/** The rules that need nothing but the container itself: they can run as the user's line executes. */
const CONTAINER_RULE_IDS = [
  RULE.API_CONTAINER_NAME,
  RULE.API_CONTAINER_RESTART_POLICY,
  RULE.API_INIT_CONTAINER_PROBES,
  RULE.API_IMAGE_REQUIRED,
  RULE.API_IMAGE_WHITESPACE,
  RULE.API_IMAGE_PULL_POLICY,
  RULE.RUNTIME_IMAGE_REFERENCE,
  RULE.BP_MUTABLE_IMAGE_TAG,
];

let containerRules: readonly Rule[] | undefined;

/**
 * Container shapes (the release, and every checked field but the name) the
 * container-level rules found nothing in. Of those rules only
 * api-container-name reads the name, so a container of a known clean shape
 * needs only its name checked: a bounded memo of a pure function, which keeps
 * construction linear and cheap for the many containers (waiters above all)
 * that share one image and role.
 */
const CLEAN_SHAPES = new Set<string>();
const MAX_CLEAN_SHAPES = 1024;

/** What api-container-name accepts (an absent name becomes cdk8s-plus's "main"). */
function isValidContainerName(name: unknown): boolean {
  return name === undefined || (typeof name === 'string' && name !== '' && dns1123LabelErrors(name).length === 0);
}

/**
 * Runs the container-level rules (the same rule objects lint and the synth
 * guard run) on one container for `version`, the release the workload targets
 * as the container is added, so that a bad container fails where the user
 * added it. The synth check judges again at the release in effect then.
 */
function checkContainerEarly(fields: Record<string, unknown>, role: ContainerRole, options: NormalizeOptions, version: KubernetesVersion): void {
  const shape = JSON.stringify([`${version}`, role, options.allowMutableImageTags, { ...fields, name: undefined }]);
  if (CLEAN_SHAPES.has(shape) && isValidContainerName(fields.name)) return;
  const problems = containerViolations(fields, role, version).filter(found =>
    ruleById(found.ruleId).severity === Severity.ERROR || (found.ruleId === RULE.BP_MUTABLE_IMAGE_TAG && !options.allowMutableImageTags));
  if (problems.length === 0) {
    if (CLEAN_SHAPES.size >= MAX_CLEAN_SHAPES) CLEAN_SHAPES.clear();
    CLEAN_SHAPES.add(shape);
    return;
  }
  const lines = problems.map(found => {
    const source = found.ruleId === RULE.BP_MUTABLE_IMAGE_TAG && role === ContainerRole.WAITER ? '; the image comes from waiterImage' : '';
    return `${found.message}${source}${laterReleasesNote(found, fields, role, version)} [${found.ruleId}]`;
  });
  throw new Error(`${options.owner}: ${lines.join('\n  ')}`);
}

/**
 * For a problem a later release does not have (1.29+ reads more image
 * references), which release the check used and how to target another one:
 * the version must be set before the workload is made, since this check runs
 * as the container is added.
 */
function laterReleasesNote(problem: Violation, fields: Record<string, unknown>, role: ContainerRole, version: KubernetesVersion): string {
  const accepting = KubernetesVersion.all()
    .filter(later => later.minor > version.minor)
    .filter(later => !containerViolations(fields, role, later).some(found => found.ruleId === problem.ruleId && found.path === problem.path));
  if (accepting.length === 0) return '';
  const newest = KubernetesVersion.all().slice(-1)[0];
  const releases = accepting.length === newest.minor - accepting[0].minor + 1
    ? `Kubernetes ${accepting[0].name} and later accept${accepting.length === 1 ? 's' : ''} it`
    : `Kubernetes ${accepting.map(later => later.name).join(', ')} accept it`;
  return ` (judged for Kubernetes ${version.name}, the release in effect when the container was added; `
    + `${releases}: to target one, call `
    + 'PodPatterns.setKubernetesVersion on the app or chart before the workload is constructed)';
}

/** The container-level rules' findings for one container, as they would be found in a Pod of `version`. */
function containerViolations(fields: Record<string, unknown>, role: ContainerRole, version: KubernetesVersion): Violation[] {
  containerRules ??= CONTAINER_RULE_IDS.map(ruleById);
  const group = role === ContainerRole.APP ? 'containers' : 'initContainers';
  const container = {
    ...fields,
    name: fields.name ?? 'main',
    restartPolicy: role === ContainerRole.SIDECAR ? 'Always' : fields.restartPolicy,
  };
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'container-check' }, spec: { [group]: [container] } };
  return violationsOf(pod, containerRules, { profile: SecurityProfile.PRIVILEGED, kubernetesVersion: version });
}
