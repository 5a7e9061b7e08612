import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { InitGatedApp, WaitFor } from 'cdk8s-pod-patterns';

const app = new App();
const chart = new Chart(app, 'shop');
new InitGatedApp(chart, 'api', { // a Deployment, hardened to Pod Security "restricted"
  waitFor: [WaitFor.tcp('postgres', 5432)], // an init container that waits, with a deadline
  containers: [{
    name: 'api',
    image: 'mccutchen/go-httpbin:v2.15.0', // pinned: the pull policy is computed, not guessed
    portNumber: 8080,
    securityContext: { user: 65532, group: 65532 },
    resources: { cpu: { request: kplus.Cpu.millis(50) }, memory: { request: Size.mebibytes(64) } },
  }],
});
app.synth();
