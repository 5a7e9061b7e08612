// InitGatedApp for real applications: every controller kind a waiter makes sense
// for, the Pod-level and per-kind settings, typed access, addXxx methods.
import { Cron, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { InitGatedApp, InitGatedAppProps, WaitFor, WorkloadKind } from '../../src';
import { podTemplatesOf } from '../../src/rules/pod-templates';
import { evaluateManifest } from '../support/pss-oracle';
import { only, synthValid } from '../support/synth';

const USER = { user: 1000, group: 1000 };
const APP: kplus.ContainerProps = { name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], securityContext: USER };

function build(props: Partial<InitGatedAppProps>): { app: InitGatedApp; manifests: any[] } {
  const chart = Testing.chart();
  const app = new InitGatedApp(chart, 'app', { containers: [APP], waitFor: [WaitFor.tcp('db', 5432)], ...props });
  return { app, manifests: synthValid(chart) };
}

function specOf(manifest: any): any {
  return podTemplatesOf(manifest)[0].spec;
}

describe('every controller kind a waiter makes sense for', () => {
  test.each([
    [WorkloadKind.DEPLOYMENT, {}, 'Always'],
    [WorkloadKind.STATEFUL_SET, {}, 'Always'],
    [WorkloadKind.DAEMON_SET, {}, 'Always'],
    [WorkloadKind.JOB, {}, 'Never'],
    [WorkloadKind.CRON_JOB, { schedule: Cron.daily() }, 'Never'],
    [WorkloadKind.POD, {}, 'Always'],
  ] as Array<[WorkloadKind, Partial<InitGatedAppProps>, string]>)('%s: waiter first, restartPolicy %s, schema-valid, PSS restricted', (workload, extra, restartPolicy) => {
    const { manifests } = build({ workload, ...extra });
    const manifest = only(manifests, workload);
    const spec = specOf(manifest);
    expect(spec.initContainers[0].name).toBe('wait-for-db-5432');
    expect(spec.restartPolicy).toBe(restartPolicy);
    expect(evaluateManifest(manifest, 'restricted').forbidden).toEqual([]);
  });

  test('a StatefulSet whose containers declare no port synthesizes, governed by a headless Service without ports', () => {
    const { manifests } = build({ workload: WorkloadKind.STATEFUL_SET });
    const service = only(manifests, 'Service');
    expect(service.spec).toEqual({ clusterIP: 'None', externalIPs: [], selector: expect.any(Object), type: 'ClusterIP' });
    expect(only(manifests, 'StatefulSet').spec.serviceName).toBe(service.metadata.name);
  });

  test('a StatefulSet takes your own Service, which then selects its Pods', () => {
    const chart = Testing.chart();
    const db = new kplus.Service(chart, 'db', { metadata: { name: 'postgres' }, clusterIP: 'None', ports: [{ port: 5432 }] });
    new InitGatedApp(chart, 'app', { workload: WorkloadKind.STATEFUL_SET, service: db, containers: [APP], podManagementPolicy: kplus.PodManagementPolicy.PARALLEL });
    const manifests = synthValid(chart);
    const statefulSet = only(manifests, 'StatefulSet');
    expect(statefulSet.spec.serviceName).toBe('postgres');
    expect(statefulSet.spec.podManagementPolicy).toBe('Parallel');
    expect(only(manifests, 'Service').spec.selector).toEqual(statefulSet.spec.selector.matchLabels);
  });

  test('CronJob settings reach the CronJob and its Job template', () => {
    const { manifests } = build({
      workload: WorkloadKind.CRON_JOB,
      schedule: Cron.schedule({ minute: '0', hour: '3' }),
      concurrencyPolicy: kplus.ConcurrencyPolicy.REPLACE,
      successfulJobsRetained: 5,
      failedJobsRetained: 2,
      startingDeadline: Duration.minutes(5),
      suspend: true,
      backoffLimit: 2,
      activeDeadline: Duration.hours(1),
    });
    const cron = only(manifests, 'CronJob');
    expect(cron.spec).toMatchObject({
      schedule: '0 3 * * *',
      concurrencyPolicy: 'Replace',
      successfulJobsHistoryLimit: 5,
      failedJobsHistoryLimit: 2,
      startingDeadlineSeconds: 300,
      suspend: true,
    });
    expect(cron.spec.jobTemplate.spec).toMatchObject({ backoffLimit: 2, activeDeadlineSeconds: 3600 });
  });

  test('Job deadline and TTL reach the Job', () => {
    const job = only(build({ workload: WorkloadKind.JOB, activeDeadline: Duration.minutes(30), ttlAfterFinished: Duration.hours(1) }).manifests, 'Job');
    expect(job.spec).toMatchObject({ activeDeadlineSeconds: 1800, ttlSecondsAfterFinished: 3600 });
  });

  test('Deployment strategy, minReady and progressDeadline reach the Deployment', () => {
    const deployment = only(build({
      strategy: kplus.DeploymentStrategy.recreate(), minReady: Duration.seconds(10), progressDeadline: Duration.minutes(5),
    }).manifests, 'Deployment');
    expect(deployment.spec).toMatchObject({ strategy: { type: 'Recreate' }, minReadySeconds: 10, progressDeadlineSeconds: 300 });
  });

  test('DaemonSet minReady reaches the DaemonSet', () => {
    expect(only(build({ workload: WorkloadKind.DAEMON_SET, minReady: Duration.seconds(15) }).manifests, 'DaemonSet').spec.minReadySeconds).toBe(15);
  });
});

describe('options a kind cannot honour are refused before any work', () => {
  test.each([
    [WorkloadKind.DEPLOYMENT, { schedule: Cron.daily() }, /schedule cannot be set on a Deployment: it applies to CronJob/],
    [WorkloadKind.JOB, { strategy: kplus.DeploymentStrategy.recreate() }, /strategy cannot be set on a Job: it applies to Deployment/],
    [WorkloadKind.DAEMON_SET, { replicas: 2 }, /replicas cannot be set on a DaemonSet/],
    [WorkloadKind.POD, { ttlAfterFinished: Duration.hours(1) }, /ttlAfterFinished cannot be set on a Pod: it applies to Job and CronJob/],
    [WorkloadKind.CRON_JOB, {}, /a CronJob needs a schedule: set schedule/],
    [WorkloadKind.CRON_JOB, { schedule: Cron.daily(), failedJobsRetained: -1 }, /failedJobsRetained -1 must be a non-negative 32-bit integer/],
    [WorkloadKind.CRON_JOB, { schedule: Cron.daily(), ttlAfterFinished: Duration.hours(1), successfulJobsRetained: 3 },
      /^test\/app: ttlAfterFinished cannot be set together with successfulJobsRetained or failedJobsRetained/],
  ] as Array<[WorkloadKind, Partial<InitGatedAppProps>, RegExp]>)('%s (case %#) is refused with the reason', (workload, extra, message) => {
    const chart = Testing.chart();
    expect(() => new InitGatedApp(chart, 'app', { workload, containers: [APP], ...extra })).toThrow(message);
  });
});

describe('Pod-level settings', () => {
  test('podMetadata labels land on the Pods, where a Service selects them; metadata stays on the Deployment', () => {
    const chart = Testing.chart();
    const app = new InitGatedApp(chart, 'app', {
      metadata: { labels: { team: 'payments' } },
      podMetadata: { labels: { app: 'postgres' }, annotations: { 'prometheus.io/scrape': 'true' } },
      containers: [{ ...APP, ports: [{ number: 8080 }] }],
    });
    app.deployment.exposeViaService({ name: 'api', ports: [{ port: 80, targetPort: 8080 }] });
    const manifests = synthValid(chart);
    const deployment = only(manifests, 'Deployment');
    expect(deployment.metadata.labels).toMatchObject({ team: 'payments' });
    expect(deployment.spec.template.metadata.labels).toMatchObject({ app: 'postgres' });
    expect(deployment.spec.template.metadata.labels.team).toBeUndefined();
    expect(deployment.spec.template.metadata.annotations).toEqual({ 'prometheus.io/scrape': 'true' });
    const service = only(manifests, 'Service');
    for (const [key, value] of Object.entries(service.spec.selector)) {
      expect(deployment.spec.template.metadata.labels[key]).toBe(value);
    }
  });

  test('with a bare Pod, podMetadata is merged into the Pod\'s own metadata', () => {
    const pod = only(build({ workload: WorkloadKind.POD, metadata: { labels: { a: '1' } }, podMetadata: { labels: { b: '2' } } }).manifests, 'Pod');
    expect(pod.metadata.labels).toMatchObject({ a: '1', b: '2' });
  });

  test('service account, token mount, volumes, dns, host aliases, grace period and pull secret reach the Pod spec', () => {
    const chart = Testing.chart();
    const serviceAccount = new kplus.ServiceAccount(chart, 'sa', { metadata: { name: 'api' } });
    const pullSecret = new kplus.DockerConfigSecret(chart, 'pull', { data: { auths: {} }, metadata: { name: 'registry' } });
    const config = kplus.Volume.fromEmptyDir(chart, 'config', 'config');
    new InitGatedApp(chart, 'app', {
      containers: [{ ...APP, volumeMounts: [{ path: '/etc/app', volume: config }] }],
      serviceAccount,
      automountServiceAccountToken: true,
      volumes: [config],
      dns: { nameservers: ['10.0.0.10'], policy: kplus.DnsPolicy.NONE },
      hostAliases: [{ ip: '10.0.0.5', hostnames: ['legacy.internal'] }],
      terminationGracePeriod: Duration.seconds(60),
      dockerRegistryAuth: pullSecret,
    });
    const spec = specOf(only(synthValid(chart), 'Deployment'));
    expect(spec).toMatchObject({
      serviceAccountName: 'api',
      automountServiceAccountToken: true,
      volumes: [{ name: 'config', emptyDir: {} }],
      dnsPolicy: 'None',
      dnsConfig: { nameservers: ['10.0.0.10'] },
      hostAliases: [{ ip: '10.0.0.5', hostnames: ['legacy.internal'] }],
      terminationGracePeriodSeconds: 60,
      imagePullSecrets: [{ name: 'registry' }],
    });
  });
});

describe('typed access and addXxx methods', () => {
  test('each kind has its accessor; the wrong one names the kind', () => {
    const { app } = build({ workload: WorkloadKind.STATEFUL_SET });
    expect(app.statefulSet).toBeInstanceOf(kplus.StatefulSet);
    expect(app.kind).toBe(WorkloadKind.STATEFUL_SET);
    expect(() => app.deployment).toThrow(/the workload is a StatefulSet, not a Deployment/);
    expect(build({}).app.deployment.scheduling).toBeDefined();
    expect(build({ workload: WorkloadKind.CRON_JOB, schedule: Cron.daily() }).app.cronJob).toBeInstanceOf(kplus.CronJob);
    expect(build({ workload: WorkloadKind.DAEMON_SET }).app.daemonSet.connections).toBeDefined();
    expect(build({ workload: WorkloadKind.JOB }).app.job).toBeInstanceOf(kplus.Job);
    expect(build({ workload: WorkloadKind.POD }).app.pod).toBeInstanceOf(kplus.Pod);
  });

  test('addWaitFor, addInitContainer, addSidecar and addContainer keep the startup order', () => {
    const chart = Testing.chart();
    const app = new InitGatedApp(chart, 'app', { containers: [APP], waitFor: [WaitFor.tcp('db', 5432)], initContainers: [{ name: 'migrate', image: 'busybox:1.36', securityContext: USER }] });
    app.addInitContainer({ name: 'seed', image: 'busybox:1.36', securityContext: USER });
    app.addSidecar({ name: 'proxy', image: 'envoyproxy/envoy:v1.28.0', securityContext: USER });
    app.addWaitFor(WaitFor.http('http://search:9200/_cluster/health'));
    app.addContainer({ name: 'worker', image: 'busybox:1.36', securityContext: USER });
    const spec = specOf(only(synthValid(chart), 'Deployment'));
    expect(spec.initContainers.map((c: any) => c.name)).toEqual(['wait-for-db-5432', 'wait-for-search-9200', 'migrate', 'seed', 'proxy']);
    expect(spec.initContainers[4].restartPolicy).toBe('Always');
    expect(spec.containers.map((c: any) => c.name)).toEqual(['app', 'worker']);
  });
});
