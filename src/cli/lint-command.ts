import { kubernetesVersionOption, parseCommandLine, UsageError } from './command-line';
import { formatJson, formatText, FORMAT_NAMES } from './format';
import { listRules } from './list-rules';
import { describeInputs, LintIo, readManifestInputs } from './manifest-inputs';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { hasErrors, lintManifestFiles, parseProfile, PROFILE_NAMES } from '../manifests/lint-manifests';
import { ManifestInputError } from '../manifests/read-manifests';
import { SecurityProfile } from '../policy/security-profile';
import { findRule } from '../rules/registry';
import { parseServiceClusterIpRange } from '../rules/validation/service-cluster-ip-range';

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

export { EntryKind, STDIN_NAME } from './manifest-inputs';
export type { LintIo } from './manifest-inputs';

const COMMAND = 'cdk8s-pod-patterns lint';

export const LINT_USAGE = `Usage: ${COMMAND} [--format text|json] [--profile NAME] [--minimum-profile NAME] [--disable RULE]...
       ${' '.repeat(COMMAND.length)} [--kubernetes-version 1.N] [--feature-gates GATE=BOOL,...]
       ${' '.repeat(COMMAND.length)} [--service-cluster-ip-range CIDR[,CIDR]] FILE...
       ${COMMAND} --list-rules [--format text|json] [--kubernetes-version 1.N]

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
  --kubernetes-version 1.N
                       the release the cluster runs, for the rules whose
                       verdict depends on its feature-gate defaults: one of
                       ${KubernetesVersion.supportedNames()} (default: 1.28)
  --feature-gates GATE=BOOL,...
                       feature gates the cluster's API server and kubelets set
                       away from the release's defaults, as kube-apiserver's
                       --feature-gates spells them, e.g. SidecarContainers=true
                       on a 1.28 cluster that enables native sidecars; only the
                       gates that change a verdict are accepted (the error lists
                       them); repeat it or separate gates by commas
  --service-cluster-ip-range CIDR[,CIDR]
                       the cluster's Service IP ranges, as kube-apiserver's flag
                       (e.g. 10.96.0.0/12, or 10.96.0.0/12,fd00::/108 for
                       dual-stack): Services are then judged as its IP allocator
                       judges them (clusterIP in range, IP families the cluster
                       has); default: not judged
  --list-rules         print the rules instead of linting: id, severity, whether
                       it is suppressible, the Kubernetes releases it judges for
                       and what it checks; with --kubernetes-version, only the
                       rules that judge for that release
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
  readonly kubernetesVersion: KubernetesVersion;
  readonly serviceClusterIpRange?: string;
  readonly inputs: string[];
}

/** `lint --list-rules`: every rule, or (with a version) those that judge for that release. */
interface ListRulesOptions {
  readonly listRules: true;
  readonly format: string;
  readonly kubernetesVersion?: KubernetesVersion;
}

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
    if ('listRules' in options) {
      io.stdout(listRules(options.format, options.kubernetesVersion));
      return ExitCode.CLEAN;
    }
    const { files, malformed } = readManifestInputs(options.inputs, io, COMMAND);
    const objectCount = files.reduce((count, file) => count + file.objects.length, 0);
    if (objectCount === 0 && malformed === 0) {
      throw new UsageError(`no Kubernetes objects found in ${describeInputs(options.inputs)}: expected YAML or JSON manifests with apiVersion and kind`);
    }
    const result = lintManifestFiles(files, {
      profile: options.profile,
      minimumProfile: options.minimumProfile,
      disabledRules: options.disabledRules,
      kubernetesVersion: options.kubernetesVersion,
      serviceClusterIpRange: options.serviceClusterIpRange,
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

function parseLintArgs(argv: string[]): LintCommandOptions | ListRulesOptions | 'help' {
  const { values, positionals } = parseCommandLine(argv, COMMAND, OPTIONS);
  if (values.help) {
    return 'help';
  }
  const format = values.format ?? 'text';
  if (!FORMAT_NAMES.includes(format)) {
    throw new UsageError(`unknown --format "${format}": use ${FORMAT_NAMES.join(' or ')}`);
  }
  if (values['list-rules']) {
    return parseListRulesArgs(format, values, positionals);
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
  const kubernetesVersion = kubernetesVersionOption(values['kubernetes-version'], values['feature-gates']);
  const serviceClusterIpRange = serviceClusterIpRangeOption(values['service-cluster-ip-range']);
  if (positionals.length === 0) {
    throw new UsageError(`no manifest files given: pass one or more FILEs, a directory, or "-" for stdin (see ${COMMAND} --help)`);
  }
  return { format, profile, minimumProfile, disabledRules, kubernetesVersion, serviceClusterIpRange, inputs: positionals };
}

/** The flag as given, checked as kube-apiserver checks it, so a bad value is a usage error before any file is read. */
function serviceClusterIpRangeOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    parseServiceClusterIpRange(value, '--service-cluster-ip-range');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return value;
}

function parseListRulesArgs(format: string, values: { [option: string]: unknown }, positionals: string[]): ListRulesOptions {
  const linting = ['profile', 'minimum-profile', 'disable', 'feature-gates', 'service-cluster-ip-range'].filter((option) => values[option] !== undefined);
  if (positionals.length > 0 || linting.length > 0) {
    const extra = positionals.length > 0 ? `FILE "${positionals[0]}"` : `--${linting[0]}`;
    throw new UsageError(`--list-rules lists the rules and lints nothing: drop ${extra}, or drop --list-rules to lint (--list-rules takes only --format and --kubernetes-version)`);
  }
  const version = values['kubernetes-version'];
  return { listRules: true, format, kubernetesVersion: version === undefined ? undefined : kubernetesVersionOption(version as string) };
}

function profileOption(option: string, name: string): SecurityProfile {
  const profile = parseProfile(name);
  if (profile === undefined) {
    throw new UsageError(`unknown ${option} "${name}": use ${PROFILE_NAMES.join(', ')}`);
  }
  return profile;
}

const OPTIONS = {
  'format': { type: 'string' },
  'profile': { type: 'string' },
  'minimum-profile': { type: 'string' },
  'disable': { type: 'string', multiple: true },
  'kubernetes-version': { type: 'string' },
  'feature-gates': { type: 'string', multiple: true },
  'service-cluster-ip-range': { type: 'string' },
  'list-rules': { type: 'boolean' },
  'help': { type: 'boolean', short: 'h' },
} as const;

// Node's own messages suggest `--` tricks and span two sentences; say it in our terms.
