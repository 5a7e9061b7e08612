import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DNS1123_LABEL_MAX_LENGTH, truncateWithHash } from '../names/names';

/** The `sizeLimit` of each writable path's `emptyDir` when none is given. */
const DEFAULT_WRITABLE_PATH_SIZE_LIMIT = Size.mebibytes(256);

/**
 * One `emptyDir` per path in `paths`, created under `scope`, as the mounts that
 * every app container and sidecar of the Pod gets: the directories a process
 * must write (`/tmp`, caches, sockets) while the root filesystem stays read-only.
 *
 * Throws, naming `owner`, for a path that is not absolute and normal, or listed twice.
 */
export function writableMounts(scope: Construct, owner: string, paths: readonly string[], sizeLimit?: Size): kplus.VolumeMount[] {
  const seen = new Set<string>();
  const names = new Set<string>();
  return paths.map(path => {
    checkWritablePath(owner, path, seen);
    const slugged = volumeNameFor(path);
    // "/a_b" and "/a-b" slug alike: the hash of the path itself tells them apart
    const name = names.has(slugged) ? truncateWithHash(`${slugged}-${Buffer.from(path).toString('hex')}`, DNS1123_LABEL_MAX_LENGTH) : slugged;
    names.add(name);
    const volume = kplus.Volume.fromEmptyDir(scope, name, name, { sizeLimit: sizeLimit ?? DEFAULT_WRITABLE_PATH_SIZE_LIMIT });
    return { path, volume };
  });
}

/**
 * `props` with the writable mounts added; a path the container already mounts
 * is an error, since two mounts at one path are rejected by the API server.
 */
export function withWritableMounts(props: kplus.ContainerProps, mounts: readonly kplus.VolumeMount[], owner: string): kplus.ContainerProps {
  if (mounts.length === 0) return props;
  const own = props.volumeMounts ?? [];
  checkNotMounted(props.name ?? 'main', own.map(m => m.path), mounts, owner);
  return { ...props, volumeMounts: [...own, ...mounts] };
}

/** Mounts the writable paths into a container cdk8s-plus already built, with the same check. */
export function mountWritablePaths(container: kplus.Container, mounts: readonly kplus.VolumeMount[], owner: string): void {
  checkNotMounted(container.name, container.mounts.map(m => m.path), mounts, owner);
  mounts.forEach(mount => container.mount(mount.path, mount.volume));
}

function checkNotMounted(name: string, ownPaths: readonly string[], mounts: readonly kplus.VolumeMount[], owner: string): void {
  const taken = mounts.find(mount => ownPaths.includes(mount.path));
  if (taken !== undefined) {
    throw new Error(`${owner}: container "${name}" already mounts "${taken.path}", which writablePaths also lists: remove it from one of them`);
  }
}

function checkWritablePath(owner: string, path: string, seen: Set<string>): void {
  const segments = path.split('/').slice(1);
  const normal = path.startsWith('/') && path.length > 1 && segments.every(s => s !== '' && s !== '.' && s !== '..');
  if (!normal) {
    throw new Error(`${owner}: writablePaths "${path}" is not an absolute, normalised directory path: write it like "/tmp" or "/var/cache/nginx" (no trailing "/", ".", ".." or "//")`);
  }
  if (seen.has(path)) {
    throw new Error(`${owner}: writablePaths lists "${path}" twice: list each directory once`);
  }
  seen.add(path);
}

/** `/var/cache/nginx` → `writable-var-cache-nginx`, a DNS-1123 label (long paths keep a stable hash). */
function volumeNameFor(path: string): string {
  const slug = path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return truncateWithHash(`writable-${slug || 'root'}`, DNS1123_LABEL_MAX_LENGTH);
}
