// Canaries: each test pins one assumption src/k8s/cdk8s-internals.ts makes about the
// installed cdk8s / cdk8s-plus-28, and fails with a message that names it. CI runs
// them against the newest 2.x releases too (.ci/newest-cdk8s.sh).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  isCdk8sPlusDefaultResources,
  isChartRenderWithinAppSynth,
  liveOperationOf,
  moveInitContainers,
  patchesOf,
  rewriteBuiltContainer,
} from '../../src/k8s/cdk8s-internals';

const versionOf = (pkg: string): string => JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;
const VERSIONS = `cdk8s ${versionOf('cdk8s')}, cdk8s-plus-28 ${versionOf('cdk8s-plus-28')}`;

/** Fails naming the assumption and the installed versions, not with a bare diff. */
function assume(holds: boolean, assumption: string): void {
  if (!holds) {
    throw new Error(`canary: ${assumption} no longer holds with ${VERSIONS}: adapt src/k8s/cdk8s-internals.ts, or keep the peer ranges below this release`);
  }
}

function rawPod(chart: Chart): ApiObject {
  return new ApiObject(chart, 'pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'busybox:1.36' }] } } as any);
}

test('liveOperationOf: JsonPatch keeps one operation object, which cdk8s clones at every render', () => {
  const pod = rawPod(Testing.chart());
  const patch = JsonPatch.test('/kind', 'Pod');
  pod.addJsonPatch(patch);
  expect(() => pod.toJson()).not.toThrow();
  Object.assign(liveOperationOf(patch), { op: 'add', path: '/metadata/labels', value: { canary: 'live' } });
  assume(pod.toJson().metadata.labels?.canary === 'live', 'an assignment to JsonPatch._toJson()\'s result changes the next render');
  Object.assign(liveOperationOf(patch), { op: 'test', path: '/kind', value: 'Pod' });
  assume(pod.toJson().metadata.labels === undefined, 'the operation is re-read at every render (not applied once)');
});

test('patchesOf: ApiObject keeps the patches addJsonPatch added, in order', () => {
  const pod = rawPod(Testing.chart());
  const first = JsonPatch.add('/metadata/labels', { a: '1' });
  const second = JsonPatch.test('/kind', 'Pod');
  pod.addJsonPatch(first, second);
  const patches = patchesOf(pod);
  assume(patches !== undefined, 'ApiObject.patches is an array');
  assume(patches!.length === 2 && patches![0] === first && patches![1] === second, 'ApiObject.patches holds the added JsonPatch objects in order');
});

test('moveInitContainers: AbstractPod keeps init containers in _initContainers, which initContainers and the render read', () => {
  const chart = Testing.chart();
  const deployment = new kplus.Deployment(chart, 'd', {
    containers: [{ name: 'app', image: 'nginx:1.25' }],
    initContainers: [{ name: 'a', image: 'busybox:1.36' }, { name: 'b', image: 'busybox:1.36' }],
  });
  const c = deployment.addInitContainer({ name: 'c', image: 'busybox:1.36' });
  moveInitContainers(deployment, [c], 0);
  assume(deployment.initContainers.map(x => x.name).join() === 'c,a,b', 'AbstractPod.initContainers reads _initContainers');
  const rendered = Testing.synth(chart).find(o => o.kind === 'Deployment').spec.template.spec.initContainers;
  assume(rendered.map((x: any) => x.name).join() === 'c,a,b', 'the Pod spec renders _initContainers in its order');
});

test('moveInitContainers refuses, naming the workload, when the moved containers are not the last ones', () => {
  const deployment = new kplus.Deployment(Testing.chart(), 'd', { initContainers: [{ name: 'a', image: 'busybox:1.36' }] });
  const stranger = new kplus.Container({ name: 'x', image: 'busybox:1.36' });
  expect(() => moveInitContainers(deployment, [stranger], 0)).toThrow(/^test\/d: cannot place the waiters before the other init containers/);
});

test('rewriteBuiltContainer: a built Container\'s imagePullPolicy and resources are plain fields the render reads', () => {
  const chart = Testing.chart();
  const pod = new kplus.Pod(chart, 'pod');
  const container = new kplus.Container({ name: 'app', image: 'nginx:1.25' });
  rewriteBuiltContainer(container, { imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT, resources: undefined });
  pod.attachContainer(container);
  const rendered = Testing.synth(chart).find(o => o.kind === 'Pod').spec.containers[0];
  assume(rendered.imagePullPolicy === 'IfNotPresent', 'Container.imagePullPolicy is writable and rendered as written');
  assume(rendered.resources === undefined, 'Container.resources is writable and omitted when undefined');
});

test('isCdk8sPlusDefaultResources: cdk8s-plus invents exactly 1000m/1500m CPU and 512Mi/2048Mi memory', () => {
  const built = new kplus.Container({ image: 'nginx:1.25' });
  assume(isCdk8sPlusDefaultResources(built.resources), 'new kplus.Container({ image }) carries 1000m/1500m CPU, 512Mi/2048Mi memory');
  assume(built.imagePullPolicy === kplus.ImagePullPolicy.ALWAYS, 'new kplus.Container({ image }) carries imagePullPolicy Always');
  expect(isCdk8sPlusDefaultResources(new kplus.Container({ image: 'nginx:1.25', resources: {} }).resources)).toBe(false);
  expect(isCdk8sPlusDefaultResources(undefined)).toBe(false);
});

test('isChartRenderWithinAppSynth: app.synth() validates once, then once per chart from App._synthChart', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'canary-'));
  try {
    const app = new App({ outdir });
    const seen: boolean[] = [];
    new Construct(app, 'probe').node.addValidation({ validate: () => { seen.push(isChartRenderWithinAppSynth()); return []; } });
    for (const id of ['one', 'two']) rawPod(new Chart(app, id));
    app.synth();
    assume(seen.join() === 'false,true,true', `app.synth() of 2 charts validates 3 times, the chart renders recognisable on the stack (saw ${seen.join()})`);
    seen.length = 0;
    Testing.synth(app.node.findChild('one') as Chart);
    assume(seen.join() === 'false', 'a chart rendered outside app.synth() is not taken for one inside it');
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
