'use strict';
/**
 * `npm run bench`: what the library's safety costs a pipeline that synthesizes
 * many workloads. See bench/README.md.
 *
 *   node bench/run.js [--sizes 100,1000,5000] [--charts 1,10,100] [--charts-n 1000] [--runs 9]
 *                     [--require-runs 10] [--variants ours,plus] [--no-warmup] [--no-profile]
 *                     [--profile-n 5000] [--profile-charts 1] [--quick] [--check]
 *
 * The matrix: every N of --sizes in one chart, plus --charts-n workloads
 * spread evenly (round-robin) over each chart count of --charts, all in one
 * App synthesized with app.synth() (validations run once per chart + once).
 */
const fs = require('fs');
const path = require('path');
const { countSynth } = require('./count-calls');
const { checkEquivalence, equivalenceN } = require('./equivalence');
const { parseFlags } = require('./flags');
const { cpuStallUs, machine } = require('./machine');
const { hasGnuTime, runChild } = require('./measure');
const { formatProfile, profileSynth } = require('./profile');
const { evaluateTargets, formatMarkdown } = require('./report');
const { ratio, summarize } = require('./stats');
const { VARIANTS } = require('./variants');

const REPO_ROOT = path.resolve(__dirname, '..');
const RESULTS_FILE = path.join(__dirname, 'results', 'latest.json');
const SYNTH_CHILD = path.join(__dirname, 'synth-child.js');
const REQUIRE_CHILD = path.join(__dirname, 'require-child.js');
// --quick: a smoke test of every code path (about 10 s); later flags override it
const QUICK = ['--sizes', '100', '--charts', '1,10', '--charts-n', '100', '--runs', '2', '--require-runs', '2', '--no-profile'];
const REQUIRE_LABELS = { lib: 'cdk8s-pod-patterns (../lib)', plus: 'cdk8s-plus-28' };

const FLAGS = {
  'sizes': { type: 'ints', default: [100, 1000, 5000] },
  'charts': { type: 'ints', default: [1, 10, 100] },
  'charts-n': { type: 'int', default: 1000 },
  'runs': { type: 'int', default: 9 },
  'require-runs': { type: 'int', default: 10 },
  'variants': { type: 'string', default: 'ours,plus' },
  'warmup': { type: 'boolean', default: true },
  'profile': { type: 'boolean', default: true },
  'profile-n': { type: 'int', default: 5000 },
  'profile-charts': { type: 'int', default: 1 },
  'quick': { type: 'boolean', default: false },
  'check': { type: 'boolean', default: false },
};

function log(message) {
  process.stderr.write(`${message}\n`);
}

/** The compiled library must exist and not be older than its sources. */
function assertLibraryCompiled() {
  const entry = path.join(REPO_ROOT, 'lib', 'index.js');
  if (!fs.existsSync(entry)) {
    throw new Error('lib/index.js is missing: compile first (npx projen compile, or npx jsii)');
  }
  const compiledAt = fs.statSync(entry).mtimeMs;
  const stale = listFiles(path.join(REPO_ROOT, 'src')).filter(f => fs.statSync(f).mtimeMs > compiledAt);
  if (stale.length > 0) {
    log(`warning: ${stale.length} source file(s) are newer than lib/ (e.g. ${path.relative(REPO_ROOT, stale[0])}): `
      + 'the benchmark measures the compiled lib/, recompile to measure them');
  }
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true })
    .flatMap(e => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function synthRun(variant, cell, settings) {
  return runChild(SYNTH_CHILD, ['--variant', variant, '--n', String(cell.n), '--charts', String(cell.charts)],
    { gnuTime: settings.gnuTime });
}

/** Every N of `sizes` in one chart, then `chartsN` workloads in each chart count of `charts`. */
function matrix(sizes, charts, chartsN) {
  const cells = [];
  const add = (n, c) => {
    if (!cells.some(cell => cell.n === n && cell.charts === c)) cells.push({ n, charts: c });
  };
  for (const n of sizes) add(n, 1);
  for (const c of [...charts].sort((a, b) => a - b)) add(chartsN, c);
  return cells.sort((a, b) => a.charts - b.charts || a.n - b.n);
}

function measureColdRequire(settings) {
  const runs = { lib: [], plus: [] };
  for (let r = 0; r < settings.requireRuns; r++) {
    for (const target of ['lib', 'plus']) {
      runs[target].push(runChild(REQUIRE_CHILD, ['--target', target], { gnuTime: settings.gnuTime }));
    }
  }
  const summary = target => ({
    label: REQUIRE_LABELS[target],
    ms: summarize(runs[target].map(run => run.output.ms)),
    wallMs: summarize(runs[target].map(run => run.wallMs)),
    maxRssKb: summarize(runs[target].map(run => run.maxRssKb)),
    modules: runs[target][0].output.modules,
  });
  const lib = summary('lib');
  const plus = summary('plus');
  return { lib, plus, ratio: ratio(lib.ms.median, plus.ms.median) };
}

/** Runs ours, plus, ours, plus … so that drift in machine load hits both alike. */
function measureCell(cell, settings) {
  const { n, charts } = cell;
  const runs = Object.fromEntries(settings.variants.map(variant => [variant, []]));
  for (let r = 0; r < settings.runs; r++) {
    for (const variant of settings.variants) {
      const run = synthRun(variant, cell, settings);
      runs[variant].push(run);
      log(`  N=${n} charts=${charts} ${variant} run ${r + 1}/${settings.runs}: ${run.wallMs} ms, ${Math.round(run.maxRssKb / 1024)} MB`);
    }
  }
  const summary = variant => {
    const list = runs[variant];
    return {
      wallMs: summarize(list.map(run => run.wallMs)),
      workMs: summarize(list.map(run => run.output.ms.work)),
      constructMs: summarize(list.map(run => run.output.ms.construct)),
      synthMs: summarize(list.map(run => run.output.ms.synth)),
      requireMs: summarize(list.map(run => run.output.ms.require)),
      maxRssKb: summarize(list.map(run => run.maxRssKb)),
      cpuMs: list[0].userMs === undefined ? undefined : summarize(list.map(run => run.userMs + run.sysMs)),
      yamlBytes: list[0].output.yamlBytes,
    };
  };
  const measured = Object.fromEntries(settings.variants.map(variant => [variant, summary(variant)]));
  // run r of ours and run r of plus ran back to back, under the same machine
  // load: the median of their ratios is robust to load that drifts during a cell
  const paired = variant => summarizeRatios(runs[variant].map((run, r) => ratio(run.wallMs, runs.plus[r].wallMs)));
  const versusPlus = variant => ({
    wall: paired(variant).median,
    wallPaired: paired(variant),
    wallOfMedians: ratio(measured[variant].wallMs.median, measured.plus.wallMs.median),
    workExtraMs: Math.round(measured[variant].workMs.median - measured.plus.workMs.median),
    work: ratio(measured[variant].workMs.median, measured.plus.workMs.median),
    maxRss: ratio(measured[variant].maxRssKb.median, measured.plus.maxRssKb.median),
    cpu: measured.plus.cpuMs ? ratio(measured[variant].cpuMs.median, measured.plus.cpuMs.median) : undefined,
  });
  return {
    n,
    charts,
    objects: runs.plus[0].output.objects,
    ...measured,
    ratios: versusPlus('ours'),
    runs,
  };
}

/** Median, min and max of ratios, kept at 3 decimals. */
function summarizeRatios(values) {
  const s = summarize(values.map(v => v * 1000));
  return { median: Math.round(s.median) / 1000, min: s.min / 1000, max: s.max / 1000, n: s.n };
}

function parseVariants(list) {
  const variants = list.split(',').map(v => v.trim()).filter(Boolean);
  const unknown = variants.filter(v => !VARIANTS.includes(v));
  if (unknown.length > 0 || !variants.includes('ours') || !variants.includes('plus')) {
    const optional = VARIANTS.filter(v => v !== 'ours' && v !== 'plus');
    const error = new Error(`--variants "${list}" must list ours and plus, and may add ${optional.join(', ')}`);
    error.usage = true;
    throw error;
  }
  return variants;
}

function main() {
  const argv = process.argv.slice(2);
  const flags = parseFlags(argv.includes('--quick') ? [...QUICK, ...argv] : argv, FLAGS);
  if (flags.help) {
    log('usage: node bench/run.js [--sizes 100,1000,5000] [--charts 1,10,100] [--charts-n 1000] [--runs 9] '
      + '[--require-runs 10] [--variants ours,plus] [--no-warmup] [--no-profile] [--profile-n 5000] '
      + '[--profile-charts 1] [--quick] [--check]\n'
      + `--quick = ${QUICK.join(' ')} (later flags override it)`);
    return 0;
  }
  const started = Date.now();
  const loadAtStart = machine().loadAverage;
  const stallAtStart = cpuStallUs();
  assertLibraryCompiled();
  const gnuTime = hasGnuTime();
  if (!gnuTime) log('warning: /usr/bin/time (GNU time) not found: apt-get install time; peak RSS falls back to the child\'s own maxRSS');
  const settings = {
    sizes: flags.sizes,
    charts: flags.charts,
    chartsN: flags['charts-n'],
    cells: matrix(flags.sizes, flags.charts, flags['charts-n']),
    runs: flags.runs,
    requireRuns: flags['require-runs'],
    variants: parseVariants(flags.variants),
    gnuTime,
  };

  const chartCounts = [...new Set(settings.cells.map(cell => cell.charts))];
  log(`equivalence check (identical YAML files) at ${chartCounts.join(', ')} chart(s)`);
  const equivalence = checkEquivalence(chartCounts);
  if (flags.warmup) {
    log('warm-up (not recorded)');
    for (const variant of settings.variants) synthRun(variant, settings.cells[0], settings);
  }
  log('call counts per chart count (in-process, ours)');
  const callCounts = chartCounts.map(charts => countSynth('ours', equivalenceN(charts), charts));
  log(`cold require, ${settings.requireRuns} runs each`);
  const coldRequire = measureColdRequire(settings);
  const cells = settings.cells.map(cell => {
    log(`N=${cell.n} in ${cell.charts} chart(s), ${settings.runs} runs each`);
    return measureCell(cell, settings);
  });

  const results = {
    generatedAt: new Date().toISOString(),
    machine: { ...machine(), loadAtStart },
    gnuTime,
    settings: {
      sizes: settings.sizes,
      charts: settings.charts,
      chartsN: settings.chartsN,
      cells: settings.cells,
      runs: settings.runs,
      requireRuns: settings.requireRuns,
      variants: settings.variants,
      warmup: flags.warmup,
    },
    equivalence,
    callCounts,
    coldRequire,
    cells,
  };
  results.targets = evaluateTargets(results);
  results.measuredInSeconds = Math.round((Date.now() - started) / 1000);
  const stallAtEnd = cpuStallUs();
  if (stallAtStart !== undefined && stallAtEnd !== undefined) {
    // share of the measurement during which some task waited for a CPU
    results.machine.cpuPressure = Math.round(((stallAtEnd - stallAtStart) / 1000 / (Date.now() - started)) * 1000) / 1000;
  }
  const markdown = formatMarkdown(results);
  process.stdout.write(markdown + '\n');

  if (flags.profile) {
    log(`profiling ours at N=${flags['profile-n']}, ${flags['profile-charts']} chart(s)`);
    const profile = profileSynth({ variant: 'ours', n: flags['profile-n'], charts: flags['profile-charts'], gnuTime });
    process.stdout.write(formatProfile(profile) + '\n');
    results.profile = { file: profile.file, wallMs: profile.run.wallMs, analysis: profile.analysis, callCounts: profile.callCounts };
  }

  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  results.totalSeconds = Math.round((Date.now() - started) / 1000);
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');
  log(`wrote ${path.relative(REPO_ROOT, RESULTS_FILE)}; the benchmark took ${results.totalSeconds} s`);
  const failed = results.targets.filter(t => !t.pass);
  if (failed.length > 0) log(`${failed.length} target(s) missed: ${failed.map(t => t.name).join('; ')}`);
  return flags.check && failed.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (e) {
  log(`bench: ${e.message}`);
  process.exitCode = e.usage ? 2 : 1;
}
