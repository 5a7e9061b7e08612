// An API that starts only once Postgres and Redis accept connections, with its
// database URL from a Secret.
import { Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { InitGatedApp, SecurityProfile, WaitFor } from 'cdk8s-pod-patterns';

/** The profile this app is hardened to and linted with. */
export const API_PROFILE = SecurityProfile.RESTRICTED;

export class ApiChart extends Chart {
  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const secrets = kplus.Secret.fromSecretName(this, 'secrets', 'api-secrets');
    const api = new InitGatedApp(this, 'api', {
      securityProfile: API_PROFILE,
      replicas: 2,
      podMetadata: { labels: { 'app.kubernetes.io/name': 'api' } },
      waitFor: [WaitFor.tcp('postgres', 5432), WaitFor.tcp('redis', 6379)],
      containers: [{
        name: 'api',
        image: 'mccutchen/go-httpbin:v2.15.0',
        securityContext: { user: 65532, group: 65532 },
        envFrom: [kplus.Env.fromSecret(secrets)],
        ports: [{ name: 'http', number: 8080 }],
        readiness: kplus.Probe.fromHttpGet('/status/200', { port: 8080 }),
        liveness: kplus.Probe.fromTcpSocket({ port: 8080 }),
        resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(64), limit: Size.mebibytes(256) } },
      }],
    });
    api.deployment.exposeViaService({ name: 'api', ports: [{ name: 'http', port: 8080, targetPort: 8080 }] });
  }
}
