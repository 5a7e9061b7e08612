import { Severity } from '../../src/rules/finding';
import { bestPracticeRule, enforcedRule, hit, runtimeHeuristicRule } from '../../src/rules/rule';

const SPEC = { id: 'x', what: 'w', why: 'y', fix: 'f', reference: 'r', checkPod: () => [hit('spec', 'm')] };

test('an enforced rule (what the API server or kubelet certainly rejects) is an unsuppressible error', () => {
  expect(enforcedRule(SPEC)).toMatchObject({ id: 'x', severity: Severity.ERROR, suppressible: false });
});

test('a run-time heuristic (what the manifest alone cannot prove) is a suppressible warning', () => {
  expect(runtimeHeuristicRule(SPEC)).toMatchObject({ id: 'x', severity: Severity.WARNING, suppressible: true });
});

test('a best practice is a suppressible warning', () => {
  expect(bestPracticeRule(SPEC)).toMatchObject({ id: 'x', severity: Severity.WARNING, suppressible: true });
});

test('hit() is a path and a message, and nothing decides severity there', () => {
  expect(hit('spec.containers[0]', 'bad')).toEqual({ path: 'spec.containers[0]', message: 'bad' });
});
