import { ApiObject, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { HardeningPatches } from './hardening-patches';
import { WarningPolicy, warningPolicyFromEnvironment } from './warning-policy';
import { isChartRenderWithinAppSynth } from '../k8s/cdk8s-internals';
import { SecurityProfile } from '../policy/security-profile';
import { findingsPerObject } from '../rules/engine';
import { Finding, Severity } from '../rules/finding';
import { describesPods } from '../rules/pod-templates';

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

const GUARDS = new WeakMap<IConstruct, PodGuard>();
const GUARD_ID = 'cdk8s-pod-patterns';


/**
 * The one check per app: every Pod-bearing object the library constructs made,
 * gated or was asked to adopt is rendered, hardened and run through the rules
 * before cdk8s writes anything, and one error lists every failing workload.
 *
 * It is a single `addValidation` on the root. cdk8s 2.70 runs validations once
 * per `app.synth()` plus once per `chart.toJson()`; the chart renders of one
 * synth reuse the verdict of its first validation, so the work stays linear in
 * the number of workloads however many charts there are.
 */
export class PodGuard {
  /** The guard of the app `scope` belongs to, created on first use. */
  public static of(scope: IConstruct): PodGuard {
    const root = scope.node.root;
    let guard = GUARDS.get(root);
    if (guard === undefined) {
      guard = new PodGuard(root);
      GUARDS.set(root, guard);
    }
    return guard;
  }


  private readonly targets = new Map<ApiObject, GuardTarget>();
  private readonly scopes: GuardScope[] = [];
  private readonly warningPolicies: Array<{ readonly scope: IConstruct; readonly policy: WarningPolicy }> = [];
  private readonly patches = new HardeningPatches();
  private verdict?: string[];

  private constructor(root: IConstruct) {
    // A child of its own names the check in cdk8s's report: "[cdk8s-pod-patterns] ...".
    new Construct(root, GUARD_ID).node.addValidation({ validate: () => this.validate() });
  }

  /** Checks `target.apiObject` at synth with the target's settings (a later call replaces them). */
  public register(target: GuardTarget): void {
    this.targets.set(target.apiObject, target);
  }

  /** Whether `apiObject` is checked with settings of its own (not a fallback). */
  public isRegistered(apiObject: ApiObject): boolean {
    const target = this.targets.get(apiObject);
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

  private validate(): string[] {
    if (this.verdict === undefined || !isChartRenderWithinAppSynth()) {
      this.verdict = this.check(this.collectTargets());
    }
    return this.verdict;
  }

  private collectTargets(): GuardTarget[] {
    const targets = new Map([...this.targets].filter(([, target]) => !target.fallback));
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
    for (const [apiObject, target] of this.targets) {
      if (!targets.has(apiObject)) targets.set(apiObject, target);
    }
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
    const byProfile = new Map<SecurityProfile, Array<{ target: GuardTarget; manifest: any }>>();
    for (const target of targets) {
      const rendered = this.render(target);
      if (typeof rendered === 'string') {
        reports.push({ title: () => describeTarget(target.apiObject), errors: [rendered], warnings: [] });
        continue;
      }
      const group = byProfile.get(target.profile) ?? [];
      group.push({ target, manifest: rendered });
      byProfile.set(target.profile, group);
    }
    const fromEnvironment = warningPolicyFromEnvironment();
    for (const [profile, group] of byProfile) {
      const policies = group.map(({ target }) => this.warningPolicyOf(target.apiObject) ?? fromEnvironment);
      const includeWarnings = policies.some(policy => policy !== WarningPolicy.IGNORE);
      const findings = findingsPerObject(group.map(entry => entry.manifest), { profile, includeWarnings });
      group.forEach(({ target }, i) => reports.push(classify(target.apiObject, findings[i], policies[i], profile)));
    }
    return reports;
  }

  /** The manifest cdk8s will write for the target, or why it cannot be rendered. */
  private render(target: GuardTarget): any {
    this.patches.reset(target.apiObject);
    try {
      const manifest = target.apiObject.toJson();
      if (target.harden) this.patches.harden(target.apiObject, manifest, target.profile, target.cdk8sPlusDefaults ?? false);
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
