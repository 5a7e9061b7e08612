'use strict';
/**
 * One cold `require()` in a fresh process: the compiled library (`../lib`,
 * which itself loads cdk8s-plus-28, cdk8s and constructs) or cdk8s-plus-28 alone.
 *
 *   node bench/require-child.js --target lib|plus
 */
const { parseFlags } = require('./flags');

const TARGETS = { lib: '../lib', plus: 'cdk8s-plus-28' };
const { target } = parseFlags(process.argv.slice(2), { target: { type: 'string', required: true } });
if (!(target in TARGETS)) {
  throw new Error(`unknown --target "${target}": use one of ${Object.keys(TARGETS).join(', ')}`);
}

const before = Object.keys(require.cache).length;
const start = process.hrtime.bigint();
require(TARGETS[target]);
const ms = Number(process.hrtime.bigint() - start) / 1e6;

process.stdout.write(JSON.stringify({
  target,
  ms: Math.round(ms * 10) / 10,
  modules: Object.keys(require.cache).length - before,
  selfMaxRssKb: process.resourceUsage().maxRSS,
}) + '\n');
