import { errors, messages, pod } from './helpers';

// Fields of features alpha and off in 1.28 (pkg/features/kube_features.go): dropped (pkg/api/pod/util.go dropDisabledFields,
// apps and batch strategies), so a warning naming the gate, never an API error.
describe('bp-dropped-alpha-field', () => {
  test.each([
    [pod({ hostUsers: false }), 'UserNamespacesSupport'],
    [pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }] }), 'InPlacePodVerticalScaling'],
    [pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', resources: { claims: [{ name: 'gpu' }] } }] }), 'DynamicResourceAllocation'],
  ])('%#: %s', (obj, gate) => {
    expect(errors(obj)).toEqual([]);
    expect(messages(obj, 'bp-dropped-alpha-field')).toEqual([expect.stringContaining(`feature gate ${gate}`)]);
  });

  test('controllers: StatefulSet maxUnavailable, Job backoffLimitPerIndex', () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: {
        selector: { matchLabels: { a: 'b' } },
        updateStrategy: { rollingUpdate: { maxUnavailable: 2 } },
        template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36.1' }] } },
      },
    };
    expect(messages(sts, 'bp-dropped-alpha-field')).toEqual([expect.stringContaining('MaxUnavailableStatefulSet')]);
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: { completionMode: 'Indexed', completions: 3, backoffLimitPerIndex: 1, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36.1' }] } } },
    };
    expect(messages(job, 'bp-dropped-alpha-field')).toEqual([expect.stringContaining('JobBackoffLimitPerIndex')]);
  });
});
