import { errors, messages, pod } from './helpers';

// pkg/apis/core/validation/validation.go (1.28) ValidateTemplateObjectMeta (claim templates: validateFieldAllowList)
// versus ValidatePodTemplateSpec (labels and annotations only); cases as kube-apiserver v1.28.7 judged them
// (test/differential/corpus.json.gz, operator volume.sourceChecks).
describe('template metadata', () => {
  const claimSpec = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } };
  const ephemeral = (metadata: any) => pod({ volumes: [{ name: 'v', ephemeral: { volumeClaimTemplate: { metadata, spec: claimSpec } } }] });

  test('a claim template takes labels and annotations only: any other field "cannot be set", UID as validateFieldAllowList spells it', () => {
    expect(errors(ephemeral({ labels: { tier: 'db' }, annotations: { a: 'b' } }))).toEqual([]);
    expect(messages(ephemeral({ name: 'x' }), 'api-pod-volumes-and-containers'))
      .toEqual([expect.stringContaining('spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.name: Forbidden: cannot be set')]);
    expect(errors(ephemeral({ uid: 'u', finalizers: [] })).sort()).toEqual([
      'api-pod-volumes-and-containers spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.finalizers',
      'api-pod-volumes-and-containers spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.uID',
    ]);
    expect(errors(ephemeral({ labels: { 'bad key': 'x' } }))).toEqual(['api-pod-volumes-and-containers spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.labels']);
  });

  test('a Pod template may carry other metadata (ValidatePodTemplateSpec refuses nothing), only its labels are checked', () => {
    const job = (metadata: any) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: { template: { metadata, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36.1' }] } } },
    });
    expect(errors(job({ name: 'ignored', finalizers: ['x'] }))).toEqual([]);
    expect(errors(job({ labels: { 'bad key': 'x' } }))).toEqual(['api-object-meta spec.template.labels']);
  });
});
