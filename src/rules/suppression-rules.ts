/**
 * The rule about the suppression annotations themselves. It reads the
 * annotations the engine already parsed (`ObjectRuleContext.suppressions`), so
 * the registry can load it without loading suppression.ts, which reads the
 * registry.
 */
import { Severity } from './finding';
import { ObjectRuleContext, Rule, RuleHit } from './rule';
import { RULE } from './rule-ids';

// The annotation is read from the object's own metadata, not the Pod template's, so
// that one annotation covers every Pod of a workload.
function checkSuppressionAnnotations(ctx: ObjectRuleContext): RuleHit[] {
  return [...ctx.suppressions.problems];
}

/**
 * Not suppressible: it reports annotations that suppress nothing, and an
 * annotation that hid it would hide exactly the mistake it exists to show.
 */
export const SUPPRESSION_RULES: readonly Rule[] = [
  {
    id: RULE.BP_INVALID_SUPPRESSION,
    severity: Severity.WARNING,
    suppressible: false,
    what: 'Every `ignore-check.cdk8s-pod-patterns.io/<rule-id>` annotation names a known, suppressible rule and gives a reason as its value.',
    why: 'An annotation with a typo in the rule id, without a reason, or naming a rule that cannot be suppressed (the Suppressible column: every `api-*` rule, `runtime-image-reference`, and this rule itself) suppresses nothing, while its author believes the finding is handled.',
    fix: 'Correct the rule id, write the reason as the value, or fix the object and remove the annotation.',
    reference: 'kube-linter\'s ignore-check annotation convention; this library\'s suppression decision',
    checkObject: checkSuppressionAnnotations,
  },
];
