// Canaries: each test pins one assumption src/k8s/cdk8s-internals.ts makes about the
// installed cdk8s / cdk8s-plus-28, and fails with a message that names it. CI runs
// them against the newest 2.x releases too (.ci/newest-cdk8s.sh).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Testing, Yaml, YamlOutputType } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  aroundAppSynth,
  interceptRender,
  isCdk8sPlusDefaultResources,
  moveInitContainers,
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

function withOutdir(run: (outdir: string) => void): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'canary-'));
  try {
    run(outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

test.each([
  YamlOutputType.FILE_PER_CHART,
  YamlOutputType.FILE_PER_APP,
  YamlOutputType.FILE_PER_RESOURCE,
  YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE,
])('interceptRender: cdk8s writes what the intercepted toJson returns (%s)', (yamlOutputType) => withOutdir(outdir => {
  const app = new App({ outdir, yamlOutputType });
  const pod = rawPod(new Chart(app, 'c'));
  const original = interceptRender(pod, render => ({ ...render(), metadata: { name: 'p', labels: { canary: 'intercepted' } } }));
  assume(original().metadata.labels === undefined, 'the returned original renders as cdk8s does');
  assume(Testing.synth(app.node.findChild('c') as Chart)[0].metadata.labels?.canary === 'intercepted', 'chart.toJson() renders each ApiObject through its toJson');
  assume(/canary: intercepted/.test(app.synthYaml()), 'app.synthYaml() renders each ApiObject through its toJson');
  app.synth();
  const written = fs.readdirSync(outdir, { recursive: true }).map(String).filter(f => f.endsWith('.yaml'));
  assume(written.length === 1 && Yaml.load(path.join(outdir, written[0]))[0].metadata.labels?.canary === 'intercepted',
    `app.synth() writes what each ApiObject's toJson returns (${yamlOutputType})`);
}));

test('aroundAppSynth: app.synth() and app.synthYaml() run their validations inside the wrapped call', () => withOutdir(outdir => {
  const app = new App({ outdir });
  let inside = false;
  const seen: boolean[] = [];
  new Construct(app, 'probe').node.addValidation({ validate: () => { seen.push(inside); return []; } });
  for (const id of ['one', 'two']) rawPod(new Chart(app, id));
  aroundAppSynth(app, synth => {
    inside = true;
    try {
      return synth();
    } finally {
      inside = false;
    }
  });
  app.synth();
  assume(seen.length >= 1 && seen.every(Boolean), `app.synth() validates inside the wrapped call (saw ${seen.join()})`);
  assume(fs.readdirSync(outdir).sort().join() === 'one.k8s.yaml,two.k8s.yaml', 'the wrapped app.synth() still writes every chart');
  seen.length = 0;
  assume(app.synthYaml().includes('kind: Pod') && seen.length >= 1 && seen.every(Boolean), 'app.synthYaml() validates inside the wrapped call');
  seen.length = 0;
  Testing.synth(app.node.findChild('one') as Chart);
  assume(seen.join() === 'false', 'a chart rendered outside app.synth() is not inside it');
}));
