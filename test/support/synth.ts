import { Testing, Chart } from 'cdk8s';
import { expectSchemaValid } from './kubernetes-schema';

/** `Testing.synth` that also proves the output matches the Kubernetes schema. */
export function synthValid(chart: Chart): any[] {
  const manifests = Testing.synth(chart);
  expectSchemaValid(manifests);
  return manifests;
}

/** The single object of `kind` in `manifests`. */
export function only(manifests: any[], kind: string): any {
  const found = manifests.filter(m => m.kind === kind);
  if (found.length !== 1) {
    throw new Error(`expected one ${kind}, found ${found.length}`);
  }
  return found[0];
}

/** All containers of a Pod spec with their list name, in Pod order. */
export function allContainers(spec: any): any[] {
  return [...spec.initContainers ?? [], ...spec.containers ?? []];
}
