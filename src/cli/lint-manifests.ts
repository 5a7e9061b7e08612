import { ManifestFile } from './read-manifests';
import { SecurityProfile } from '../policy/security-profile';
import { findingsPerObject } from '../rules/engine';
import { Finding, Severity } from '../rules/finding';

/** A finding together with the manifest file its object came from. */
export interface FileFinding extends Finding {
  /** The file as the user named it, or `<stdin>`. */
  readonly file: string;
}

/** What linting a set of manifest files produced. */
export interface LintResult {
  readonly findings: FileFinding[];
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
export function lintManifestFiles(files: readonly ManifestFile[], profile: SecurityProfile): LintResult {
  const objects = files.flatMap(({ objects: own }) => own);
  const fileOf = files.flatMap(({ file, objects: own }) => own.map(() => file));
  const findings = findingsPerObject(objects, { profile })
    .flatMap((found, index) => found.map((finding) => ({ file: fileOf[index], ...finding })));
  return { findings, objectCount: objects.length };
}

/** Whether any finding must fail the run (exit code 1, failed validation). */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === Severity.ERROR);
}

/** `2 errors, 1 warning in 3 objects`: the last line of a run, for CI logs. */
export function summarize(findings: readonly Finding[], objectCount: number): string {
  const errors = countSeverity(findings, Severity.ERROR);
  const warnings = countSeverity(findings, Severity.WARNING);
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(objectCount, 'object')}`;
}

function countSeverity(findings: readonly Finding[], severity: Severity): number {
  return findings.filter((finding) => finding.severity === severity).length;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
