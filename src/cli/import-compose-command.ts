import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { kubernetesVersionOption, UsageError } from './command-line';
import { ExitCode } from './lint-command';
import { ComposeError } from '../compose/compose-error';
import { ComposeImporter } from '../compose/compose-importer';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { parseProfile, PROFILE_NAMES } from '../manifests/lint-manifests';

/** What `import-compose` touches outside itself, so that tests need no process. */
export interface ImportComposeIo {
  /** Variables for interpolation (the process environment). */
  readonly environment?: { [key: string]: string };
  /** Writes the whole file or nothing (never a partial file). */
  writeFile(filePath: string, text: string): void;
  /** Whether something exists at the path (`--out` never overwrites without `--force`); default: the file system's answer. */
  exists?(filePath: string): boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

const COMMAND = 'cdk8s-pod-patterns import-compose';

export const IMPORT_COMPOSE_USAGE = `Usage: ${COMMAND} FILE... [--out main.ts [--force]] [--image-registry PREFIX] [--image-tag TAG]
                                      [--profile restricted|baseline|privileged] [--chart NAME]
                                      [--default-restart no|always|unless-stopped|on-failure[:N]] [--freeze]
                                      [--kubernetes-version 1.N]

Turns a docker-compose project into one TypeScript file: a cdk8s app with one
InitGatedApp per service, whose waiters keep the depends_on start order.

  FILE                   compose files, merged in order as docker compose -f a -f b does
  --out FILE             write the code to FILE (default: standard output); an existing
                         FILE is never overwritten (it may hold your edits) unless --force
  --force                let --out replace an existing file
  --image-registry PREFIX  services with build and no image run PREFIX/<service>:<tag>
  --image-tag TAG        tag of those images (default: latest, reported as mutable)
  --profile NAME         one Pod Security Standards profile for every service
                         (default: per service, as its compose definition allows)
  --chart NAME           chart name (default: the compose name, else the directory name)
  --default-restart POLICY  restart policy of services without restart: (default: no,
                         as compose: a bare Pod); e.g. unless-stopped makes them Deployments
  --freeze               write the values compose variables have now into the code
                         (default: variables of images and environment values become the
                         chart's typed variables, read from the environment at synth)
  --kubernetes-version 1.N  the release the cluster runs: one of
                         ${KubernetesVersion.supportedNames()} (default: 1.28);
                         the chart sets it, so synth judges its workloads for that
                         release, and what that release accepts is carried over
                         (environment variable names are relaxed from 1.32; image
                         references are read with its grammar)
  -h, --help             show this help

Variables come from the environment over the project directory's .env.
Everything not carried over is reported on stderr and in the file's header.

Exit status: 0 converted, 2 usage error or a project that cannot be converted
faithfully (one line naming the file, the service and the key).
`;

/** Runs `import-compose` and returns its exit code. */
export function runImportCompose(argv: string[], io: ImportComposeIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'out': { type: 'string' },
        'image-registry': { type: 'string' },
        'image-tag': { type: 'string' },
        'profile': { type: 'string' },
        'chart': { type: 'string' },
        'force': { type: 'boolean' },
        'freeze': { type: 'boolean' },
        'default-restart': { type: 'string' },
        'kubernetes-version': { type: 'string' },
        'help': { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return usageError(io, `${(e as Error).message.split('\n')[0]}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(IMPORT_COMPOSE_USAGE);
    return ExitCode.CLEAN;
  }
  if (positionals.length === 0) return usageError(io, 'no compose file given: name at least one, e.g. compose.yaml');
  const profile = values.profile === undefined ? undefined : parseProfile(values.profile);
  if (values.profile !== undefined && profile === undefined) {
    return usageError(io, `unknown profile "${values.profile}": use one of ${PROFILE_NAMES.join(', ')}`);
  }
  let kubernetesVersion: KubernetesVersion;
  try {
    kubernetesVersion = kubernetesVersionOption(values['kubernetes-version']);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return usageError(io, e.message);
  }
  const exists = io.exists ?? fs.existsSync;
  if (values.out !== undefined && !values.force && exists(values.out)) {
    return usageError(io, `${JSON.stringify(values.out)} exists and may hold your edits: choose another --out, or add --force to replace it`);
  }
  let importer: ComposeImporter;
  try {
    importer = ComposeImporter.fromFiles(positionals, {
      imageRegistry: values['image-registry'],
      imageTag: values['image-tag'],
      profile,
      chartName: values.chart,
      defaultRestart: values['default-restart'],
      freeze: values.freeze,
      kubernetesVersion,
      environment: io.environment,
    });
  } catch (e) {
    if (!(e instanceof ComposeError)) throw e;
    io.stderr(`${COMMAND}: ${e.message}\n`);
    return ExitCode.USAGE;
  }
  for (const warning of importer.warnings) io.stderr(`${COMMAND}: warning: ${warning}\n`);
  if (values.out === undefined) {
    io.stdout(importer.toTypeScript());
    return ExitCode.CLEAN;
  }
  try {
    io.writeFile(values.out, importer.toTypeScript());
  } catch (e) {
    return usageError(io, `cannot write ${JSON.stringify(values.out)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): check the path`);
  }
  return ExitCode.CLEAN;
}

function usageError(io: ImportComposeIo, message: string): number {
  io.stderr(`${COMMAND}: ${message} (see ${COMMAND} --help)\n`);
  return ExitCode.USAGE;
}

/** The real process's file writing and environment. */
export function nodeImportComposeIo(): ImportComposeIo {
  return {
    writeFile: writeWholeFile,
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    environment: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
  };
}

/** Writes a sibling temporary file, then renames it over `filePath`: a failure leaves no partial file. */
function writeWholeFile(filePath: string, text: string): void {
  const temporary = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, text, { flag: 'wx' });
    fs.renameSync(temporary, filePath);
  } catch (e) {
    fs.rmSync(temporary, { force: true });
    throw e;
  }
}
