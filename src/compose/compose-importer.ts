import { KubernetesVersion } from '../k8s/kubernetes-version';
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
   * The restart policy (a `docker run --restart` value: `no`, `always`,
   * `unless-stopped`, `on-failure[:N]`) of services with neither `restart:`
   * nor `deploy.restart_policy`.
   *
   * @default 'no' - as compose: such a service becomes a bare Pod
   */
  readonly defaultRestart?: string;

  /**
   * Write every compose variable's value at import into the code, as
   * `docker compose config` shows it. Otherwise the variables of images and
   * environment values become the chart's `variables` prop (defaults from the
   * project's `.env` and the compose defaults; unset with no default: required
   * at synth), which the generated `main` reads from the environment.
   *
   * @default false
   */
  readonly freeze?: boolean;

  /**
   * The Kubernetes release the cluster runs: the generated chart sets it
   * (`PodPatterns.setKubernetesVersion`), so its workloads are judged for that
   * release at synth, and the import's own checks use it (environment variable
   * names are relaxed where the release turns RelaxedEnvironmentVariableValidation on;
   * image references are read with its grammar).
   *
   * @default KubernetesVersion.V1_28 - and the generated code sets no release
   */
  readonly kubernetesVersion?: KubernetesVersion;

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
    // Loaded here, not at the top: the pipeline brings the YAML parser, and
    // `require('cdk8s-pod-patterns')` should not pay for it (as the plugin does).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pipeline: typeof import('./compose-pipeline') = require('./compose-pipeline');
    const imported = pipeline.importCompose(files, options);
    this.warnings = imported.warnings;
    this.source = imported.source;
  }

  /** The generated cdk8s app, deterministic: the same files and options give the same bytes. */
  public toTypeScript(): string {
    return this.source;
  }
}
