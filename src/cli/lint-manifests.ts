import { ManifestFile } from './read-manifests';
import { SecurityProfile } from '../policy/security-profile';
import { lintObjects } from '../rules/engine';
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
 * Kinds whose objects the engine reads as facts about the cluster for other
 * objects (src/rules/engine.ts clusterFactsOf: a ServiceAccount's
 * automountServiceAccountToken). Update this list when the engine learns more.
 */
const CLUSTER_FACT_KINDS = ['ServiceAccount'];

/**
 * Runs the shared rules over every file's objects. Each file is linted on its
 * own so that a finding (which names kind and name, not a file) is attributed
 * to the file that holds the object, even when two files both contain, say, a
 * `Pod/web` in different namespaces. Objects that only supply cluster facts
 * are shared with every file, as `kubectl apply -f DIR` would make them.
 */
export function lintManifestFiles(files: readonly ManifestFile[], profile: SecurityProfile): LintResult {
  const findings: FileFinding[] = [];
  let objectCount = 0;
  files.forEach(({ file, objects }, index) => {
    objectCount += objects.length;
    if (objects.length > 0) {
      const own = lintWithContext(objects, factObjectsOutside(files, index), profile);
      findings.push(...own.map((finding) => ({ file, ...finding })));
    }
  });
  return { findings, objectCount };
}

// lintObjects reports findings object by object, in the order given, so the
// context objects' own findings are the tail of the list and can be cut off.
function lintWithContext(objects: readonly any[], context: readonly any[], profile: SecurityProfile): Finding[] {
  const all = lintObjects([...objects, ...context], { profile });
  if (context.length === 0) {
    return all;
  }
  const contextOnly = lintObjects(context, { profile }).length;
  return all.slice(0, all.length - contextOnly);
}

function factObjectsOutside(files: readonly ManifestFile[], skip: number): any[] {
  return files
    .filter((_, index) => index !== skip)
    .flatMap((other) => other.objects.filter((object) => CLUSTER_FACT_KINDS.includes(object.kind)));
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
