'use strict';
/**
 * Keeps the comparison honest: for every chart count of the benchmark, runs
 * the same child as the measured runs (`synth-child.js`, `app.synth()` into a
 * temp outdir) once per variant at a small N and checks that ours and plus
 * write the same files, byte for byte, one YAML file per chart. A timing
 * difference is then the price of the library's work, not of different output.
 *
 * Any difference stops the benchmark; the error names the files and the JSON
 * paths that differ (critical fields first: object lists, containers' name,
 * image, pull policy, command, env, resources, security context).
 *
 *   node bench/equivalence.js [--charts 1,10,100]     # the check alone
 */
const fs = require('fs');
const path = require('path');
const { isDeepStrictEqual } = require('util');
const { parseFlags } = require('./flags');
const { runChild } = require('./measure');

const SYNTH_CHILD = path.join(__dirname, 'synth-child.js');
const MIN_N = 3;
const MAX_LISTED_DIFFERENCES = 20;
const CRITICAL = /^(\(objects\)|.*\.(initContainers|containers)\[\d+\]\.(name|image|imagePullPolicy|command|env|resources|securityContext)|.*\.spec\.template\.spec\.(securityContext|restartPolicy))/;
const RESYNC_HINT = 'if the library\'s generated waiter containers changed, run `node bench/sync-variant.js` '
  + '(after compiling) to refresh bench/fixtures/plus-waiter.json; otherwise update the hand-written plus variant in bench/variants.js';

/** N for the check at `charts` charts: every chart gets at least two workloads. */
function equivalenceN(charts) {
  return Math.max(MIN_N, 2 * charts);
}

/** Runs one variant into a kept temp outdir; returns the outdir. */
function synthToDir(variant, n, charts) {
  const run = runChild(SYNTH_CHILD, ['--variant', variant, '--n', String(n), '--charts', String(charts), '--keep-outdir'],
    { gnuTime: false });
  return { outdir: run.output.outdir, objects: run.output.objects, yamlBytes: run.output.yamlBytes };
}

/**
 * Compares two synth outdirs file by file. Returns { files, identical, problems }
 * where problems lists missing files and differing JSON paths.
 */
function compareOutdirs(oursDir, plusDir) {
  const oursFiles = fs.readdirSync(oursDir).sort();
  const plusFiles = fs.readdirSync(plusDir).sort();
  const problems = [];
  if (!isDeepStrictEqual(oursFiles, plusFiles)) {
    problems.push(`(files) ours [${oursFiles.join(', ')}] vs plus [${plusFiles.join(', ')}]`);
    return { files: oursFiles.length, identical: false, problems };
  }
  let differingFiles = 0;
  for (const file of oursFiles) {
    const a = fs.readFileSync(path.join(oursDir, file));
    const b = fs.readFileSync(path.join(plusDir, file));
    if (a.equals(b)) continue;
    differingFiles++;
    if (problems.length < MAX_LISTED_DIFFERENCES) {
      problems.push(...documentDifferences(file, a.toString('utf8'), b.toString('utf8')));
    }
  }
  return { files: oursFiles.length, differingFiles, identical: differingFiles === 0, problems };
}

function documentDifferences(file, oursYaml, plusYaml) {
  const ours = parseAll(oursYaml);
  const plus = parseAll(plusYaml);
  const key = obj => `${obj && obj.kind}/${obj && obj.metadata && obj.metadata.name}`;
  if (!isDeepStrictEqual(ours.map(key), plus.map(key))) {
    return [`${file}: (objects) ours [${ours.map(key).join(', ')}] vs plus [${plus.map(key).join(', ')}]`];
  }
  const paths = [];
  ours.forEach((obj, i) => differingPaths(obj, plus[i], key(obj), paths));
  if (paths.length === 0) return [`${file}: same objects and values, different bytes (formatting or key order)`];
  const critical = paths.filter(p => CRITICAL.test(p));
  const ordered = [...critical, ...paths.filter(p => !CRITICAL.test(p))];
  return ordered.map(p => `${file}: ${p}${CRITICAL.test(p) ? ' (critical)' : ''}`);
}

function parseAll(text) {
  // cdk8s depends on the `yaml` package; parse every document of a file
  const yaml = require(require.resolve('yaml', { paths: [path.dirname(require.resolve('cdk8s'))] }));
  return yaml.parseAllDocuments(text).map(doc => doc.toJSON()).filter(doc => doc !== null);
}

/** Every JSON path where `a` and `b` differ. */
function differingPaths(a, b, at = '', out = []) {
  if (isDeepStrictEqual(a, b)) return out;
  const bothObjects = a !== null && b !== null && typeof a === 'object' && typeof b === 'object'
    && Array.isArray(a) === Array.isArray(b);
  if (!bothObjects) {
    out.push(at || '(root)');
    return out;
  }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    differingPaths(a[k], b[k], Array.isArray(a) ? `${at}[${k}]` : `${at}.${k}`, out);
  }
  return out;
}

/** Checks one chart count; throws when the variants differ. */
function checkCharts(charts) {
  const n = equivalenceN(charts);
  const ours = synthToDir('ours', n, charts);
  let plus;
  try {
    plus = synthToDir('plus', n, charts);
    const result = compareOutdirs(ours.outdir, plus.outdir);
    if (!result.identical) {
      throw new Error(`ours and plus no longer write identical YAML at N=${n}, ${charts} chart(s) `
        + `(${result.differingFiles ?? 'the'} of ${result.files} files differ); ${RESYNC_HINT}:\n  `
        + result.problems.slice(0, MAX_LISTED_DIFFERENCES).join('\n  '));
    }
    return { charts, n, objects: ours.objects, files: result.files, yamlBytes: ours.yamlBytes, identical: true };
  } finally {
    fs.rmSync(ours.outdir, { recursive: true, force: true });
    if (plus) fs.rmSync(plus.outdir, { recursive: true, force: true });
  }
}

/** Checks every chart count; returns one summary per chart count. */
function checkEquivalence(chartCounts) {
  return chartCounts.map(checkCharts);
}

if (require.main === module) {
  try {
    const flags = parseFlags(process.argv.slice(2), { charts: { type: 'ints', default: [1, 10, 100] } });
    for (const r of checkEquivalence(flags.charts)) {
      process.stdout.write(`${r.charts} chart(s), N=${r.n}: ${r.files} YAML file(s), ${r.objects} objects, identical\n`);
    }
  } catch (e) {
    process.stderr.write(`bench/equivalence.js: ${e.message}\n`);
    process.exitCode = e.usage ? 2 : 1;
  }
}

module.exports = { checkEquivalence, compareOutdirs, equivalenceN };
