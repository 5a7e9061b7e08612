import { containerList, workloadLabel, workloadSource, workloadSources } from '../../src/explain/workload-source';
import { POD_OWNING_KINDS } from '../../src/k8s/workload-kinds';

describe('workloadSource', () => {
  test('finds the Pod spec of every kind of the kinds table', () => {
    const podSpec = { containers: [{ name: 'c', image: 'x:1' }] };
    for (const entry of POD_OWNING_KINDS) {
      const object: any = { kind: entry.kind, metadata: { name: 'w' } };
      if (entry.templatePath === '') {
        object.spec = podSpec;
      } else {
        let at = object;
        const keys = entry.templatePath.split('.');
        keys.forEach((key, i) => { at = at[key] ??= i === keys.length - 1 ? { spec: podSpec } : {}; });
      }
      expect(workloadSource(object)?.podSpec).toBe(podSpec);
    }
  });

  test('skips objects that run no Pods or have no Pod spec', () => {
    expect(workloadSources([{ kind: 'Service', metadata: { name: 's' } }, { kind: 'Deployment', metadata: { name: 'd' } }, null])).toEqual([]);
  });

  test('the CronJob\'s Job spec is its jobTemplate.spec', () => {
    const source = workloadSource({ kind: 'CronJob', metadata: { name: 'c', namespace: 'ops' }, spec: { jobTemplate: { spec: { backoffLimit: 1, template: { spec: { containers: [] } } } } } })!;
    expect(source.jobSpec.backoffLimit).toBe(1);
    expect(source.namespace).toBe('ops');
    expect(workloadLabel(source)).toBe('CronJob/c');
  });

  test('containerList ignores entries that are not objects', () => {
    expect(containerList({ containers: [{ name: 'a' }, 'b', null] }, 'containers')).toEqual([{ name: 'a' }]);
    expect(containerList({}, 'initContainers')).toEqual([]);
  });
});
