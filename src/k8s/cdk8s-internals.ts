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
import { ApiObject, App } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';

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

/**
 * Makes every later `apiObject.toJson()` return `render(original)`, where
 * `original` (also returned) renders the object as cdk8s would have.
 *
 * Why no public API serves: cdk8s has no hook between rendering an object and
 * writing it. The guard needs one to write exactly the manifest it judged (and
 * to render it once per synth); `toJson` is public, and cdk8s writes what it
 * returns. Canary: `chart.toJson()`, `app.synth()` and `app.synthYaml()` write
 * what the intercepted `toJson` returns.
 */
export function interceptRender(apiObject: ApiObject, render: (original: () => any) => any): () => any {
  const original = apiObject.toJson.bind(apiObject);
  Object.defineProperty(apiObject, 'toJson', { value: () => render(original), configurable: true, writable: true });
  return original;
}

/**
 * Runs `app.synth()` and `app.synthYaml()` through `around`, so that what
 * happens inside one synth (its validations, its renders) can be told apart
 * from the next.
 *
 * Why no public API serves: cdk8s tells a validation nothing about the synth
 * it runs in, and validates the whole app once per synth plus once per chart.
 * Canary: the validations of `app.synth()` and `app.synthYaml()` run inside `around`.
 */
export function aroundAppSynth(app: App, around: <T>(synth: () => T) => T): void {
  for (const method of ['synth', 'synthYaml'] as const) {
    const original = (app[method] as () => unknown).bind(app);
    Object.defineProperty(app, method, { value: () => around(original), configurable: true, writable: true });
  }
}
