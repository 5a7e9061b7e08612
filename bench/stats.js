'use strict';
/** Order statistics of a sample; medians, because a busy machine skews means. */
function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median: round(median), min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

function ratio(a, b) {
  return Math.round((a / b) * 1000) / 1000;
}

function round(x) {
  return Math.round(x * 10) / 10;
}

module.exports = { ratio, summarize };
