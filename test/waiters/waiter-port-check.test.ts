import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { InitGatedApp, WaitFor } from '../../src';
import { WaiterPortCheck } from '../../src/waiters/waiter-port-check';

const APP = { name: 'app', image: 'busybox:1.28', command: ['sleep', '3600'], securityContext: { user: 1000 } };
const WARNINGS_ENV = 'CDK8S_POD_PATTERNS_WARNINGS';
const warnings = process.env[WARNINGS_ENV];

let outdir: string;
beforeEach(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'waiter-port-check-'));
  process.env[WARNINGS_ENV] = 'ignore';
});
afterEach(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
  process.env[WARNINGS_ENV] = warnings;
  jest.restoreAllMocks();
});

/** An app of `charts` charts, each with a Service `db-<i>` on 5432 and a Deployment whose TCP waiter waits for `db-<i>:<port>`. */
function appWithWaiters(charts: number, port: number): { app: App; services: kplus.Service[] } {
  const app = new App({ outdir });
  const services: kplus.Service[] = [];
  for (let i = 0; i < charts; i++) {
    const chart = new Chart(app, `c${i}`);
    services.push(new kplus.Service(chart, 'db', { metadata: { name: `db-${i}` }, ports: [{ port: 5432 }] }));
    new InitGatedApp(chart, 'app', { waitFor: [WaitFor.tcp(`db-${i}`, port)], containers: [APP] });
  }
  return { app, services };
}

/** Counts the checks: each one indexes the app's Services in one pass over the tree. */
function countChecks(): jest.SpyInstance {
  return jest.spyOn(WaiterPortCheck.prototype as any, 'check');
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a failure');
}

function expectedProblem(i: number): string {
  return `c${i}/app/Deployment: WaitFor.tcp("db-${i}", 5433) waits for port 5433 of Service "db-${i}" (c${i}/db), which exposes only TCP port(s) 5432: `
    + 'the waiter would time out and the Pod never start; wait for a port the Service exposes, or add 5433 to the Service';
}

// cdk8s 2.70 App.synth() validates the app, then App._synthChart validates it again for every chart's toJson().
describe('one check per app.synth(), whatever the number of charts', () => {
  test.each([1, 3])('%i chart(s), waiters on exposed ports: checked once, every chart written', (charts) => {
    const { app } = appWithWaiters(charts, 5432);
    const checks = countChecks();
    app.synth();
    expect(checks).toHaveBeenCalledTimes(1);
    expect(fs.readdirSync(outdir).filter((file) => file.endsWith('.k8s.yaml'))).toHaveLength(charts);
  });

  test('app.synthYaml() too', () => {
    const { app } = appWithWaiters(3, 5432);
    const checks = countChecks();
    expect(app.synthYaml()).toMatch(/wait-for-db-2-5432/);
    expect(checks).toHaveBeenCalledTimes(1);
  });

  test.each([1, 3])('%i chart(s), waiters on a port the Service lacks: the same findings, one per waiter, nothing written', (charts) => {
    const { app } = appWithWaiters(charts, 5433);
    const checks = countChecks();
    const message = messageOf(() => app.synth());
    expect(checks).toHaveBeenCalledTimes(1);
    const problems = message.split('\n').filter((line) => line.includes('[cdk8s-pod-patterns-waiter-ports]'));
    expect(problems).toEqual(Array.from({ length: charts }, (_, i) => `  [cdk8s-pod-patterns-waiter-ports] ${expectedProblem(i)}`));
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  test('each synth checks afresh: a port added after a failed synth lets the next one pass', () => {
    const { app, services } = appWithWaiters(3, 5433);
    const checks = countChecks();
    expect(() => app.synth()).toThrow(expectedProblem(1));
    services.forEach((service) => service.bind(5433));
    app.synth();
    expect(checks).toHaveBeenCalledTimes(2);
  });

  test('outside an app synth each validation checks: Testing.synth and chart.toJson() twice are two checks', () => {
    const { app } = appWithWaiters(3, 5433);
    const chart = app.node.findChild('c0') as Chart;
    const checks = countChecks();
    expect(() => Testing.synth(chart)).toThrow(expectedProblem(2));
    expect(() => chart.toJson()).toThrow(expectedProblem(0));
    expect(checks).toHaveBeenCalledTimes(2);
  });
});
