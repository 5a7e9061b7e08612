import { containersOf, describeContainer, describesPods, podRuleContext, podTemplatesOf } from '../../src/rules/pod-templates';

const SPEC = { containers: [{ name: 'app', image: 'busybox:1.36.1' }] };

describe('podTemplatesOf', () => {
  test('a Pod is its own template: metadata and spec at the root', () => {
    const pod = { kind: 'Pod', metadata: { name: 'p', labels: { a: 'b' } }, spec: SPEC };
    expect(podTemplatesOf(pod)).toEqual([{
      metadata: { name: 'p', labels: { a: 'b' } },
      spec: SPEC,
      metadataPath: 'metadata',
      specPath: 'spec',
    }]);
  });

  test.each(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'])(
    '%s: the template is spec.template', (kind) => {
      const obj = { kind, metadata: { name: 'w' }, spec: { template: { metadata: { labels: { app: 'w' } }, spec: SPEC } } };
      expect(podTemplatesOf(obj)).toEqual([{
        metadata: { labels: { app: 'w' } },
        spec: SPEC,
        metadataPath: 'spec.template.metadata',
        specPath: 'spec.template.spec',
      }]);
    });

  test('CronJob: the template is spec.jobTemplate.spec.template', () => {
    const obj = { kind: 'CronJob', spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: SPEC } } } } };
    const [view] = podTemplatesOf(obj);
    expect(view.spec).toBe(SPEC);
    expect(view.specPath).toBe('spec.jobTemplate.spec.template.spec');
    expect(view.metadataPath).toBe('spec.jobTemplate.spec.template.metadata');
    expect(view.metadata).toEqual({});
  });

  test.each(['Service', 'ConfigMap', 'ServiceAccount', 'PodTemplate', 'List'])('%s describes no Pod', (kind) => {
    expect(podTemplatesOf({ kind, spec: { template: { spec: SPEC } } })).toEqual([]);
    expect(describesPods(kind)).toBe(false);
  });

  test('a workload without a template still yields a view, with an empty spec, so its missing containers are reported', () => {
    expect(podTemplatesOf({ kind: 'Deployment', spec: {} })).toEqual([{
      metadata: {},
      spec: {},
      metadataPath: 'spec.template.metadata',
      specPath: 'spec.template.spec',
    }]);
    expect(podTemplatesOf({ kind: 'Pod' })[0].spec).toEqual({});
  });

  test('values that are not Kubernetes objects give nothing', () => {
    for (const value of [null, undefined, 'Pod', 42, [], { spec: SPEC }, { kind: 7 }]) {
      expect(podTemplatesOf(value)).toEqual([]);
    }
  });
});

describe('containersOf', () => {
  const spec = {
    containers: [{ name: 'web' }, { name: 'log' }],
    initContainers: [{ name: 'wait' }, { name: 'proxy', restartPolicy: 'Always' }, { name: 'odd', restartPolicy: 'Never' }],
    ephemeralContainers: [{ name: 'debug' }],
  };
  const refs = containersOf({ metadata: {}, spec, metadataPath: 'spec.template.metadata', specPath: 'spec.template.spec' });

  test('init containers first (the kubelet starts them first), then app, then ephemeral containers', () => {
    expect(refs.map((ref) => ref.path)).toEqual([
      'spec.template.spec.initContainers[0]',
      'spec.template.spec.initContainers[1]',
      'spec.template.spec.initContainers[2]',
      'spec.template.spec.containers[0]',
      'spec.template.spec.containers[1]',
      'spec.template.spec.ephemeralContainers[0]',
    ]);
  });

  // k8s: 1.28 SidecarContainers: only restartPolicy "Always" on an init container makes a sidecar
  test('only an init container with restartPolicy Always is a sidecar', () => {
    expect(refs.filter((ref) => ref.sidecar).map((ref) => ref.label)).toEqual(['proxy']);
  });

  test('messages name the container by its role', () => {
    expect(refs.map(describeContainer)).toEqual([
      'init container "wait"',
      'sidecar "proxy"',
      'init container "odd"',
      'container "web"',
      'container "log"',
      'ephemeral container "debug"',
    ]);
  });

  test('an unnamed container is labelled by its index; a non-object entry becomes {}', () => {
    const odd = containersOf({ metadata: {}, spec: { containers: [{ image: 'x' }, null] }, metadataPath: 'metadata', specPath: 'spec' });
    expect(odd.map((ref) => ref.label)).toEqual(['#0', '#1']);
    expect(odd[1].container).toEqual({});
  });

  test('a list that is not an array is skipped', () => {
    expect(containersOf({ metadata: {}, spec: { containers: 'web' }, metadataPath: 'metadata', specPath: 'spec' })).toEqual([]);
  });
});

test('podRuleContext carries the kind, the object and the containers computed once', () => {
  const obj = { kind: 'Pod', spec: SPEC };
  const [pod] = podTemplatesOf(obj);
  const ctx = podRuleContext(obj, pod);
  expect(ctx.kind).toBe('Pod');
  expect(ctx.object).toBe(obj);
  expect(ctx.containers.map((ref) => ref.label)).toEqual(['app']);
});
