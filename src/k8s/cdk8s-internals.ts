/**
 * The one module that relies on what cdk8s and cdk8s-plus-28 do not promise:
 * private fields, the live objects behind public ones, default values and
 * call-stack frames. Each function is stateless and has a canary in
 * test/k8s/cdk8s-internals.test.ts that fails, naming the assumption, when the
 * installed cdk8s or cdk8s-plus-28 no longer behaves so. The peer ranges in
 * .projenrc.ts are pinned to the lines these canaries ran against, and CI
 * (.ci/newest-cdk8s.sh) runs them against the newest 2.x releases.
 *
 * Nothing else in src/ may reach into a cdk8s or cdk8s-plus object.
 */
import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';

/** A JSON patch operation as cdk8s applies it. */
export interface PatchOperation {
  op: string;
  path: string;
  value?: unknown;
}

/**
 * The operation object `patch` holds, which cdk8s clones at every render: what
 * is assigned to it changes what the next render writes.
 *
 * Why no public API serves: cdk8s only adds patches (`addJsonPatch`), never
 * removes or replaces one, so a check that runs at every synth can only keep a
 * pool of its own patches current by rewriting them in place.
 * Canary: the object is live (an assignment changes the rendered manifest).
 */
export function liveOperationOf(patch: JsonPatch): PatchOperation {
  return (patch as any)._toJson();
}

/**
 * The JSON patches added to `apiObject`, in order, or `undefined` if cdk8s no
 * longer keeps them where it did (callers then fall back to a correct, slower path).
 *
 * Why no public API serves: `ApiObject` does not expose its patch list.
 * Canary: the list holds the patches `addJsonPatch` added, in order.
 */
export function patchesOf(apiObject: ApiObject): readonly JsonPatch[] | undefined {
  const patches: unknown = (apiObject as any).patches;
  return Array.isArray(patches) ? patches : undefined;
}

/**
 * Moves `moved` (init containers just appended to `workload`) to position
 * `index` of its init containers.
 *
 * Why no public API serves: cdk8s-plus only appends init containers, and
 * `WaitFor.gate` on a workload that already has some must put its waiters first.
 * `InitGatedApp` avoids it by adding its own init containers after its waiters.
 * Canary: the reordered list is what `initContainers` returns and what is rendered.
 */
export function moveInitContainers(workload: kplus.AbstractPod, moved: readonly kplus.Container[], index: number): void {
  const list: kplus.Container[] = (workload as any)._initContainers;
  if (!Array.isArray(list) || moved.some((container, i) => list[list.length - moved.length + i] !== container)) {
    throw new Error(`${workload.node.path}: cannot place the waiters before the other init containers: `
      + 'the installed cdk8s-plus-28 no longer keeps init containers where src/k8s/cdk8s-internals.ts expects; '
      + 'add the other init containers after the waiters, or pin cdk8s-plus-28 to the range in package.json');
  }
  list.splice(list.length - moved.length, moved.length);
  list.splice(index, 0, ...moved);
}

/**
 * Sets the pull policy and resources of a container cdk8s-plus already built
 * (`attachContainer`). `resources: undefined` removes them.
 *
 * Why no public API serves: `kplus.Container` exposes them read-only, and an
 * attached container must be normalised like one added from props.
 * Canary: the assignment reaches the rendered container.
 */
export function rewriteBuiltContainer(
  container: kplus.Container,
  fields: { readonly imagePullPolicy: kplus.ImagePullPolicy; readonly resources: kplus.ContainerResources | undefined },
): void {
  const writable = container as { imagePullPolicy: kplus.ImagePullPolicy; resources?: kplus.ContainerResources };
  writable.imagePullPolicy = fields.imagePullPolicy;
  writable.resources = fields.resources;
}

/**
 * Whether `resources` are the ones cdk8s-plus-28 invents for a container built
 * without any (2.5.6: 1000m/1500m CPU, 512Mi/2048Mi memory), which cannot be told
 * from the same values written by hand.
 *
 * Why no public API serves: cdk8s-plus does not export its defaults.
 * Canary: a `new kplus.Container({ image })` carries exactly these.
 */
export function isCdk8sPlusDefaultResources(resources: kplus.ContainerResources | undefined): boolean {
  return resources?.cpu?.request?.amount === '1000m'
    && resources.cpu.limit?.amount === '1500m'
    && resources.memory?.request?.toMebibytes() === 512
    && resources.memory.limit?.toMebibytes() === 2048
    && resources.ephemeralStorage === undefined;
}

const CDK8S_APP_FILE = String.raw`cdk8s[\\/](?:lib|src)[\\/]app\.(?:js|ts)`;
const CHART_RENDER_FRAME = new RegExp(String.raw`\._synthChart \(.*` + CDK8S_APP_FILE);
const APP_SYNTH_FRAME = new RegExp(String.raw`\.synth(?:Yaml)? \(.*` + CDK8S_APP_FILE);

/**
 * Whether cdk8s is validating the app again for one of the charts it writes,
 * inside an `app.synth()` (or `synthYaml()`) that already validated the whole
 * app before writing anything: cdk8s 2.70 validates once per synth plus once
 * per chart, and nothing runs between those calls that could change the verdict.
 * Under a bundler the frames name another file and this is always false, which
 * is correct but checks once per chart.
 *
 * Why no public API serves: cdk8s tells a validation nothing about the synth.
 * Canary: inside `app.synth()` of two charts, the chart validations see it.
 */
export function isChartRenderWithinAppSynth(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 64;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  return CHART_RENDER_FRAME.test(stack) && APP_SYNTH_FRAME.test(stack);
}
