import { ImagePullEntry } from './explanation-model';
import { containerList, WorkloadSource } from './workload-source';
import { ImageReference } from '../image/image-reference';

/**
 * Which images are pulled when, per container (init containers first, as the
 * kubelet starts them). The policy is the manifest's, or the one the API server
 * fills in from the tag (`ImageReference`, the library's one copy of
 * `SetDefaults_Container`). What each policy does at a start:
 * k8s: pkg/kubelet/images/image_manager.go `shouldPullImage` and `EnsureImageExists`.
 */
export function imagePullEntries(source: WorkloadSource): ImagePullEntry[] {
  return [...containerList(source.podSpec, 'initContainers'), ...containerList(source.podSpec, 'containers')]
    .map(container => imagePullEntry(container));
}

function imagePullEntry(container: any): ImagePullEntry {
  const name = String(container.name ?? '(unnamed)');
  const image = String(container.image ?? '');
  let reference: ImageReference;
  try {
    reference = ImageReference.parse(image);
  } catch (e) {
    return {
      container: name,
      image,
      pullPolicy: String(container.imagePullPolicy ?? ''),
      pullPolicySource: 'invalid',
      why: (e as Error).message,
      onStart: 'the kubelet cannot parse the image: the container never starts (InvalidImageName), whatever the policy',
    };
  }
  const set = typeof container.imagePullPolicy === 'string' && container.imagePullPolicy !== '';
  const pullPolicy = set ? container.imagePullPolicy : reference.defaultPullPolicy;
  return {
    container: name,
    image,
    pullPolicy,
    pullPolicySource: set ? 'set' : 'defaulted',
    why: set ? 'set in the manifest' : defaultedWhy(reference),
    onStart: onStart(pullPolicy),
  };
}

function defaultedWhy(reference: ImageReference): string {
  if (reference.tag === 'latest') return 'defaulted by the API server: the tag is "latest"';
  if (reference.tag === undefined && reference.digest === undefined) return 'defaulted by the API server: no tag means "latest"';
  return `defaulted by the API server from the ${reference.tag === undefined ? 'digest' : `tag "${reference.tag}"`}`;
}

/** k8s: pkg/kubelet/images/image_manager.go `shouldPullImage`. */
export function shouldPullImage(pullPolicy: string, imagePresent: boolean): boolean {
  if (pullPolicy === 'Never') return false;
  return pullPolicy === 'Always' || (pullPolicy === 'IfNotPresent' && !imagePresent);
}

function onStart(policy: string): string {
  switch (policy) {
    case 'Always':
      return 'at every start and restart the kubelet asks the registry for the tag\'s digest and pulls it unless that digest is on the node; with the registry unreachable: ErrImagePull, then ImagePullBackOff (10 s doubling to 300 s), never the node\'s copy';
    case 'Never':
      return 'never pulled: if the image is not on the node the container fails with ErrImageNeverPull, retried at each sync without back-off';
    default:
      return 'pulled once per node when missing (first start); restarts reuse the node\'s copy; a failed pull: ErrImagePull, then ImagePullBackOff (10 s doubling to 300 s)';
  }
}
