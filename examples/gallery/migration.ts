// A one-shot schema migration: `docker run --restart=on-failure:3` becomes a
// Job that retries three times, and it waits for Postgres first.
import { Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DockerRestart, InitGatedApp, SecurityProfile, WaitFor } from 'cdk8s-pod-patterns';

/** The profile this app is hardened to and linted with. */
export const MIGRATION_PROFILE = SecurityProfile.RESTRICTED;

export class MigrationChart extends Chart {
  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const restart = DockerRestart.parse('on-failure:3');
    const migrations = new kplus.ConfigMap(this, 'migrations', {
      metadata: { name: 'migrations' },
      data: {
        '1_create_items.up.sql': 'CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL);\n',
        '1_create_items.down.sql': 'DROP TABLE items;\n',
      },
    });
    const secrets = kplus.Secret.fromSecretName(this, 'secrets', 'api-secrets');
    new InitGatedApp(this, 'migrate', {
      securityProfile: MIGRATION_PROFILE,
      workload: restart.workloadKind,
      restartPolicy: restart.restartPolicy,
      backoffLimit: restart.backoffLimit,
      waitFor: [WaitFor.tcp('postgres', 5432)],
      containers: [{
        name: 'migrate',
        image: 'migrate/migrate:v4.17.1',
        args: ['-path', '/migrations', '-database', '$(DATABASE_URL)', 'up'],
        envVariables: { DATABASE_URL: kplus.EnvValue.fromSecretValue({ secret: secrets, key: 'DATABASE_URL' }) },
        securityContext: { user: 65532, group: 65532 },
        volumeMounts: [{ path: '/migrations', volume: kplus.Volume.fromConfigMap(this, 'migrations-volume', migrations), readOnly: true }],
        resources: { cpu: { request: kplus.Cpu.millis(50) }, memory: { request: Size.mebibytes(32), limit: Size.mebibytes(128) } },
      }],
    });
  }
}
