'use strict';
/**
 * A tiny `--name value` / `--name=value` / `--flag` / `--no-flag` parser, so
 * the bench scripts need no dependency.
 *
 * spec: { name: { type: 'int' | 'string' | 'boolean' | 'ints', default?, required? } }
 */
function parseFlags(argv, spec) {
  const values = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      values.help = true;
      continue;
    }
    const match = /^--(no-)?([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
    if (!match || !(match[2] in spec)) {
      throw usageError(`unknown argument "${arg}"`, spec);
    }
    const [, negated, name, inline] = match;
    const type = spec[name].type;
    if (type === 'boolean') {
      values[name] = !negated;
      continue;
    }
    const raw = inline !== undefined ? inline : argv[++i];
    if (raw === undefined) throw usageError(`--${name} needs a value`, spec);
    values[name] = convert(name, type, raw, spec);
  }
  for (const [name, opt] of Object.entries(spec)) {
    if (values[name] === undefined) {
      if (opt.required) throw usageError(`--${name} is required`, spec);
      values[name] = opt.default;
    }
  }
  return values;
}

function convert(name, type, raw, spec) {
  switch (type) {
    case 'string': return raw;
    case 'int': return positiveInt(name, raw, spec);
    case 'ints': return raw.split(',').map(part => positiveInt(name, part.trim(), spec));
    default: throw new Error(`internal error: flag type ${type}`);
  }
}

function positiveInt(name, raw, spec) {
  if (!/^[1-9][0-9]*$/.test(raw)) {
    throw usageError(`--${name} "${raw}" is not a positive integer`, spec);
  }
  return Number(raw);
}

function usageError(message, spec) {
  const known = Object.entries(spec)
    .map(([name, opt]) => `--${name}${opt.type === 'boolean' ? '' : ` <${opt.type}>`}${opt.default !== undefined ? ` (default ${opt.default})` : ''}`)
    .join(', ');
  const error = new Error(`${message}; flags: ${known}`);
  error.usage = true;
  return error;
}

module.exports = { parseFlags };
