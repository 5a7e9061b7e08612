import { ALL_OPERATORS, COMBO_COUNTS, CONTAINER_COUNTS, CORPUS_COUNTS, CORPUS_ROUNDS, EDGE_COUNTS, GAP_COUNTS, generateCorpus, generateKind } from './generate';
import { KINDS, seedObjects } from './seeds';
import { SecurityProfile } from '../../src/policy/security-profile';
import { lintObjects } from '../../src/rules/engine';

describe('the corpus generator', () => {
  test('is deterministic: the same seed gives the same objects, another seed others', () => {
    expect(generateKind('Pod', 50, 1)).toEqual(generateKind('Pod', 50, 1));
    expect(generateKind('Pod', 50, 2)).not.toEqual(generateKind('Pod', 50, 1));
  });

  test('makes at least 3,000 objects of the 13 kinds of issue 13 and ReplicationControllers, each seed first and unmutated', () => {
    const corpus = generateCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(3000);
    expect(KINDS).toHaveLength(14);
    for (const kind of KINDS) {
      const rounds = [CORPUS_COUNTS, GAP_COUNTS, EDGE_COUNTS, COMBO_COUNTS, CONTAINER_COUNTS];
      expect(corpus.filter((g) => g.kind === kind)).toHaveLength(rounds.reduce((sum, counts) => sum + (counts[kind] ?? 0), 0));
      expect(corpus.find((g) => g.id === `${kind}-0`)?.operators).toEqual([]);
    }
  });

  test('a later round appends: the earlier rounds alone make the same objects as before it existed', () => {
    const firstOnly = generateCorpus(undefined, CORPUS_ROUNDS.slice(0, 1));
    const firstTwo = generateCorpus(undefined, CORPUS_ROUNDS.slice(0, CORPUS_ROUNDS.length - 1));
    const both = generateCorpus();
    expect(both.filter((g) => firstOnly.some((f) => f.id === g.id))).toEqual(firstOnly);
    expect(both.filter((g) => firstTwo.some((f) => f.id === g.id))).toEqual(firstTwo);
    expect(both.filter((g) => g.operators.some((name) => name.startsWith('volume.sourceChecks'))).length).toBeGreaterThan(100);
  });

  test('every operator has a unique name and applies to some kind', () => {
    expect(new Set(ALL_OPERATORS.map((o) => o.name)).size).toBe(ALL_OPERATORS.length);
    expect(ALL_OPERATORS.every((o) => o.kinds.some((k) => KINDS.includes(k)))).toBe(true);
  });

  test('the seeds pass every error rule at the restricted level (the server accepted them too, see corpus.json.gz)', () => {
    const errors = lintObjects(Object.values(seedObjects()), { profile: SecurityProfile.RESTRICTED }).filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
  });
});
