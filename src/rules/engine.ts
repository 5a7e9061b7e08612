/**
 * Runs every rule over plain manifest objects. One engine serves the constructs
 * (at synth, once per workload), the `lint` command and the cdk8s plugin, so all
 * three report exactly the same findings. The rules come from the registry; the
 * engine gives each finding its rule's severity and honours the suppression
 * annotations.
 */
import { ClusterFacts, clusterFactsOf, NO_CLUSTER_FACTS } from './cluster-facts';
import { Finding, SuppressedFinding, Violation, Severity } from './finding';
import { assertKnownLevel } from './pod-security';
import { isObject, podRuleContext, podTemplatesOf, RunSettings } from './pod-templates';
import { findRule, registeredRules } from './registry';
import { ObjectRuleContext, Rule } from './rule';
import { Suppressions, suppressionsOf } from './suppression';
import { asTheServerSeesIt } from './validation/as-the-server-sees-it';
import { parseServiceClusterIpRange } from './validation/service-cluster-ip-range';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { SecurityProfile } from '../policy/security-profile';

/** How to lint. */
export interface LintOptions {
  /** Pod Security Standards level the Pods must meet. */
  readonly profile: SecurityProfile;
  /**
   * Run the warning-severity rules. The constructs skip them at synth only when
   * every workload's warning policy is `IGNORE`.
   * @default true
   */
  readonly includeWarnings?: boolean;
  /**
   * Rule ids to leave out of the whole run. An unknown id throws.
   * @default - none
   */
  readonly disabledRules?: readonly string[];
  /**
   * The Kubernetes release to judge for: feature-gate defaults differ.
   * @default KubernetesVersion.DEFAULT (1.28)
   */
  readonly kubernetesVersion?: KubernetesVersion;
  /**
   * The cluster's Service IP ranges, as kube-apiserver's `--service-cluster-ip-range`
   * (`10.96.0.0/12`, or `10.96.0.0/12,fd00::/108` for dual-stack): Services are then
   * judged as its IP allocator judges them (api-service-allocation). A bad value throws.
   * @default - not declared: nothing is judged against the cluster's ranges
   */
  readonly serviceClusterIpRange?: string;
}

/** What linting one object produced. */
export interface ObjectReport {
  /** Findings to act on. */
  readonly findings: Finding[];
  /** Findings the object's `ignore-check.cdk8s-pod-patterns.io/<rule-id>` annotations silenced, with their reasons. */
  readonly suppressed: SuppressedFinding[];
}

/**
 * The report of each of `objects`, index for index (empty for an object that is
 * not a Kubernetes object), each list in a stable order: by JSON path inside the
 * object (array indices compared as numbers), then by rule.
 *
 * Objects that are not Kubernetes objects (no `kind`) are skipped. Cross-object
 * facts (ServiceAccounts that turn token automounting off) are gathered in one
 * pass into maps, so the cost stays linear in the number of objects.
 */
export function lintReports(objects: readonly any[], options: LintOptions): ObjectReport[] {
  assertKnownLevel(options.profile);
  const rules = selectRules(options);
  const settings: Required<RunSettings> = {
    profile: options.profile,
    facts: clusterFactsOf(objects, options.serviceClusterIpRange === undefined
      ? undefined : parseServiceClusterIpRange(options.serviceClusterIpRange, 'serviceClusterIpRange')),
    kubernetesVersion: options.kubernetesVersion ?? KubernetesVersion.DEFAULT,
  };
  return objects.map((obj) => isObject(obj) && typeof obj.kind === 'string'
    ? reportFor(obj, rules, settings)
    : { findings: [], suppressed: [] });
}

/** Every finding for `objects` (suppressed and disabled rules left out), object by object. */
export function lintObjects(objects: readonly any[], options: LintOptions): Finding[] {
  return findingsPerObject(objects, options).flat();
}

/**
 * The findings of each of `objects`, index for index (`[]` for an object that
 * is not a Kubernetes object), so callers can attribute them, e.g. to the file
 * an object came from, while cross-object facts still see every object.
 * Suppressed findings and disabled rules are left out.
 */
export function findingsPerObject(objects: readonly any[], options: LintOptions): Finding[][] {
  return lintReports(objects, options).map((report) => report.findings);
}

/**
 * What `rules` find in one object, before severity, suppression and sorting: the
 * object rules, then the Pod rules over each Pod it describes, each in rule order.
 */
export function violationsOf(
  obj: any, rules: readonly Rule[], settings: RunSettings = {}, suppressions: Suppressions = suppressionsOf(obj),
): Violation[] {
  const profile = settings.profile ?? SecurityProfile.RESTRICTED;
  const facts: ClusterFacts = settings.facts ?? NO_CLUSTER_FACTS;
  const kubernetesVersion = settings.kubernetesVersion ?? KubernetesVersion.DEFAULT;
  const violations: Violation[] = [];
  const objectContext: ObjectRuleContext = { kind: obj.kind, object: obj, profile, facts, kubernetesVersion, suppressions };
  for (const rule of rules) {
    if (rule.checkObject !== undefined) {
      violations.push(...rule.checkObject(objectContext).map((found) => ({ ruleId: rule.id, ...found })));
    }
  }
  const active = activeRuleIds(rules);
  for (const pod of podTemplatesOf(obj)) {
    const ctx = podRuleContext(obj, pod, { profile, facts, kubernetesVersion });
    for (const rule of rules) {
      if (rule.checkPod !== undefined) {
        for (const hit of rule.checkPod(ctx)) {
          // A finding told as the API server sees it may move to another rule, which the run may leave out.
          const seen = asTheServerSeesIt(obj, { ruleId: rule.id, ...hit }, kubernetesVersion);
          if (seen !== undefined && active.has(seen.ruleId)) violations.push(seen);
        }
      }
    }
  }
  return violations;
}

const ACTIVE_IDS = new WeakMap<readonly Rule[], ReadonlySet<string>>();

function activeRuleIds(rules: readonly Rule[]): ReadonlySet<string> {
  let ids = ACTIVE_IDS.get(rules);
  if (ids === undefined) {
    ids = new Set(rules.map((rule) => rule.id));
    ACTIVE_IDS.set(rules, ids);
  }
  return ids;
}

function selectRules(options: LintOptions): readonly Rule[] {
  const disabled = new Set(options.disabledRules ?? []);
  for (const id of disabled) {
    if (findRule(id) === undefined) {
      throw new Error(`unknown rule "${id}" in disabledRules: the valid ids are listed by RuleCatalog.rules() and in the rules table of the README`);
    }
  }
  const includeWarnings = options.includeWarnings ?? true;
  return registeredRules().filter((rule) => !disabled.has(rule.id) && (includeWarnings || rule.severity !== Severity.WARNING));
}

function reportFor(obj: any, rules: readonly Rule[], settings: Required<RunSettings>): ObjectReport {
  const kind: string = obj.kind;
  const name = isObject(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : '';
  const suppressions = suppressionsOf(obj);
  const { reasons } = suppressions;
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const found of sortByPath(violationsOf(obj, rules, settings, suppressions))) {
    const finding: Finding = {
      ruleId: found.ruleId,
      severity: findRule(found.ruleId)!.severity,
      kind,
      name,
      path: found.path,
      message: found.message,
    };
    const reason = reasons.get(found.ruleId);
    if (reason === undefined) {
      findings.push(finding);
    } else {
      suppressed.push({ ...finding, reason });
    }
  }
  return { findings, suppressed };
}

/** Stable sort by path; equal paths keep the order the rules reported them in. */
function sortByPath(violations: Violation[]): Violation[] {
  const keyed = violations.map((found, order) => ({ found, order, key: pathKey(found.path) }));
  keyed.sort((a, b) => comparePathKeys(a.key, b.key) || a.order - b.order);
  return keyed.map((entry) => entry.found);
}

const PATH_TOKEN = /\[(\d+)\]|[^.[\]]+/g;

/** `spec.containers[10].image` → `['spec', 'containers', 10, 'image']`. */
function pathKey(path: string): Array<string | number> {
  const key: Array<string | number> = [];
  for (const match of path.matchAll(PATH_TOKEN)) {
    key.push(match[1] !== undefined ? Number(match[1]) : match[0]);
  }
  return key;
}

function comparePathKeys(a: Array<string | number>, b: Array<string | number>): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) {
      continue;
    }
    if (typeof x === 'number' && typeof y === 'number') {
      return x - y;
    }
    // An index sorts before a field name at the same depth; names sort alphabetically.
    if (typeof x === 'number') {
      return -1;
    }
    if (typeof y === 'number') {
      return 1;
    }
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
