'use strict';
/**
 * Profiles one synth of the library's variant with `node --cpu-prof` and
 * prints where the time goes (see analyze-profile.js), plus call counts at a
 * small N (see count-calls.js).
 *
 *   node bench/profile.js [--n 5000] [--variant ours] [--charts 1]
 */
const fs = require('fs');
const path = require('path');
const { analyze, formatAnalysis, loadProfile } = require('./analyze-profile');
const { countSynth } = require('./count-calls');
const { parseFlags } = require('./flags');
const { runChild } = require('./measure');

const RESULTS_DIR = path.join(__dirname, 'results');
const CALL_COUNT_N = 20;

function profileSynth({ variant = 'ours', n = 5000, charts = 1, gnuTime = true } = {}) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const name = `${variant}-${n}${charts > 1 ? `-charts${charts}` : ''}.cpuprofile`;
  const file = path.join(RESULTS_DIR, name);
  fs.rmSync(file, { force: true });
  const run = runChild(path.join(__dirname, 'synth-child.js'),
    ['--variant', variant, '--n', String(n), '--charts', String(charts)],
    { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${RESULTS_DIR}`, `--cpu-prof-name=${name}`], gnuTime });
  return {
    file: path.relative(path.join(__dirname, '..'), file),
    run,
    analysis: analyze(loadProfile(file)),
    callCounts: countSynth(variant, CALL_COUNT_N, charts),
  };
}

function formatProfile(p) {
  const counts = p.callCounts;
  return [
    `## Profile: ${p.run.output.variant} at N=${p.run.output.n} (${p.file})`,
    '',
    `Wall ${p.run.wallMs} ms (profiler on), phases ${JSON.stringify(p.run.output.ms)}`,
    '',
    formatAnalysis(p.analysis),
    `### Calls per object during app.synth() (N=${counts.n}, ${counts.charts} chart(s))`,
    '',
    `- ApiObject.toJson per object: ${JSON.stringify(counts.toJsonCallsPerObject)}`,
    `- rules engine (lintObjects) runs: ${counts.lintObjectsCalls ?? 'n/a'} (${counts.lintedObjects ?? 'n/a'} objects linted) for ${counts.objects.Deployment || 0} Deployments`,
    `- Yaml.save calls: ${counts.yamlSaveCalls}`,
    '',
  ].join('\n');
}

if (require.main === module) {
  try {
    const flags = parseFlags(process.argv.slice(2), {
      n: { type: 'int', default: 5000 },
      variant: { type: 'string', default: 'ours' },
      charts: { type: 'int', default: 1 },
    });
    process.stdout.write(formatProfile(profileSynth(flags)));
  } catch (e) {
    process.stderr.write(`bench/profile.js: ${e.message}\n`);
    process.exit(e.usage ? 2 : 1);
  }
}

module.exports = { formatProfile, profileSynth };
