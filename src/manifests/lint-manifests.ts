import { ManifestFile } from './read-manifests';
import { SecurityProfile } from '../policy/security-profile';
import { LintOptions, lintReports } from '../rules/engine';
import { Finding, Severity, SuppressedFinding } from '../rules/finding';

/** A finding together with the manifest file its object came from. */
export interface FileFinding extends Finding {
  /** The file as the user named it, or `<stdin>`. */
  readonly file: string;
}

/** A suppressed finding together with the manifest file its object came from. */
export interface FileSuppressedFinding extends SuppressedFinding {
  /** The file as the user named it, or `<stdin>`. */
  readonly file: string;
}

/** What linting a set of manifest files produced. */
export interface LintResult {
  readonly findings: FileFinding[];
  /** What the objects' `ignore-check.cdk8s-pod-patterns.io/*` annotations silenced, with the reasons. */
  readonly suppressed: FileSuppressedFinding[];
  /** How many Kubernetes objects were checked (after `List` expansion). */
  readonly objectCount: number;
}

/** The profile names accepted on the command line and in `cdk8s.yaml`, strictest last. */
export const PROFILE_NAMES: readonly string[] = [
  SecurityProfile.PRIVILEGED,
  SecurityProfile.BASELINE,
  SecurityProfile.RESTRICTED,
];

/** The security profile named `name`, or `undefined` when there is no such profile. */
export function parseProfile(name: string): SecurityProfile | undefined {
  return Object.values(SecurityProfile).find((profile) => profile === name);
}

/**
 * Runs the shared rules over every file's objects in one pass, so cross-object
 * facts (a ServiceAccount in one file, the Pod using it in another) are seen as
 * `kubectl apply -f DIR` would, and attributes each finding to the file that
 * holds its object.
 */
export function lintManifestFiles(files: readonly ManifestFile[], options: LintOptions): LintResult {
  const objects = files.flatMap(({ objects: own }) => own);
  const fileOf = files.flatMap(({ file, objects: own }) => own.map(() => file));
  const reports = lintReports(objects, options);
  const findings = reports.flatMap((report, index) => report.findings.map((finding) => ({ file: fileOf[index], ...finding })));
  const suppressed = reports.flatMap((report, index) => report.suppressed.map((finding) => ({ file: fileOf[index], ...finding })));
  return { findings, suppressed, objectCount: objects.length };
}

/** Whether any finding must fail the run (exit code 1, failed validation). */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === Severity.ERROR);
}

/**
 * `2 errors, 1 warning in 3 objects`, plus `(1 suppressed)` when annotations
 * silenced findings: the last line of a run, for CI logs.
 */
export function summarize(findings: readonly Finding[], objectCount: number, suppressedCount: number = 0): string {
  const errors = countSeverity(findings, Severity.ERROR);
  const warnings = countSeverity(findings, Severity.WARNING);
  const suppressed = suppressedCount > 0 ? ` (${suppressedCount} suppressed)` : '';
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(objectCount, 'object')}${suppressed}`;
}

function countSeverity(findings: readonly Finding[], severity: Severity): number {
  return findings.filter((finding) => finding.severity === severity).length;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
