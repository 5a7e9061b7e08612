import * as path from 'path';
import { ManifestFile, ManifestInputError, NotAManifestError, readManifestFile } from '../manifests/read-manifests';

/** What a directory entry is, as far as the commands that read manifests care. */
export enum EntryKind {
  FILE = 'file',
  DIRECTORY = 'directory',
  /** Missing, a socket, a symbolic link to a directory (not followed, so no cycles), ... */
  OTHER = 'other',
}

/** Everything the manifest-reading commands touch outside themselves, so that tests need no process. */
export interface LintIo {
  /** The bytes of a file; throws a Node.js `fs` error (`code` `ENOENT`, `EACCES`, ...) on failure. */
  readFile(filePath: string): Uint8Array;
  /** All of standard input. */
  readStdin(): Uint8Array;
  /** What `filePath` is; `undefined` when it does not exist. */
  pathKind(filePath: string): EntryKind | undefined;
  /** The entries of a directory with their kinds. */
  listDirectory(dirPath: string): Array<{ name: string; kind: EntryKind }>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The `<stdin>` pseudo file name shown for `-`. */
export const STDIN_NAME = '<stdin>';

/**
 * The command-line inputs of `lint` and `explain`, read one way (same reader,
 * same messages, same directory walk): a file named on the command line (or
 * stdin) that cannot be read stops the run; in a directory (say cdk8s.out/), a
 * file that is not a manifest is skipped with a note and a malformed one is
 * reported (the run ends with exit 2), so every other file is still used.
 */
export interface ReadInputs {
  readonly files: ManifestFile[];
  readonly malformed: number;
}

const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;

export function readManifestInputs(inputs: readonly string[], io: LintIo, command: string): ReadInputs {
  const files: ManifestFile[] = [];
  let malformed = 0;
  let stdin: ManifestFile | undefined;
  for (const input of inputs) {
    if (input === '-') {
      stdin ??= readManifestFile(STDIN_NAME, () => io.readStdin());
      files.push(stdin);
      continue;
    }
    for (const file of expandInput(input, io)) {
      const read = () => readManifestFile(file, () => io.readFile(file));
      if (file === input) {
        files.push(read());
        continue;
      }
      try {
        files.push(read());
      } catch (e) {
        if (e instanceof NotAManifestError) {
          io.stderr(`${command}: skipped, not a Kubernetes manifest: ${e.message}\n`);
        } else if (e instanceof ManifestInputError) {
          io.stderr(`${command}: ${e.message}\n`);
          malformed += 1;
        } else {
          throw e;
        }
      }
    }
  }
  return { files, malformed };
}

/** `a, b` with `-` shown as `<stdin>`. */
export function describeInputs(inputs: readonly string[]): string {
  return inputs.map((input) => (input === '-' ? STDIN_NAME : input)).join(', ');
}

function expandInput(input: string, io: LintIo): string[] {
  const kind = io.pathKind(input);
  if (kind === undefined) {
    throw new ManifestInputError(`${input}: no such file or directory`);
  }
  if (kind !== EntryKind.DIRECTORY) {
    return [input];
  }
  // Byte order, not locale order: the same listing on every machine and in every CI.
  const files = listManifestFiles(input, io).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (files.length === 0) {
    throw new ManifestInputError(`${input}: directory contains no *.yaml, *.yml or *.json file`);
  }
  return files;
}

function listManifestFiles(dir: string, io: LintIo): string[] {
  const files: string[] = [];
  for (const entry of io.listDirectory(dir)) {
    const entryPath = path.join(dir, entry.name);
    if (entry.kind === EntryKind.DIRECTORY) {
      files.push(...listManifestFiles(entryPath, io));
    } else if (entry.kind === EntryKind.FILE && MANIFEST_EXTENSION.test(entry.name)) {
      files.push(entryPath);
    }
  }
  return files;
}
