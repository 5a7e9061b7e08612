import * as path from 'path';
import { parseArgs } from 'util';
import { formatJson, formatText, FORMAT_NAMES } from './format';
import { hasErrors, lintManifestFiles, parseProfile, PROFILE_NAMES } from '../manifests/lint-manifests';
import { ManifestFile, ManifestInputError, NotAManifestError, readManifestFile } from '../manifests/read-manifests';
import { SecurityProfile } from '../policy/security-profile';
import { findRule } from '../rules/registry';

/** Exit codes of `cdk8s-pod-patterns lint`. */
export enum ExitCode {
  /** No error-severity finding (warnings allowed). */
  CLEAN = 0,
  /** At least one error-severity finding. */
  FINDINGS = 1,
  /**
   * Bad command line, unreadable input, or no Kubernetes object at all. A malformed
   * file inside a directory is reported and the other files are still linted, but
   * the run ends with this code.
   */
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

export const LINT_USAGE = `Usage: ${COMMAND} [--format text|json] [--profile NAME] [--minimum-profile NAME] [--disable RULE]... FILE...

Checks Kubernetes manifests against the rules the cdk8s-pod-patterns constructs
enforce (Kubernetes 1.28 validation, image pull and restart policies, Pod
Security Standards).

  FILE                 a YAML (multi-document) or JSON manifest; "-" reads stdin;
                       a directory is searched recursively for *.yaml, *.yml, *.json
  --format text|json   output format (default: text)
  --profile NAME       Pod Security Standards level (privileged, baseline or
                       restricted) for objects that declare none (default:
                       restricted); an object built by the constructs declares
                       its own in the annotation
                       cdk8s-pod-patterns.io/security-profile
  --minimum-profile NAME
                       no object is judged below this level, whatever it
                       declares (default: none)
  --disable RULE       do not run RULE (a rule id, e.g. bp-missing-resource-requests);
                       repeat it for several rules
  -h, --help           show this help

An object can silence a suppressible rule for itself with the annotation
  ignore-check.cdk8s-pod-patterns.io/RULE: <why it does not apply>
in its metadata.annotations; such findings are listed as suppressed, with the
reason. What the API server rejects or the kubelet certainly fails on (api-*,
runtime-image-reference) cannot be suppressed, nor can bp-invalid-suppression;
the rules table in the README has a Suppressible column.

Exit status: 0 no error found (warnings allowed), 1 errors found,
2 usage error, unreadable or malformed input, or no Kubernetes object found.
`;

interface LintCommandOptions {
  readonly format: string;
  readonly profile: SecurityProfile;
  readonly minimumProfile?: SecurityProfile;
  readonly disabledRules: string[];
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
    const { files, malformed } = readInputs(options.inputs, io);
    const objectCount = files.reduce((count, file) => count + file.objects.length, 0);
    if (objectCount === 0 && malformed === 0) {
      throw new UsageError(`no Kubernetes objects found in ${describeInputs(options.inputs)}: expected YAML or JSON manifests with apiVersion and kind`);
    }
    const result = lintManifestFiles(files, {
      profile: options.profile,
      minimumProfile: options.minimumProfile,
      disabledRules: options.disabledRules,
    });
    io.stdout(options.format === 'json' ? formatJson(result.findings, result.suppressed) : formatText(result.findings, objectCount, result.suppressed));
    if (malformed > 0) {
      return ExitCode.USAGE;
    }
    return hasErrors(result.findings) ? ExitCode.FINDINGS : ExitCode.CLEAN;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ManifestInputError) {
      io.stderr(`${COMMAND}: ${e.message}\n`);
      return ExitCode.USAGE;
    }
    throw e;
  }
}

function parseLintArgs(argv: string[]): LintCommandOptions | 'help' {
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) {
    return 'help';
  }
  const format = values.format ?? 'text';
  if (!FORMAT_NAMES.includes(format)) {
    throw new UsageError(`unknown --format "${format}": use ${FORMAT_NAMES.join(' or ')}`);
  }
  const profile = profileOption('--profile', values.profile ?? SecurityProfile.RESTRICTED);
  const minimumName = values['minimum-profile'];
  const minimumProfile = minimumName === undefined ? undefined : profileOption('--minimum-profile', minimumName);
  const disabledRules = values.disable ?? [];
  for (const id of disabledRules) {
    if (findRule(id) === undefined) {
      throw new UsageError(`unknown rule "${id}" for --disable: use a rule id from the rules table of the README (RuleCatalog.rules()), e.g. bp-missing-resource-requests`);
    }
  }
  if (positionals.length === 0) {
    throw new UsageError(`no manifest files given: pass one or more FILEs, a directory, or "-" for stdin (see ${COMMAND} --help)`);
  }
  return { format, profile, minimumProfile, disabledRules, inputs: positionals };
}

function profileOption(option: string, name: string): SecurityProfile {
  const profile = parseProfile(name);
  if (profile === undefined) {
    throw new UsageError(`unknown ${option} "${name}": use ${PROFILE_NAMES.join(', ')}`);
  }
  return profile;
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        'format': { type: 'string' },
        'profile': { type: 'string' },
        'minimum-profile': { type: 'string' },
        'disable': { type: 'string', multiple: true },
        'help': { type: 'boolean', short: 'h' },
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
      return `unknown option "${option}": the options are --format, --profile, --minimum-profile, --disable and --help (see ${COMMAND} --help)`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return quoted.endsWith('<value>')
        ? `option "${option}" needs a value (see ${COMMAND} --help)`
        : `option "${option}" takes no value (see ${COMMAND} --help)`;
    default:
      return `${error.message} (see ${COMMAND} --help)`;
  }
}

interface ReadInputs {
  readonly files: ManifestFile[];
  /** Malformed files found inside directories: reported on stderr, the others still linted. */
  readonly malformed: number;
}

/**
 * Reads every input. A file named on the command line (or stdin) that cannot be
 * read stops the run before linting; a malformed file found inside a directory is
 * reported in one line and skipped, so every other file is still linted.
 */
function readInputs(inputs: readonly string[], io: LintIo): ReadInputs {
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
      const found = readFoundInDirectory(read, io);
      if (found === 'malformed') {
        malformed += 1;
      } else if (found !== undefined) {
        files.push(found);
      }
    }
  }
  return { files, malformed };
}

// A directory (say cdk8s.out/) may hold JSON or YAML that is not a manifest:
// skipped with a note. A malformed one is reported, and fails the run at the end.
function readFoundInDirectory(read: () => ManifestFile, io: LintIo): ManifestFile | 'malformed' | undefined {
  try {
    return read();
  } catch (e) {
    if (e instanceof NotAManifestError) {
      io.stderr(`${COMMAND}: skipped, not a Kubernetes manifest: ${e.message}\n`);
      return undefined;
    }
    if (e instanceof ManifestInputError) {
      io.stderr(`${COMMAND}: ${e.message}\n`);
      return 'malformed';
    }
    throw e;
  }
}

function describeInputs(inputs: readonly string[]): string {
  return inputs.map((input) => (input === '-' ? STDIN_NAME : input)).join(', ');
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
