/**
 * The rule catalogue, for documentation and tools: read from the registry, so the
 * README table, `RuleCatalog`, `lint` and the plugin describe exactly the rules
 * that run.
 */
import { Severity } from './finding';
import { registeredRules, ruleById as registeredRule } from './registry';
import { RuleDescription } from './rule';
import { ruleReleasesOf } from './rule-versions';
import { PODS_REJECTED_RULE } from './validation/as-the-server-sees-it';

export { RULE } from './rule-ids';
export type { RuleDescription } from './rule';

/** Every rule of the catalogue, API rules first, then run-time, security and best practice. */
export function allRules(): RuleDescription[] {
  return registeredRules().map(describe);
}

/** The description of the rule with this id; throws for an unknown id. */
export function ruleById(id: string): RuleDescription {
  return describe(registeredRule(id));
}

/** The catalogue as a Markdown table (id, severity, suppressible, what, why, fix, Kubernetes versions), for the README. */
export function renderCatalogMarkdown(rules: readonly RuleDescription[] = allRules()): string {
  const lines = [
    '| Rule | Severity | Suppressible | What | Why | Fix | Kubernetes versions |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rules.map((rule) => `| \`${rule.id}\` | ${rule.severity} | ${rule.suppressible ? 'yes' : 'no'} | ${cell(rule.what)} | ${cell(rule.why)} | ${cell(rule.fix)} | ${cell(rule.kubernetesVersions ?? ruleReleasesOf(rule.id).text)} |`),
  ];
  return lines.join('\n') + '\n';
}

/**
 * The review of the rules that speak for Kubernetes (`api-*`, `runtime-*`) as a
 * Markdown table: whether a finding is certain (an unsuppressible error) or a
 * heuristic (a suppressible warning), and the Kubernetes 1.28 source line that
 * proves it.
 */
export function renderKubernetesReviewMarkdown(rules: readonly RuleDescription[] = allRules()): string {
  const reviewed = rules.filter(speaksForKubernetes);
  const lines = [
    '| Rule | Verdict | Severity | Suppressible | Kubernetes 1.28 source |',
    '| --- | --- | --- | --- | --- |',
    ...reviewed.map((rule) => `| \`${rule.id}\` | ${verdictOf(rule)} | ${rule.severity} | ${rule.suppressible ? 'yes' : 'no'} | ${cell(rule.reference)} |`),
  ];
  return lines.join('\n') + '\n';
}

function speaksForKubernetes(rule: RuleDescription): boolean {
  return rule.id.startsWith('api-') || rule.id.startsWith('runtime-');
}

function verdictOf(rule: RuleDescription): string {
  if (rule.severity === Severity.WARNING) {
    return 'heuristic: Kubernetes accepts it and it may run';
  }
  if (rule.id.startsWith('api-')) {
    return 'the API server rejects it';
  }
  return rule.id === PODS_REJECTED_RULE ? 'the API server rejects every Pod it creates' : 'the kubelet certainly fails';
}

/**
 * The rule catalogue, for documentation and tools: every rule the constructs,
 * the `lint` command and the cdk8s plugin run.
 *
 * A finding of a suppressible rule (`RuleDescription.suppressible`: Pod Security
 * Standards, best practices, run-time heuristics) can be silenced on one object
 * with the annotation `ignore-check.cdk8s-pod-patterns.io/<rule-id>: <reason>` in the
 * object's `metadata.annotations`; it is then reported as suppressed, with the
 * reason. What the API server rejects or the kubelet certainly fails on (`api-*`,
 * `runtime-image-reference`) is not suppressible: the annotation cannot make the
 * object valid.
 */
export class RuleCatalog {
  /** Every rule, in catalogue order. */
  public static rules(): RuleDescription[] {
    return allRules();
  }

  /** The catalogue as a Markdown table. */
  public static toMarkdown(): string {
    return renderCatalogMarkdown();
  }

  private constructor() {}
}

// A plain description (no check functions), safe to hand to jsii clients.
function describe(rule: RuleDescription): RuleDescription {
  const releases = ruleReleasesOf(rule.id);
  return {
    id: rule.id,
    severity: rule.severity,
    what: rule.what,
    why: rule.why,
    fix: rule.fix,
    reference: rule.reference,
    suppressible: rule.suppressible,
    kubernetesVersions: releases.text,
    kubernetesReleases: releases.releases.map((version) => version.name),
  };
}

/** Markdown table cells cannot hold `|` or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
