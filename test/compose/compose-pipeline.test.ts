/**
 * Fuzzing the whole import (read, parse, interpolate, merge, model, plan,
 * write) with seeded random mutations of every fixture: any input either
 * converts or is refused with a ComposeError. Anything else (a TypeError, a
 * RangeError, ...) would reach the user as an internal error: a bug.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { ComposeError } from '../../src/compose/compose-error';
import { importCompose } from '../../src/compose/compose-pipeline';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'compose');
const SEED = 20261205;
const MUTANTS_PER_FILE = 40;
const TIME_BUDGET_MS = 60_000;

/** mulberry32: a small seeded PRNG, so that a failure replays. */
/* eslint-disable no-bitwise */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/* eslint-enable no-bitwise */

/** Values that have broken parsers before: wrong types, YAML specials, hostile names and interpolations. */
const TOKENS = [
  'null', '~', '[]', '{}', '[[]]', '{a: {b: [1, {c: null}]}}', 'true', 'no', '-1', '0', '1e400', '0x1F', '.inf', '.nan', '"1.5"',
  '__proto__', 'constructor', 'toString', '"__proto__"', '*a', '&a x', '<<: *a', '<<: [*a, *a]', '!!binary aGk=', '!custom x',
  '${X}', '${X:?needed}', '${X:-}', '$$', '$', '${', '"a\\u0000b"', '"\\u2028"', '\'*/\'', '/etc/passwd', '~/.ssh/id_rsa', '../..',
  './', '/dev/zero', 'a:b:c:d', '"80-90:80-90"', '65536', '-', ':', '- - -', '? complex', '|', '>-', '"', '\'', '#',
  'service_healthy', 'service_completed_successfully', 'CMD', '["CMD"]', '[NONE]', 'always', 'on-failure:x', 'unless-stopped',
];

type Mutation = (lines: string[], rnd: () => number) => string[];

const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)];

const MUTATIONS: Mutation[] = [
  // a value replaced by a token
  (lines, rnd) => {
    const i = Math.floor(rnd() * lines.length);
    const colon = lines[i].indexOf(': ');
    const dash = lines[i].indexOf('- ');
    const at = colon !== -1 ? colon + 2 : dash !== -1 ? dash + 2 : lines[i].length;
    return replace(lines, i, `${lines[i].slice(0, at)}${pick(TOKENS, rnd)}`);
  },
  // a key replaced by a token
  (lines, rnd) => {
    const i = Math.floor(rnd() * lines.length);
    return replace(lines, i, lines[i].replace(/^(\s*(- )?)[^:\s]+:/, `$1${pick(TOKENS, rnd)}:`));
  },
  (lines, rnd) => lines.filter((_, i) => i !== Math.floor(rnd() * lines.length)),
  (lines, rnd) => {
    const i = Math.floor(rnd() * lines.length);
    return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)];
  },
  (lines, rnd) => {
    const i = Math.floor(rnd() * lines.length);
    return replace(lines, i, rnd() < 0.5 ? `  ${lines[i]}` : lines[i].replace(/^ {1,2}/, ''));
  },
  (lines, rnd) => {
    const i = Math.floor(rnd() * lines.length);
    const j = Math.floor(rnd() * lines.length);
    const out = [...lines];
    [out[i], out[j]] = [out[j], out[i]];
    return out;
  },
  // a character inserted
  (lines, rnd) => {
    const i = Math.floor(rnd() * lines.length);
    const at = Math.floor(rnd() * (lines[i].length + 1));
    return replace(lines, i, `${lines[i].slice(0, at)}${pick([...'{}[]:,-&*!|>\'"#%@`$\t\u0000\u00e9'], rnd)}${lines[i].slice(at)}`);
  },
];

/** Values of every YAML type, to put where the importer expects another one. */
const VALUES: unknown[] = [null, 0, -1, 1.5, 70000, true, '', 'x', '/abs', './rel', '~/home', '${X}', '$', [], [null], [1, 'a'], {}, { a: null }, { target: 1 },
  { condition: 'service_healthy' }, ['CMD'], 'a:b:c:d', { type: 'bind', source: '/etc/passwd', target: '/p' }, { __proto__: { polluted: true } }];

/** A subtree of the parsed document replaced by a value of another type, written back as YAML. */
function mutateTree(text: string, rnd: () => number): string | undefined {
  let doc: any;
  try {
    doc = YAML.parse(text, { merge: true });
  } catch {
    return undefined;
  }
  const paths: Array<Array<string | number>> = [];
  const walk = (node: any, at: Array<string | number>) => {
    paths.push(at);
    if (node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) walk(node[key], [...at, Array.isArray(node) ? Number(key) : key]);
  };
  walk(doc, []);
  const at = pick(paths.slice(1), rnd);
  if (at === undefined) return undefined;
  let parent = doc;
  for (const key of at.slice(0, -1)) parent = parent[key];
  const value = structuredClone(pick(VALUES, rnd));
  Object.defineProperty(parent, at[at.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return YAML.stringify(doc);
}

function replace(lines: string[], i: number, line: string): string[] {
  return [...lines.slice(0, i), line, ...lines.slice(i + 1)];
}

/** Every compose file of the fixtures, with the directory its relative paths resolve from. */
function fixtureFiles(): string[] {
  return fs.readdirSync(FIXTURES).flatMap(dir => fs.readdirSync(path.join(FIXTURES, dir))
    .filter(f => /\.ya?ml$/.test(f) && !/config/.test(f))
    .map(f => path.join(dir, f)));
}

let scratch: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-fuzz-'));
  fs.cpSync(FIXTURES, scratch, { recursive: true });
});

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

test(`seeded fuzzing (seed ${SEED}): every mutant of every fixture converts or is refused with one ComposeError line`, () => {
  const rnd = random(SEED);
  const started = Date.now();
  const crashes: string[] = [];
  let outcomes = { converted: 0, refused: 0 };
  for (const file of fixtureFiles()) {
    const original = fs.readFileSync(path.join(FIXTURES, file), 'utf-8').split('\n');
    const target = path.join(scratch, file);
    for (let n = 0; n < MUTANTS_PER_FILE && Date.now() - started < TIME_BUDGET_MS; n++) {
      let lines = original;
      const count = 1 + Math.floor(rnd() * 3);
      for (let m = 0; m < count; m++) lines = pick(MUTATIONS, rnd)(lines.length === 0 ? [''] : lines, rnd);
      const text = (rnd() < 0.5 ? mutateTree(original.join('\n'), rnd) : undefined) ?? lines.join('\n');
      fs.writeFileSync(target, text);
      try {
        importCompose([target], { environment: { TAG: '1.0' }, imageRegistry: 'registry.example.com' });
        outcomes.converted++;
      } catch (e) {
        if (e instanceof ComposeError && !e.message.includes('\n')) {
          outcomes.refused++;
        } else {
          crashes.push(`${file} mutant ${n}: ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}\n--- input ---\n${text}`);
        }
      }
    }
    fs.writeFileSync(target, original.join('\n'));
  }
  expect(crashes.slice(0, 3)).toEqual([]);
  // the mutants exercise both outcomes, not only the YAML parser's refusals
  expect(outcomes.converted).toBeGreaterThan(50);
  expect(outcomes.refused).toBeGreaterThan(50);
}, TIME_BUDGET_MS + 30_000);
