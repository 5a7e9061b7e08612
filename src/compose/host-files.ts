import * as fs from 'fs';
import * as path from 'path';

/**
 * The most an imported file may weigh to be embedded in the generated code.
 * Bigger files are referenced by name (a ConfigMap the user creates with
 * `kubectl create configmap --from-file`): generated code is reviewed and
 * committed, and a ConfigMap holds at most 1 MiB anyway.
 */
export const EMBED_MAX_BYTES = 64 * 1024;

/** The most a compose file, `.env` or `env_file` may weigh: real ones are a few KiB; a 50 MB one is a mistake or an attack. */
export const TEXT_FILE_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Where a host path given in a compose file points, judged without reading
 * anything outside the project directory (compose's project directory: the
 * first `-f` file's directory).
 */
export type HostPath =
  /** An absolute path, `~`, or a relative one that leaves the project (also through a symlink): never read. */
  | { readonly kind: 'outside'; readonly reason: string }
  /** Inside the project, but nothing is there (compose would create a directory). */
  | { readonly kind: 'missing'; readonly relative: string }
  /** A symlink loop or a path that cannot be resolved. */
  | { readonly kind: 'unresolvable'; readonly relative: string; readonly reason: string }
  | { readonly kind: 'directory'; readonly relative: string }
  /** A FIFO, socket or device inside the project: reading it could block or never end. */
  | { readonly kind: 'special'; readonly relative: string }
  | { readonly kind: 'file'; readonly relative: string; readonly absolute: string; readonly size: number };

/** Resolves `source` (as written in the compose file) against the project directory, symlinks included. */
export function resolveHostPath(projectDir: string, source: string): HostPath {
  if (source.startsWith('~')) return { kind: 'outside', reason: 'a path in the home directory of the importing machine' };
  if (path.isAbsolute(source)) return { kind: 'outside', reason: 'an absolute path of the importing machine' };
  const lexical = path.resolve(projectDir, source);
  if (!isInside(path.resolve(projectDir), lexical)) return { kind: 'outside', reason: 'a path outside the project directory' };
  const relative = path.relative(path.resolve(projectDir), lexical) || '.';
  let real: string;
  try {
    real = fs.realpathSync.native(lexical);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return danglingOrMissing(projectDir, lexical, relative);
    return { kind: 'unresolvable', relative, reason: code === 'ELOOP' ? 'a symlink loop' : `cannot be resolved (${code ?? 'unknown error'})` };
  }
  if (!isInside(realProjectDir(projectDir), real)) return { kind: 'outside', reason: 'a symlink inside the project that points outside it' };
  const stat = fs.statSync(real);
  if (stat.isDirectory()) return { kind: 'directory', relative };
  if (!stat.isFile()) return { kind: 'special', relative };
  return { kind: 'file', relative, absolute: real, size: stat.size };
}

/** A missing path, unless a symlink on the way points outside the project (then it is outside, even dangling). */
function danglingOrMissing(projectDir: string, lexical: string, relative: string): HostPath {
  const root = realProjectDir(projectDir);
  let current = lexical;
  while (isInside(path.resolve(projectDir), current) && current !== path.resolve(projectDir)) {
    const link = fs.lstatSync(current, { throwIfNoEntry: false });
    if (link?.isSymbolicLink()) {
      const target = path.resolve(path.dirname(current), fs.readlinkSync(current));
      if (!isInside(root, target) && !isInside(path.resolve(projectDir), target)) {
        return { kind: 'outside', reason: 'a symlink inside the project that points outside it' };
      }
    }
    current = path.dirname(current);
  }
  return { kind: 'missing', relative };
}

function realProjectDir(projectDir: string): string {
  try {
    return fs.realpathSync.native(projectDir);
  } catch {
    return path.resolve(projectDir);
  }
}

function isInside(dir: string, candidate: string): boolean {
  const relative = path.relative(dir, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A file name compose users give to key material, or to env files holding secrets. */
const KEY_FILE_NAME = /^(id_(rsa|dsa|ecdsa|ed25519)(\.pub)?|\.env.*|.*\.(key|pem|p12|pfx|jks|keystore|kdbx|gpg|asc|der|crt|cer|htpasswd|netrc|pgpass))$/i;

/** A PEM block (`-----BEGIN ...-----`): private keys, certificates and the like. */
const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]+-----/;

/** What may be done with a file's bytes: embed them as text, or only reference them by name. */
export type FileVerdict =
  | { readonly kind: 'text'; readonly content: string }
  | { readonly kind: 'secret'; readonly reason: string }
  | { readonly kind: 'by-name'; readonly reason: string };

/**
 * Whether a project file may be embedded in the generated code: only UTF-8
 * text of at most `EMBED_MAX_BYTES` that does not look like key material.
 * Key material (by name or content) becomes a Secret; other files a ConfigMap
 * referenced by name.
 */
export function judgeFile(file: Extract<HostPath, { kind: 'file' }>): FileVerdict {
  if (KEY_FILE_NAME.test(path.basename(file.relative))) return { kind: 'secret', reason: 'its name looks like key material or an env file' };
  if (file.size > EMBED_MAX_BYTES) return { kind: 'by-name', reason: `it is larger than ${EMBED_MAX_BYTES / 1024} KiB` };
  const bytes = fs.readFileSync(file.absolute);
  if (bytes.length > EMBED_MAX_BYTES) return { kind: 'by-name', reason: `it is larger than ${EMBED_MAX_BYTES / 1024} KiB` };
  const content = decodeUtf8Text(bytes);
  if (content === undefined) return { kind: 'by-name', reason: 'it is not UTF-8 text' };
  if (PEM_BLOCK.test(content)) return { kind: 'secret', reason: 'it holds a PEM block (key material)' };
  return { kind: 'text', content };
}

/** UTF-8 text without NUL and other C0 controls (tab, newlines and form feed allowed), else undefined. */
export function decodeUtf8Text(bytes: Buffer): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return /[\u0000-\u0008\u000e-\u001f\u007f]/.test(text) ? undefined : text;
}

/**
 * A text file the importer needs (a compose file, `.env`, `env_file`, a
 * config): a regular file, at most `TEXT_FILE_MAX_BYTES`, UTF-8. Returns the
 * text or why it cannot be read.
 */
export function readTextFile(file: string): { readonly text: string } | { readonly problem: string } {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch (e) {
    return { problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (stat === undefined) return { problem: 'does not exist' };
  if (stat.isDirectory()) return { problem: 'is a directory, not a file' };
  if (!stat.isFile()) return { problem: 'is not a regular file (a FIFO, socket or device)' };
  if (stat.size > TEXT_FILE_MAX_BYTES) return { problem: `is larger than ${TEXT_FILE_MAX_BYTES / 1024 / 1024} MiB` };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (bytes.length > TEXT_FILE_MAX_BYTES) return { problem: `is larger than ${TEXT_FILE_MAX_BYTES / 1024 / 1024} MiB` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { problem: 'is not UTF-8 text' };
  }
}
