// A nightly pg_dump as a CronJob, gated on Postgres, writing to its own claim.
import { Chart, ChartProps, Cron, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { InitGatedApp, SecurityProfile, WaitFor, WorkloadKind } from 'cdk8s-pod-patterns';

/** The profile this app is hardened to and linted with. */
export const BACKUP_PROFILE = SecurityProfile.RESTRICTED;

export class BackupChart extends Chart {
  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const claim = new kplus.PersistentVolumeClaim(this, 'backups', {
      metadata: { name: 'postgres-backups' },
      accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE],
      storage: Size.gibibytes(20),
    });
    const backups = kplus.Volume.fromPersistentVolumeClaim(this, 'backups-volume', claim);
    const credentials = kplus.Secret.fromSecretName(this, 'credentials', 'postgres-credentials');
    new InitGatedApp(this, 'backup', {
      securityProfile: BACKUP_PROFILE,
      workload: WorkloadKind.CRON_JOB,
      schedule: Cron.schedule({ minute: '0', hour: '3' }),
      timeZone: 'Etc/UTC',
      concurrencyPolicy: kplus.ConcurrencyPolicy.FORBID,
      successfulJobsRetained: 7,
      failedJobsRetained: 3,
      backoffLimit: 2,
      activeDeadline: Duration.hours(1),
      restartPolicy: kplus.RestartPolicy.ON_FAILURE,
      podSecurityContext: { fsGroup: 999 },
      waitFor: [WaitFor.tcp('postgres', 5432)],
      containers: [{
        name: 'pg-dump',
        image: 'postgres:16.4',
        command: ['sh', '-c', 'pg_dump --host postgres --username postgres --format custom --file "/backups/$(date +%F).dump" postgres'],
        envVariables: { PGPASSWORD: kplus.EnvValue.fromSecretValue({ secret: credentials, key: 'password' }) },
        securityContext: { user: 999, group: 999 },
        volumeMounts: [{ path: '/backups', volume: backups }],
        resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(64), limit: Size.mebibytes(512) } },
      }],
    });
  }
}
