import * as path from 'path';
import { readComposeFiles } from './compose-file';
import { planCompose } from './compose-mapping';
import { buildModel } from './compose-model';
import { writeTypeScript } from './typescript-writer';
import { SecurityProfile } from '../policy/security-profile';

/**
 * Options for `ComposeImporter.fromFiles`.
 */
export interface ComposeImportOptions {
  /**
   * Registry prefix for services that have a `build` and no `image`: they run
   * `<imageRegistry>/<service>:<imageTag>`.
   *
   * @default - such services are refused, naming the service
   */
  readonly imageRegistry?: string;

  /**
   * Tag of the images built from `build` sections.
   *
   * @default 'latest' - like `docker compose build`; kept runnable with
   * allowMutableImageTags and reported: pin it
   */
  readonly imageTag?: string;

  /**
   * One Pod Security Standards profile for every service.
   *
   * @default - per service, the strongest profile its compose definition shows
   * it runs under (RESTRICTED with a numeric non-root user, PRIVILEGED when it is
   * privileged or adds capabilities beyond baseline, BASELINE otherwise)
   */
  readonly profile?: SecurityProfile;

  /**
   * Name of the chart (its id in the generated `main`) and, in PascalCase, of its class.
   *
   * @default - the compose project's `name`, else the project directory's name
   */
  readonly chartName?: string;

  /**
   * Variables for interpolation, over the project's `.env`.
   *
   * @default process.env
   */
  readonly environment?: { [key: string]: string };
}

/**
 * A docker-compose project turned into a typed cdk8s app: one TypeScript file
 * with one `InitGatedApp` per service, whose waiters keep compose's
 * `depends_on` start order.
 *
 * Nothing from the compose files is executed: every value reaches the code as
 * an escaped string literal.
 */
export class ComposeImporter {
  /**
   * Reads, merges (as `docker compose -f a -f b`) and converts compose files.
   *
   * @throws Error (a `ComposeError`) with one line naming the file, the service
   * and the key, when the project cannot be converted faithfully
   */
  public static fromFiles(files: string[], options: ComposeImportOptions = {}): ComposeImporter {
    return new ComposeImporter(files, options);
  }

  /** Everything not carried over, one line each naming file, service and key; also in the header of the code. */
  public readonly warnings: string[];

  private readonly source: string;

  private constructor(files: string[], options: ComposeImportOptions) {
    const environment = options.environment ?? process.env;
    const source = readComposeFiles(files, environment);
    const model = buildModel(source.document, source.projectDir, files, source.serviceFiles, source.variables);
    const plan = planCompose(model, { imageRegistry: options.imageRegistry, imageTag: options.imageTag ?? 'latest', profile: options.profile });
    const unset = source.unsetVariables.map(name => `${files[0]}: \${${name}}: not set and no default: an empty string was substituted, as compose does`);
    const warnings = [...unset, ...plan.warnings];
    const shown = files.map(f => path.relative(source.projectDir, path.resolve(f)) || f);
    const chartName = chartNameOf(options.chartName ?? model.name ?? path.basename(source.projectDir));
    this.warnings = warnings;
    this.source = writeTypeScript({
      plan: { ...plan, warnings: warnings.map(w => relativeFileName(w, files, shown)) },
      files: shown,
      chartName,
      className: `${pascal(chartName)}Chart`,
    });
  }

  /** The generated cdk8s app, deterministic: the same files and options give the same bytes. */
  public toTypeScript(): string {
    return this.source;
  }
}

/** The header names files relative to the project, so the output does not depend on the working directory. */
function relativeFileName(warning: string, files: string[], shown: string[]): string {
  const index = files.findIndex(f => warning.startsWith(`${f}: `));
  return index === -1 ? warning : `${shown[index]}${warning.slice(files[index].length)}`;
}

/** A DNS-1123 label for the chart id; `compose` when nothing usable is left. */
function chartNameOf(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return slug === '' ? 'compose' : slug;
}

function pascal(name: string): string {
  return name.split('-').map(part => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}
