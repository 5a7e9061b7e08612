import { ExitRule, ExplanationData, SecondsRange, TimelineSection } from './explanation-model';
import { range } from './time-to-ready';

const EXIT_LABELS: Record<ExitRule['exit'], string> = { 'zero': 'Exit 0', 'non-zero': 'Non-zero exit', 'oom-killed': 'OOM-killed' };

/** Terminal width the text is wrapped to. */
export const TEXT_WIDTH = 100;

/** The explanation for a terminal: plain text, no colour, wrapped at 100 columns. */
export function renderText(data: ExplanationData): string {
  const out: string[] = [];
  const ns = data.workload.namespace === undefined ? '' : ` (namespace ${data.workload.namespace})`;
  out.push(`${data.workload.kind}/${data.workload.name}${ns}: the kubelet's view (Kubernetes ${data.kubernetesVersion}${gatesSet(data)})`);
  if (data.kubeletRelease !== undefined) section(out, `The kubelet of Kubernetes ${data.kubernetesVersion} (against 1.28)`, data.kubeletRelease);
  section(out, 'Controller', [data.controller.summary]);
  section(out, 'Sandbox', data.sandbox.summary);
  section(out, 'Images', data.images.map(i => `${i.container}: ${i.image}, imagePullPolicy ${i.pullPolicy || '(none)'} (${i.why}): ${i.onStart}.`));
  section(out, 'Init phase (one after another, each must exit 0 before the next starts)', data.initContainers.length === 0
    ? ['no init containers: the app containers start as soon as the sandbox is up.']
    : data.initContainers.map(e => `${e.position}. ${e.name}: ${e.summary}; ${e.onFailure}.`));
  section(out, 'App phase (started together once the init phase is done)', data.appContainers.map(c =>
    [`${c.name}: ${c.summary}.`, ...c.probes.map(p => `  ${p.type}Probe (initialDelaySeconds ${p.initialDelaySeconds}, periodSeconds ${p.periodSeconds}, failureThreshold ${p.failureThreshold}): ${p.gates}.`)].join('\n')));
  const r = data.restarts;
  section(out, `Restarts (restartPolicy ${r.restartPolicy})`, [
    ...r.onExit.map(e => `${EXIT_LABELS[e.exit]}: ${e.action}.`),
    `Crash back-off before restart 1, 2, 3, ...: ${r.crashBackOffSeconds.join(', ')} s (cap ${r.maxBackOffSeconds} s), each plus ${range(r.syncDelaySeconds)} until the kubelet's next sync of the Pod; the back-off starts over when a container exits more than ${r.backOffResetAfterSeconds} s after its last restart.`,
    `Image pulls: ${r.imagePullBackOff}.`,
    ...(r.job === undefined ? [] : [`Job: ${r.job.summary}.`]),
  ]);
  section(out, `Termination (terminationGracePeriodSeconds ${data.termination.gracePeriodSeconds})`, data.termination.steps.map((s, i) => `${i + 1}. ${s}.`));
  section(out, 'Time to ready', data.timeToReady.statements);
  if (data.timeline !== undefined) {
    out.push('', ...timelineTable(data.timeline));
  }
  section(out, 'Not modelled', [data.notModelled.join('; ') + '.']);
  return out.join('\n') + '\n';
}

function section(out: string[], title: string, paragraphs: readonly string[]): void {
  out.push('', `${title}:`);
  for (const paragraph of paragraphs) {
    for (const line of paragraph.split('\n')) {
      const indent = line.startsWith('  ') ? '    ' : '  ';
      out.push(...wrap(line.trimStart(), indent, TEXT_WIDTH));
    }
  }
}

/**
 * `text` broken at spaces into lines of at most `width` columns: the first line
 * starts with `indent`, the next ones with two more spaces. A word longer than
 * the line stays whole.
 */
export function wrap(text: string, indent: string, width: number): string[] {
  const lines: string[] = [];
  let prefix = indent;
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      prefix = `${indent}  `;
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(prefix + line);
  return lines;
}

/** The `--assume` replay as a table: time window, container, what happens. */
export function timelineTable(timeline: TimelineSection): string[] {
  const assumed = timeline.assumptions.map(a => `${a.target} ${a.readyAtSeconds === null ? 'never' : `at +${a.readyAtSeconds} s`}`).join(', ');
  const rows = timeline.events.map(e => [at(e.at), e.container ?? '(Pod)', e.what]);
  const w0 = Math.max(4, ...rows.map(r => r[0].length));
  const w1 = Math.max(9, ...rows.map(r => r[1].length));
  const lines = [`Timeline (assuming ${assumed || 'every dependency reachable from the start'}; t = 0 when the first init container starts):`];
  lines.push(`  ${'time'.padEnd(w0)}  ${'container'.padEnd(w1)}  what`);
  for (const [time, container, what] of rows) {
    const head = `  ${time.padEnd(w0)}  ${container.padEnd(w1)}  `;
    const body = wrap(what, '', TEXT_WIDTH - head.length);
    lines.push(head + body[0], ...body.slice(1).map(b => ' '.repeat(head.length) + b.trimStart()));
  }
  lines.push(`  outcome: ${outcomeText(timeline)}`);
  return lines;
}

function outcomeText(timeline: TimelineSection): string {
  switch (timeline.outcome) {
    case 'started':
      return `app containers start at ${at(timeline.appStartSeconds!)}, the Pod is Ready at ${at(timeline.readySeconds!)}`;
    case 'failed':
      return 'the Pod fails; the app containers never start';
    default:
      return 'Init:CrashLoopBackOff until the dependency appears; the app containers do not start';
  }
}

function at(r: SecondsRange): string {
  return r.min === r.max ? `+${r.min}s` : `+${r.min}..${r.max}s`;
}

/** ` with SidecarContainers=true`: the gates the cluster sets, as --feature-gates spells them. */
function gatesSet(data: ExplanationData): string {
  const gates = Object.entries(data.featureGates ?? {}).map(([gate, on]) => `${gate}=${on}`);
  return gates.length === 0 ? '' : ` with ${gates.join(',')}`;
}
