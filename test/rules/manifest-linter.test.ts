import { ManifestLinter, SecurityProfile, Severity } from '../../src';

// k8s: staging/src/k8s.io/pod-security-admission/policy/check_privileged.go
const privilegedPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'debug' },
  spec: { containers: [{ name: 'debug', image: 'busybox:1.36', securityContext: { privileged: true } }] },
};

test('reports a privileged container at baseline and restricted, nothing at privileged', () => {
  const errorIds = (profile?: SecurityProfile) => ManifestLinter.lint([privilegedPod], profile)
    .filter(f => f.severity === Severity.ERROR).map(f => f.ruleId);
  expect(errorIds(SecurityProfile.BASELINE)).toEqual(['pss-baseline-privileged']);
  expect(errorIds()).toContain('pss-baseline-privileged');
  expect(errorIds()).toContain('pss-restricted-run-as-non-root');
  expect(errorIds(SecurityProfile.PRIVILEGED)).toEqual([]);
});

test('each finding names the object and the path', () => {
  const [finding] = ManifestLinter.lint([privilegedPod], SecurityProfile.BASELINE).filter(f => f.severity === Severity.ERROR);
  expect(finding).toMatchObject({ kind: 'Pod', name: 'debug', path: 'spec.containers[0].securityContext.privileged' });
});
