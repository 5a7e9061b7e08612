'use strict';
/** What the numbers were measured on. */
const fs = require('fs');
const os = require('os');

function cpuModel() {
  try {
    const line = fs.readFileSync('/proc/cpuinfo', 'utf8').split('\n').find(l => l.startsWith('model name'));
    if (line) return line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // not Linux: fall back to what node knows
  }
  return os.cpus()[0] ? os.cpus()[0].model : 'unknown';
}

/**
 * Linux pressure stall information: total microseconds during which some
 * runnable task waited for a CPU (since boot), or undefined.
 */
function cpuStallUs() {
  try {
    const some = fs.readFileSync('/proc/pressure/cpu', 'utf8').split('\n').find(l => l.startsWith('some'));
    const total = /total=([0-9]+)/.exec(some);
    return total ? Number(total[1]) : undefined;
  } catch {
    return undefined;
  }
}

function machine() {
  return {
    cores: os.cpus().length,
    cpuModel: cpuModel(),
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    loadAverage: os.loadavg().map(l => Math.round(l * 100) / 100),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    packages: {
      'cdk8s': require('cdk8s/package.json').version,
      'cdk8s-plus-28': require('cdk8s-plus-28/package.json').version,
      'constructs': require('constructs/package.json').version,
    },
  };
}

module.exports = { cpuStallUs, machine };
