/**
 * Runs every rule over plain manifest objects. One engine serves the constructs
 * (at synth, once per workload), the `lint` command and the cdk8s plugin, so all
 * three report exactly the same findings.
 */
import { checkObjectApiRules, checkPodApiRules } from './api-rules';
import { checkObjectBestPractices, checkPodBestPractices } from './best-practice-rules';
import { Finding, Violation } from './finding';
import { checkPodSecurity } from './pod-security';
import { isObject, podRuleContext, podTemplatesOf } from './pod-templates';
import { ClusterFacts, checkPodRuntimeRules, serviceAccountKey } from './runtime-rules';
import { SecurityProfile } from '../policy/security-profile';

/** How to lint. */
export interface LintOptions {
  /** Pod Security Standards level the Pods must meet. */
  readonly profile: SecurityProfile;
  /**
   * Run the best-practice rules (all warnings). The constructs skip them at
   * synth, where only errors matter.
   * @default true
   */
  readonly includeWarnings?: boolean;
}

/**
 * Every finding for `objects`, in a stable order: by object (in the order given),
 * then by JSON path inside the object (array indices compared as numbers).
 *
 * Objects that are not Kubernetes objects (no `kind`) are skipped. Cross-object
 * facts (ServiceAccounts that turn token automounting off) are gathered in one
 * pass into maps, so the cost stays linear in the number of objects.
 */
export function lintObjects(objects: readonly any[], options: LintOptions): Finding[] {
  return findingsPerObject(objects, options).flat();
}

/**
 * The findings of each of `objects`, index for index (`[]` for an object that
 * is not a Kubernetes object), so callers can attribute them, e.g. to the file
 * an object came from, while cross-object facts still see every object.
 */
export function findingsPerObject(objects: readonly any[], options: LintOptions): Finding[][] {
  const facts = clusterFactsOf(objects);
  const includeWarnings = options.includeWarnings ?? true;
  return objects.map((obj) => isObject(obj) && typeof obj.kind === 'string'
    ? lintObject(obj, options.profile, facts, includeWarnings)
    : []);
}

function lintObject(obj: any, profile: SecurityProfile, facts: ClusterFacts, includeWarnings: boolean): Finding[] {
  const violations: Violation[] = checkObjectApiRules(obj);
  if (includeWarnings) violations.push(...checkObjectBestPractices(obj));
  for (const pod of podTemplatesOf(obj)) {
    const ctx = podRuleContext(obj, pod);
    violations.push(
      ...checkPodApiRules(ctx),
      ...checkPodRuntimeRules(ctx, facts),
      ...checkPodSecurity(pod, profile),
    );
    if (includeWarnings) violations.push(...checkPodBestPractices(ctx));
  }
  const kind: string = obj.kind;
  const name = isObject(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : '';
  return sortByPath(violations).map((found) => ({
    ruleId: found.ruleId,
    severity: found.severity,
    kind,
    name,
    path: found.path,
    message: found.message,
  }));
}

function clusterFactsOf(objects: readonly any[]): ClusterFacts {
  const serviceAccountAutomount = new Map<string, boolean>();
  for (const obj of objects) {
    if (isObject(obj) && obj.kind === 'ServiceAccount' && typeof obj.automountServiceAccountToken === 'boolean'
      && isObject(obj.metadata) && typeof obj.metadata.name === 'string') {
      serviceAccountAutomount.set(serviceAccountKey(obj.metadata.namespace, obj.metadata.name), obj.automountServiceAccountToken);
    }
  }
  return { serviceAccountAutomount };
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
