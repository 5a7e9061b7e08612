'use strict';
/** Turns benchmark results into targets, a Markdown report and the JSON file. */
const { ratio } = require('./stats');

const RATIO_LIMIT = 1.15;
const GROWTH_SLACK = 1.1; // time(5000) <= 5.5 x time(1000): linear, plus 10 %
/**
 * Wall-time limits of the many-charts issue ("keep the cost"): they replace the
 * general RATIO_LIMIT for these cells. Other cells keep RATIO_LIMIT.
 */
const WALL_LIMITS = [
  { n: 1000, charts: 1, limit: 1.10 },
  { n: 1000, charts: 100, limit: 1.15 },
];

function wallLimit(cell) {
  const specific = WALL_LIMITS.find(l => l.n === cell.n && l.charts === cell.charts);
  return specific ? specific.limit : RATIO_LIMIT;
}

function where(cell) {
  return `N=${cell.n}, ${cell.charts} chart${cell.charts === 1 ? '' : 's'}`;
}

/** The issues' targets, evaluated on what was measured. */
function evaluateTargets(results) {
  const targets = [];
  for (const cell of results.cells) {
    targets.push(target(`wall time ours/plus at ${where(cell)}`, cell.ratios.wall, wallLimit(cell)));
  }
  for (const cell of results.cells) {
    targets.push(target(`peak RSS ours/plus at ${where(cell)}`, cell.ratios.maxRss, RATIO_LIMIT));
  }
  // Growth is judged on the in-process work (construct + synth) of the
  // one-chart series: node's constant startup would otherwise hide a
  // superlinear term.
  const sizes = results.cells.filter(cell => cell.charts === 1);
  for (let i = 1; i < sizes.length; i++) {
    const [small, large] = [sizes[i - 1], sizes[i]];
    const limit = Math.round(GROWTH_SLACK * (large.n / small.n) * 100) / 100;
    targets.push(target(`ours growth: work(${large.n}) / work(${small.n})`,
      ratio(large.ours.workMs.median, small.ours.workMs.median), limit));
  }
  if (results.coldRequire) {
    targets.push(target('cold require: ../lib / cdk8s-plus-28', results.coldRequire.ratio, RATIO_LIMIT));
  }
  return targets;
}

function target(name, value, limit) {
  return { name, value, limit, pass: value <= limit };
}

function range(s, scale = 1) {
  return `${fmt(s.median / scale)} (${fmt(s.min / scale)}–${fmt(s.max / scale)})`;
}

function fmt(x) {
  return x >= 100 ? String(Math.round(x)) : String(Math.round(x * 10) / 10);
}

/** The machine was busy with other work when the 1-minute load exceeded its cores (the bench itself adds about 1). */
function busyWarning(r) {
  const m = r.machine;
  const peak = Math.max(m.loadAverage[0], m.loadAtStart ? m.loadAtStart[0] : 0);
  if (peak <= m.cores) return [];
  return [`**Warning: the machine was busy (1-minute load up to ${peak} on ${m.cores} cores): other processes `
    + 'competed for the CPU, timings are noisy; rerun on an idle machine before drawing conclusions.**', ''];
}

function mark(t) {
  return t.pass ? 'PASS' : 'FAIL';
}

function formatMarkdown(r) {
  const m = r.machine;
  const wallTarget = cell => r.targets.find(t => t.name === `wall time ours/plus at ${where(cell)}`);
  const lines = [
    '# cdk8s-pod-patterns benchmark',
    '',
    `${r.generatedAt} · ${m.cores} cores ${m.cpuModel} · ${m.totalMemoryMb} MB · Node ${m.node} · `
    + `load (1, 5, 15 min) ${m.loadAtStart ? `${m.loadAtStart.join(' ')} at start, ` : ''}${m.loadAverage.join(' ')} at end · `
    + (m.cpuPressure !== undefined ? `CPU pressure (PSI some) ${Math.round(m.cpuPressure * 1000) / 10} % · ` : '')
    + `cdk8s ${m.packages.cdk8s}, cdk8s-plus-28 ${m.packages['cdk8s-plus-28']}`,
    '',
    `${r.settings.runs} runs per variant and cell, interleaved ours, plus, ours …, each in its own process; `
    + 'the workloads of a cell spread round-robin over its charts in one App; '
    + `YAML written by app.synth() to a temp dir (one file per chart). Peak RSS from ${r.gnuTime ? 'GNU time -v' : 'the child\'s own maxRSS (GNU time missing)'}. `
    + `Measured in ${r.measuredInSeconds} s.`,
    '',
    ...busyWarning(r),
    'Equivalence (same child as the runs, YAML files compared byte for byte): '
    + r.equivalence.map(e => `${e.charts} chart(s) at N=${e.n}: ${e.files} file(s) identical`).join('; ') + '.',
    '',
    '## Synth',
    '',
    '| N | charts | objects | variant | wall ms median (min–max) | work ms median (min–max) | peak RSS MB median (min–max) | CPU ms median | YAML KB |',
    '|---:|---:|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const cell of r.cells) {
    for (const variant of r.settings.variants) {
      const v = cell[variant];
      lines.push(`| ${cell.n} | ${cell.charts} | ${cell.objects} | ${variant} | ${range(v.wallMs)} | ${range(v.workMs)} | ${range(v.maxRssKb, 1024)} | `
        + `${v.cpuMs ? fmt(v.cpuMs.median) : 'n/a'} | ${fmt(v.yamlBytes / 1024)} |`);
    }
  }
  lines.push('', '"wall": the whole process as a pipeline sees it (node startup and require included); '
    + '"work": construct + app.synth() inside the process. "wall ours/plus": the median (min–max) of the ratios of '
    + 'the back-to-back run pairs, which is what the target is judged on; "of medians": median ours / median plus. '
    + '"work ours−plus": the library\'s extra in-process ms (medians), which must not grow with the number of charts.', '',
  '| N | charts | wall ours/plus (paired) | wall target | | wall ours/plus (of medians) | work ours/plus | work ours−plus ms | peak RSS ours/plus | CPU ours/plus |',
  '|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const cell of r.cells) {
    const q = cell.ratios;
    const t = wallTarget(cell);
    const p = q.wallPaired;
    lines.push(`| ${cell.n} | ${cell.charts} | ${p.median} (${p.min}–${p.max}) | ≤ ${t.limit} | ${mark(t)} | ${q.wallOfMedians} | `
      + `${q.work} | ${q.workExtraMs} | ${q.maxRss} | ${q.cpu ?? 'n/a'} |`);
  }
  if (r.callCounts && r.callCounts.length > 0) {
    lines.push('', '## Work per object across chart counts (ours, call counts during app.synth())', '',
      'Timings blur at small N, call counts do not: with validations that resolve objects again, these would grow '
      + 'with the number of charts (cdk8s runs validations once per chart plus once per app.synth()).', '',
      '| charts | N | ApiObject.toJson per object | rules-engine runs | objects linted per Deployment | Yaml.save calls |',
      '|---:|---:|---|---:|---:|---:|',
      ...r.callCounts.map(c => {
        const deployments = c.objects.Deployment || 0;
        const perObject = Object.entries(c.toJsonCallsPerObject).map(([kind, k]) => `${kind} ${fmt(k)}`).join(', ');
        const linted = c.lintedObjects === undefined ? 'n/a' : fmt(c.lintedObjects / deployments);
        return `| ${c.charts} | ${c.n} | ${perObject} | ${c.lintObjectsCalls ?? 'n/a'} | ${linted} | ${c.yamlSaveCalls} |`;
      }));
  }
  if (r.coldRequire) {
    const c = r.coldRequire;
    lines.push('', '## Cold require (fresh process each)', '',
      '| module | require ms median (min–max) | modules loaded | process wall ms median | peak RSS MB median |',
      '|---|---:|---:|---:|---:|',
      ...['lib', 'plus'].map(key => {
        const t = c[key];
        return `| ${t.label} | ${range(t.ms)} | ${t.modules} | ${fmt(t.wallMs.median)} | ${fmt(t.maxRssKb.median / 1024)} |`;
      }),
      '', `ratio ../lib / cdk8s-plus-28: ${c.ratio}`);
  }
  lines.push('', '## Targets', '', '| target | value | limit | |', '|---|---:|---:|---|',
    ...r.targets.map(t => `| ${t.name} | ${t.value} | ≤ ${t.limit} | ${mark(t)} |`), '',
    'Targets are reported, never enforced: `--check` makes a missed target exit 1, for local use only.', '');
  return lines.join('\n');
}

module.exports = { evaluateTargets, formatMarkdown };
