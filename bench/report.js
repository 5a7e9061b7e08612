'use strict';
/** Turns benchmark results into targets, a Markdown report and the JSON file. */
const { ratio } = require('./stats');

const RATIO_LIMIT = 1.15;
const GROWTH_SLACK = 1.1; // time(5000) <= 5.5 x time(1000): linear, plus 10 %

/** The targets, evaluated on what was measured. */
function evaluateTargets(results) {
  const targets = [];
  for (const size of results.sizes) {
    targets.push(target(`wall time ours/plus at N=${size.n}`, size.ratios.wall, RATIO_LIMIT));
    targets.push(target(`peak RSS ours/plus at N=${size.n}`, size.ratios.maxRss, RATIO_LIMIT));
  }
  // Growth is judged on the in-process work (construct + synth): node's
  // constant startup would otherwise hide a superlinear term.
  const sizes = results.sizes;
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

function describeDifferences(equivalence) {
  const examples = equivalence.otherDifferences.slice(0, 3).join(', ');
  return `differ in ${equivalence.otherDifferenceCount} non-critical places, e.g. ${examples}.`;
}

function formatMarkdown(r) {
  const m = r.machine;
  const lines = [
    '# cdk8s-pod-patterns benchmark',
    '',
    `${r.generatedAt} · ${m.cores} cores ${m.cpuModel} · ${m.totalMemoryMb} MB · Node ${m.node} · load ${m.loadAverage.join(' ')} · `
    + `cdk8s ${m.packages.cdk8s}, cdk8s-plus-28 ${m.packages['cdk8s-plus-28']}`,
    '',
    `${r.settings.runs} runs per variant and size, interleaved, each in its own process; ${r.settings.charts} chart(s); `
    + `YAML written by app.synth() to a temp dir. Peak RSS from ${r.gnuTime ? 'GNU time -v' : 'the child\'s own maxRSS (GNU time missing)'}.`,
    '',
    `Equivalence at N=${r.equivalence.n}: ${r.equivalence.objects} objects each, manifests `
    + (r.equivalence.identical ? 'identical.' : describeDifferences(r.equivalence)),
    '',
    '## Synth',
    '',
    '| N | objects | variant | wall ms median (min–max) | work ms median (min–max) | peak RSS MB median (min–max) | CPU ms median | YAML KB |',
    '|---:|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const size of r.sizes) {
    for (const variant of r.settings.variants) {
      const v = size[variant];
      lines.push(`| ${size.n} | ${size.objects} | ${variant} | ${range(v.wallMs)} | ${range(v.workMs)} | ${range(v.maxRssKb, 1024)} | `
        + `${v.cpuMs ? fmt(v.cpuMs.median) : 'n/a'} | ${fmt(v.yamlBytes / 1024)} |`);
    }
  }
  lines.push('', '"wall": the whole process as a pipeline sees it (node startup and require included); '
    + '"work": construct + app.synth() inside the process.', '',
  '| N | wall ours/plus | work ours/plus | peak RSS ours/plus | CPU ours/plus |', '|---:|---:|---:|---:|---:|');
  for (const size of r.sizes) {
    const q = size.ratios;
    lines.push(`| ${size.n} | ${q.wall} | ${q.work} | ${q.maxRss} | ${q.cpu ?? 'n/a'} |`);
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
    ...r.targets.map(t => `| ${t.name} | ${t.value} | ≤ ${t.limit} | ${t.pass ? 'PASS' : 'FAIL'} |`), '');
  return lines.join('\n');
}

module.exports = { evaluateTargets, formatMarkdown };
