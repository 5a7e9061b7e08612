'use strict';
/**
 * Where the time goes in a V8 `.cpuprofile` (written by `node --cpu-prof`):
 * self time by function (top N), self time by package (and by file for the
 * library's own `lib/`), and the inclusive time of a few landmarks of a cdk8s
 * synth (construct, validate, toJson, YAML) and of the library's own functions.
 *
 *   node bench/analyze-profile.js FILE.cpuprofile [--top 15] [--json]
 */
const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..');
const OWN_PACKAGE = 'cdk8s-pod-patterns (lib/)';
const V8_PSEUDO_FUNCTIONS = new Set(['(garbage collector)', '(program)', '(idle)', '(root)']);

/**
 * Landmarks of one synth, matched by function name and the end of the file
 * path. Their inclusive times overlap (toJson runs inside synth).
 */
const LANDMARKS = [
  { label: 'construct the workloads (bench populate)', file: 'bench/variants.js', fn: 'populate' },
  { label: 'App.synth (validate + toJson + YAML)', file: 'cdk8s/lib/app.js', fn: 'synth' },
  { label: '  validate() of every construct', file: 'cdk8s/lib/app.js', fn: 'validate' },
  { label: '  Chart.toJson', file: 'cdk8s/lib/chart.js', fn: 'toJson' },
  { label: '    library synth guard (PodGuard.check, once per synth)', file: 'lib/pods/pod-guard.js', fn: 'check' },
  { label: '      its render of each Pod-bearing object (toJson)', file: 'lib/pods/pod-guard.js', fn: 'render' },
  { label: '      its rules engine run (findingsPerObject)', file: 'lib/rules/engine.js', fn: 'findingsPerObject' },
  { label: '  ApiObject.toJson (all calls)', file: 'cdk8s/lib/api-object.js', fn: 'toJson' },
  { label: '  Kube*.toJson (cdk8s-plus generated imports, all calls)', file: 'cdk8s-plus-28/lib/imports/k8s.js', fn: 'toJson' },
  { label: '  Yaml.save', file: 'cdk8s/lib/yaml.js', fn: 'save' },
];

/** Subtrees whose own split is worth seeing: what the library's synth-time check spends its time on. */
const FOCUSES = [
  { label: 'inside the library synth guard (PodGuard.check)', file: 'lib/pods/pod-guard.js', fn: 'check' },
  { label: 'inside the rules engine run at synth (findingsPerObject)', file: 'lib/rules/engine.js', fn: 'findingsPerObject' },
  { label: 'inside InitGatedApp (construction)', file: 'lib/apps/init-gated-app.js', fn: 'InitGatedApp' },
];

function loadProfile(file) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(profile.nodes) || !Array.isArray(profile.samples)) {
    throw new Error(`${file} is not a V8 .cpuprofile (no nodes/samples): write one with node --cpu-prof`);
  }
  return profile;
}

/** File path of a call frame, relative to the repository when inside it. */
function fileOf(callFrame) {
  const url = callFrame.url || '';
  const file = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  return file.startsWith(REPO_ROOT + '/') ? file.slice(REPO_ROOT.length + 1) : file;
}

/** Which package a file belongs to; nested copies (cdk8s' own yaml) are told apart. */
function packageOf(callFrame) {
  const file = fileOf(callFrame);
  if (file === '') {
    return V8_PSEUDO_FUNCTIONS.has(callFrame.functionName) ? callFrame.functionName : '(native / V8 builtins)';
  }
  if (file.startsWith('node:')) return 'node (internals)';
  const parts = file.split('node_modules/').slice(1).map(segment => {
    const names = segment.split('/');
    return names[0].startsWith('@') ? `${names[0]}/${names[1]}` : names[0];
  });
  if (parts.length > 0) return parts.join(' > ');
  if (file.startsWith('lib/')) return OWN_PACKAGE;
  if (file.startsWith('bench/')) return 'bench harness';
  return file;
}

function functionKey(callFrame) {
  const name = callFrame.functionName || '(anonymous)';
  const file = fileOf(callFrame);
  return file === '' ? name : `${name} ${file}:${callFrame.lineNumber + 1}`;
}

/**
 * Milliseconds attributed to each sample: the time until the next sample
 * (V8 records the delta before each sample).
 */
function sampleDurationsMs(profile) {
  const deltas = profile.timeDeltas || [];
  return profile.samples.map((_, i) => (deltas[i + 1] !== undefined ? deltas[i + 1] : 0) / 1000);
}

function matches(frame, landmark) {
  return frame.functionName === landmark.fn && fileOf(frame).endsWith(landmark.file);
}

function analyze(profile, { top = 15, focusTop = 8 } = {}) {
  const byId = new Map(profile.nodes.map(node => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) {
    for (const child of node.children || []) parentOf.set(child, node.id);
  }
  const durations = sampleDurationsMs(profile);
  const totalMs = durations.reduce((a, b) => a + b, 0);

  const selfByFunction = new Map();
  const selfByPackage = new Map();
  const selfByOwnFile = new Map();
  const inclusiveByFunction = new Map();
  const selfByFocus = FOCUSES.map(() => new Map());
  profile.samples.forEach((id, i) => {
    const ms = durations[i];
    const leaf = byId.get(id).callFrame;
    add(selfByFunction, functionKey(leaf), ms, { package: packageOf(leaf) });
    add(selfByPackage, packageOf(leaf), ms);
    if (packageOf(leaf) === OWN_PACKAGE) add(selfByOwnFile, fileOf(leaf), ms);
    // inclusive: every distinct function on the stack (recursion counted once)
    const seen = new Set();
    const inFocus = FOCUSES.map(() => false);
    for (let node = id; node !== undefined; node = parentOf.get(node)) {
      const frame = byId.get(node).callFrame;
      FOCUSES.forEach((focus, f) => { inFocus[f] = inFocus[f] || matches(frame, focus); });
      const key = functionKey(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      add(inclusiveByFunction, key, ms, { frame });
    }
    inFocus.forEach((inside, f) => {
      if (inside) add(selfByFocus[f], functionKey(leaf), ms, { package: packageOf(leaf) });
    });
  });

  const ownInclusive = [...inclusiveByFunction.entries()]
    .filter(([, v]) => packageOf(v.frame) === OWN_PACKAGE)
    .map(([key, v]) => ({ key, ms: v.ms }));
  return {
    totalMs: round(totalMs),
    topSelf: ranked(selfByFunction, totalMs).slice(0, top),
    byPackage: ranked(selfByPackage, totalMs),
    byOwnFile: ranked(selfByOwnFile, totalMs),
    ownInclusive: rankedList(ownInclusive, totalMs).slice(0, top),
    landmarks: LANDMARKS.map(l => ({
      label: l.label,
      ms: round(landmarkMs(inclusiveByFunction, l)),
      pct: pct(landmarkMs(inclusiveByFunction, l), totalMs),
    })),
    focuses: FOCUSES.map((focus, f) => {
      const ms = [...selfByFocus[f].values()].reduce((sum, v) => sum + v.ms, 0);
      return { label: focus.label, ms: round(ms), top: ranked(selfByFocus[f], ms).slice(0, focusTop) };
    }),
  };
}

function landmarkMs(inclusive, landmark) {
  let ms = 0;
  for (const v of inclusive.values()) {
    if (matches(v.frame, landmark)) ms += v.ms;
  }
  return ms;
}

function add(map, key, ms, extra = {}) {
  const entry = map.get(key) || { ms: 0, ...extra };
  entry.ms += ms;
  map.set(key, entry);
}

function ranked(map, totalMs) {
  return rankedList([...map.entries()].map(([key, v]) => ({ key, ms: v.ms, package: v.package })), totalMs);
}

function rankedList(list, totalMs) {
  return list
    .sort((a, b) => b.ms - a.ms)
    .map(e => ({ ...e, ms: round(e.ms), pct: pct(e.ms, totalMs) }));
}

function pct(ms, totalMs) {
  return totalMs > 0 ? Math.round((ms / totalMs) * 1000) / 10 : 0;
}

function round(ms) {
  return Math.round(ms * 10) / 10;
}

function formatAnalysis(a) {
  const table = (title, rows, withPackage) => [
    `### ${title}`,
    '',
    withPackage ? '| ms | % | function | package |' : '| ms | % | name |',
    withPackage ? '|---:|---:|---|---|' : '|---:|---:|---|',
    ...rows.map(r => withPackage
      ? `| ${r.ms} | ${r.pct} | \`${r.key}\` | ${r.package} |`
      : `| ${r.ms} | ${r.pct} | ${r.key.includes(' ') ? `\`${r.key}\`` : r.key} |`),
    '',
  ].join('\n');
  return [
    `Sampled time: ${a.totalMs} ms`,
    '',
    table(`Top ${a.topSelf.length} functions by self time`, a.topSelf, true),
    table('Self time by package', a.byPackage, false),
    table('Self time in the library, by file', a.byOwnFile, false),
    table('Inclusive time of the library\'s own functions', a.ownInclusive, false),
    '### Landmarks (inclusive, overlapping)',
    '',
    '| ms | % | what |',
    '|---:|---:|---|',
    ...a.landmarks.map(l => `| ${l.ms} | ${l.pct} | ${l.label.replace(/^ +/, m => '\u00a0'.repeat(m.length * 2))} |`),
    '',
    ...a.focuses.map(f => table(`Self time ${f.label} (${f.ms} ms; % of that)`, f.top, true)),
  ].join('\n');
}

if (require.main === module) {
  const { parseFlags } = require('./flags');
  const [file, ...rest] = process.argv.slice(2);
  if (!file || file.startsWith('--')) {
    process.stderr.write('usage: node bench/analyze-profile.js FILE.cpuprofile [--top 15] [--json]\n');
    process.exit(2);
  }
  const flags = parseFlags(rest, { top: { type: 'int', default: 15 }, json: { type: 'boolean', default: false } });
  const analysis = analyze(loadProfile(file), { top: flags.top });
  process.stdout.write(flags.json ? JSON.stringify(analysis, null, 2) + '\n' : formatAnalysis(analysis));
}

module.exports = { analyze, formatAnalysis, loadProfile };
