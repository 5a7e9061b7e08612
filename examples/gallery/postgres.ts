// Postgres as a StatefulSet under the restricted profile: the official image
// runs as its own numeric user (999) instead of root, fsGroup makes the volume
// its own, and the socket directory is a writable path.
import { Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { InitGatedApp, SecurityProfile, WorkloadKind } from 'cdk8s-pod-patterns';

/** The profile this app is hardened to and linted with. */
export const POSTGRES_PROFILE = SecurityProfile.RESTRICTED;

export class PostgresChart extends Chart {
  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const service = new kplus.Service(this, 'service', {
      metadata: { name: 'postgres' },
      clusterIP: 'None',
      ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }],
    });
    const claim = new kplus.PersistentVolumeClaim(this, 'data', {
      metadata: { name: 'postgres-data' },
      accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE],
      storage: Size.gibibytes(10),
    });
    const data = kplus.Volume.fromPersistentVolumeClaim(this, 'data-volume', claim);
    const credentials = kplus.Secret.fromSecretName(this, 'credentials', 'postgres-credentials');

    new InitGatedApp(this, 'postgres', {
      workload: WorkloadKind.STATEFUL_SET,
      service,
      securityProfile: POSTGRES_PROFILE,
      podMetadata: { labels: { 'app.kubernetes.io/name': 'postgres' } },
      podSecurityContext: { user: 999, group: 999, fsGroup: 999 },
      writablePaths: ['/var/run/postgresql', '/tmp'],
      containers: [{
        name: 'postgres',
        image: 'postgres:16.4',
        securityContext: { user: 999, group: 999 },
        envVariables: {
          PGDATA: kplus.EnvValue.fromValue('/var/lib/postgresql/data/pgdata'),
          POSTGRES_PASSWORD: kplus.EnvValue.fromSecretValue({ secret: credentials, key: 'password' }),
        },
        volumeMounts: [{ path: '/var/lib/postgresql/data', volume: data }],
        readiness: kplus.Probe.fromCommand(['pg_isready', '--host', '127.0.0.1', '--username', 'postgres']),
        liveness: kplus.Probe.fromTcpSocket({ port: 5432 }),
        resources: {
          cpu: { request: kplus.Cpu.millis(250) },
          memory: { request: Size.mebibytes(256), limit: Size.gibibytes(1) },
        },
      }],
    });
  }
}
