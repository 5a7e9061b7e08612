import { parseArgs, ParseArgsConfig } from 'util';
import { KubernetesVersion } from '../k8s/kubernetes-version';

/** A problem with the command line or its inputs: one line on stderr and exit 2, never a stack trace. */
export class UsageError extends Error {}

/**
 * `--kubernetes-version` as given (the default release when it is absent),
 * with the gates of every `--feature-gates` (kube-apiserver's syntax:
 * `Gate=true,Other=false`, later flags adding to earlier ones).
 */
export function kubernetesVersionOption(name: string | undefined, featureGates: readonly string[] = []): KubernetesVersion {
  let version: KubernetesVersion;
  try {
    version = name === undefined ? KubernetesVersion.DEFAULT : KubernetesVersion.of(name);
  } catch (e) {
    throw new UsageError(`--kubernetes-version: ${(e as Error).message}`);
  }
  if (featureGates.length === 0) return version;
  const gates = Object.assign({}, ...featureGates.map(parseFeatureGates));
  try {
    return version.withFeatureGates(gates);
  } catch (e) {
    throw new UsageError(`--feature-gates: ${(e as Error).message}`);
  }
}

// component-base cliflag MapStringBool.Set: comma-separated key=value, values as Go's strconv.ParseBool reads them.
const GO_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...['1', 't', 'T', 'TRUE', 'true', 'True'].map((text): [string, boolean] => [text, true]),
  ...['0', 'f', 'F', 'FALSE', 'false', 'False'].map((text): [string, boolean] => [text, false]),
]);

function parseFeatureGates(flag: string): { [gate: string]: boolean } {
  const gates: { [gate: string]: boolean } = {};
  for (const pair of flag.split(',')) {
    const trimmed = pair.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    const value = eq < 0 ? undefined : GO_BOOLEANS.get(trimmed.slice(eq + 1).trim());
    if (value === undefined) {
      throw new UsageError(`--feature-gates: "${trimmed}" is not GATE=true or GATE=false (e.g. --feature-gates SidecarContainers=true,ProcMountType=true)`);
    }
    gates[trimmed.slice(0, eq).trim()] = value;
  }
  return gates;
}

/**
 * One line for an error of `util.parseArgs`, naming the option, the options
 * `command` has (`--a, --b and --help`) and where its help is.
 */
export function describeArgError(error: Error & { code?: string }, command: string, optionList: string): string {
  // Node quotes the option: 'Unknown option \'--fromat\'...', 'Option \'--format <value>\' argument missing'.
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const option = quoted.replace(/ <value>$/, '');
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option "${option}": the options are ${optionList} (see ${command} --help)`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return quoted.endsWith('<value>')
        ? `option "${option}" needs a value (see ${command} --help)`
        : `option "${option}" takes no value (see ${command} --help)`;
    default:
      return `${error.message} (see ${command} --help)`;
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/**
 * `util.parseArgs` of a command (positionals allowed, unknown options refused),
 * its errors as one `UsageError` line that lists the options in the order given.
 */
export function parseCommandLine<O extends Options>(argv: string[], command: string, options: O): Parsed<O> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(describeArgError(e as Error & { code?: string }, command, listOptions(options)));
  }
}

/** `--a, --b and --help`. */
function listOptions(options: Options): string {
  const flags = Object.keys(options).map(name => `--${name}`);
  return flags.length === 1 ? flags[0] : `${flags.slice(0, -1).join(', ')} and ${flags[flags.length - 1]}`;
}
