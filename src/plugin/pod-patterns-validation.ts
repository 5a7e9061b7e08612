import * as fs from 'fs';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { FileFinding, FileSuppressedFinding, hasErrors, lintManifestFiles, parseProfile, PROFILE_NAMES, summarize } from '../manifests/lint-manifests';
import type { ManifestFile, ManifestInputError } from '../manifests/read-manifests';
import { SecurityProfile } from '../policy/security-profile';
import { ruleById } from '../rules/catalog';
import { Severity } from '../rules/finding';
import { parseServiceClusterIpRange } from '../rules/validation/service-cluster-ip-range';

type ManifestReader = typeof import('../manifests/read-manifests');

// The interfaces below restate, structurally, the parts of cdk8s-cli 2.x's
// plugin contract (cdk8s-cli lib/plugins/validation.d.ts) that this plugin
// uses. cdk8s-cli is a dev dependency only and its types (string-literal
// unions, `readonly string[]`) are not jsii types, so they are not imported.

/** A resource that violates a rule: `ValidationViolatingResource` of cdk8s-cli. */
export interface ValidationViolatingResource {
  /** `metadata.name` of the resource; cdk8s-cli maps it to the construct path. */
  readonly resourceName: string;
  /** Where in the resource the problem is. */
  readonly locations: string[];
  /** The manifest file that holds the resource. */
  readonly manifestPath: string;
}

/** A violation added to the report: `ValidationViolation` of cdk8s-cli. */
export interface ValidationViolation {
  /** The rule that was violated. */
  readonly ruleName: string;
  /** What is wrong. */
  readonly recommendation: string;
  /** How to fix it. */
  readonly fix: string;
  /** The resources that violate the rule. */
  readonly violatingResources: ValidationViolatingResource[];
}

/** The report a plugin fills: `ValidationReport` of cdk8s-cli. */
export interface IValidationReport {
  /** Adds a violation to the report. */
  addViolation(violation: ValidationViolation): void;
  /** Completes the report; `status` is `success` or `failure`. */
  submit(status: string, metadata?: { [key: string]: string }): void;
}

/** Where a plugin logs: `ValidationLogger` of cdk8s-cli. */
export interface IValidationLogger {
  /** Logs one message. */
  log(message: string): void;
}

/** What cdk8s-cli hands a plugin: `ValidationContext` of cdk8s-cli. */
export interface IValidationContext {
  /** Paths of the synthesized manifest files. */
  readonly manifests: string[];
  /** The report to fill and submit. */
  readonly report: IValidationReport;
  /** The logger to use instead of `console`. */
  readonly logger: IValidationLogger;
}

/** Properties of `PodPatternsValidation`: the `properties` of its `cdk8s.yaml` entry. */
export interface PodPatternsValidationProps {
  /**
   * The Pod Security Standards level (`privileged`, `baseline` or
   * `restricted`) for objects that declare none. An object built by
   * `SafePod` or `InitGatedApp` declares the profile it was built with
   * (annotation `cdk8s-pod-patterns.io/security-profile`) and is judged at
   * that one, so the plugin and the constructs agree on the same app. A
   * string rather than `SecurityProfile` because cdk8s-cli passes the plain
   * values written in `cdk8s.yaml`.
   *
   * @default 'restricted'
   */
  readonly profile?: string;

  /**
   * The level no object is judged below, whatever it declares: a platform
   * team's floor. `restricted` fails a workload built with BASELINE.
   *
   * @default - none: each object is judged at the profile it declares
   */
  readonly minimumProfile?: string;

  /**
   * The Kubernetes release the cluster runs (`1.28` … `1.35`): the rules
   * whose verdict depends on that release's feature-gate defaults judge for
   * it. A string for the same reason as `profile`.
   *
   * @default '1.28'
   */
  readonly kubernetesVersion?: string;

  /**
   * Feature gates the cluster's API server and kubelets set away from the
   * release's defaults, by upstream name, e.g. `{ SidecarContainers: true }`
   * on a 1.28 cluster that enables native sidecars. Only the gates that change
   * a verdict are accepted (the error lists them).
   *
   * @default - every gate at the release's default
   */
  readonly featureGates?: { [gate: string]: boolean };

  /**
   * The cluster's Service IP ranges, as kube-apiserver's `--service-cluster-ip-range`
   * (`10.96.0.0/12`, or `10.96.0.0/12,fd00::/108` for dual-stack): Services are
   * then judged as its IP allocator judges them (rule api-service-allocation).
   *
   * @default - not declared: Services are not judged against the cluster's ranges
   */
  readonly serviceClusterIpRange?: string;
}

const PLUGIN = 'cdk8s-pod-patterns';

/**
 * A cdk8s CLI validation plugin that runs the cdk8s-pod-patterns rules (the
 * same ones as `cdk8s-pod-patterns lint` and the constructs) over the
 * manifests `cdk8s synth` produced. Error findings fail the validation and
 * therefore the synth; warnings are reported only.
 *
 * In `cdk8s.yaml`:
 *
 * ```yaml
 * validations:
 *   - package: cdk8s-pod-patterns
 *     version: 1.2.3          # an exact version: cdk8s-cli rejects ranges
 *     class: PodPatternsValidation
 *     properties:
 *       profile: restricted          # for objects that declare none (default)
 *       minimumProfile: restricted   # optional floor, default none
 *       kubernetesVersion: "1.33"    # the cluster's release, default 1.28 (quoted: YAML reads 1.30 as 1.3)
 *       featureGates:                # optional: gates the cluster sets away from the release's defaults
 *         ProcMountType: true
 *       serviceClusterIpRange: 10.96.0.0/12   # optional: kube-apiserver's --service-cluster-ip-range
 * ```
 *
 * cdk8s-cli finds the construct of a reported object by `metadata.name` only,
 * so when two objects share a name its "Construct Path" may be another
 * object's. For such objects the plugin reports a resource name that says
 * which construct built the object (recorded by the constructs in the
 * annotation `cdk8s-pod-patterns.io/construct-path`), and cdk8s-cli shows
 * `N/A` instead of a wrong path.
 */
export class PodPatternsValidation {
  /** The security profile objects that declare none are checked against. */
  public readonly profile: SecurityProfile;

  /**
   * The level no object is checked below.
   * @default - none
   */
  public readonly minimumProfile?: SecurityProfile;

  /** The Kubernetes release the objects are judged for, with the cluster's feature gates. */
  public readonly kubernetesVersion: KubernetesVersion;

  /**
   * The cluster's `--service-cluster-ip-range`, as declared.
   * @default - not declared
   */
  public readonly serviceClusterIpRange?: string;

  constructor(props: PodPatternsValidationProps = {}) {
    this.profile = profileProperty('profile', props.profile ?? SecurityProfile.RESTRICTED);
    this.minimumProfile = props.minimumProfile === undefined ? undefined : profileProperty('minimumProfile', props.minimumProfile);
    this.kubernetesVersion = versionProperty(props.kubernetesVersion, props.featureGates);
    this.serviceClusterIpRange = serviceClusterIpRangeProperty(props.serviceClusterIpRange);
  }

  /**
   * Lints every manifest of the context, adds one violation per finding (or
   * per group of identical findings) and submits the report: `failure` when
   * there is an error-severity finding or an unreadable manifest. Findings an
   * object's `ignore-check.cdk8s-pod-patterns.io/<rule-id>` annotation
   * suppressed are logged as info lines with their reason, not reported as
   * violations.
   */
  public async validate(context: IValidationContext): Promise<void> {
    // Loaded here, not at the top: the YAML parser is only needed when a manifest
    // is read, and `require('cdk8s-pod-patterns')` should not pay for it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const reader: ManifestReader = require('../manifests/read-manifests');
    const files: ManifestFile[] = [];
    const unreadable: ValidationViolation[] = [];
    for (const manifestPath of context.manifests) {
      try {
        files.push(reader.readManifestFile(manifestPath, () => fs.readFileSync(manifestPath)));
      } catch (e) {
        if (!(e instanceof reader.ManifestInputError)) {
          throw e;
        }
        unreadable.push(unreadableManifestViolation(manifestPath, e));
      }
    }
    const { findings, suppressed, objectCount } = lintManifestFiles(files, {
      profile: this.profile,
      minimumProfile: this.minimumProfile,
      kubernetesVersion: this.kubernetesVersion,
      serviceClusterIpRange: this.serviceClusterIpRange,
    });
    const shared = sharedNames(files);
    unreadable.forEach((violation) => context.report.addViolation(violation));
    groupFindings(findings)
      .sort((a, b) => severityRank(a[0].severity) - severityRank(b[0].severity))
      .forEach((group) => context.report.addViolation(findingViolation(group, shared)));
    suppressed.forEach((finding) => context.logger.log(suppressedLine(finding)));

    const summary = summarize(findings, objectCount, suppressed.length);
    context.logger.log(`${PLUGIN}: ${summary} (${this.describeProfiles()})`);
    const failed = hasErrors(findings) || unreadable.length > 0;
    context.report.submit(failed ? 'failure' : 'success', {
      profile: this.profile,
      ...(this.minimumProfile === undefined ? {} : { minimumProfile: this.minimumProfile }),
      ...(this.kubernetesVersion === KubernetesVersion.DEFAULT ? {} : { kubernetesVersion: `${this.kubernetesVersion}` }),
      summary,
    });
  }

  private describeProfiles(): string {
    const minimum = this.minimumProfile === undefined ? '' : `, minimum ${this.minimumProfile}`;
    // The default release is left unsaid, so a run that does not choose one reads as before.
    const version = this.kubernetesVersion === KubernetesVersion.DEFAULT ? '' : `, Kubernetes ${this.kubernetesVersion}`;
    return `profile ${this.profile}${minimum}${version}`;
  }
}

/** Checked as kube-apiserver checks its flag, so a bad cdk8s.yaml fails before any manifest is read. */
function serviceClusterIpRangeProperty(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  parseServiceClusterIpRange(String(value), 'PodPatternsValidation: the cdk8s.yaml validation property serviceClusterIpRange');
  return String(value);
}

function versionProperty(name: string | undefined, featureGates: { [gate: string]: boolean } | undefined): KubernetesVersion {
  let version: KubernetesVersion;
  try {
    version = name === undefined ? KubernetesVersion.DEFAULT : KubernetesVersion.of(String(name));
  } catch (e) {
    throw new Error(`PodPatternsValidation: kubernetesVersion in the cdk8s.yaml validation properties: ${(e as Error).message}`);
  }
  if (featureGates === undefined) return version;
  try {
    if (typeof featureGates !== 'object' || featureGates === null || Array.isArray(featureGates)) {
      throw new Error(`${JSON.stringify(featureGates)} is not a map of gate names to true or false (e.g. SidecarContainers: true)`);
    }
    return version.withFeatureGates(featureGates);
  } catch (e) {
    throw new Error(`PodPatternsValidation: featureGates in the cdk8s.yaml validation properties: ${(e as Error).message}`);
  }
}

function profileProperty(property: string, name: string): SecurityProfile {
  const profile = parseProfile(name);
  if (profile === undefined) {
    throw new Error(`PodPatternsValidation: unknown ${property} "${name}" in the cdk8s.yaml validation properties: use ${PROFILE_NAMES.join(', ')}`);
  }
  return profile;
}

/**
 * The `metadata.name`s carried by more than one object: cdk8s-cli keys its
 * construct lookup by name alone (construct-metadata.json), so for these its
 * "Construct Path" can be another object's.
 */
function sharedNames(files: readonly ManifestFile[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const { objects } of files) {
    for (const name of objects.map((object) => object?.metadata?.name)) {
      if (typeof name !== 'string') continue;
      if (seen.has(name)) shared.add(name);
      seen.add(name);
    }
  }
  return shared;
}

/**
 * The name cdk8s-cli looks the construct up by. A shared name gets the kind and
 * the recorded construct, which matches no entry of cdk8s-cli's lookup: its
 * report then says `N/A` rather than naming another object's construct.
 */
function resourceNameOf(finding: FileFinding, shared: ReadonlySet<string>): string {
  if (!shared.has(finding.name)) return finding.name;
  const construct = finding.constructPath === undefined ? 'construct not recorded' : `construct ${finding.constructPath}`;
  return `${finding.name} (${finding.kind}, ${construct}; the name is shared by several objects)`;
}

// Info, not a violation: the object's author decided, and said why.
function suppressedLine(finding: FileSuppressedFinding): string {
  return `${PLUGIN}: info: suppressed ${finding.ruleId} [${finding.severity}] on ${finding.kind}/${finding.name || '(unnamed)'} `
    + `${finding.path} (${finding.file}): ${finding.reason}`;
}

// A manifest that cannot be parsed was not checked, so it must not pass silently.
function unreadableManifestViolation(manifestPath: string, error: ManifestInputError): ValidationViolation {
  return {
    ruleName: 'unreadable-manifest [error]',
    recommendation: error.message,
    fix: `Nothing in this manifest was checked. Run "cdk8s-pod-patterns lint ${manifestPath}" for the same message, `
      + 'and fix what writes the invalid YAML (an Include, a Helm chart, an escape hatch). This error fails the validation.',
    violatingResources: [{ resourceName: '', locations: [], manifestPath }],
  };
}

// Errors first: they are what fails the synth, and the report is read top-down.
function severityRank(severity: Severity): number {
  return severity === Severity.ERROR ? 0 : 1;
}

// Identical findings (same rule, severity and message) on several objects
// become one violation with several resources, which is how cdk8s-cli's
// report groups occurrences.
function groupFindings(findings: readonly FileFinding[]): FileFinding[][] {
  const groups = new Map<string, FileFinding[]>();
  for (const finding of findings) {
    const key = JSON.stringify([finding.ruleId, finding.severity, finding.message]);
    const group = groups.get(key) ?? [];
    group.push(finding);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function findingViolation(group: readonly FileFinding[], shared: ReadonlySet<string>): ValidationViolation {
  const [first] = group;
  return {
    ruleName: `${first.ruleId} [${first.severity}]`,
    recommendation: first.message,
    fix: howToFix(first),
    violatingResources: group.map((finding) => ({
      resourceName: resourceNameOf(finding, shared),
      locations: [`${finding.kind} ${finding.path}`],
      manifestPath: finding.file,
    })),
  };
}

// Every rule, Pod Security checks included, is in the catalogue with its fix.
function howToFix(finding: FileFinding): string {
  const consequence = finding.severity === Severity.ERROR
    ? 'This error fails the validation.'
    : 'Warnings do not fail the validation.';
  return `${ruleById(finding.ruleId).fix} ${consequence}`;
}
