/**
 * Compares the engine's verdict on a corpus object with the API server's: the
 * same accept/reject decision, and every field the server names in a rejection
 * named by one of the engine's errors (the engine may be more precise: a
 * finding at `spec.containers[0].env[1].name` covers a server error at
 * `spec.containers[0].env[1]` and the other way round).
 */
import { Context, CorpusEntry, Verdict } from './corpus';
import { SecurityProfile } from '../../src/policy/security-profile';
import { lintObjects } from '../../src/rules/engine';
import { Finding, Severity } from '../../src/rules/finding';

export type Disagreement = 'false-pass' | 'false-error' | 'field';

const PROFILE: Record<Context, SecurityProfile> = {
  none: SecurityProfile.PRIVILEGED,
  baseline: SecurityProfile.BASELINE,
  restricted: SecurityProfile.RESTRICTED,
};

/**
 * The engine's errors that mean "the API server rejects this object" in `context`:
 * `api-*` errors, plus the Pod Security errors for a Pod in an enforcing
 * namespace (for workloads Pod Security admission only warns).
 */
export function rejectingFindings(entry: CorpusEntry, context: Context, all?: Finding[]): Finding[] {
  const findings = all ?? lintObjects([entry.object], { profile: PROFILE[context] });
  return findings.filter((f) => f.severity === Severity.ERROR
    && (f.ruleId.startsWith('api-') || (entry.kind === 'Pod' && context !== 'none' && f.ruleId.startsWith('pss-'))));
}

/** The fields the server named in a rejection (`details.causes[].field`), without duplicates. */
export function serverFields(verdict: Verdict): string[] {
  return [...new Set((verdict.causes ?? []).map((c) => c.field).filter((f): f is string => typeof f === 'string' && f !== ''))];
}

/** Whether an engine path and a server field name the same place; the server's `[]` is the object root. */
function related(a: string, b: string): boolean {
  return b === '[]' || a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`) || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);
}

/** How the engine disagrees with the server on `entry` in `context`, or undefined when it agrees. */
export function disagreement(entry: CorpusEntry, context: Context, findings: Finding[]): Disagreement | undefined {
  const verdict = entry.verdicts[context];
  const engineRejects = findings.length > 0;
  if (verdict.accepted) {
    return engineRejects ? 'false-error' : undefined;
  }
  if (!engineRejects) {
    return 'false-pass';
  }
  // Pod Security rejections name no field; decoding errors neither.
  const paths = findings.map((f) => f.path);
  const missing = serverFields(verdict).filter((field) => !paths.some((path) => related(path, field)));
  return missing.length > 0 ? 'field' : undefined;
}
