import { App, Chart } from 'cdk8s';
import { InitGatedApp, SafePod } from '../src';
const USER = { user: 1000, group: 1000 };
const app = new App({ outdir: '/tmp/t3out' });
const good = new Chart(app, 'good');
new SafePod(good, 'fine', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
const bad = new Chart(app, 'bad');
new SafePod(bad, 'privileged', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: { ...USER, privileged: true } }] });
new SafePod(bad, 'clash', { containers: [ { name: 'a', image: 'nginx:1.25', securityContext: USER, ports: [{ number: 80 }] }, { name: 'b', image: 'nginx:1.25', securityContext: USER, ports: [{ number: 80 }] } ] });
const gated = new InitGatedApp(bad, 'gated', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
gated.workload.addInitContainer({ name: 'app', image: 'busybox:1.36', securityContext: { ...USER, allowPrivilegeEscalation: true } });
try { app.synth(); } catch (e) { console.log((e as Error).message); }
