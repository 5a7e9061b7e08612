import { Testing } from 'cdk8s';
import { AdoptChart } from '../../examples/adopt-chart';
import { ManifestLinter } from '../../src';
import { expectSchemaValid } from '../support/kubernetes-schema';
import { evaluateManifest } from '../support/pss-oracle';

function manifests(): any[] {
  return new AdoptChart(Testing.app(), 'adopt').toJson();
}

test('every Pod of the adopted chart is hardened to restricted, schema-valid and lints clean', () => {
  const all = manifests();
  expectSchemaValid(all);
  for (const manifest of all.filter(m => m.kind === 'Pod' || m.kind === 'Deployment')) {
    expect(evaluateManifest(manifest, 'restricted').forbidden).toEqual([]);
  }
  expect(ManifestLinter.lint(all)).toEqual([]);
});

test('what the code set is kept; what was absent is completed', () => {
  const pod = manifests().find(m => m.kind === 'Pod');
  expect(pod.metadata.annotations).toEqual({ 'ignore-check.cdk8s-pod-patterns.io/bp-bare-pod': 'a throwaway debugging Pod, deleted after the incident' });
  expect(pod.spec.containers[0]).toMatchObject({
    imagePullPolicy: 'IfNotPresent',
    securityContext: { runAsUser: 65534, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
  });
});

test('snapshot', () => {
  expect(manifests()).toMatchSnapshot();
});
