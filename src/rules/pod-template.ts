/**
 * A Pod (or a workload's Pod template) inside a plain manifest object, with the
 * JSON paths of its parts so that findings point at the right place.
 */
export interface PodTemplateView {
  /** `metadata` of the Pod or template (may be `{}`). */
  readonly metadata: any;
  /** The Pod spec (`spec` of a Pod, `spec.template.spec` of a Deployment, ...). */
  readonly spec: any;
  /** JSON path of `metadata`, e.g. `spec.template.metadata`. */
  readonly metadataPath: string;
  /** JSON path of `spec`, e.g. `spec.template.spec`. */
  readonly specPath: string;
}
