/**
 * A rule is one object: its id, severity, documentation, whether it may be
 * suppressed, and its check. Severity lives only here: checks return what is
 * wrong and where, the engine attaches the rule's id and severity.
 */
import { ClusterFacts } from './cluster-facts';
import { Severity } from './finding';
import { PodRuleContext } from './pod-templates';
import type { Suppressions } from './suppression';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { SecurityProfile } from '../policy/security-profile';

/** One rule of the catalogue: what it checks and what to do about it. */
export interface RuleDescription {
  /** Stable identifier, as it appears in findings. */
  readonly id: string;
  /** Severity of every finding of this rule. */
  readonly severity: Severity;
  /** What the rule checks. */
  readonly what: string;
  /** Why it matters: what Kubernetes does with such a manifest. */
  readonly why: string;
  /** How to fix a finding. */
  readonly fix: string;
  /** Kubernetes 1.28 source the rule follows, or the reason it exists. */
  readonly reference: string;
  /**
   * Whether the annotation `ignore-check.cdk8s-pod-patterns.io/<id>: <reason>`
   * may silence the rule on an object. False only for what the API server
   * rejects or the kubelet certainly fails on (every `api-*` rule and
   * `runtime-image-reference`: silencing the finding cannot make the object
   * valid) and for `bp-invalid-suppression` (it reports broken annotations).
   */
  readonly suppressible: boolean;
  /**
   * The Kubernetes releases the rule's verdict applies to (`1.28–1.35`), and
   * for a rule that depends on a feature gate's default, which and why: text
   * for people; `kubernetesReleases` holds the releases as data.
   * @default - every supported release
   */
  readonly kubernetesVersions?: string;
  /**
   * The supported Kubernetes releases the rule judges at, oldest first, by
   * `KubernetesVersion.name` (`['1.28']` for a rule that reports nothing from
   * 1.29 on). A release not listed gets no finding of this rule.
   * @default - every supported release (`KubernetesVersion.all()`)
   */
  readonly kubernetesReleases?: string[];
}

/** What a check reports: where (a JSON path from the object root) and what is wrong, with the fix. */
export interface RuleHit {
  readonly path: string;
  readonly message: string;
}

/** What a rule over the whole object is given. */
export interface ObjectRuleContext {
  /** `kind` of the object. */
  readonly kind: string;
  /** The whole manifest object. */
  readonly object: any;
  readonly profile: SecurityProfile;
  readonly facts: ClusterFacts;
  /** The Kubernetes release the run judges for. */
  readonly kubernetesVersion: KubernetesVersion;
  /** The object's suppression annotations, parsed once by the engine. */
  readonly suppressions: Suppressions;
}

/** A rule with its check: over the object, over each of its Pods, or both. */
export interface Rule extends RuleDescription {
  /** Runs once per object (any kind). */
  readonly checkObject?: (ctx: ObjectRuleContext) => RuleHit[];
  /** Runs once per Pod (or Pod template) the object describes. */
  readonly checkPod?: (ctx: PodRuleContext) => RuleHit[];
}

/** A rule without the two facts its kind decides: severity and suppressibility. */
export type EnforcedRuleSpec = Omit<Rule, 'severity' | 'suppressible'>;

/**
 * A rule the API server (`api-*`) or the kubelet (`runtime-*`) certainly enforces:
 * an error, not suppressible, since an annotation cannot make the object valid.
 * Its `reference` quotes the Kubernetes 1.28 source line that rejects the object.
 */
export function enforcedRule(spec: EnforcedRuleSpec): Rule {
  return { ...spec, severity: Severity.ERROR, suppressible: false };
}

/**
 * A likely run-time failure the manifest alone cannot prove (a declared port
 * binds nothing; a command may not run the path it mentions): a warning,
 * suppressible with a reason, so a correct manifest can always pass.
 */
export function runtimeHeuristicRule(spec: EnforcedRuleSpec): Rule {
  return { ...spec, severity: Severity.WARNING, suppressible: true };
}

/** A best practice: a warning, suppressible with a reason. */
export function bestPracticeRule(spec: EnforcedRuleSpec): Rule {
  return { ...spec, severity: Severity.WARNING, suppressible: true };
}

/** A check's report of `message` at `path`. */
export function hit(path: string, message: string): RuleHit {
  return { path, message };
}
