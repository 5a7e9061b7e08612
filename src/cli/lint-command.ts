import * as path from 'path';
import { parseArgs } from 'util';
import { formatJson, formatText, FORMAT_NAMES } from './format';
import { hasErrors, lintManifestFiles, parseProfile, PROFILE_NAMES } from './lint-manifests';
import { decodeManifestText, ManifestFile, ManifestInputError, NotAManifestError, parseManifestText } from './read-manifests';
import { SecurityProfile } from '../policy/security-profile';

/** Exit codes of `cdk8s-pod-patterns lint`. */
export enum ExitCode {
  /** No error-severity finding (warnings allowed). */
  CLEAN = 0,
  /** At least one error-severity finding. */
  FINDINGS = 1,
  /** Bad command line or unreadable input: nothing was linted. */
  USAGE = 2,
}

/** What a directory entry is, as far as the lint command cares. */
export enum EntryKind {
  FILE = 'file',
  DIRECTORY = 'directory',
  /** Missing, a socket, a symbolic link to a directory (not followed, so no cycles), ... */
  OTHER = 'other',
}

/** Everything the lint command touches outside itself, so that tests need no process. */
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

const COMMAND = 'cdk8s-pod-patterns lint';
const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;

export const LINT_USAGE = `Usage: ${COMMAND} [--format text|json] [--profile privileged|baseline|restricted] FILE...

Checks Kubernetes manifests against the rules the cdk8s-pod-patterns constructs
enforce (Kubernetes 1.28 validation, image pull and restart policies, Pod
Security Standards).

  FILE                 a YAML (multi-document) or JSON manifest; "-" reads stdin;
                       a directory is searched recursively for *.yaml, *.yml, *.json
  --format text|json   output format (default: text)
  --profile NAME       Pod Security Standards level: privileged, baseline or
                       restricted (default: restricted)
  -h, --help           show this help

Exit status: 0 no error found (warnings allowed), 1 errors found,
2 usage error or unreadable input.
`;

interface LintOptions {
  readonly format: string;
  readonly profile: SecurityProfile;
  readonly inputs: string[];
}

/** A problem with the command line: reported as one line, exit code 2. */
class UsageError extends Error {}

/**
 * `cdk8s-pod-patterns lint [--format text|json] [--profile NAME] FILE...`
 * (argv without the `lint` word). Returns the exit code; never throws for bad
 * input and never prints a stack trace.
 */
export function runLint(argv: string[], io: LintIo): number {
  try {
    const options = parseLintArgs(argv);
    if (options === 'help') {
      io.stdout(LINT_USAGE);
      return ExitCode.CLEAN;
    }
    const files = readInputs(options.inputs, io);
    const { findings, objectCount } = lintManifestFiles(files, options.profile);
    io.stdout(options.format === 'json' ? formatJson(findings) : formatText(findings, objectCount));
    return hasErrors(findings) ? ExitCode.FINDINGS : ExitCode.CLEAN;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ManifestInputError) {
      io.stderr(`${COMMAND}: ${e.message}\n`);
      return ExitCode.USAGE;
    }
    throw e;
  }
}

function parseLintArgs(argv: string[]): LintOptions | 'help' {
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) {
    return 'help';
  }
  const format = values.format ?? 'text';
  if (!FORMAT_NAMES.includes(format)) {
    throw new UsageError(`unknown --format "${format}": use ${FORMAT_NAMES.join(' or ')}`);
  }
  const profileName = values.profile ?? SecurityProfile.RESTRICTED;
  const profile = parseProfile(profileName);
  if (profile === undefined) {
    throw new UsageError(`unknown --profile "${profileName}": use ${PROFILE_NAMES.join(', ')}`);
  }
  if (positionals.length === 0) {
    throw new UsageError(`no manifest files given: pass one or more FILEs, a directory, or "-" for stdin (see ${COMMAND} --help)`);
  }
  return { format, profile, inputs: positionals };
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        profile: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(describeArgError(e as Error & { code?: string }));
  }
}

// Node's own messages suggest `--` tricks and span two sentences; say it in our terms.
function describeArgError(error: Error & { code?: string }): string {
  // Node quotes the option: 'Unknown option \'--fromat\'...', 'Option \'--format <value>\' argument missing'.
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const option = quoted.replace(/ <value>$/, '');
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option "${option}": the options are --format, --profile and --help (see ${COMMAND} --help)`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return quoted.endsWith('<value>')
        ? `option "${option}" needs a value (see ${COMMAND} --help)`
        : `option "${option}" takes no value (see ${COMMAND} --help)`;
    default:
      return `${error.message} (see ${COMMAND} --help)`;
  }
}

/** Reads every input; any unreadable one stops the run before linting. */
function readInputs(inputs: readonly string[], io: LintIo): ManifestFile[] {
  const files: ManifestFile[] = [];
  let stdin: ManifestFile | undefined;
  for (const input of inputs) {
    if (input === '-') {
      stdin ??= readManifest(STDIN_NAME, () => io.readStdin());
      files.push(stdin);
      continue;
    }
    const found = expandInput(input, io);
    for (const file of found) {
      const read = () => readManifest(file, () => io.readFile(file));
      const manifest = file === input ? read() : readFoundInDirectory(read, io);
      if (manifest !== undefined) files.push(manifest);
    }
  }
  return files;
}

// A directory (say cdk8s.out/) may hold JSON or YAML that is not a manifest:
// skipped with a note. A file named on the command line is always linted.
function readFoundInDirectory(read: () => ManifestFile, io: LintIo): ManifestFile | undefined {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof NotAManifestError)) throw e;
    io.stderr(`${COMMAND}: skipped, not a Kubernetes manifest: ${e.message}\n`);
    return undefined;
  }
}

function readManifest(file: string, read: () => Uint8Array): ManifestFile {
  let bytes: Uint8Array;
  try {
    bytes = read();
  } catch (e) {
    throw new ManifestInputError(`${file}: ${describeReadError(e as NodeJS.ErrnoException)}`);
  }
  return { file, objects: parseManifestText(decodeManifestText(bytes, file), file) };
}

function describeReadError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: make the file readable';
    case 'EISDIR':
      return 'is a directory';
    default:
      return `cannot read: ${error.code ?? error.message}`;
  }
}

/** A file argument as is; a directory as its manifest files, recursively, sorted. */
function expandInput(input: string, io: LintIo): string[] {
  const kind = io.pathKind(input);
  if (kind === undefined) {
    throw new ManifestInputError(`${input}: no such file or directory`);
  }
  if (kind !== EntryKind.DIRECTORY) {
    return [input];
  }
  const files = listManifestFiles(input, io).sort(compareCodeUnits);
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

// Byte order, not locale order: the same listing on every machine and in every CI.
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
