import { Testing } from 'cdk8s';
import { GALLERY } from '../../examples/gallery';
import { ManifestLinter } from '../../src';
import { podTemplatesOf } from '../../src/rules/pod-templates';
import { expectSchemaValid } from '../support/kubernetes-schema';
import { evaluateManifest } from '../support/pss-oracle';

function synthGallery(id: string): any[] {
  const app = GALLERY.find(entry => entry.id === id)!;
  return app.build(Testing.app(), app.id).toJson();
}

describe.each(GALLERY.map(app => [app.id, app.profile] as const))('%s (profile %s)', (id, profile) => {
  test('synthesizes, matches the Kubernetes schema, and lints clean (warnings included) under its profile', () => {
    const manifests = synthGallery(id);
    expectSchemaValid(manifests);
    expect(ManifestLinter.lint(manifests, profile)).toEqual([]);
  });

  test('pod-security-admission v0.28 admits every workload at its profile (but for what is suppressed with a reason)', () => {
    for (const manifest of synthGallery(id).filter(m => podTemplatesOf(m).length > 0)) {
      const suppressed = Object.keys(manifest.metadata.annotations ?? {}).filter(key => key.startsWith('ignore-check.'));
      const forbidden = evaluateManifest(manifest, profile as 'restricted' | 'baseline').forbidden.map(f => f.check);
      expect(forbidden).toEqual(suppressed.length > 0 ? ['hostPathVolumes', 'restrictedVolumes'].filter(c => forbidden.includes(c)) : []);
    }
  });

  test('snapshot', () => {
    expect(synthGallery(id)).toMatchSnapshot();
  });
});

test('the node agent\'s exceptions are exactly the hostPath ones, each with its reason', () => {
  const [daemonSet] = synthGallery('gallery-node-agent').filter(m => m.kind === 'DaemonSet');
  const exceptions = Object.entries(daemonSet.metadata.annotations).filter(([key]) => key.startsWith('ignore-check.'));
  expect(Object.fromEntries(exceptions)).toEqual({
    'ignore-check.cdk8s-pod-patterns.io/pss-baseline-host-path-volumes': 'node-exporter reads the node\'s /proc and /sys, mounted read-only; reviewed',
    'ignore-check.cdk8s-pod-patterns.io/pss-restricted-volumes': 'node-exporter reads the node\'s /proc and /sys, mounted read-only; reviewed',
  });
  expect(evaluateManifest(daemonSet, 'restricted').forbidden.map(f => f.check)).toEqual(['restrictedVolumes']);
});

test('Postgres: uid/gid 999, fsGroup, PGDATA on the claim, governed by its own headless Service, no container port', () => {
  const manifests = synthGallery('gallery-postgres');
  const statefulSet = manifests.find(m => m.kind === 'StatefulSet');
  const spec = statefulSet.spec.template.spec;
  expect(statefulSet.spec.serviceName).toBe('postgres');
  expect(spec.securityContext).toMatchObject({ runAsUser: 999, runAsGroup: 999, fsGroup: 999, runAsNonRoot: true });
  expect(spec.containers[0].ports).toBeUndefined();
  expect(spec.containers[0].env).toContainEqual({ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' });
  expect(spec.volumes).toContainEqual({ name: 'pvc-postgres-data', persistentVolumeClaim: { claimName: 'postgres-data', readOnly: false } });
  const service = manifests.find(m => m.kind === 'Service');
  expect(service.spec.clusterIP).toBe('None');
  expect(service.spec.selector).toEqual(statefulSet.spec.selector.matchLabels);
});
