import * as fs from 'fs';
import * as path from 'path';
import type { ImportComposeIo } from './import-compose-command';
import { EntryKind, ExitCode, LintIo, runLint } from './lint-command';

// `explain` and `import-compose` load cdk8s and cdk8s-plus-28; `lint` needs
// neither, so each command's module is loaded when it runs (bench/lint.js).
/* eslint-disable @typescript-eslint/no-require-imports */
const explainCommand = () => require('./explain-command') as typeof import('./explain-command');
const importComposeCommand = () => require('./import-compose-command') as typeof import('./import-compose-command');
/* eslint-enable @typescript-eslint/no-require-imports */

const PROGRAM = 'cdk8s-pod-patterns';

export const MAIN_USAGE = `Usage: ${PROGRAM} <command> [options]

Commands:
  lint [--format text|json] [--profile NAME] [--minimum-profile NAME] [--disable RULE]... [--kubernetes-version 1.N] FILE...
                 check Kubernetes manifests (see ${PROGRAM} lint --help)
  lint --list-rules [--format text|json] [--kubernetes-version 1.N]
                 the rules, their severity and the releases they judge for
  import-compose FILE... [--out main.ts [--force]] [--image-registry PREFIX] [--image-tag TAG]
                 [--profile NAME] [--chart NAME] [--default-restart POLICY] [--freeze]
                 [--kubernetes-version 1.N]
                 turn a docker-compose project into a typed cdk8s app
                 (see ${PROGRAM} import-compose --help)
  explain [FILE|DIR|-]... [--workload NAME] [--format text|mermaid|json]
          [--assume NAME=ready@SECONDS|NAME=never]... [--kubernetes-version 1.N]
                 what the kubelet does with each workload: start order, pulls,
                 restarts, back-off, time to ready (see ${PROGRAM} explain --help)

Options:
  -h, --help     show this help
  --version      print the version
`;

/**
 * The `cdk8s-pod-patterns` program: dispatches to a command and returns the
 * exit code. `argv` is `process.argv.slice(2)`.
 */
export function main(argv: string[], io: LintIo = nodeIo(), composeIo?: ImportComposeIo): number {
  try {
    return dispatch(argv, io, composeIo);
  } catch (e) {
    // A bug in a rule must not look like a crash dump in someone's CI log.
    io.stderr(`${PROGRAM}: internal error: ${(e as Error).message ?? e}: please report it with the manifest that caused it\n`);
    return ExitCode.USAGE;
  }
}

function dispatch(argv: string[], io: LintIo, composeIo: ImportComposeIo | undefined): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint':
      return runLint(rest, io);
    case 'import-compose':
      return importComposeCommand().runImportCompose(rest, composeIo ?? importComposeCommand().nodeImportComposeIo());
    case 'explain':
      return explainCommand().runExplain(rest, io);
    case '-h':
    case '--help':
    case 'help':
      io.stdout(MAIN_USAGE);
      return ExitCode.CLEAN;
    case '--version':
      io.stdout(`${packageVersion()}\n`);
      return ExitCode.CLEAN;
    case undefined:
      io.stderr(`${PROGRAM}: no command given: try "${PROGRAM} lint FILE..." (see ${PROGRAM} --help)\n`);
      return ExitCode.USAGE;
    default:
      io.stderr(`${PROGRAM}: unknown command "${command}": the commands are "lint", "import-compose" and "explain" (see ${PROGRAM} --help)\n`);
      return ExitCode.USAGE;
  }
}

/**
 * Entry point of `bin/cdk8s-pod-patterns`: runs `main` on the process and sets
 * its exit code (rather than calling `process.exit`, so piped output is flushed).
 */
export function runMain(argv: string[]): void {
  // `cdk8s-pod-patterns lint big/ | head` closes the pipe early; that is the
  // reader's choice, not a crash worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      throw error;
    }
    process.exit();
  });
  process.exitCode = main(argv);
}

/** The version in this package's package.json (`lib/cli/` and `src/cli/` are both two levels down). */
export function packageVersion(): string {
  const manifest = fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf-8');
  return JSON.parse(manifest).version;
}

/** The real process: files, stdin, stdout and stderr. */
export function nodeIo(): LintIo {
  return {
    readFile: (filePath) => fs.readFileSync(filePath),
    readStdin: () => fs.readFileSync(0),
    pathKind: (filePath) => statKind(filePath),
    listDirectory: (dirPath) => fs.readdirSync(dirPath, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      kind: direntKind(entry, path.join(dirPath, entry.name)),
    })),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

// Only a path that is not there counts as missing; for anything else (EACCES,
// ELOOP, ...) reading the file reports the real reason.
function statKind(filePath: string): EntryKind | undefined {
  try {
    return fs.statSync(filePath).isDirectory() ? EntryKind.DIRECTORY : EntryKind.FILE;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : EntryKind.FILE;
  }
}

// A symbolic link to a file is linted; one to a directory is not followed, so a
// link back up the tree cannot make the walk loop forever.
function direntKind(entry: fs.Dirent, entryPath: string): EntryKind {
  if (entry.isDirectory()) {
    return EntryKind.DIRECTORY;
  }
  if (entry.isFile()) {
    return EntryKind.FILE;
  }
  if (entry.isSymbolicLink() && statKind(entryPath) === EntryKind.FILE) {
    return EntryKind.FILE;
  }
  return EntryKind.OTHER;
}
