// TEMPORARY stand-in until the rules branch lands (same API).
import { RuleCatalog } from './catalog';

export const SUPPRESSION_ANNOTATION_PREFIX = 'ignore-check.cdk8s-pod-patterns.io/';

export function suppressionAnnotationKey(ruleId: string): string {
  return `${SUPPRESSION_ANNOTATION_PREFIX}${ruleId}`;
}

export function assertSuppressible(ruleId: string): void {
  if (!RuleCatalog.rules().some(rule => rule.id === ruleId)) {
    throw new Error(`unknown rule "${ruleId}"`);
  }
  if (ruleId.startsWith('api-') || ruleId.startsWith('runtime-')) {
    throw new Error(`rule "${ruleId}" cannot be suppressed`);
  }
}
