/**
 * The rule catalogue, for documentation and tools: read from the registry, so the
 * README table, `RuleCatalog`, `lint` and the plugin describe exactly the rules
 * that run.
 */
import { registeredRules, ruleById as registeredRule } from './registry';
import { RuleDescription } from './rule';

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

/** The catalogue as a Markdown table (id, severity, suppressible, what, why, fix), for the README. */
export function renderCatalogMarkdown(rules: readonly RuleDescription[] = allRules()): string {
  const lines = [
    '| Rule | Severity | Suppressible | What | Why | Fix |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rules.map((rule) => `| \`${rule.id}\` | ${rule.severity} | ${rule.suppressible ? 'yes' : 'no'} | ${cell(rule.what)} | ${cell(rule.why)} | ${cell(rule.fix)} |`),
  ];
  return lines.join('\n') + '\n';
}

/**
 * The rule catalogue, for documentation and tools: every rule the constructs,
 * the `lint` command and the cdk8s plugin run.
 *
 * A finding of a suppressible rule (`pss-*`, `bp-*`) can be silenced on one object
 * with the annotation `ignore-check.cdk8s-pod-patterns.io/<rule-id>: <reason>` in the
 * object's `metadata.annotations`; it is then reported as suppressed, with the
 * reason. Rules the API server or the kubelet enforces (`api-*`, `runtime-*`) are
 * not suppressible: the annotation cannot make the object valid.
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
  return {
    id: rule.id,
    severity: rule.severity,
    what: rule.what,
    why: rule.why,
    fix: rule.fix,
    reference: rule.reference,
    suppressible: rule.suppressible,
  };
}

/** Markdown table cells cannot hold `|` or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
