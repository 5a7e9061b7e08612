import { errors, pod } from './helpers';

// Cases from pkg/apis/core/validation/validation_test.go TestValidateTolerations, TestValidateAffinity, TestValidateTopologySpreadConstraints.
describe('scheduling fields', () => {
  test.each([
    [{ key: 'x', operator: 'Exists', value: 'y' }, 'spec.tolerations[0].operator'],
    [{ operator: 'Equal', value: 'x' }, 'spec.tolerations[0].operator'],
    [{ key: 'x', operator: 'Equal', value: 'y', effect: 'Sometimes' }, 'spec.tolerations[0].effect'],
    [{ key: 'x', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 30 }, 'spec.tolerations[0].effect'],
  ])('toleration %j is refused at %s', (toleration, path) => {
    expect(errors(pod({ tolerations: [toleration] }))).toContain(`api-pod-fields ${path}`);
  });

  test('tolerations that are fine', () => {
    expect(errors(pod({ tolerations: [{ operator: 'Exists' }, { key: 'x', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }] }))).toEqual([]);
  });

  test('affinity: empty nodeSelectorTerms, bad operators, weights, empty topologyKey', () => {
    expect(errors(pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } })))
      .toEqual(['api-pod-fields spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms']);
    expect(errors(pod({ affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }] } } })))
      .toEqual(['api-pod-fields spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight']);
    expect(errors(pod({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: '' }] } } })))
      .toContain('api-pod-fields spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey');
  });

  test('topology spread: maxSkew > 0, one constraint per key and action, minDomains with DoNotSchedule only', () => {
    expect(errors(pod({ topologySpreadConstraints: [{ maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }] }))).toEqual(['api-pod-fields spec.topologySpreadConstraints[0].maxSkew']);
    expect(errors(pod({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }, { maxSkew: 2, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }] })))
      .toEqual(['api-pod-fields spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}']);
    expect(errors(pod({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2 }] }))).toEqual(['api-pod-fields spec.topologySpreadConstraints[0].minDomains']);
  });

  // pkg/apis/core/validation/validation_test.go TestValidatePodCreateWithSchedulingGates
  test('a Pod with schedulingGates may not set nodeName; a template with both is accepted and its Pods refused', () => {
    expect(errors(pod({ nodeName: 'node', schedulingGates: [{ name: 'foo' }] }))).toEqual(['api-pod-fields spec.nodeName']);
    expect(errors(pod({ nodeName: 'node', schedulingGates: [] }))).toEqual([]);
    expect(errors(pod({ schedulingGates: [{ name: 'foo' }] }))).toEqual([]);
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        selector: { matchLabels: { app: 'd' } },
        template: { metadata: { labels: { app: 'd' } }, spec: { nodeName: 'node', schedulingGates: [{ name: 'foo' }], containers: [{ name: 'c', image: 'busybox:1.36.1' }] } },
      },
    };
    expect(errors(deployment)).toEqual(['runtime-pods-rejected spec.template.spec.nodeName']);
  });
});

