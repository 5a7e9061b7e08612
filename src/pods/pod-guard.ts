import { ApiObject, App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { CheckSettings, ObjectRecord } from './object-record';
import { WarningPolicy, warningPolicyFromEnvironment } from './warning-policy';
import { aroundAppSynth } from '../k8s/cdk8s-internals';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { SecurityProfile } from '../policy/security-profile';
import { findingsPerObject } from '../rules/engine';
import { Finding, Severity } from '../rules/finding';
import { describesPods } from '../rules/pod-templates';

/** Settings `PodPatterns.apply` gives every Pod-bearing object under `scope`. */
export interface GuardScope {
  readonly scope: IConstruct;
  readonly profile: SecurityProfile;
  readonly harden: boolean;
}

interface WorkloadFindings {
  /** Computed only for a workload that is reported: construct paths are not free. */
  readonly title: () => string;
  readonly errors: string[];
  readonly warnings: string[];
}

/** What one `app.synth()` has judged: each app-wide validation's verdict, and the records that hold their judged manifest for writing. */
interface Session {
  readonly verdicts: Map<object, string[]>;
  readonly held: ObjectRecord[];
}

const GUARD_ID = 'cdk8s-pod-patterns';

/**
 * The one check per app: every Pod-bearing object the library constructs made,
 * gated or was asked to adopt is rendered, hardened and run through the rules
 * before cdk8s writes anything, and one error lists every failing workload.
 *
 * It is a validation on a construct of its own at the root (cdk8s names it in
 * its report: "[cdk8s-pod-patterns] ..."). cdk8s validates once per
 * `app.synth()` plus once per chart it writes; the guard wraps `app.synth()`
 * (and `synthYaml()`) in a session, so inside one synth every object is
 * rendered and judged once, the chart validations reuse that verdict, and the
 * manifest cdk8s writes for an object is the very one that was judged. Outside
 * an app synth (`Testing.synth(chart)`, `chart.toJson()`) each validation
 * checks afresh and each render is hardened the same way.
 *
 * Rendering and hardening belong to each object's `ObjectRecord` (an owned
 * workload's `WorkloadRecord` holds it; the guard makes one for an object a
 * scope adopts). The guard keeps what is app-wide: the synth session, the
 * scopes and their settings, and the one report.
 */
export class PodGuard extends Construct {
  /** The guard of the app `scope` belongs to, created on first use. */
  public static of(scope: IConstruct): PodGuard {
    const root = scope.node.root;
    const existing = root.node.tryFindChild(GUARD_ID);
    return existing instanceof PodGuard ? existing : new PodGuard(root);
  }

  /**
   * The Kubernetes release `construct` targets now: the innermost
   * `setKubernetesVersion` around it (of two on one scope, the later), else the
   * default. The construction-time checks, the synth check and hardening all
   * ask this one resolution.
   */
  public static kubernetesVersionAt(construct: IConstruct): KubernetesVersion {
    const guard = construct.node.root.node.tryFindChild(GUARD_ID);
    return guard instanceof PodGuard ? guard.kubernetesVersionOf(construct) : KubernetesVersion.DEFAULT;
  }

  /** The records the library's constructs made, with the settings they registered. */
  private readonly registered = new Map<ApiObject, { readonly record: ObjectRecord; readonly settings: CheckSettings }>();
  /** The records the guard made for objects a scope adopted. */
  private readonly adopted = new Map<ApiObject, ObjectRecord>();
  private readonly scopes: GuardScope[] = [];
  private readonly warningPolicies: Array<ScopedSetting<WarningPolicy>> = [];
  private readonly kubernetesVersions: Array<ScopedSetting<KubernetesVersion>> = [];
  private session?: Session;

  private constructor(root: IConstruct) {
    super(root as Construct, GUARD_ID);
    this.node.addValidation({ validate: () => this.validate() });
    if (root instanceof App) aroundAppSynth(root, synth => this.inSession(synth));
  }

  /** Checks `record`'s object at synth with the record's current settings (a later call replaces them). */
  public register(record: ObjectRecord): void {
    this.registered.set(record.apiObject, { record, settings: record.settings });
  }

  /** Checks every Pod-bearing object under `scope` that has no settings of its own. */
  public addScope(scope: GuardScope): void {
    this.scopes.push(scope);
  }

  /** The warning policy of the workloads under `scope` (the innermost scope wins). */
  public setWarningPolicy(scope: IConstruct, policy: WarningPolicy): void {
    this.warningPolicies.push({ scope, value: policy });
  }

  /** The Kubernetes release the workloads under `scope` are judged for (the innermost scope wins). */
  public setKubernetesVersion(scope: IConstruct, version: KubernetesVersion): void {
    this.kubernetesVersions.push({ scope, value: version });
  }

  /**
   * What `validate` answers for the app-wide validation `key`, computed once per
   * `app.synth()` (or `synthYaml()`): cdk8s validates the whole app once per synth
   * plus once per chart it writes, and the tree does not change in between.
   * Outside an app synth (`Testing.synth(chart)`, `chart.toJson()`) it is
   * computed on every call.
   */
  public oncePerSynth(key: object, validate: () => string[]): string[] {
    if (this.session === undefined) return validate();
    const known = this.session.verdicts.get(key);
    if (known !== undefined) return known;
    const verdict = validate();
    this.session.verdicts.set(key, verdict);
    return verdict;
  }

  private kubernetesVersionOf(construct: IConstruct): KubernetesVersion {
    return innermost(construct, this.kubernetesVersions) ?? KubernetesVersion.DEFAULT;
  }

  private inSession<T>(synth: () => T): T {
    if (this.session !== undefined) return synth();
    const session: Session = { verdicts: new Map(), held: [] };
    this.session = session;
    try {
      return synth();
    } finally {
      this.session = undefined;
      session.held.forEach(record => record.release());
    }
  }

  private validate(): string[] {
    return this.oncePerSynth(this, () => this.check(this.collectTargets()));
  }

  /**
   * The record of every object to check, each with the settings it is checked
   * with now: its own, else the innermost scope's, else its fallback.
   */
  private collectTargets(): ObjectRecord[] {
    const targets = new Map<ApiObject, ObjectRecord>();
    for (const [apiObject, { record, settings }] of this.registered) {
      if (settings.fallback) continue;
      record.settings = settings;
      targets.set(apiObject, record);
    }
    // the innermost scope wins, and of two `apply` calls on one scope the later one
    const innermostFirst = this.scopes.map((scope, order) => ({ ...scope, order }))
      .sort((a, b) => depth(b.scope) - depth(a.scope) || b.order - a.order);
    for (const { scope, profile, harden } of innermostFirst) {
      for (const child of scope.node.findAll()) {
        if (child instanceof ApiObject && describesPods(child.kind) && !targets.has(child)) {
          targets.set(child, this.adopt(child, { profile, harden, cdk8sPlusDefaults: child.node.scope instanceof kplus.AbstractPod }));
        }
      }
    }
    for (const [apiObject, { record, settings }] of this.registered) {
      if (targets.has(apiObject)) continue;
      record.settings = settings;
      targets.set(apiObject, record);
    }
    return [...targets.values()];
  }

  /**
   * The record of `apiObject`, now checked with a scope's `settings`: the one a
   * construct registered (as a fallback), else one the guard makes for it once.
   */
  private adopt(apiObject: ApiObject, settings: CheckSettings): ObjectRecord {
    const existing = this.registered.get(apiObject)?.record ?? this.adopted.get(apiObject);
    if (existing !== undefined) {
      existing.settings = settings;
      return existing;
    }
    const record = new ObjectRecord(apiObject, settings, () => this.kubernetesVersionOf(apiObject));
    this.adopted.set(apiObject, record);
    return record;
  }

  private check(targets: ObjectRecord[]): string[] {
    const reports = this.findingsOf(targets);
    printWarnings(reports);
    const failing = reports.filter(report => report.errors.length > 0);
    if (failing.length === 0) return [];
    const lines = groupedByWorkload(failing, report => report.errors);
    return [
      `${failing.length} of ${reports.length} workload(s) would be rejected by Kubernetes, `
      + `fail at run time or break their security profile; nothing was written:\n${lines.join('\n')}`,
    ];
  }

  private findingsOf(targets: ObjectRecord[]): WorkloadFindings[] {
    const reports: WorkloadFindings[] = [];
    // One engine run per (profile, release) in use, so cross-object facts still see the whole group.
    const byRun = new Map<string, { profile: SecurityProfile; version: KubernetesVersion; group: Array<{ target: ObjectRecord; manifest: any }> }>();
    for (const target of targets) {
      const rendered = this.render(target);
      if (typeof rendered === 'string') {
        reports.push({ title: () => describeTarget(target.apiObject), errors: [rendered], warnings: [] });
        continue;
      }
      const version = this.kubernetesVersionOf(target.apiObject);
      const key = `${target.settings.profile} ${version}`;
      const run = byRun.get(key) ?? { profile: target.settings.profile, version, group: [] };
      run.group.push({ target, manifest: rendered });
      byRun.set(key, run);
    }
    const fromEnvironment = warningPolicyFromEnvironment();
    for (const { profile, version, group } of byRun.values()) {
      const policies = group.map(({ target }) => innermost(target.apiObject, this.warningPolicies) ?? fromEnvironment);
      const includeWarnings = policies.some(policy => policy !== WarningPolicy.IGNORE);
      const findings = findingsPerObject(group.map(entry => entry.manifest), { profile, includeWarnings, kubernetesVersion: version });
      group.forEach(({ target }, i) => reports.push(classify(target.apiObject, findings[i], policies[i], profile)));
    }
    return reports;
  }

  /** The manifest cdk8s will write for the target (inside a synth: the very object), or why it cannot be rendered. */
  private render(target: ObjectRecord): any {
    try {
      if (this.session === undefined) return target.render();
      this.session.held.push(target);
      return target.hold();
    } catch (e) {
      return `cannot be rendered: ${(e as Error).message}`;
    }
  }
}

function classify(apiObject: ApiObject, findings: Finding[], policy: WarningPolicy, profile: SecurityProfile): WorkloadFindings {
  const line = (finding: Finding) => `[${finding.ruleId}] ${finding.path}: ${finding.message}`;
  const errors = findings.filter(f => f.severity === Severity.ERROR).map(line);
  const warnings = policy === WarningPolicy.IGNORE ? [] : findings.filter(f => f.severity === Severity.WARNING).map(line);
  const title = () => describeTarget(apiObject, profile);
  return policy === WarningPolicy.FAIL
    ? { title, errors: [...errors, ...warnings.map(w => `${w} (a warning; warning policy "fail")`)], warnings: [] }
    : { title, errors, warnings };
}

/**
 * The construct the user wrote names the problem: climb from the ApiObject
 * through the constructs whose default child it is (the cdk8s-plus workload,
 * then an `InitGatedApp`), stopping at a chart.
 */
function describeTarget(apiObject: ApiObject, profile?: SecurityProfile): string {
  let owner: IConstruct = apiObject;
  let scope = owner.node.scope;
  while (scope !== undefined && !(scope instanceof Chart) && scope.node.defaultChild === owner) {
    owner = scope;
    scope = scope.node.scope;
  }
  const profileNote = profile === undefined ? '' : `, profile ${profile}`;
  return `${owner.node.path} (${apiObject.kind} "${apiObject.name}"${profileNote})`;
}

/** Each workload's title, then its lines indented under it. */
function groupedByWorkload(reports: WorkloadFindings[], linesOf: (report: WorkloadFindings) => string[]): string[] {
  return reports.flatMap(report => [`  ${report.title()}:`, ...linesOf(report).map(line => `    ${line}`)]);
}

function printWarnings(reports: WorkloadFindings[]): void {
  const warned = reports.filter(report => report.warnings.length > 0);
  if (warned.length === 0) return;
  const count = warned.reduce((sum, report) => sum + report.warnings.length, 0);
  const lines = groupedByWorkload(warned, report => report.warnings);
  process.stderr.write(
    `cdk8s-pod-patterns: ${count} warning(s) in ${warned.length} workload(s) `
    + '(PodPatterns.setWarningPolicy or CDK8S_POD_PATTERNS_WARNINGS=ignore|fail silences them or fails the synth):\n'
    + `${lines.join('\n')}\n`,
  );
}

/** A setting (warning policy, Kubernetes release) for the workloads under `scope`. */
interface ScopedSetting<T> {
  readonly scope: IConstruct;
  readonly value: T;
}

/**
 * The value of the innermost of `settings` around `construct` (itself
 * included; of two on one scope, the later), if any. The construct's ancestors
 * are listed once, and only when some setting exists.
 */
function innermost<T>(construct: IConstruct, settings: ReadonlyArray<ScopedSetting<T>>): T | undefined {
  if (settings.length === 0) return undefined;
  const ancestors = construct.node.scopes;
  let best: { depth: number; value: T } | undefined;
  for (const { scope, value } of settings) {
    const at = ancestors.indexOf(scope);
    if (at !== -1 && (best === undefined || at >= best.depth)) best = { depth: at, value };
  }
  return best?.value;
}

function depth(scope: IConstruct): number {
  return scope.node.scopes.length;
}
