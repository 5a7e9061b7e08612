// The recipe gallery: one chart per app, each synthesized by `npm run synth`
// into cdk8s.out/gallery-<app>.k8s.yaml next to the guide's example.
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { API_PROFILE, ApiChart } from './api';
import { BACKUP_PROFILE, BackupChart } from './backup';
import { MIGRATION_PROFILE, MigrationChart } from './migration';
import { NODE_AGENT_PROFILE, NodeAgentChart } from './node-agent';
import { POSTGRES_PROFILE, PostgresChart } from './postgres';
import { REDIS_PROFILE, RedisChart } from './redis';
import { WEB_PROFILE, WebChart } from './web';
import { SecurityProfile } from 'cdk8s-pod-patterns';

/** One gallery app: its chart id, the profile it declares, and how to build it. */
export interface GalleryApp {
  readonly id: string;
  readonly profile: SecurityProfile;
  readonly build: (scope: Construct, id: string) => Chart;
}

export const GALLERY: readonly GalleryApp[] = [
  { id: 'gallery-postgres', profile: POSTGRES_PROFILE, build: (s, id) => new PostgresChart(s, id) },
  { id: 'gallery-redis', profile: REDIS_PROFILE, build: (s, id) => new RedisChart(s, id) },
  { id: 'gallery-api', profile: API_PROFILE, build: (s, id) => new ApiChart(s, id) },
  { id: 'gallery-web', profile: WEB_PROFILE, build: (s, id) => new WebChart(s, id) },
  { id: 'gallery-migration', profile: MIGRATION_PROFILE, build: (s, id) => new MigrationChart(s, id) },
  { id: 'gallery-backup', profile: BACKUP_PROFILE, build: (s, id) => new BackupChart(s, id) },
  { id: 'gallery-node-agent', profile: NODE_AGENT_PROFILE, build: (s, id) => new NodeAgentChart(s, id) },
];
