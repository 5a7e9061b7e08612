import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv from 'ajv';
import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { AdoptChart } from '../../examples/adopt-chart';
import { GALLERY } from '../../examples/gallery';
import { GuideChart } from '../../examples/guide-chart';
import { Explanation, InitGatedApp, WaitFor, WorkloadKind } from '../../src';
import { podTemplatesOf } from '../../src/rules/pod-templates';
import { parseMermaid, parseMermaidAll } from '../support/mermaid-parse';

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schema', 'explain.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(SCHEMA);

/** The guide's example (DESIGN.md R6): a Pod gated on myservice and mydb. */
function guideApp(kind: WorkloadKind = WorkloadKind.POD) {
  const chart = Testing.chart();
  const myservice = new kplus.Service(chart, 'myservice', { metadata: { name: 'myservice' }, ports: [{ port: 80, targetPort: 9376 }] });
  const mydb = new kplus.Service(chart, 'mydb', { metadata: { name: 'mydb' }, ports: [{ port: 80, targetPort: 9377 }] });
  return new InitGatedApp(chart, 'myapp-pod', {
    workload: kind,
    metadata: { name: 'myapp-pod' },
    waitFor: [WaitFor.service(myservice), WaitFor.service(mydb)],
    containers: [{ name: 'myapp-container', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 3600'], securityContext: { user: 1000, group: 1000 } }],
  });
}

describe('Explanation of the guide\'s example', () => {
  const explanation = Explanation.ofWorkload(guideApp());
  const json = explanation.toJson();

  test('recognises both waiters from their scripts, in order, with their timing', () => {
    expect(explanation.kind).toBe('Pod');
    expect(explanation.waiterTargets).toEqual(['myservice', 'mydb']);
    expect(json.initContainers.map((c: any) => [c.name, c.role, c.waiter.check, c.waiter.timeoutSeconds, c.waiter.intervalSeconds]))
      .toEqual([['wait-for-myservice', 'waiter', 'dns', 300, 2], ['wait-for-mydb', 'waiter', 'dns', 300, 2]]);
  });

  test('a bare Pod under restartPolicy Always: restarts in place, never recreated', () => {
    expect(json.controller.summary).toMatch(/bare Pod: nothing recreates it/);
    expect(json.restarts.restartPolicy).toBe('Always');
    expect(json.restarts.crashBackOffSeconds).toEqual([0, 10, 20, 40, 80, 160, 300]);
  });

  test('JSON validates against schema/explain.schema.json', () => {
    expect(validate([json])).toBe(true);
  });

  test('the schema can fail: a missing section or a back-off that is not a number is refused', () => {
    const { restarts, ...withoutRestarts } = json;
    expect(validate([withoutRestarts])).toBe(false);
    expect(validate([{ ...json, restarts: { ...restarts, crashBackOffSeconds: ['ten'] } }])).toBe(false);
  });

  test('the schema accepts every supported kubernetesVersion and refuses others; the JSON names the chosen one', () => {
    expect(validate([{ ...json, kubernetesVersion: '1.35' }])).toBe(true);
    expect(validate([{ ...json, kubernetesVersion: '1.36' }])).toBe(false);
    expect(json.kubernetesVersion).toBe('1.28');
  });

  test('text is wrapped at 100 columns and names every section', () => {
    const text = explanation.toText();
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    for (const title of ['Controller:', 'Sandbox:', 'Images:', 'Init phase', 'App phase', 'Restarts', 'Termination', 'Time to ready:', 'Not modelled:']) {
      expect(text).toContain(title);
    }
  });

  test('the Mermaid gantt chart parses with Mermaid\'s own parser', () => {
    expect(parseMermaid(explanation.toMermaid())).toBe('gantt');
  });
});

describe('Explanation with assumptions (--assume)', () => {
  test('myservice at +10 s, mydb at +30 s: the app starts after mydb is seen, within one interval', () => {
    const json = Explanation.ofWorkload(guideApp(), { assume: [{ target: 'myservice', readyAtSeconds: 10 }, { target: 'mydb', readyAtSeconds: 30 }] }).toJson();
    expect(json.timeline.outcome).toBe('started');
    expect(json.timeline.appStartSeconds.min).toBeGreaterThanOrEqual(30);
    expect(json.timeline.appStartSeconds.max).toBeLessThanOrEqual(30 + 2 + 1);
    expect(validate([json])).toBe(true);
  });

  test('mydb never under a Job with restartPolicy Never: the waiter gives up after 300 s and the Pod fails', () => {
    const explanation = Explanation.ofWorkload(guideApp(WorkloadKind.JOB), { assume: [{ target: 'mydb' }] });
    const timeline = explanation.toJson().timeline;
    expect(timeline.outcome).toBe('failed');
    const giveUp = timeline.events.find((e: any) => e.kind === 'give-up');
    expect(giveUp.container).toBe('wait-for-mydb');
    expect(giveUp.at.max).toBeGreaterThanOrEqual(300);
    expect(parseMermaid(explanation.toMermaid())).toBe('gantt');
  });

  test('an assumption about another workload\'s dependency does not apply', () => {
    const json = Explanation.ofWorkload(guideApp(), { assume: [{ target: 'postgres', readyAtSeconds: 5 }] }).toJson();
    expect(json.timeline.assumptions).toEqual([]);
  });
});

describe('Explanation factories', () => {
  test('ofManifest refuses an object that runs no Pods, naming it', () => {
    expect(() => Explanation.ofManifest({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' } }))
      .toThrow(/cannot explain Service\/db: it holds no Pod spec/);
  });

  test('ofWorkload refuses a construct with no workload', () => {
    expect(() => Explanation.ofWorkload(Testing.chart())).toThrow(/needs exactly one workload in the construct, found none/);
  });

  test('a hand-written Pod: pull policy defaulted from the tag as the API server does (SetDefaults_Container)', () => {
    const json = Explanation.ofManifest({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { restartPolicy: 'Never', containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'nginx:1.27' }, { name: 'c', image: 'nginx', imagePullPolicy: 'Never' }] },
    }).toJson();
    expect(json.images.map((i: any) => [i.container, i.pullPolicy, i.pullPolicySource])).toEqual([
      ['a', 'Always', 'defaulted'], ['b', 'IfNotPresent', 'defaulted'], ['c', 'Never', 'set'],
    ]);
    expect(json.images[2].onStart).toMatch(/ErrImageNeverPull.*without back-off/);
    expect(json.restarts.onExit.find((r: any) => r.exit === 'non-zero').action).toMatch(/not restarted/);
  });

  test('a native sidecar (init container with restartPolicy Always) and probes', () => {
    const json = Explanation.ofManifest({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 3,
        template: {
          spec: {
            initContainers: [{ name: 'proxy', image: 'envoy:1.30', restartPolicy: 'Always' }],
            containers: [{ name: 'web', image: 'nginx:1.27', readinessProbe: { httpGet: { port: 80 }, initialDelaySeconds: 5 } }],
          },
        },
      },
    }).toJson();
    expect(json.initContainers[0].role).toBe('sidecar');
    expect(json.controller.replicas).toBe(3);
    // readiness: no result before initialDelaySeconds, then one every periodSeconds (default 10: SetDefaults_Probe)
    expect(json.appContainers[0].probes[0]).toMatchObject({ type: 'readiness', initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3 });
    expect(json.timeToReady.readySeconds.min).toBeGreaterThanOrEqual(5);
    expect(json.timeToReady.readySeconds.max).toBeLessThanOrEqual(1 + 5 + 10 + 1);
  });
});

describe('every workload of the examples and the gallery (what `npm run synth` writes to cdk8s.out/)', () => {
  const app = Testing.app();
  const charts = [new GuideChart(app, 'myapp'), new AdoptChart(app, 'adopt'), ...GALLERY.map(({ id, build }) => build(app, id))];
  const manifests = charts.flatMap(chart => chart.toJson());
  const explanations = Explanation.ofManifests(manifests);

  test('each object that runs Pods is explained', () => {
    expect(explanations.length).toBe(manifests.filter(m => podTemplatesOf(m).length > 0).length);
    expect(explanations.length).toBeGreaterThanOrEqual(GALLERY.length + 2);
  });

  test('each JSON validates against the schema and each text fits 100 columns', () => {
    const json = explanations.map(e => e.toJson());
    expect(validate(json)).toBe(true);
    for (const explanation of explanations) {
      expect(explanation.toText().split('\n').filter(line => line.length > 100)).toEqual([]);
    }
  });

  test('the gallery\'s gated workloads have their waiters recognised', () => {
    const targets = explanations.flatMap(e => e.waiterTargets);
    expect(targets).toEqual(expect.arrayContaining(['myservice', 'mydb', 'postgres', 'redis']));
  });

  test('each Mermaid chart parses', () => {
    const types = parseMermaidAll(explanations.map(e => e.toMermaid()));
    expect(types).toEqual(explanations.map(() => 'gantt'));
  });
});
