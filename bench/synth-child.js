'use strict';
/**
 * One measured run, in its own process: build N workloads of one variant and
 * `app.synth()` them to YAML in a fresh temporary outdir, as a pipeline step
 * does. Prints one JSON line with the phases, timed from inside the process.
 *
 *   node bench/synth-child.js --variant ours|plus --n 1000 [--charts 1] [--keep-outdir]
 */
const { performance } = require('perf_hooks');
const scriptStart = performance.now();
const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseFlags } = require('./flags');

const flags = parseFlags(process.argv.slice(2), {
  'variant': { type: 'string', required: true },
  'n': { type: 'int', required: true },
  'charts': { type: 'int', default: 1 },
  'keep-outdir': { type: 'boolean', default: false },
});

const { ApiObject, App, Chart } = require('cdk8s');
require('cdk8s-plus-28');
const lib = flags.variant === 'plus' ? undefined : require('../lib');
const { populate } = require('./variants');
const required = performance.now();

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `cdk8s-bench-${flags.variant}-`));
const app = new App({ outdir });
const charts = Array.from({ length: flags.charts }, (_, c) => new Chart(app, `chart-${c}`));
populate(flags.variant, charts, flags.n, lib);
const constructed = performance.now();

app.synth();
const synthesized = performance.now();

const yamlBytes = fs.readdirSync(outdir)
  .reduce((sum, file) => sum + fs.statSync(path.join(outdir, file)).size, 0);
if (!flags['keep-outdir']) fs.rmSync(outdir, { recursive: true, force: true });

process.stdout.write(JSON.stringify({
  variant: flags.variant,
  n: flags.n,
  objects: app.node.findAll().filter(c => ApiObject.isApiObject(c)).length,
  yamlBytes,
  outdir: flags['keep-outdir'] ? outdir : undefined,
  ms: {
    // node's own startup, before this script ran
    boot: round(scriptStart),
    require: round(required - scriptStart),
    construct: round(constructed - required),
    synth: round(synthesized - constructed),
    // construct + synth: the part that grows with N
    work: round(synthesized - required),
  },
  selfMaxRssKb: process.resourceUsage().maxRSS,
}) + '\n');

function round(ms) {
  return Math.round(ms * 10) / 10;
}
