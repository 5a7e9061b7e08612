import { Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { InitGatedApp, SafePod, WaitFor, WorkloadKind } from '../../src';
import { podTemplatesOf } from '../../src/rules/pod-templates';
import { evaluateManifest } from '../support/pss-oracle';
import { only, synthValid } from '../support/synth';

const USER = { user: 101, group: 101 };

function specOf(manifest: any): any {
  return podTemplatesOf(manifest)[0].spec;
}

describe('writablePaths: a read-only root that works', () => {
  test('each path is an emptyDir with a size limit, mounted into every app container and sidecar, not into init containers or waiters', () => {
    const chart = Testing.chart();
    new InitGatedApp(chart, 'web', {
      writablePaths: ['/tmp', '/var/cache/nginx'],
      waitFor: [WaitFor.tcp('api', 8080)],
      initContainers: [{ name: 'render', image: 'busybox:1.36', securityContext: USER }],
      sidecars: [{ name: 'logs', image: 'fluent/fluent-bit:2.2', securityContext: USER }],
      containers: [{ name: 'nginx', image: 'nginxinc/nginx-unprivileged:1.25', securityContext: USER }],
    });
    const manifest = only(synthValid(chart), 'Deployment');
    const spec = specOf(manifest);
    expect(spec.volumes).toEqual([
      { name: 'writable-tmp', emptyDir: { sizeLimit: '256Mi' } },
      { name: 'writable-var-cache-nginx', emptyDir: { sizeLimit: '256Mi' } },
    ]);
    const mounts = (name: string) => [...spec.initContainers, ...spec.containers].find((c: any) => c.name === name).volumeMounts;
    const expected = [{ mountPath: '/tmp', name: 'writable-tmp' }, { mountPath: '/var/cache/nginx', name: 'writable-var-cache-nginx' }];
    expect(mounts('nginx')).toEqual(expected);
    expect(mounts('logs')).toEqual(expected);
    expect(mounts('render')).toBeUndefined();
    expect(mounts('wait-for-api-8080')).toBeUndefined();
    for (const container of [...spec.initContainers, ...spec.containers]) {
      expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    }
    expect(evaluateManifest(manifest, 'restricted').forbidden).toEqual([]);
  });

  test('containers added later get them too; the size limit is overridable', () => {
    const chart = Testing.chart();
    const pod = new SafePod(chart, 'pod', {
      writablePaths: ['/var/run/postgresql'],
      writablePathSizeLimit: Size.mebibytes(16),
      containers: [{ name: 'db', image: 'postgres:16.4', securityContext: { user: 999, group: 999 } }],
    });
    pod.addContainer({ name: 'exporter', image: 'quay.io/prometheuscommunity/postgres-exporter:v0.15.0', securityContext: { user: 999 } });
    const spec = only(synthValid(chart), 'Pod').spec;
    expect(spec.volumes).toEqual([{ name: 'writable-var-run-postgresql', emptyDir: { sizeLimit: '16Mi' } }]);
    expect(spec.containers.map((c: any) => c.volumeMounts)).toEqual([
      [{ mountPath: '/var/run/postgresql', name: 'writable-var-run-postgresql' }],
      [{ mountPath: '/var/run/postgresql', name: 'writable-var-run-postgresql' }],
    ]);
  });

  test('a container built by cdk8s-plus and attached gets them too', () => {
    const chart = Testing.chart();
    const pod = new SafePod(chart, 'pod', { writablePaths: ['/tmp'], containers: [{ name: 'a', image: 'busybox:1.36', securityContext: USER }] });
    pod.attachContainer(new kplus.Container({ name: 'b', image: 'busybox:1.36', securityContext: USER }));
    const [, b] = only(synthValid(chart), 'Pod').spec.containers;
    expect(b.volumeMounts).toEqual([{ mountPath: '/tmp', name: 'writable-tmp' }]);
    const own = kplus.Volume.fromEmptyDir(chart, 'own', 'own');
    const c = new kplus.Container({ name: 'c', image: 'busybox:1.36', securityContext: USER, volumeMounts: [{ path: '/tmp', volume: own }] });
    expect(() => pod.attachContainer(c)).toThrow(/container "c" already mounts "\/tmp", which writablePaths also lists/);
  });

  test('paths that differ only in punctuation get distinct volumes', () => {
    const chart = Testing.chart();
    new SafePod(chart, 'pod', { writablePaths: ['/a_b', '/a-b'], containers: [{ name: 'app', image: 'busybox:1.36', securityContext: USER }] });
    const names = only(synthValid(chart), 'Pod').spec.volumes.map((v: any) => v.name);
    expect(new Set(names).size).toBe(2);
    expect(names[0]).toBe('writable-a-b');
  });

  test.each([
    ['tmp', /writablePaths "tmp" is not an absolute, normalised directory path/],
    ['/', /writablePaths "\/" is not an absolute/],
    ['/tmp/', /writablePaths "\/tmp\/" is not an absolute/],
    ['/var/../etc', /writablePaths "\/var\/..\/etc" is not an absolute/],
  ])('%s is refused', (path, message) => {
    expect(() => new SafePod(Testing.chart(), 'pod', { writablePaths: [path], containers: [{ name: 'app', image: 'busybox:1.36' }] })).toThrow(message);
  });

  test('a path listed twice, or already mounted by the container, is refused naming both', () => {
    expect(() => new InitGatedApp(Testing.chart(), 'app', { writablePaths: ['/tmp', '/tmp'], containers: [{ name: 'app', image: 'busybox:1.36' }] }))
      .toThrow(/writablePaths lists "\/tmp" twice/);
    const chart = Testing.chart();
    const own = kplus.Volume.fromEmptyDir(chart, 'own', 'own');
    expect(() => new InitGatedApp(chart, 'app', {
      workload: WorkloadKind.JOB,
      writablePaths: ['/tmp'],
      containers: [{ name: 'app', image: 'busybox:1.36', volumeMounts: [{ path: '/tmp', volume: own }] }],
    })).toThrow(/container "app" already mounts "\/tmp", which writablePaths also lists/);
  });
});
