import { ManifestFile } from './read-manifests';
import { declaredConstructPath, declaredProfile } from '../pods/provenance';
import { SecurityProfile } from '../policy/security-profile';
import { LintOptions, lintReports, ObjectReport } from '../rules/engine';
import { Finding, Severity, SuppressedFinding } from '../rules/finding';

/** Where a finding's object came from and how it was judged. */
export interface FindingOrigin {
  /** The file as the user named it, or `<stdin>`. */
  readonly file: string;
  /** The level the object was judged at (see `effectiveProfile`). */
  readonly profile: SecurityProfile;
  /** The construct that built the object, when the constructs recorded it. */
  readonly constructPath?: string;
}

/** A finding together with the manifest file its object came from. */
export interface FileFinding extends Finding, FindingOrigin {}

/** A suppressed finding together with the manifest file its object came from. */
export interface FileSuppressedFinding extends SuppressedFinding, FindingOrigin {}

/** What linting a set of manifest files produced. */
export interface LintResult {
  readonly findings: FileFinding[];
  /** What the objects' `ignore-check.cdk8s-pod-patterns.io/*` annotations silenced, with the reasons. */
  readonly suppressed: FileSuppressedFinding[];
  /** How many Kubernetes objects were checked (after `List` expansion). */
  readonly objectCount: number;
}

/** How to lint manifest files: the engine's options, read per object. */
export interface ManifestLintOptions extends LintOptions {
  /**
   * The level no object is judged below, whatever it declares (a platform
   * team's floor): `restricted` fails an object built with BASELINE.
   * @default - none: each object is judged at the profile it declares
   */
  readonly minimumProfile?: SecurityProfile;
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
export function lintManifestFiles(files: readonly ManifestFile[], options: ManifestLintOptions): LintResult {
  const objects = files.flatMap(({ objects: own }) => own);
  const fileOf = files.flatMap(({ file, objects: own }) => own.map(() => file));
  const profiles = objects.map(manifest => effectiveProfile(manifest, options));
  const reports = reportsAtProfiles(objects, profiles, options);
  const originOf = (index: number): FindingOrigin => ({
    file: fileOf[index],
    profile: profiles[index],
    ...optional('constructPath', declaredConstructPath(objects[index])),
  });
  const findings = reports.flatMap((report, index) => report.findings.map((finding) => ({ ...originOf(index), ...finding })));
  const suppressed = reports.flatMap((report, index) => report.suppressed.map((finding) => ({ ...originOf(index), ...finding })));
  return { findings, suppressed, objectCount: objects.length };
}

/**
 * The level `manifest` is judged at: the profile it declares (the constructs
 * record the one they built it with), else `options.profile`, and never below
 * `options.minimumProfile`.
 */
export function effectiveProfile(manifest: any, options: ManifestLintOptions): SecurityProfile {
  const declared = declaredProfile(manifest) ?? options.profile;
  const minimum = options.minimumProfile ?? SecurityProfile.PRIVILEGED;
  return strictness(declared) >= strictness(minimum) ? declared : minimum;
}

function strictness(profile: SecurityProfile): number {
  return PROFILE_NAMES.indexOf(profile);
}

// One engine run per profile in use (at most three), each over every object so
// cross-object facts (ServiceAccounts) are seen whatever the objects declare;
// each object keeps the report of its own profile.
function reportsAtProfiles(objects: readonly any[], profiles: readonly SecurityProfile[], options: ManifestLintOptions): ObjectReport[] {
  const byProfile = new Map<SecurityProfile, ObjectReport[]>();
  for (const profile of new Set(profiles)) {
    byProfile.set(profile, lintReports(objects, { ...options, profile }));
  }
  return profiles.map((profile, index) => byProfile.get(profile)![index]);
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

// Absent, not `undefined`: findings are compared and printed as plain objects.
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : { [key]: value } as { [P in K]?: V };
}

function countSeverity(findings: readonly Finding[], severity: Severity): number {
  return findings.filter((finding) => finding.severity === severity).length;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
