/** How bad a finding is. */
export enum Severity {
  /** The API server would reject the object, or it certainly fails at run time, or it violates the chosen security profile. */
  ERROR = 'error',
  /** Accepted, but against a documented best practice, or likely (not certainly) to fail at run time. */
  WARNING = 'warning',
}

/** One problem found in a manifest. */
export interface Finding {
  /** Stable rule identifier, e.g. `api-image-pull-policy`. */
  readonly ruleId: string;
  /** Severity of the finding. */
  readonly severity: Severity;
  /** The `kind` of the object the finding is about. */
  readonly kind: string;
  /** `metadata.name` of the object (empty when the object has none). */
  readonly name: string;
  /** JSON path inside the object, e.g. `spec.template.spec.containers[0].image`. */
  readonly path: string;
  /** What is wrong, the bad value, and the fix. */
  readonly message: string;
}

/**
 * A finding the object's author silenced with the annotation
 * `ignore-check.cdk8s-pod-patterns.io/<rule-id>: <reason>`: reported apart, with the reason.
 */
export interface SuppressedFinding extends Finding {
  /** The annotation's value: why the rule does not apply to this object. */
  readonly reason: string;
}

/**
 * A finding before it is attached to an object and given its rule's severity:
 * what the engine collects from the rules' checks. `path` is relative to the object root.
 */
export interface Violation {
  readonly ruleId: string;
  readonly path: string;
  readonly message: string;
}
