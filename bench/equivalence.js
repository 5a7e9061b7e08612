'use strict';
/**
 * Keeps the comparison honest: builds both variants in-process at a small N
 * and checks that they produce the same objects and the same Pod specs, so
 * that a timing difference is the price of the library's work, not of
 * different output.
 *
 * Hard failures (the benchmark stops): different object lists, or a Pod
 * template whose containers differ in name, image, pull policy, command, env,
 * resources or security context, or whose Pod security context or restart
 * policy differ. Any other difference is returned as a warning.
 */
const { isDeepStrictEqual } = require('util');
const { Chart, Testing } = require('cdk8s');
const { populate } = require('./variants');

const CONTAINER_FIELDS = ['name', 'image', 'imagePullPolicy', 'command', 'env', 'resources', 'securityContext'];
const POD_FIELDS = ['securityContext', 'restartPolicy'];
const MAX_LISTED_DIFFERENCES = 20;

function manifestsOf(variant, n, lib) {
  const chart = new Chart(Testing.app(), 'chart-0');
  populate(variant, [chart], n, lib);
  return chart.toJson();
}

function objectKey(obj) {
  return `${obj.kind}/${obj.metadata && obj.metadata.name}`;
}

function podSpecOf(obj) {
  return obj.spec && obj.spec.template && obj.spec.template.spec;
}

/** Differences that make the two variants incomparable. */
function criticalDifferences(ours, plus) {
  const oursKeys = ours.map(objectKey);
  const plusKeys = plus.map(objectKey);
  if (!isDeepStrictEqual(oursKeys, plusKeys)) {
    return [`object lists differ: ours [${oursKeys.join(', ')}] vs plus [${plusKeys.join(', ')}]`];
  }
  const problems = [];
  ours.forEach((obj, i) => {
    const a = podSpecOf(obj);
    const b = podSpecOf(plus[i]);
    if (a === undefined && b === undefined) return;
    const where = objectKey(obj);
    for (const field of POD_FIELDS) {
      if (!isDeepStrictEqual(a[field], b[field])) problems.push(`${where} spec.template.spec.${field}`);
    }
    for (const list of ['initContainers', 'containers']) {
      const left = a[list] || [];
      const right = b[list] || [];
      if (left.length !== right.length) {
        problems.push(`${where} ${list}: ${left.length} vs ${right.length}`);
        continue;
      }
      left.forEach((container, c) => {
        for (const field of CONTAINER_FIELDS) {
          if (!isDeepStrictEqual(container[field], right[c][field])) {
            problems.push(`${where} ${list}[${c}].${field}`);
          }
        }
      });
    }
  });
  return problems;
}

/** Every JSON path where `a` and `b` differ. */
function differingPaths(a, b, path = '', out = []) {
  if (isDeepStrictEqual(a, b)) return out;
  const bothObjects = a !== null && b !== null && typeof a === 'object' && typeof b === 'object'
    && Array.isArray(a) === Array.isArray(b);
  if (!bothObjects) {
    out.push(path || '(root)');
    return out;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const child = Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`;
    differingPaths(a[key], b[key], child, out);
  }
  return out;
}

/**
 * Throws when the variants are not comparable; returns a summary otherwise.
 */
function checkEquivalence(n, lib) {
  const ours = manifestsOf('ours', n, lib);
  const plus = manifestsOf('plus', n, lib);
  const critical = criticalDifferences(ours, plus);
  if (critical.length > 0) {
    throw new Error(`the ours and plus variants no longer produce comparable manifests at N=${n}; `
      + 'update bench/variants.js (the plus variant, or its copy of the waiter script) to match '
      + `what the library generates:\n  ${critical.slice(0, MAX_LISTED_DIFFERENCES).join('\n  ')}`);
  }
  const otherDifferences = differingPaths(ours, plus);
  return {
    n,
    objects: ours.length,
    identical: otherDifferences.length === 0,
    otherDifferences: otherDifferences.slice(0, MAX_LISTED_DIFFERENCES),
    otherDifferenceCount: otherDifferences.length,
  };
}

module.exports = { checkEquivalence };
