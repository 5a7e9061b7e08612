/**
 * Bad input never crashes the engine (issue 13): seeded mutations of the corpus
 * generator's objects, plus random type confusion (any field replaced by null,
 * a number, a string, an array or an object), each linted at every Pod Security
 * level. Every object gets findings or none; none throws.
 */
import { generateCorpus, singleRound } from './generate';
import { Random } from './random';
import { KINDS } from './seeds';
import { SecurityProfile } from '../../src/policy/security-profile';
import { lintObjects } from '../../src/rules/engine';

const FUZZ_SEED = 7;
const PER_KIND = 120;
const WEIRD_VALUES: any[] = [null, 0, -1, 1.5, '', 'x', 'Bad Value', [], [null], {}, { a: 1 }, true, 'ReadWriteOnce', '1Gi', 1e21, '$(X)'];

/** Replaces one randomly chosen value anywhere in `obj` with a value of a random type. */
function confuseTypes(obj: any, r: Random): void {
  let parent: any = obj;
  for (let depth = 0; depth < 12; depth++) {
    const keys: Array<string | number> = Array.isArray(parent) ? parent.map((_: unknown, i: number) => i) : Object.keys(parent);
    if (keys.length === 0) break;
    const key = r.pick(keys);
    const child = parent[key];
    if (child !== null && typeof child === 'object' && r.chance(0.8)) {
      parent = child;
      continue;
    }
    parent[key] = JSON.parse(JSON.stringify(r.pick(WEIRD_VALUES)));
    return;
  }
}

describe('fuzz: the engine never throws', () => {
  const counts = Object.fromEntries(KINDS.map((kind) => [kind, PER_KIND]));
  const objects = generateCorpus(FUZZ_SEED, singleRound(counts)).map((g) => g.object);
  const r = new Random(FUZZ_SEED);
  const confused = objects.map((obj) => {
    const copy = JSON.parse(JSON.stringify(obj));
    for (let i = 1 + r.int(3); i > 0; i--) confuseTypes(copy, r);
    return copy;
  });

  test.each([SecurityProfile.PRIVILEGED, SecurityProfile.BASELINE, SecurityProfile.RESTRICTED])('%s: %#', (profile) => {
    const crashes: string[] = [];
    const all = [...objects, ...confused];
    for (const [index, obj] of all.entries()) {
      try {
        if (!Array.isArray(lintObjects([obj], { profile }))) crashes.push(`#${index}: no findings array`);
      } catch (error) {
        crashes.push(`#${index} ${obj?.kind}: ${error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' | ') : String(error)}`);
      }
    }
    expect(all.length).toBe(2 * KINDS.length * PER_KIND);
    expect(crashes.slice(0, 10)).toEqual([]);
  });

  // api-service-allocation runs only with a declared range: every Service again, single- and dual-stack.
  test.each(['10.96.0.0/12', 'fd00:10:96::/108,10.96.0.0/12'])('Services with serviceClusterIpRange %s', (serviceClusterIpRange) => {
    const services = [...objects, ...confused].filter((obj) => obj?.kind === 'Service');
    const crashes: string[] = [];
    for (const [index, obj] of services.entries()) {
      try {
        lintObjects([obj], { profile: SecurityProfile.PRIVILEGED, serviceClusterIpRange });
      } catch (error) {
        crashes.push(`#${index}: ${error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' | ') : String(error)}`);
      }
    }
    expect(services.length).toBeGreaterThanOrEqual(PER_KIND);
    expect(crashes.slice(0, 10)).toEqual([]);
  });
});
