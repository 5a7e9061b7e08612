/**
 * Suppression, kube-linter's convention: a manifest object may carry
 * `ignore-check.cdk8s-pod-patterns.io/<rule-id>: <reason>` in its top-level
 * `metadata.annotations`. Findings of that rule on that object are then reported
 * apart, with the reason, instead of as findings.
 *
 * Only rules whose consequence is a choice, or that cannot be sure, can be
 * suppressed: the Pod Security Standards (`pss-*`), best practices (`bp-*`) and
 * the run-time heuristics. What the API server rejects or the kubelet certainly
 * fails on (every `api-*` rule, `runtime-image-reference`) is not: the annotation
 * would silence the finding, not make the object valid. Nor is
 * `bp-invalid-suppression` (see suppression-rules.ts). `Rule.suppressible` decides.
 *
 * The rule over these annotations lives in suppression-rules.ts and reads what
 * the engine parsed here, so this module may read the registry without the
 * registry loading it back.
 */
import { isObject } from './pod-templates';
import { findRule } from './registry';
import { RuleDescription, RuleHit } from './rule';

/** The annotation key prefix; the rule id follows it. */
export const SUPPRESSION_ANNOTATION_PREFIX = 'ignore-check.cdk8s-pod-patterns.io/';

/** `ignore-check.cdk8s-pod-patterns.io/<ruleId>`: the annotation that suppresses `ruleId`. */
export function suppressionAnnotationKey(ruleId: string): string {
  return `${SUPPRESSION_ANNOTATION_PREFIX}${ruleId}`;
}

const HOW_TO_LIST = 'the valid ids are listed by RuleCatalog.rules() and in the rules table of the README';

/**
 * Throws an Error naming the rule id, why it cannot be suppressed (unknown id, or
 * enforced by the API server/kubelet), and the fix.
 */
export function assertSuppressible(ruleId: string): void {
  const rule = findRule(ruleId);
  if (rule === undefined) {
    throw new Error(`cannot suppress rule "${ruleId}": no rule has that id; ${HOW_TO_LIST}`);
  }
  if (!rule.suppressible) {
    throw new Error(`cannot suppress rule "${ruleId}": ${whyNotSuppressible(rule)}; fix the object instead: ${rule.fix}`);
  }
}

/** The suppressions an object declares: the valid ones by rule id, and what is wrong with the others. */
export interface Suppressions {
  /** Reason by rule id, for the annotations that name a suppressible rule and give a reason. */
  readonly reasons: ReadonlyMap<string, string>;
  /** One problem per annotation of our prefix that suppresses nothing. */
  readonly problems: readonly RuleHit[];
}

/** What an object without suppression annotations declares. */
const NO_SUPPRESSIONS: Suppressions = { reasons: new Map(), problems: [] };

/** Reads the `ignore-check.cdk8s-pod-patterns.io/*` annotations of an object's top-level metadata. */
export function suppressionsOf(obj: any): Suppressions {
  const annotations = isObject(obj) && isObject(obj.metadata) && isObject(obj.metadata.annotations) ? obj.metadata.annotations : undefined;
  if (annotations === undefined) {
    return NO_SUPPRESSIONS;
  }
  const keys = Object.keys(annotations).filter((key) => key.startsWith(SUPPRESSION_ANNOTATION_PREFIX)).sort();
  if (keys.length === 0) {
    return NO_SUPPRESSIONS;
  }
  const reasons = new Map<string, string>();
  const problems: RuleHit[] = [];
  for (const key of keys) {
    const ruleId = key.slice(SUPPRESSION_ANNOTATION_PREFIX.length);
    const value = annotations[key];
    const problem = annotationProblem(key, ruleId, value);
    if (problem === undefined) {
      reasons.set(ruleId, (value as string).trim());
    } else {
      problems.push({ path: `metadata.annotations[${key}]`, message: problem });
    }
  }
  return { reasons, problems };
}

function annotationProblem(key: string, ruleId: string, value: unknown): string | undefined {
  const rule = findRule(ruleId);
  if (rule === undefined) {
    return `annotation ${key} names no rule ("${ruleId}"), so it suppresses nothing: correct the rule id (${HOW_TO_LIST})`;
  }
  if (!rule.suppressible) {
    return `annotation ${key} cannot suppress ${ruleId}, so it suppresses nothing: ${whyNotSuppressible(rule)}; fix the object instead (${rule.fix}) and remove the annotation`;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return `annotation ${key} gives no reason, so it suppresses nothing: write why ${ruleId} does not apply to this object as the annotation's value`;
  }
  return undefined;
}

function whyNotSuppressible(rule: RuleDescription): string {
  if (rule.id.startsWith('api-')) {
    return 'the API server enforces it, and an annotation cannot make the object valid';
  }
  if (rule.id.startsWith('runtime-')) {
    return 'the kubelet certainly fails on it, and an annotation cannot make the Pod run';
  }
  return 'it reports broken suppression annotations, which must be fixed rather than hidden';
}
