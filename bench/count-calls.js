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
  const engine = require('../lib/rules/engine');
  const toJson = countCalls(cdk8s.ApiObject.prototype, 'toJson', self => self.kind);
  const lint = countCalls(engine, 'lintObjects');
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
      lintObjectsCalls: lint.all || 0,
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
