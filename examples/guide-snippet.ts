import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { InitGatedApp, WaitFor, WorkloadKind } from '../src';

const app = new App();
const chart = new Chart(app, 'myapp');
const myservice = new kplus.Service(chart, 'myservice', { metadata: { name: 'myservice' }, ports: [{ port: 80, targetPort: 9376 }] });
const mydb = new kplus.Service(chart, 'mydb', { metadata: { name: 'mydb' }, ports: [{ port: 80, targetPort: 9377 }] });

new InitGatedApp(chart, 'myapp-pod', {
  workload: WorkloadKind.POD, // as the guide writes it; the default is a Deployment
  metadata: { name: 'myapp-pod', labels: { 'app.kubernetes.io/name': 'MyApp' } },
  waitFor: [WaitFor.service(myservice), WaitFor.service(mydb)],
  containers: [{
    name: 'myapp-container',
    image: 'busybox:1.28',
    command: ['sh', '-c', 'echo The app is running! && sleep 3600'],
    securityContext: { user: 1000, group: 1000 }, // busybox starts as root; restricted needs a numeric non-root user
    resources: { cpu: { request: kplus.Cpu.millis(10) }, memory: { request: Size.mebibytes(16) } },
  }],
});

app.synth(); // writes dist/myapp.k8s.yaml (cdk8s synth: cdk8s.out/)
