import { clusterFactsOf, serviceAccountKey } from '../../src/rules/cluster-facts';
import { parseServiceClusterIpRange } from '../../src/rules/validation/service-cluster-ip-range';

// k8s: plugin/pkg/admission/serviceaccount/admission.go shouldAutomount reads the ServiceAccount's field.
test('collects automountServiceAccountToken of ServiceAccounts by namespace/name, skipping everything else', () => {
  const facts = clusterFactsOf([
    { kind: 'ServiceAccount', metadata: { name: 'waiter', namespace: 'team' }, automountServiceAccountToken: false },
    { kind: 'ServiceAccount', metadata: { name: 'default' }, automountServiceAccountToken: true },
    { kind: 'ServiceAccount', metadata: { name: 'unset' } },
    { kind: 'ServiceAccount', automountServiceAccountToken: false },
    { kind: 'Pod', metadata: { name: 'p' }, automountServiceAccountToken: false },
    null,
    'text',
  ]);
  expect([...facts.serviceAccountAutomount]).toEqual([['team/waiter', false], ['/default', true]]);
});

test('serviceAccountKey treats a missing namespace as the empty string', () => {
  expect(serviceAccountKey(undefined, 'default')).toBe('/default');
  expect(serviceAccountKey('ns', 'sa')).toBe('ns/sa');
});

test('the declared Service IP ranges are a cluster fact; undeclared, the facts have none', () => {
  const ranges = parseServiceClusterIpRange('10.96.0.0/12', 'test');
  expect(clusterFactsOf([], ranges).serviceIPRanges).toBe(ranges);
  expect('serviceIPRanges' in clusterFactsOf([])).toBe(false);
});
