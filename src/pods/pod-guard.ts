import { ApiObject, App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { hardenPodSpec } from './hardening';
import { WarningPolicy, warningPolicyFromEnvironment } from './warning-policy';
import { aroundAppSynth, interceptRender } from '../k8s/cdk8s-internals';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { SecurityProfile } from '../policy/security-profile';
import { findingsPerObject } from '../rules/engine';
import { Finding, Severity } from '../rules/finding';
import { describesPods, podTemplatesOf } from '../rules/pod-templates';

/** An object the guard checks at synth. */
export interface GuardTarget {
  readonly apiObject: ApiObject;
  readonly profile: SecurityProfile;
  /** Fill what the profile requires where a field is absent, at synth. */
  readonly harden: boolean;
  /**
   * Only checked this way if nothing else claims the object: `WaitFor.gate` on
   * a workload the library does not own asks for the API rules, and a
   * `PodPatterns.apply` scope around it asks for more.
   * @default false
   */
  readonly fallback?: boolean;
  /**
   * cdk8s-plus rendered the object, so an `imagePullPolicy: Always` may be its
   * default rather than the user's choice: hardening then treats exactly that
   * value as unset and computes the policy as `SafePod` does.
   * @default false
   */
  readonly cdk8sPlusDefaults?: boolean;
}

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

/** What one `app.synth()` has judged: its verdict and each object's judged manifest, which is what gets written. */
interface Session {
  verdict?: string[];
  readonly judged: Map<ApiObject, any>;
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
 */
export class PodGuard extends Construct {
  /** The guard of the app `scope` belongs to, created on first use. */
  public static of(scope: IConstruct): PodGuard {
    const root = scope.node.root;
    const existing = root.node.tryFindChild(GUARD_ID);
    return existing instanceof PodGuard ? existing : new PodGuard(root);
  }

  private readonly registered = new Map<ApiObject, GuardTarget>();
  private readonly scopes: GuardScope[] = [];
  private readonly warningPolicies: Array<{ readonly scope: IConstruct; readonly policy: WarningPolicy }> = [];
  private readonly kubernetesVersions: Array<{ readonly scope: IConstruct; readonly version: KubernetesVersion }> = [];
  /** The settings each intercepted object renders with: the registered ones, then those of the last check. */
  private settings = new Map<ApiObject, GuardTarget>();
  /** cdk8s's own render of each intercepted object. */
  private readonly originals = new Map<ApiObject, () => any>();
  private session?: Session;

  private constructor(root: IConstruct) {
    super(root as Construct, GUARD_ID);
    this.node.addValidation({ validate: () => this.validate() });
    if (root instanceof App) aroundAppSynth(root, synth => this.inSession(synth));
  }

  /** Checks `target.apiObject` at synth with the target's settings (a later call replaces them). */
  public register(target: GuardTarget): void {
    this.registered.set(target.apiObject, target);
    this.settings.set(target.apiObject, target);
    this.intercept(target.apiObject);
  }

  /** Whether `apiObject` is checked with settings of its own (not a fallback). */
  public isRegistered(apiObject: ApiObject): boolean {
    const target = this.registered.get(apiObject);
    return target !== undefined && !target.fallback;
  }

  /** Checks every Pod-bearing object under `scope` that has no settings of its own. */
  public addScope(scope: GuardScope): void {
    this.scopes.push(scope);
  }

  /** The warning policy of the workloads under `scope` (the innermost scope wins). */
  public setWarningPolicy(scope: IConstruct, policy: WarningPolicy): void {
    this.warningPolicies.push({ scope, policy });
  }

  /** The Kubernetes release the workloads under `scope` are judged for (the innermost scope wins). */
  public setKubernetesVersion(scope: IConstruct, version: KubernetesVersion): void {
    this.kubernetesVersions.push({ scope, version });
  }

  private inSession<T>(synth: () => T): T {
    if (this.session !== undefined) return synth();
    this.session = { judged: new Map() };
    try {
      return synth();
    } finally {
      this.session = undefined;
    }
  }

  private validate(): string[] {
    if (this.session?.verdict !== undefined) return this.session.verdict;
    const verdict = this.check(this.collectTargets());
    if (this.session !== undefined) this.session.verdict = verdict;
    return verdict;
  }

  /** From now on the object renders through the guard (hardened, and as judged inside a synth). */
  private intercept(apiObject: ApiObject): void {
    if (this.originals.has(apiObject)) return;
    this.originals.set(apiObject, interceptRender(apiObject, original => this.renderForWrite(apiObject, original)));
  }

  private renderForWrite(apiObject: ApiObject, original: () => any): any {
    const judged = this.session?.judged.get(apiObject);
    if (judged !== undefined) return judged;
    const target = this.settings.get(apiObject);
    return target === undefined ? original() : hardened(original(), target);
  }

  private collectTargets(): GuardTarget[] {
    const targets = new Map([...this.registered].filter(([, target]) => !target.fallback));
    // the innermost scope wins, and of two `apply` calls on one scope the later one
    const innermostFirst = this.scopes.map((scope, order) => ({ ...scope, order }))
      .sort((a, b) => depth(b.scope) - depth(a.scope) || b.order - a.order);
    for (const { scope, profile, harden } of innermostFirst) {
      for (const child of scope.node.findAll()) {
        if (child instanceof ApiObject && describesPods(child.kind) && !targets.has(child)) {
          targets.set(child, { apiObject: child, profile, harden, cdk8sPlusDefaults: child.node.scope instanceof kplus.AbstractPod });
        }
      }
    }
    for (const [apiObject, target] of this.registered) {
      if (!targets.has(apiObject)) targets.set(apiObject, target);
    }
    this.settings = targets;
    targets.forEach((_, apiObject) => this.intercept(apiObject));
    return [...targets.values()];
  }

  private check(targets: GuardTarget[]): string[] {
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

  private findingsOf(targets: GuardTarget[]): WorkloadFindings[] {
    const reports: WorkloadFindings[] = [];
    // One engine run per (profile, release) in use, so cross-object facts still see the whole group.
    const byRun = new Map<string, { profile: SecurityProfile; version: KubernetesVersion; group: Array<{ target: GuardTarget; manifest: any }> }>();
    for (const target of targets) {
      const rendered = this.render(target);
      if (typeof rendered === 'string') {
        reports.push({ title: () => describeTarget(target.apiObject), errors: [rendered], warnings: [] });
        continue;
      }
      const version = this.kubernetesVersionOf(target.apiObject);
      const key = `${target.profile} ${version.name}`;
      const run = byRun.get(key) ?? { profile: target.profile, version, group: [] };
      run.group.push({ target, manifest: rendered });
      byRun.set(key, run);
    }
    const fromEnvironment = warningPolicyFromEnvironment();
    for (const { profile, version, group } of byRun.values()) {
      const policies = group.map(({ target }) => this.warningPolicyOf(target.apiObject) ?? fromEnvironment);
      const includeWarnings = policies.some(policy => policy !== WarningPolicy.IGNORE);
      const findings = findingsPerObject(group.map(entry => entry.manifest), { profile, includeWarnings, kubernetesVersion: version });
      group.forEach(({ target }, i) => reports.push(classify(target.apiObject, findings[i], policies[i], profile)));
    }
    return reports;
  }

  /** The manifest cdk8s will write for the target (inside a synth: the very object), or why it cannot be rendered. */
  private render(target: GuardTarget): any {
    try {
      const manifest = hardened(this.originals.get(target.apiObject)!(), target);
      this.session?.judged.set(target.apiObject, manifest);
      return manifest;
    } catch (e) {
      return `cannot be rendered: ${(e as Error).message}`;
    }
  }

  /** The policy of the innermost scope that sets one around `apiObject`, if any. */
  private warningPolicyOf(apiObject: ApiObject): WarningPolicy | undefined {
    let best: { depth: number; policy: WarningPolicy } | undefined;
    for (const { scope, policy } of this.warningPolicies) {
      const d = depth(scope);
      if (isWithin(apiObject, scope) && (best === undefined || d >= best.depth)) best = { depth: d, policy };
    }
    return best?.policy;
  }

  /** The release of the innermost scope that sets one around `apiObject`, else the default (1.28). */
  private kubernetesVersionOf(apiObject: ApiObject): KubernetesVersion {
    let best: { depth: number; version: KubernetesVersion } | undefined;
    for (const { scope, version } of this.kubernetesVersions) {
      const d = depth(scope);
      if (isWithin(apiObject, scope) && (best === undefined || d >= best.depth)) best = { depth: d, version };
    }
    return best?.version ?? KubernetesVersion.DEFAULT;
  }
}

/** `manifest` (just rendered by cdk8s, the user's patches applied) completed in place for the target's profile. */
function hardened(manifest: any, target: GuardTarget): any {
  if (target.harden) {
    for (const template of podTemplatesOf(manifest)) hardenPodSpec(template.spec, target.profile, target.cdk8sPlusDefaults ?? false);
  }
  return manifest;
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

function depth(scope: IConstruct): number {
  return scope.node.scopes.length;
}

function isWithin(construct: IConstruct, scope: IConstruct): boolean {
  return construct.node.scopes.includes(scope);
}
