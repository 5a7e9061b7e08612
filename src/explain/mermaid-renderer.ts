import { ExplanationData, TimelineEvent, TimelineSection } from './explanation-model';

/**
 * The timeline as a Mermaid gantt chart (renders on GitHub): one section per
 * container, one bar per run, back-off or window. Times are seconds since the
 * first init container started (`dateFormat X`, shown as mm:ss). Without
 * `--assume` it is the best case: every dependency reachable from the start.
 */
export function renderMermaid(data: ExplanationData, timeline: TimelineSection): string {
  const title = `${data.workload.kind}/${data.workload.name}: ${describeAssumptions(timeline)}`;
  // A comment, not `title`: the title goes through DOMPurify, which Node (and so the parse check) lacks.
  const lines = [`%% ${label(title)}`, 'gantt', '  dateFormat X', '  axisFormat %M:%S'];
  let id = 0;
  const bar = (text: string, from: number, to: number, tag?: string) => {
    id += 1;
    const end = Math.max(to, from + 1); // a zero-length bar would not render
    lines.push(`    ${label(text)} :${tag ? `${tag}, ` : ''}t${id}, ${Math.floor(from)}, ${Math.ceil(end)}`);
  };
  const end = timelineEnd(timeline);
  for (const container of containersOf(timeline)) {
    lines.push(`  section ${label(container)}`);
    const own = timeline.events.filter(e => e.container === container);
    own.forEach((event, i) => barsFor(event, own[i + 1], end, bar));
  }
  const podEvents = timeline.events.filter(e => e.container === undefined);
  if (podEvents.length > 0) lines.push('  section Pod');
  for (const event of podEvents) {
    if (event.kind === 'app-start') bar('app containers start', event.at.min, event.at.max);
    if (event.kind === 'ready') bar('Ready', event.at.min, event.at.max, 'milestone');
    if (event.kind === 'pod-failed') bar('Pod Failed', event.at.min, event.at.max, 'crit');
  }
  return lines.join('\n') + '\n';
}

type Bar = (text: string, from: number, to: number, tag?: string) => void;

function barsFor(event: TimelineEvent, next: TimelineEvent | undefined, end: number, bar: Bar): void {
  switch (event.kind) {
    case 'start':
    case 'restart':
      if (next === undefined) {
        bar(event.what.startsWith('sidecar') ? 'sidecar running' : 'runs', event.at.min, event.what.startsWith('sidecar') ? end : event.at.max);
      } else {
        bar(event.kind === 'start' ? 'tries' : 'tries again', event.at.min, next.at.max, next.kind === 'give-up' ? 'crit' : undefined);
      }
      return;
    case 'exit':
      bar('exits 0', event.at.min, event.at.max, 'done');
      return;
    case 'back-off':
      if (next !== undefined) bar('CrashLoopBackOff', event.at.max, next.at.max, 'active');
      return;
    default:
      return;
  }
}

function containersOf(timeline: TimelineSection): string[] {
  const names: string[] = [];
  for (const event of timeline.events) {
    if (event.container !== undefined && !names.includes(event.container)) names.push(event.container);
  }
  return names;
}

function timelineEnd(timeline: TimelineSection): number {
  return Math.max(1, ...timeline.events.map(e => e.at.max));
}

function describeAssumptions(timeline: TimelineSection): string {
  if (timeline.assumptions.length === 0) return 'best case, every dependency reachable from the start';
  return 'assuming ' + timeline.assumptions.map(a => `${a.target} ${a.readyAtSeconds === null ? 'never' : `ready at ${a.readyAtSeconds} s`}`).join(', ');
}

/** Mermaid gantt text may not hold `:`, `;` or `#` (task syntax and comments). */
function label(text: string): string {
  return text.replace(/[:;#]/g, ' ').replace(/\s+/g, ' ').trim();
}
