import { isEmptySelector, selectorMatches, validateLabelSelector } from '../../../src/rules/validation/label-selector';

// Cases from staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation_test.go TestValidateLabelSelector
// and staging/src/k8s.io/apimachinery/pkg/labels selector_test.go.
describe('label selectors', () => {
  test('requirements: values with In/NotIn, none with Exists/DoesNotExist, known operators', () => {
    expect(validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, 's').map((e) => e.path)).toEqual(['s.matchExpressions[0].values']);
    expect(validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, 's').map((e) => e.path)).toEqual(['s.matchExpressions[0].values']);
    expect(validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Like' }] }, 's').map((e) => e.path)).toEqual(['s.matchExpressions[0].operator']);
    expect(validateLabelSelector({ matchLabels: { a: 'b' }, matchExpressions: [{ key: 'c', operator: 'NotIn', values: ['d'] }] }, 's')).toEqual([]);
  });

  test('matching', () => {
    const labels = { app: 'web', tier: 'front' };
    expect(selectorMatches({ matchLabels: { app: 'web' } }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'db' } }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, labels)).toBe(false);
    expect(isEmptySelector({})).toBe(true);
    expect(isEmptySelector({ matchLabels: { a: 'b' } })).toBe(false);
  });
});
