import { kubernetesVersionOption, parseCommandLine, UsageError } from './command-line';
import { ExitCode, LintIo } from './lint-command';
import { describeInputs, readManifestInputs } from './manifest-inputs';
import { Explanation, ReadinessAssumption } from '../explain/explanation';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { ManifestInputError } from '../manifests/read-manifests';

const COMMAND = 'cdk8s-pod-patterns explain';
const FORMATS = ['text', 'mermaid', 'json'];
/** Where `cdk8s synth` writes: the input when none is given. */
export const DEFAULT_INPUT = 'cdk8s.out';

export const EXPLAIN_USAGE = `Usage: ${COMMAND} [FILE|DIR|-]... [--workload NAME] [--format text|mermaid|json]
                                  [--assume NAME=ready@SECONDS|NAME=never]... [--kubernetes-version 1.N]
                                  [--feature-gates GATE=BOOL,...]

Explains what the kubelet (Kubernetes 1.28 unless told) does with each workload of the
manifests: the controller, the Pod sandbox, image pulls, the init phase (the
library's waiters recognised from their scripts), the app phase and its probes,
restarts and back-off, termination and time to ready.

  FILE|DIR|-            manifests as lint reads them (default: ${DEFAULT_INPUT})
  --workload NAME       only the workload named NAME (metadata.name, or Kind/name)
  --format FORMAT       text (default), mermaid (a gantt chart) or json
                        (schema/explain.schema.json in the package)
  --assume NAME=ready@SECONDS
                        the dependency a waiter waits for (a Service name, a host,
                        or the waiter's container name) becomes reachable SECONDS
                        after the first init container starts; NAME=never: never.
                        Adds a second-by-second timeline. Repeat for several.
  --kubernetes-version 1.N
                        the kubelet's release: one of ${KubernetesVersion.supportedNames()}
                        (default: 1.28); native sidecars need no gate and stop
                        after the app containers from 1.29; a section says what
                        else that release's kubelet does by default (the default
                        timing is the same on every release) and which gates,
                        off by default, would change it
  --feature-gates GATE=BOOL,...
                        gates the cluster sets away from the release's defaults,
                        as lint takes them, e.g. SidecarContainers=true on 1.28
  -h, --help            show this help

Exit status: 0 explained, 2 usage error, unreadable or malformed input, or no
workload found.
`;

interface ExplainCommandOptions {
  readonly format: string;
  readonly workload?: string;
  readonly assume: ReadinessAssumption[];
  readonly kubernetesVersion: KubernetesVersion;
  readonly inputs: string[];
}

/** `cdk8s-pod-patterns explain ...` (argv without the `explain` word); returns the exit code. */
export function runExplain(argv: string[], io: LintIo): number {
  try {
    const options = parseExplainArgs(argv);
    if (options === 'help') {
      io.stdout(EXPLAIN_USAGE);
      return ExitCode.CLEAN;
    }
    const { files, malformed } = readManifestInputs(options.inputs, io, COMMAND);
    const objects = files.flatMap(file => file.objects);
    if (objects.length === 0 && malformed === 0) {
      throw new UsageError(`no Kubernetes objects found in ${describeInputs(options.inputs)}: expected YAML or JSON manifests with apiVersion and kind`);
    }
    const all = Explanation.ofManifests(objects, { assume: options.assume, kubernetesVersion: options.kubernetesVersion });
    const explanations = selectWorkloads(all, options.workload, options.inputs);
    checkAssumptions(explanations, options.assume);
    io.stdout(render(explanations, options.format));
    return malformed > 0 ? ExitCode.USAGE : ExitCode.CLEAN;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ManifestInputError) {
      io.stderr(`${COMMAND}: ${e.message}\n`);
      return ExitCode.USAGE;
    }
    throw e;
  }
}

function parseExplainArgs(argv: string[]): ExplainCommandOptions | 'help' {
  const { values, positionals } = parseCommandLine(argv, COMMAND, OPTIONS);
  if (values.help) return 'help';
  const format = values.format ?? 'text';
  if (!FORMATS.includes(format)) {
    throw new UsageError(`unknown --format "${format}": use text, mermaid or json`);
  }
  return {
    format,
    workload: values.workload,
    assume: (values.assume ?? []).map(parseAssumption),
    kubernetesVersion: kubernetesVersionOption(values['kubernetes-version'], values['feature-gates']),
    inputs: positionals.length === 0 ? [DEFAULT_INPUT] : positionals,
  };
}

const OPTIONS = {
  'workload': { type: 'string' },
  'format': { type: 'string' },
  'assume': { type: 'string', multiple: true },
  'kubernetes-version': { type: 'string' },
  'feature-gates': { type: 'string', multiple: true },
  'help': { type: 'boolean', short: 'h' },
} as const;

/** `mydb=ready@90` or `mydb=never`. */
export function parseAssumption(text: string): ReadinessAssumption {
  const match = /^([^=\s]+)=(?:ready@(\d+(?:\.\d+)?)|(never))$/.exec(text);
  if (match === null) {
    throw new UsageError(`--assume "${text}" is not NAME=ready@SECONDS or NAME=never: e.g. --assume mydb=ready@90`);
  }
  return match[3] === 'never' ? { target: match[1] } : { target: match[1], readyAtSeconds: Number(match[2]) };
}

function selectWorkloads(explanations: Explanation[], workload: string | undefined, inputs: readonly string[]): Explanation[] {
  if (explanations.length === 0) {
    throw new UsageError(`no workload in ${describeInputs(inputs)}: explain needs a Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job or CronJob`);
  }
  if (workload === undefined) return explanations;
  const chosen = explanations.filter(e => e.name === workload || `${e.kind}/${e.name}` === workload);
  if (chosen.length === 0) {
    throw new UsageError(`no workload named "${workload}": the workloads are ${explanations.map(e => `${e.kind}/${e.name}`).join(', ')}`);
  }
  return chosen;
}

function checkAssumptions(explanations: Explanation[], assume: readonly ReadinessAssumption[]): void {
  const targets = [...new Set(explanations.flatMap(e => e.waiterTargets))];
  for (const assumption of assume) {
    if (!explanations.some(e => e.waits(assumption.target))) {
      throw new UsageError(targets.length === 0
        ? `--assume ${assumption.target}: no waiter in the explained workloads waits for anything: --assume applies to the library's wait-for init containers`
        : `--assume ${assumption.target}: no waiter waits for "${assumption.target}": the waiters wait for ${targets.join(', ')}`);
    }
  }
}

function render(explanations: Explanation[], format: string): string {
  switch (format) {
    case 'json':
      return JSON.stringify(explanations.map(e => e.toJson()), null, 2) + '\n';
    case 'mermaid':
      // each chart opens with a `%% Kind/name ...` comment line naming its workload
      return explanations.map(e => e.toMermaid()).join('\n');
    default:
      return explanations.map(e => e.toText()).join('\n' + '='.repeat(100) + '\n\n');
  }
}
