import { KubernetesVersion } from '../k8s/kubernetes-version';
import { allRules, RuleDescription } from '../rules/catalog';

/**
 * The releases a rule judges for, read from the catalogue's *Kubernetes
 * versions* text (src/rules/rule-versions.ts): it opens with the range
 * (`1.28–1.35`, `1.28`, `1.33–1.35`), then may say why (`(SidecarContainers on
 * by default from 1.29)`, `; an init container's …`, `, per field …`).
 */
export interface RuleVersionRange {
  readonly first: KubernetesVersion;
  readonly last: KubernetesVersion;
  /** What follows the range, without its separator; empty when the rule judges the same everywhere in it. */
  readonly note: string;
}

const RANGE = /^(1\.\d+)(?:–(1\.\d+))?(?:$|[,;]?\s+)/;

/**
 * Splits a rule's versions text into its range and note.
 * @throws naming the rule when the text does not open with a range of supported releases (a catalogue bug)
 */
export function ruleVersionRange(rule: RuleDescription): RuleVersionRange {
  const text = rule.kubernetesVersions ?? '';
  const match = RANGE.exec(text);
  const supported = (name: string) => KubernetesVersion.all().find((version) => version.name === name);
  const first = match === null ? undefined : supported(match[1]);
  const last = match === null ? undefined : supported(match[2] ?? match[1]);
  if (match === null || first === undefined || last === undefined) {
    throw new Error(`rule "${rule.id}": its Kubernetes versions "${text}" do not open with a range of supported releases such as 1.28–1.35 (src/rules/rule-versions.ts)`);
  }
  const note = text.slice(match[0].length).replace(/^\((.*)\)$/, '$1');
  return { first, last, note };
}

/** Whether `rule` can report anything for a cluster of `version`. */
export function judgesAt(rule: RuleDescription, version: KubernetesVersion): boolean {
  const { first, last } = ruleVersionRange(rule);
  return version.isAtLeast(first) && last.isAtLeast(version);
}

/**
 * The first clause of a rule's `what`: up to the first sentence end, colon or
 * semicolon outside code spans and parentheses (`metadata.name` is valid for
 * the kind: a DNS-1123 subdomain for … → `metadata.name` is valid for the kind).
 */
export function ruleSummary(rule: RuleDescription): string {
  const text = rule.what;
  let inCode = false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '`') inCode = !inCode;
    else if (inCode) continue;
    else if (c === '(') depth += 1;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && '.:;'.includes(c) && (i + 1 === text.length || /\s/.test(text[i + 1]))) return text.slice(0, i);
  }
  return text;
}

/** `lint --list-rules`: the rules (all, or those that judge at `version`), as text or JSON. */
export function listRules(format: string, version?: KubernetesVersion): string {
  const rules = allRules().filter((rule) => version === undefined || judgesAt(rule, version));
  return format === 'json' ? rulesJson(rules, version) : rulesText(rules, version);
}

function rulesText(rules: readonly RuleDescription[], version: KubernetesVersion | undefined): string {
  const rows = rules.map((rule) => {
    const range = ruleVersionRange(rule);
    return {
      cells: [rule.id, rule.severity, rule.suppressible ? 'yes' : 'no', rangeName(range), ruleSummary(rule)],
      note: range.note,
    };
  });
  const header = ['RULE', 'SEVERITY', 'SUPPRESSIBLE', 'KUBERNETES', 'SUMMARY'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row.cells[column].length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ');
  const noteIndent = ' '.repeat(widths.slice(0, 3).reduce((sum, width) => sum + width + 2, 0));
  const lines = [line(header)];
  for (const row of rows) {
    lines.push(line(row.cells));
    if (row.note !== '') lines.push(`${noteIndent}${row.note}`);
  }
  lines.push('');
  lines.push(version === undefined
    ? `${rules.length} rules; --kubernetes-version 1.N lists those that judge for that release`
    : `${rules.length} rules judge for Kubernetes ${version.name}`);
  return `${lines.join('\n')}\n`;
}

function rulesJson(rules: readonly RuleDescription[], version: KubernetesVersion | undefined): string {
  const report = {
    kubernetesVersion: version?.name ?? null,
    rules: rules.map((rule) => {
      const range = ruleVersionRange(rule);
      return {
        id: rule.id,
        severity: rule.severity,
        suppressible: rule.suppressible,
        kubernetesVersions: rule.kubernetesVersions,
        firstVersion: range.first.name,
        lastVersion: range.last.name,
        summary: ruleSummary(rule),
        what: rule.what,
        why: rule.why,
        fix: rule.fix,
        reference: rule.reference,
      };
    }),
  };
  return `${JSON.stringify(report, undefined, 2)}\n`;
}

function rangeName(range: RuleVersionRange): string {
  return range.first === range.last ? range.first.name : `${range.first.name}–${range.last.name}`;
}
