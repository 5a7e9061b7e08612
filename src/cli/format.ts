import { FileFinding, FileSuppressedFinding, summarize } from '../manifests/lint-manifests';

/** The output formats of `cdk8s-pod-patterns lint --format`. */
export const FORMAT_NAMES: readonly string[] = ['text', 'json'];

// Wide enough for `warning`, so rule ids line up under each other.
const SEVERITY_WIDTH = 7;

/**
 * Human-readable report for a CI log: one header per file and object
 * (`app.yaml: Deployment/myapp`), one indented line per finding
 * (`  error    rule-id  path: message`), then what annotations suppressed
 * (`suppressed:` and one line per finding: file, object, rule, path and reason),
 * then the summary line.
 */
export function formatText(findings: readonly FileFinding[], objectCount: number, suppressed: readonly FileSuppressedFinding[] = []): string {
  const ruleWidth = Math.max(0, ...findings.map((finding) => finding.ruleId.length));
  const lines: string[] = [];
  for (const [header, group] of groupByFileAndObject(findings)) {
    lines.push(header);
    for (const finding of group) {
      lines.push(`  ${finding.severity.padEnd(SEVERITY_WIDTH)}  ${finding.ruleId.padEnd(ruleWidth)}  ${finding.path}: ${finding.message}`);
    }
  }
  if (suppressed.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push('suppressed:');
    for (const finding of suppressed) {
      lines.push(`  ${finding.file}: ${objectLabel(finding.kind, finding.name)}  ${finding.ruleId}  ${finding.path}: ${finding.reason}`);
    }
  }
  if (lines.length > 0) {
    lines.push('');
  }
  lines.push(summarize(findings, objectCount, suppressed.length));
  return `${lines.join('\n')}\n`;
}

/**
 * Machine-readable report: `{"findings": [{file, ruleId, severity, kind, name, path, message}],
 * "suppressed": [{...the same fields, reason}]}`.
 */
export function formatJson(findings: readonly FileFinding[], suppressed: readonly FileSuppressedFinding[] = []): string {
  const report = {
    findings: findings.map(findingJson),
    suppressed: suppressed.map((finding) => ({ ...findingJson(finding), reason: finding.reason })),
  };
  return `${JSON.stringify(report, undefined, 2)}\n`;
}

function findingJson(finding: FileFinding) {
  return {
    file: finding.file,
    ruleId: finding.ruleId,
    severity: finding.severity,
    kind: finding.kind,
    name: finding.name,
    path: finding.path,
    message: finding.message,
    profile: finding.profile,
    ...(finding.constructPath === undefined ? {} : { constructPath: finding.constructPath }),
  };
}

/** `Deployment/myapp`, or `Pod/(unnamed)` for an object without `metadata.name`. */
export function objectLabel(kind: string, name: string): string {
  return `${kind}/${name === '' ? '(unnamed)' : name}`;
}

// Groups keep the order in which their first finding appeared, which is file
// order then document order, so the report reads top to bottom like the input.
function groupByFileAndObject(findings: readonly FileFinding[]): Map<string, FileFinding[]> {
  const groups = new Map<string, FileFinding[]>();
  for (const finding of findings) {
    const header = `${finding.file}: ${objectLabel(finding.kind, finding.name)}`;
    const group = groups.get(header) ?? [];
    group.push(finding);
    groups.set(header, group);
  }
  return groups;
}
