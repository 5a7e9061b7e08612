'use strict';
/**
 * `npm run bench`: what the library's safety costs a pipeline that synthesizes
 * many workloads. See bench/README.md.
 *
 *   node bench/run.js [--sizes 100,1000,5000] [--runs 5] [--require-runs 10]
 *                     [--charts 1] [--variants ours,plus] [--no-profile] [--profile-n 5000] [--check]
 */
const fs = require('fs');
const path = require('path');
const { checkEquivalence } = require('./equivalence');
const { parseFlags } = require('./flags');
const { machine } = require('./machine');
const { hasGnuTime, runChild } = require('./measure');
const { formatProfile, profileSynth } = require('./profile');
const { evaluateTargets, formatMarkdown } = require('./report');
const { ratio, summarize } = require('./stats');
const { VARIANTS } = require('./variants');

const REPO_ROOT = path.resolve(__dirname, '..');
const RESULTS_FILE = path.join(__dirname, 'results', 'latest.json');
const SYNTH_CHILD = path.join(__dirname, 'synth-child.js');
const REQUIRE_CHILD = path.join(__dirname, 'require-child.js');
const EQUIVALENCE_N = 3;
const REQUIRE_LABELS = { lib: 'cdk8s-pod-patterns (../lib)', plus: 'cdk8s-plus-28' };

const FLAGS = {
  'sizes': { type: 'ints', default: [100, 1000, 5000] },
  'runs': { type: 'int', default: 5 },
  'require-runs': { type: 'int', default: 10 },
  'charts': { type: 'int', default: 1 },
  'variants': { type: 'string', default: 'ours,plus' },
  'warmup': { type: 'boolean', default: true },
  'profile': { type: 'boolean', default: true },
  'profile-n': { type: 'int', default: 5000 },
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

function synthRun(variant, n, settings) {
  return runChild(SYNTH_CHILD, ['--variant', variant, '--n', String(n), '--charts', String(settings.charts)],
    { gnuTime: settings.gnuTime });
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
function measureSize(n, settings) {
  const runs = Object.fromEntries(settings.variants.map(variant => [variant, []]));
  for (let r = 0; r < settings.runs; r++) {
    for (const variant of settings.variants) {
      const run = synthRun(variant, n, settings);
      runs[variant].push(run);
      log(`  N=${n} ${variant} run ${r + 1}/${settings.runs}: ${run.wallMs} ms, ${Math.round(run.maxRssKb / 1024)} MB`);
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
  const versusPlus = variant => ({
    wall: ratio(measured[variant].wallMs.median, measured.plus.wallMs.median),
    work: ratio(measured[variant].workMs.median, measured.plus.workMs.median),
    maxRss: ratio(measured[variant].maxRssKb.median, measured.plus.maxRssKb.median),
    cpu: measured.plus.cpuMs ? ratio(measured[variant].cpuMs.median, measured.plus.cpuMs.median) : undefined,
  });
  return {
    n,
    objects: runs.plus[0].output.objects,
    ...measured,
    ratios: versusPlus('ours'),
    runs,
  };
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
  const flags = parseFlags(process.argv.slice(2), FLAGS);
  if (flags.help) {
    log('usage: node bench/run.js [--sizes 100,1000,5000] [--runs 5] [--require-runs 10] [--charts 1] '
      + '[--variants ours,plus] [--no-warmup] [--no-profile] [--profile-n 5000] [--check]');
    return 0;
  }
  assertLibraryCompiled();
  const gnuTime = hasGnuTime();
  if (!gnuTime) log('warning: /usr/bin/time (GNU time) not found: apt-get install time; peak RSS falls back to the child\'s own maxRSS');
  const settings = {
    sizes: flags.sizes,
    runs: flags.runs,
    requireRuns: flags['require-runs'],
    charts: flags.charts,
    variants: parseVariants(flags.variants),
    gnuTime,
  };
  const lib = require('../lib');

  log(`equivalence check at N=${EQUIVALENCE_N}`);
  const equivalence = checkEquivalence(EQUIVALENCE_N, lib);
  if (flags.warmup) {
    log('warm-up (not recorded)');
    for (const variant of settings.variants) synthRun(variant, settings.sizes[0], settings);
  }
  log(`cold require, ${settings.requireRuns} runs each`);
  const coldRequire = measureColdRequire(settings);
  const sizes = settings.sizes.map(n => {
    log(`N=${n}, ${settings.runs} runs each`);
    return measureSize(n, settings);
  });

  const results = {
    generatedAt: new Date().toISOString(),
    machine: machine(),
    gnuTime,
    settings: {
      sizes: settings.sizes,
      runs: settings.runs,
      requireRuns: settings.requireRuns,
      charts: settings.charts,
      variants: settings.variants,
    },
    equivalence,
    coldRequire,
    sizes,
  };
  results.targets = evaluateTargets(results);
  const markdown = formatMarkdown(results);
  process.stdout.write(markdown + '\n');

  if (flags.profile) {
    log(`profiling ours at N=${flags['profile-n']}`);
    const profile = profileSynth({ variant: 'ours', n: flags['profile-n'], charts: settings.charts, gnuTime });
    process.stdout.write(formatProfile(profile) + '\n');
    results.profile = { file: profile.file, wallMs: profile.run.wallMs, analysis: profile.analysis, callCounts: profile.callCounts };
  }

  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');
  log(`wrote ${path.relative(REPO_ROOT, RESULTS_FILE)}`);
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
