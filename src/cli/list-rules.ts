import { KubernetesVersion } from '../k8s/kubernetes-version';
import { allRules, RuleDescription } from '../rules/catalog';
import { ruleReleasesOf } from '../rules/rule-versions';

/** The releases a rule judges at, oldest first, from the catalogue's `kubernetesReleases`. */
export function releasesOf(rule: RuleDescription): string[] {
  return rule.kubernetesReleases ?? KubernetesVersion.all().map((version) => version.name);
}

/** Whether `rule` can report anything for a cluster of `version`. */
export function judgesAt(rule: RuleDescription, version: KubernetesVersion): boolean {
  return releasesOf(rule).includes(version.name);
}

/** `1.28–1.35` for consecutive releases, `1.28` for one, `1.28, 1.30` for releases with a gap. */
export function releasesName(names: readonly string[]): string {
  const minors = names.map((name) => KubernetesVersion.of(name).minor);
  const consecutive = minors.every((minor, i) => i === 0 || minor === minors[i - 1] + 1);
  if (names.length === 1 || !consecutive) return names.join(', ');
  return `${names[0]}–${names[names.length - 1]}`;
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
  const rows = rules.map((rule) => ({
    cells: [rule.id, rule.severity, rule.suppressible ? 'yes' : 'no', releasesName(releasesOf(rule)), ruleSummary(rule)],
    note: ruleReleasesOf(rule.id).note,
  }));
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
      const releases = releasesOf(rule);
      return {
        id: rule.id,
        severity: rule.severity,
        suppressible: rule.suppressible,
        kubernetesVersions: rule.kubernetesVersions,
        kubernetesReleases: releases,
        firstVersion: releases[0],
        lastVersion: releases[releases.length - 1],
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
