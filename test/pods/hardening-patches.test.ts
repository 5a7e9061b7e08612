import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { PodPatterns, WarningPolicy } from '../../src';

const USER = { user: 1000 };

describe('synth-time hardening patches', () => {
  test('a user patch added after an earlier synth runs before the hardening computed on its result', () => {
    const chart = Testing.chart();
    PodPatterns.apply(chart, { warnings: WarningPolicy.IGNORE });
    const deployment = new kplus.Deployment(chart, 'd', { containers: [{ name: 'a', image: 'nginx:1.25', securityContext: USER }] });
    Testing.synth(chart);
    ApiObject.of(deployment).addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0', { name: 'x', image: 'redis:7.4.1', securityContext: { runAsUser: 999 } }));
    const [x, a] = Testing.synth(chart)[0].spec.template.spec.containers;
    expect(x).toMatchObject({ name: 'x', imagePullPolicy: 'IfNotPresent', securityContext: { capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } } });
    expect(a.name).toBe('a');
    expect(a.imagePullPolicy).toBe('IfNotPresent'); // cdk8s-plus's default Always counts as unset
  });

  test('repeated synths of a k8s.Kube* object give the same bytes, quantities intact', () => {
    const chart = Testing.chart();
    new k8s.KubePod(chart, 'p', {
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'busybox:1.36.1', securityContext: { runAsUser: 1000 }, resources: { requests: { cpu: k8s.Quantity.fromString('10m') } } }] },
    });
    PodPatterns.apply(chart, { warnings: WarningPolicy.IGNORE });
    const first = Testing.synth(chart);
    expect(first[0].spec.containers[0].resources).toEqual({ requests: { cpu: '10m' } });
    expect(Testing.synth(chart)).toEqual(first);
    expect(Testing.synth(chart)).toEqual(first);
  });
});
