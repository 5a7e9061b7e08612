/**
 * Every rule, once: the API server's, the kubelet's, the Pod Security Standards,
 * the best practices, and the one about suppression annotations. The engine, the
 * catalogue (README table, `RuleCatalog`), `lint` and the plugin all read it.
 */
import { API_RULES } from './api-rules';
import { BEST_PRACTICE_RULES } from './best-practice-rules';
import { POD_SECURITY_RULES } from './pod-security';
import { Rule } from './rule';
import { RUNTIME_RULES } from './runtime-rules';
import { SUPPRESSION_RULES } from './suppression-rules';
import { VALIDATION_API_RULES, VALIDATION_BEST_PRACTICE_RULES, VALIDATION_RUNTIME_RULES } from './validation/rules';

let registry: { readonly rules: readonly Rule[]; readonly byId: ReadonlyMap<string, Rule> } | undefined;

// Built on first use, not at load, so that a rule module may be loaded before the list is read.
function load() {
  if (registry === undefined) {
    const rules = [
      ...API_RULES, ...VALIDATION_API_RULES, ...RUNTIME_RULES, ...VALIDATION_RUNTIME_RULES,
      ...POD_SECURITY_RULES, ...BEST_PRACTICE_RULES, ...VALIDATION_BEST_PRACTICE_RULES, ...SUPPRESSION_RULES,
    ];
    registry = { rules, byId: new Map(rules.map((rule) => [rule.id, rule])) };
  }
  return registry;
}

/** Every rule in catalogue order: API rules, then run-time, Pod Security Standards, best practice. */
export function registeredRules(): readonly Rule[] {
  return load().rules;
}

/** The rule with this id, or `undefined`. */
export function findRule(id: string): Rule | undefined {
  return load().byId.get(id);
}

/** The rule with this id; throws for an unknown id, which is a bug in a caller. */
export function ruleById(id: string): Rule {
  const rule = findRule(id);
  if (rule === undefined) {
    throw new Error(`rule "${id}" is not registered (src/rules/registry.ts): define it next to its check and add its module's list there`);
  }
  return rule;
}
