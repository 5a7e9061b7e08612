'use strict';
/**
 * Counts, in-process, how often the expensive steps of a synth run per object:
 * ApiObject.toJson (cdk8s resolve of the whole object), the library's rules
 * engine, and YAML serialisation. Timings lie at small N; call counts do not.
 *
 *   node bench/count-calls.js [--n 100] [--variant ours] [--charts 1]
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const cdk8s = require('cdk8s');
const { parseFlags } = require('./flags');
const { populate } = require('./variants');

/** Wraps `owner[name]` to count calls; returns the counter. */
function countCalls(owner, name, keyOf = () => 'all') {
  const original = owner[name];
  const counts = {};
  owner[name] = function counted(...args) {
    const key = keyOf(this, args);
    counts[key] = (counts[key] || 0) + 1;
    return original.apply(this, args);
  };
  return counts;
}

function countSynth(variant, n, chartCount = 1) {
  // the rules engine is internal (the synth guard enters it through findingsPerObject): when a rewrite moves it, count the rest
  let engine;
  try {
    engine = require('../lib/rules/engine');
  } catch {
    engine = undefined;
  }
  const hasEngine = engine !== undefined && typeof engine.findingsPerObject === 'function';
  const toJson = countCalls(cdk8s.ApiObject.prototype, 'toJson', self => self.kind);
  const lint = hasEngine ? countCalls(engine, 'findingsPerObject') : {};
  // objects handed to the rules engine, summed over its runs
  const linted = hasEngine ? countCalls(engine, 'findingsPerObject', (_self, args) => `n${Array.isArray(args[0]) ? args[0].length : 0}`) : {};
  const yamlSave = countCalls(cdk8s.Yaml, 'save');
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-bench-count-'));
  try {
    const app = new cdk8s.App({ outdir });
    const charts = Array.from({ length: chartCount }, (_, c) => new cdk8s.Chart(app, `chart-${c}`));
    populate(variant, charts, n, variant === 'plus' ? undefined : require('../lib'));
    const objects = {};
    for (const c of app.node.findAll()) {
      if (cdk8s.ApiObject.isApiObject(c)) objects[c.kind] = (objects[c.kind] || 0) + 1;
    }
    app.synth();
    const perObject = {};
    for (const [kind, calls] of Object.entries(toJson)) perObject[kind] = calls / objects[kind];
    return {
      variant, n, charts: chartCount, objects,
      toJsonCalls: toJson, toJsonCallsPerObject: perObject,
      lintObjectsCalls: hasEngine ? lint.all || 0 : undefined,
      lintedObjects: hasEngine
        ? Object.entries(linted).reduce((sum, [key, calls]) => sum + Number(key.slice(1)) * calls, 0)
        : undefined,
      yamlSaveCalls: yamlSave.all || 0,
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const flags = parseFlags(process.argv.slice(2), {
    n: { type: 'int', default: 100 },
    variant: { type: 'string', default: 'ours' },
    charts: { type: 'int', default: 1 },
  });
  process.stdout.write(JSON.stringify(countSynth(flags.variant, flags.n, flags.charts), null, 2) + '\n');
}

module.exports = { countSynth };
