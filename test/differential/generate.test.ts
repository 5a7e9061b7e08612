import { CORPUS_COUNTS, generateCorpus, generateKind } from './generate';
import { OPERATORS } from './operators';
import { KINDS, seedObjects } from './seeds';
import { SecurityProfile } from '../../src/policy/security-profile';
import { lintObjects } from '../../src/rules/engine';

describe('the corpus generator', () => {
  test('is deterministic: the same seed gives the same objects, another seed others', () => {
    expect(generateKind('Pod', 50, 1)).toEqual(generateKind('Pod', 50, 1));
    expect(generateKind('Pod', 50, 2)).not.toEqual(generateKind('Pod', 50, 1));
  });

  test('makes at least 3,000 objects of the 13 kinds of issue 13, each seed first and unmutated', () => {
    const corpus = generateCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(3000);
    expect(KINDS).toHaveLength(13);
    for (const kind of KINDS) {
      expect(corpus.filter((g) => g.kind === kind)).toHaveLength(CORPUS_COUNTS[kind]);
      expect(corpus.find((g) => g.id === `${kind}-0`)?.operators).toEqual([]);
    }
  });

  test('every operator has a unique name and applies to some kind', () => {
    expect(new Set(OPERATORS.map((o) => o.name)).size).toBe(OPERATORS.length);
    expect(OPERATORS.every((o) => o.kinds.some((k) => KINDS.includes(k)))).toBe(true);
  });

  test('the seeds pass every error rule at the restricted level (the server accepted them too, see corpus.json.gz)', () => {
    const errors = lintObjects(Object.values(seedObjects()), { profile: SecurityProfile.RESTRICTED }).filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
  });
});
