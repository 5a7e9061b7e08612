// The guide's init-container example (pod-guide.zh.txt, section 五): `myapp`
// starts only once the Services `myservice` and `mydb` exist in DNS.
import { Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { InitGatedApp, SafePod, WaitFor, WorkloadKind } from '../src';

export class GuideChart extends Chart {
  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);

    const myservice = new kplus.Service(this, 'myservice', {
      metadata: { name: 'myservice' },
      ports: [{ port: 80, targetPort: 9376 }],
    });
    const mydb = new kplus.Service(this, 'mydb', {
      metadata: { name: 'mydb' },
      ports: [{ port: 80, targetPort: 9377 }],
    });

    // busybox runs as root; under the default (restricted) profile it needs a numeric non-root user.
    const myappContainer: kplus.ContainerProps = {
      name: 'myapp-container',
      image: 'busybox:1.28',
      command: ['sh', '-c', 'echo The app is running! && sleep 3600'],
      securityContext: { user: 1000, group: 1000 },
      resources: { cpu: { request: kplus.Cpu.millis(10) }, memory: { request: Size.mebibytes(16) } },
    };

    // Once as the guide writes it: a bare Pod.
    new InitGatedApp(this, 'myapp-pod', {
      workload: WorkloadKind.POD,
      metadata: { name: 'myapp-pod', labels: { 'app.kubernetes.io/name': 'MyApp' } },
      waitFor: [WaitFor.service(myservice), WaitFor.service(mydb)],
      containers: [myappContainer],
    });

    // Once as it should run: a Deployment, which heals itself.
    new InitGatedApp(this, 'myapp', {
      waitFor: [WaitFor.service(myservice), WaitFor.service(mydb)],
      containers: [myappContainer],
    });

    // A hardened standalone Pod: an init container renders into an emptyDir the web container serves (guide R1/R2).
    const content = kplus.Volume.fromEmptyDir(this, 'content', 'content');
    new SafePod(this, 'web', {
      metadata: { name: 'web' },
      shareProcessNamespace: true,
      containers: [{
        name: 'web',
        image: 'busybox:1.36.1',
        command: ['httpd', '-f', '-p', '8080', '-h', '/srv'],
        ports: [{ number: 8080, name: 'http' }],
        volumeMounts: [{ path: '/srv', volume: content, readOnly: true }],
        securityContext: { user: 1000, group: 1000 },
        resources: { cpu: { request: kplus.Cpu.millis(10) }, memory: { request: Size.mebibytes(16) } },
      }],
      initContainers: [{
        name: 'render',
        image: 'busybox:1.36.1',
        command: ['sh', '-c', 'echo "<h1>rendered at $(date)</h1>" > /srv/index.html'],
        volumeMounts: [{ path: '/srv', volume: content }],
        securityContext: { user: 1000, group: 1000 },
      }],
    });
  }
}
