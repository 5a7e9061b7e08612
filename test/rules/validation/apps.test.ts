import { errors } from './helpers';
import { KubernetesVersion } from '../../../src/k8s/kubernetes-version';

// Cases from pkg/apis/apps/validation/validation_test.go (TestValidateDeployment, TestValidateDaemonSet, TestValidateStatefulSet, TestValidateReplicaSet).
const LABELS = { app: 'web' };
function workload(kind: string, spec: any = {}): any {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'w' },
    spec: { selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec: { containers: [{ name: 'c', image: 'busybox:1.36.1' }] } }, ...spec },
  };
}

describe('apps/v1 specs', () => {
  test.each(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'])('%s: a selector that does not match the template is refused; a matching one passes', (kind) => {
    expect(errors(workload(kind))).toEqual([]);
    expect(errors(workload(kind, { selector: { matchLabels: { app: 'other' } } }))).toEqual(['api-apps-spec spec.template.metadata.labels']);
    expect(errors(workload(kind, { selector: {} }))).toEqual(['api-apps-spec spec.selector']);
  });

  test.each([
    [{ replicas: -1 }, 'spec.replicas'],
    [{ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }, 'spec.strategy.rollingUpdate.maxUnavailable'],
    [{ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '101%' } } }, 'spec.strategy.rollingUpdate.maxUnavailable'],
    [{ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }, 'spec.strategy.rollingUpdate'],
    [{ minReadySeconds: 600 }, 'spec.progressDeadlineSeconds'],
    [{ revisionHistoryLimit: -1 }, 'spec.revisionHistoryLimit'],
  ])('Deployment %j is refused at %s', (spec, path) => {
    expect(errors(workload('Deployment', spec))).toEqual([`api-apps-spec ${path}`]);
  });

  // pkg/apis/core/validation/validation_test.go TestValidateReadOnlyPersistentDisks; SkipReadOnlyValidationGCE is off in 1.28
  test.each([['Deployment', 2], ['ReplicaSet', 2], ['DaemonSet', undefined]])('%s with %s replicas: a read-write GCE PD is refused', (kind, replicas) => {
    const template = { metadata: { labels: LABELS }, spec: { containers: [{ name: 'c', image: 'busybox:1.36.1' }], volumes: [{ name: 'pd', gcePersistentDisk: { pdName: 'd' } }] } };
    const spec = replicas === undefined ? { template } : { replicas, template };
    expect(errors(workload(kind, spec))).toEqual(['api-apps-spec spec.template.spec.volumes[0].gcePersistentDisk.readOnly']);
    template.spec.volumes[0].gcePersistentDisk = { pdName: 'd', readOnly: true } as any;
    expect(errors(workload(kind, spec))).toEqual([]);
  });

  test('one replica may mount a GCE PD read-write', () => {
    const template = { metadata: { labels: LABELS }, spec: { containers: [{ name: 'c', image: 'busybox:1.36.1' }], volumes: [{ name: 'pd', gcePersistentDisk: { pdName: 'd' } }] } };
    expect(errors(workload('Deployment', { template }))).toEqual([]);
  });

  test('maxSurge over 100 % is fine for a Deployment (only maxUnavailable is capped)', () => {
    expect(errors(workload('Deployment', { strategy: { rollingUpdate: { maxSurge: '120%', maxUnavailable: 0 } } }))).toEqual([]);
  });

  test('DaemonSet: maxSurge and maxUnavailable not both set, not both 0; spec.replicas is an unknown field', () => {
    expect(errors(workload('DaemonSet', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } } }))).toEqual(['api-apps-spec spec.updateStrategy.rollingUpdate.maxSurge']);
    expect(errors(workload('DaemonSet', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }))).toEqual(['api-apps-spec spec.updateStrategy.rollingUpdate.maxUnavailable']);
    expect(errors(workload('DaemonSet', { replicas: 2 }))).toEqual(['api-decoding spec.replicas']);
  });

  test('StatefulSet: names are DNS labels; its template spec is checked only when its Pods are created', () => {
    expect(errors({ ...workload('StatefulSet'), metadata: { name: 'web.v1' } })).toEqual(['api-object-meta metadata.name']);
    const badTemplate = workload('StatefulSet');
    badTemplate.spec.template.spec.containers[0].volumeMounts = [{ name: 'data', mountPath: '/data' }, { name: 'missing', mountPath: '/m' }];
    badTemplate.spec.volumeClaimTemplates = [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }];
    expect(errors(badTemplate)).toEqual(['runtime-pods-rejected spec.template.spec.containers[0].volumeMounts[1].name']);
  });
});

// MaxUnavailableStatefulSet {1.24 alpha off, 1.35 beta on}: from 1.35 the field is kept and checked by
// pkg/apis/apps/validation/validation.go validateRollingUpdateStatefulSet (positive int or percent, not 0, at most 100%);
// cases after validation_test.go TestValidateStatefulSet ("invalid rollingUpdate maxUnavailable ...").
describe('StatefulSet maxUnavailable per Kubernetes release', () => {
  const V = KubernetesVersion;
  const sts = (maxUnavailable: unknown): any => workload('StatefulSet', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable } } });

  test.each([[0], ['0%'], [-1], ['101%'], ['abc']])('%j: ignored (dropped) up to 1.34, refused on 1.35', (value) => {
    expect(errors(sts(value), V.V1_34)).toEqual([]);
    expect(errors(sts(value), V.V1_35)).toContain('api-apps-spec spec.updateStrategy.rollingUpdate.maxUnavailable');
  });

  test.each([[1], ['50%'], ['100%']])('%j is accepted on 1.35', (value) => {
    expect(errors(sts(value), V.V1_35)).toEqual([]);
  });
});
