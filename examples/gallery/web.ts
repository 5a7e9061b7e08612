// nginx-unprivileged in front, under the restricted profile: it already runs
// as uid 101 on port 8080; its temp and cache directories are writable paths.
import { Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { InitGatedApp, SecurityProfile, WaitFor } from 'cdk8s-pod-patterns';

/** The profile this app is hardened to and linted with. */
export const WEB_PROFILE = SecurityProfile.RESTRICTED;

export class WebChart extends Chart {
  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const web = new InitGatedApp(this, 'web', {
      securityProfile: WEB_PROFILE,
      replicas: 2,
      podMetadata: { labels: { 'app.kubernetes.io/name': 'web' } },
      waitFor: [WaitFor.http('http://api:8080/status/200')],
      writablePaths: ['/tmp', '/var/cache/nginx'],
      containers: [{
        name: 'nginx',
        image: 'nginxinc/nginx-unprivileged:1.27.2',
        securityContext: { user: 101, group: 101 },
        ports: [{ name: 'http', number: 8080 }],
        readiness: kplus.Probe.fromHttpGet('/', { port: 8080 }),
        liveness: kplus.Probe.fromTcpSocket({ port: 8080 }),
        resources: { cpu: { request: kplus.Cpu.millis(50) }, memory: { request: Size.mebibytes(32), limit: Size.mebibytes(128) } },
      }],
    });
    web.deployment.exposeViaService({ name: 'web', ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
  }
}
