// Every path a container takes into a workload the library owns is normalised
// (pull policy, tag policy, names) and hardened: issue "One enforcement path".
import * as fs from 'fs';
import * as path from 'path';
import { Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { InitGatedApp, KubernetesVersion, PodPatterns, SafePod, SecurityProfile, WaitFor, WorkloadKind } from '../../src';
import { WorkloadRecord } from '../../src/pods/container-intake';
import { evaluateManifest } from '../support/pss-oracle';
import { allContainers, only, synthValid } from '../support/synth';

const USER = { user: 1000, group: 1000 };

function podSpecOf(manifest: any): any {
  return manifest.kind === 'Pod' ? manifest.spec : manifest.spec.template.spec;
}

function named(manifest: any, name: string): any {
  return allContainers(podSpecOf(manifest)).find(c => c.name === name);
}

describe('SafePod: every way in', () => {
  test('attachContainer refuses a :latest image where it is called', () => {
    const pod = new SafePod(Testing.chart(), 'pod', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    expect(() => pod.attachContainer(new kplus.Container({ name: 'web', image: 'nginx:latest' })))
      .toThrow(/test\/pod: container "web" image "nginx:latest" uses the mutable tag.*unless allowMutableImageTags is set\) \[bp-mutable-image-tag\]/);
  });

  test('attachContainer: cdk8s-plus\'s blanket Always and invented resources count as unset, the rest is hardened at synth', () => {
    const chart = Testing.chart();
    const pod = new SafePod(chart, 'pod', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    const attached = new kplus.Container({ name: 'web', image: 'nginx:1.25', securityContext: USER });
    pod.attachContainer(attached);
    attached.mount('/cache', kplus.Volume.fromEmptyDir(chart, 'cache', 'cache')); // the user's handle still works
    const web = named(only(synthValid(chart), 'Pod'), 'web');
    expect(web.imagePullPolicy).toBe('IfNotPresent');
    expect(web.resources).toBeUndefined();
    expect(web.securityContext).toMatchObject({ capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } });
    expect(web.volumeMounts).toEqual([{ mountPath: '/cache', name: 'cache' }]);
  });

  test('attachContainer keeps resources that are not cdk8s-plus\'s defaults', () => {
    const chart = Testing.chart();
    const pod = new SafePod(chart, 'pod', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    pod.attachContainer(new kplus.Container({
      name: 'web',
      image: 'nginx:1.25',
      securityContext: USER,
      resources: { cpu: { request: kplus.Cpu.millis(1000), limit: kplus.Cpu.millis(2000) } },
    }));
    expect(named(only(synthValid(chart), 'Pod'), 'web').resources).toEqual({ limits: { cpu: '2000m' }, requests: { cpu: '1000m' } });
  });

  test('addInitContainer with restartPolicy Always (cdk8s-plus\'s sidecar spelling) makes a native sidecar, probes allowed', () => {
    const chart = Testing.chart();
    PodPatterns.setKubernetesVersion(chart, KubernetesVersion.V1_28.withFeatureGates({ SidecarContainers: true }));
    const pod = new SafePod(chart, 'pod', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    pod.addInitContainer({
      name: 'proxy',
      image: 'envoyproxy/envoy:v1.28.0',
      securityContext: USER,
      restartPolicy: kplus.ContainerRestartPolicy.ALWAYS,
      readiness: kplus.Probe.fromCommand(['true']),
    });
    const proxy = named(only(synthValid(chart), 'Pod'), 'proxy');
    expect(proxy).toMatchObject({ restartPolicy: 'Always', imagePullPolicy: 'IfNotPresent', readinessProbe: { exec: { command: ['true'] } } });
    expect(proxy.securityContext.capabilities).toEqual({ drop: ['ALL'] });
  });

  test('the default output passes PSS restricted by the independent oracle, attached containers included', () => {
    const chart = Testing.chart();
    const pod = new SafePod(chart, 'pod', {
      containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }],
      initContainers: [{ name: 'init', image: 'busybox:1.36', securityContext: USER }],
      sidecars: [{ name: 'logs', image: 'fluent/fluent-bit:2.2', securityContext: USER }],
    });
    pod.attachContainer(new kplus.Container({ name: 'web', image: 'nginx:1.25', securityContext: USER }));
    expect(evaluateManifest(only(synthValid(chart), 'Pod'), 'restricted').forbidden).toEqual([]);
  });
});

describe('InitGatedApp: containers added later through `workload`', () => {
  const APP: kplus.ContainerProps = { name: 'app', image: 'nginx:1.25', securityContext: USER };

  test.each([WorkloadKind.DEPLOYMENT, WorkloadKind.JOB, WorkloadKind.POD])('%s: addContainer refuses an untagged image at the call', (workload) => {
    const app = new InitGatedApp(Testing.chart(), 'app', { workload, containers: [APP] });
    expect(() => app.workload.addContainer({ name: 'web', image: 'nginx' })).toThrow(/container "web" image "nginx" has no tag/);
  });

  test.each([WorkloadKind.DEPLOYMENT, WorkloadKind.STATEFUL_SET, WorkloadKind.JOB, WorkloadKind.POD])(
    '%s: addContainer, addInitContainer and attachContainer are normalised and hardened', (workload) => {
      const chart = Testing.chart();
      const app = new InitGatedApp(chart, 'app', { workload, containers: [{ ...APP, ports: [{ number: 8080 }] }] });
      app.workload.addContainer({ name: 'web', image: 'nginx:1.25', securityContext: USER });
      app.workload.addInitContainer({ name: 'setup', image: 'busybox:1.36', securityContext: USER });
      app.workload.attachContainer(new kplus.Container({ name: 'metrics', image: 'prom/statsd-exporter:v0.26.0', securityContext: USER }));
      const manifest = only(synthValid(chart), workload);
      for (const name of ['web', 'setup', 'metrics']) {
        const container = named(manifest, name);
        expect(container.imagePullPolicy).toBe('IfNotPresent');
        expect(container.resources).toBeUndefined();
        expect(container.securityContext).toMatchObject({ capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } });
      }
      expect(evaluateManifest(manifest, 'restricted').forbidden).toEqual([]);
    });

  test('BASELINE containers added later get the BASELINE relaxations too', () => {
    const chart = Testing.chart();
    const app = new InitGatedApp(chart, 'app', { securityProfile: SecurityProfile.BASELINE, containers: [APP] });
    app.workload.addContainer({ name: 'web', image: 'nginx:1.25' });
    expect(named(only(synthValid(chart), 'Deployment'), 'web').securityContext).toMatchObject({ runAsNonRoot: false, readOnlyRootFilesystem: false });
  });
});

describe('explicit values are the user\'s, even when they equal cdk8s-plus\'s defaults', () => {
  // cdk8s-plus's addContainer ends in attachContainer: a container built from
  // props must not be normalised a second time as if the user had built it.
  test.each([WorkloadKind.POD, WorkloadKind.DEPLOYMENT])('%s: explicit Always and explicit 1000m/512Mi resources are kept', (workload) => {
    const chart = Testing.chart();
    const resources = {
      cpu: { request: kplus.Cpu.millis(1000), limit: kplus.Cpu.millis(1500) },
      memory: { request: Size.mebibytes(512), limit: Size.mebibytes(2048) },
    };
    const app = new InitGatedApp(chart, 'app', {
      workload,
      containers: [{ name: 'app', image: 'nginx:1.25', imagePullPolicy: kplus.ImagePullPolicy.ALWAYS, resources, securityContext: USER }],
    });
    app.workload.addContainer({ name: 'web', image: 'nginx:1.25', imagePullPolicy: kplus.ImagePullPolicy.ALWAYS, resources, securityContext: USER });
    for (const name of ['app', 'web']) {
      const container = named(only(synthValid(chart), workload), name);
      expect(container.imagePullPolicy).toBe('Always');
      expect(container.resources).toEqual({ limits: { cpu: '1500m', memory: '2048Mi' }, requests: { cpu: '1000m', memory: '512Mi' } });
    }
  });
});

describe('WorkloadRecord: one record per workload, in the construct tree', () => {
  test('an owned workload\'s record holds its options; a gated foreign workload gets a record that owns nothing', () => {
    const chart = Testing.chart();
    const app = new InitGatedApp(chart, 'app', { containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    const owned = WorkloadRecord.of(app.workload);
    expect(owned?.options).toMatchObject({ owner: 'test/app', securityProfile: SecurityProfile.RESTRICTED });
    expect(owned?.node.scope).toBe(app.workload);
    expect(owned?.object?.settings).toEqual({ profile: SecurityProfile.RESTRICTED, harden: true });
    const foreign = new kplus.Deployment(chart, 'api', { containers: [{ name: 'api', image: 'nginx:1.25' }] });
    expect(WorkloadRecord.of(foreign)).toBeUndefined();
    WaitFor.gate(foreign, [WaitFor.tcp('db', 5432)]);
    const record = WorkloadRecord.of(foreign);
    expect(record?.options).toBeUndefined();
    expect([...record!.waiters.keys()]).toEqual(['wait-for-db-5432']);
    expect(record?.object?.settings).toEqual({ profile: SecurityProfile.PRIVILEGED, harden: false, fallback: true });
  });

  test('the record writes nothing into the manifests', () => {
    const chart = Testing.chart();
    new InitGatedApp(chart, 'app', { waitFor: [WaitFor.tcp('db', 5432)], containers: [{ name: 'app', image: 'nginx:1.25', securityContext: USER }] });
    expect(synthValid(chart).map(o => o.kind)).toEqual(['Deployment']);
  });

  test('no hidden module-level state: the pods, waiters and apps modules hold no WeakMap or WeakSet', () => {
    const src = path.join(__dirname, '..', '..', 'src');
    const offenders = ['pods', 'waiters', 'apps'].flatMap(dir => fs.readdirSync(path.join(src, dir))
      .filter(file => /new Weak(Map|Set)\b/.test(fs.readFileSync(path.join(src, dir, file), 'utf8')))
      .map(file => `${dir}/${file}`));
    expect(offenders).toEqual([]);
  });
});
