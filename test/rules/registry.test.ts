import { API_RULES } from '../../src/rules/api-rules';
import { BEST_PRACTICE_RULES } from '../../src/rules/best-practice-rules';
import { POD_SECURITY_RULES } from '../../src/rules/pod-security';
import { findRule, registeredRules, ruleById } from '../../src/rules/registry';
import { RULE } from '../../src/rules/rule-ids';
import { RUNTIME_RULES } from '../../src/rules/runtime-rules';
import { SUPPRESSION_RULES } from '../../src/rules/suppression-rules';
import { VALIDATION_API_RULES, VALIDATION_BEST_PRACTICE_RULES, VALIDATION_RUNTIME_RULES } from '../../src/rules/validation/rules';

test('registers every module\'s rules once, in catalogue order', () => {
  expect(registeredRules()).toEqual([...API_RULES, ...VALIDATION_API_RULES, ...RUNTIME_RULES, ...VALIDATION_RUNTIME_RULES,
    ...POD_SECURITY_RULES, ...BEST_PRACTICE_RULES, ...VALIDATION_BEST_PRACTICE_RULES, ...SUPPRESSION_RULES]);
  const ids = registeredRules().map((rule) => rule.id);
  expect(new Set(ids).size).toBe(ids.length);
});

test('every RULE id has a rule object, and every rule has a check', () => {
  for (const id of Object.values(RULE)) {
    expect(findRule(id)?.id).toBe(id);
  }
  for (const rule of registeredRules()) {
    expect([rule.id, rule.checkObject !== undefined || rule.checkPod !== undefined]).toEqual([rule.id, true]);
  }
});

test('the id prefix says which module a rule lives in', () => {
  expect([...API_RULES, ...VALIDATION_API_RULES].every((rule) => rule.id.startsWith('api-'))).toBe(true);
  expect([...RUNTIME_RULES, ...VALIDATION_RUNTIME_RULES].every((rule) => rule.id.startsWith('runtime-'))).toBe(true);
  expect(POD_SECURITY_RULES.every((rule) => rule.id.startsWith('pss-'))).toBe(true);
  expect([...BEST_PRACTICE_RULES, ...VALIDATION_BEST_PRACTICE_RULES, ...SUPPRESSION_RULES].every((rule) => rule.id.startsWith('bp-'))).toBe(true);
});

test('findRule gives undefined, ruleById throws, for an unknown id', () => {
  expect(findRule('nope')).toBeUndefined();
  expect(findRule('toString')).toBeUndefined();
  expect(() => ruleById('nope')).toThrow('rule "nope" is not registered (src/rules/registry.ts)');
});
