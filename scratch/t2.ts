import { ApiObject, Testing, App, Chart } from 'cdk8s';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { k8s } from 'cdk8s-plus-28';
import * as kplus from 'cdk8s-plus-28';
import { PodPatterns, SafePod } from '../src';

const c2 = Testing.chart();
new k8s.KubeDeployment(c2, 'raw', { spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'x', image: 'nginx:1.25', resources: { requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('64Mi') } }, securityContext: { runAsUser: 1000 } }] } } } });
new ApiObject(c2, 'rawpod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'rawpod' }, spec: { containers: [{ name: 'y', image: 'busybox:1.36', securityContext: { runAsUser: 1000 }, resources: { requests: { cpu: '10m', memory: '1Mi' } } }] } });
PodPatterns.apply(c2);
const out = Testing.synth(c2);
console.log(JSON.stringify(out.map(o => o.spec.template?.spec ?? o.spec), null, 0));
const again = Testing.synth(c2);
console.log('stable:', JSON.stringify(again) === JSON.stringify(out));

// app synth: 2 charts, 2nd bad → nothing written
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'g-'));
const app = new App({ outdir });
const good = new Chart(app, 'good');
new SafePod(good, 'p', { containers: [{ name: 'a', image: 'nginx:1.25', securityContext: { user: 1000 } }] });
const bad = new Chart(app, 'bad');
new SafePod(bad, 'p1', { containers: [{ name: 'a', image: 'nginx:1.25', securityContext: { user: 1000, privileged: true } }] });
new SafePod(bad, 'p2', { containers: [{ name: 'a', image: 'nginx:1.25', ports: [{number: 80}] }, { name: 'b', image: 'nginx:1.25', ports: [{number: 80}] }] });
const d = new kplus.Deployment(bad, 'plain', { containers: [{ image: 'nginx:1.25' }] });
PodPatterns.apply(d);
try { app.synth(); } catch (e) { console.log((e as Error).message); }
console.log('written:', fs.readdirSync(outdir));
