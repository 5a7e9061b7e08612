// Redis as a Deployment under the restricted profile: its numeric user (999)
// and a writable /data keep the root filesystem read-only.
import { Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { InitGatedApp, SecurityProfile } from 'cdk8s-pod-patterns';

/** The profile this app is hardened to and linted with. */
export const REDIS_PROFILE = SecurityProfile.RESTRICTED;

export class RedisChart extends Chart {
  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const redis = new InitGatedApp(this, 'redis', {
      securityProfile: REDIS_PROFILE,
      podMetadata: { labels: { 'app.kubernetes.io/name': 'redis' } },
      writablePaths: ['/data'],
      containers: [{
        name: 'redis',
        image: 'redis:7.4.1',
        args: ['--save', '', '--appendonly', 'no'],
        securityContext: { user: 999, group: 999 },
        ports: [{ name: 'redis', number: 6379 }],
        readiness: kplus.Probe.fromCommand(['redis-cli', 'ping']),
        liveness: kplus.Probe.fromTcpSocket({ port: 6379 }),
        resources: { cpu: { request: kplus.Cpu.millis(50) }, memory: { request: Size.mebibytes(64), limit: Size.mebibytes(256) } },
      }],
    });
    redis.deployment.exposeViaService({ name: 'redis', ports: [{ name: 'redis', port: 6379, targetPort: 6379 }] });
  }
}
