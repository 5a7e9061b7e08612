'use strict';
/**
 * Runs one bench child process and measures it from outside: wall time (parent
 * clock around the whole process, node startup included), and, through GNU
 * time (`/usr/bin/time -v`, Debian package `time`), peak RSS and CPU time.
 * Without GNU time, peak RSS falls back to what the child reports itself
 * (`process.resourceUsage().maxRSS`) and CPU time is not measured.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const GNU_TIME = '/usr/bin/time';
const CHILD_TIMEOUT_MS = 15 * 60 * 1000;

function hasGnuTime() {
  if (!fs.existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr);
}

/**
 * Runs `node <nodeArgs> <script> <args>` and returns
 * { wallMs, maxRssKb, userMs, sysMs, output } where output is the child's last
 * stdout line parsed as JSON.
 */
function runChild(script, args, { nodeArgs = [], gnuTime = true } = {}) {
  const command = [...nodeArgs, script, ...args];
  const timeFile = gnuTime ? path.join(os.tmpdir(), `bench-time-${process.pid}-${Date.now()}.txt`) : undefined;
  const [file, argv] = gnuTime
    ? [GNU_TIME, ['-v', '-o', timeFile, process.execPath, ...command]]
    : [process.execPath, command];
  const start = process.hrtime.bigint();
  const result = spawnSync(file, argv, { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw new Error(`bench child "node ${command.join(' ')}" did not run: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`bench child "node ${command.join(' ')}" exited with ${result.status ?? result.signal}:\n${result.stderr}`);
  }
  const output = lastJsonLine(result.stdout, command);
  const usage = timeFile ? readGnuTime(timeFile) : { maxRssKb: output.selfMaxRssKb };
  return { wallMs: Math.round(wallMs * 10) / 10, ...usage, output };
}

function lastJsonLine(stdout, command) {
  const lines = stdout.trim().split('\n');
  try {
    return JSON.parse(lines[lines.length - 1]);
  } catch {
    throw new Error(`bench child "node ${command.join(' ')}" printed no JSON result:\n${stdout}`);
  }
}

function readGnuTime(file) {
  const text = fs.readFileSync(file, 'utf8');
  fs.rmSync(file, { force: true });
  return {
    maxRssKb: numberAfter(text, 'Maximum resident set size (kbytes)'),
    userMs: Math.round(numberAfter(text, 'User time (seconds)') * 1000),
    sysMs: Math.round(numberAfter(text, 'System time (seconds)') * 1000),
  };
}

function numberAfter(text, label) {
  const line = text.split('\n').find(l => l.trim().startsWith(label));
  if (line === undefined) throw new Error(`GNU time output has no "${label}":\n${text}`);
  return Number(line.slice(line.lastIndexOf(':') + 1).trim());
}

module.exports = { hasGnuTime, runChild };
