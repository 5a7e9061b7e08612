import { KubernetesVersion, ManifestLinter, SecurityProfile, Severity } from '../../src';

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

describe('lintWith: the options lint has', () => {
  // A sidecar with a probe: refused by a default 1.28 API server, accepted by one with SidecarContainers on (test/differential/gates).
  const sidecarPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'with-sidecar' },
    spec: {
      initContainers: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.29.1', restartPolicy: 'Always', readinessProbe: { tcpSocket: { port: 9901 } } }],
      containers: [{ name: 'app', image: 'busybox:1.36.1' }],
    },
  };
  const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { clusterIP: '10.0.0.10', ports: [{ port: 5432 }] } };
  const errorIds = (manifests: any[], options: any) => ManifestLinter.lintWith(manifests, options)
    .filter(f => f.severity === Severity.ERROR).map(f => f.ruleId);

  test('kubernetesVersion with feature gates', () => {
    expect(errorIds([sidecarPod], { profile: SecurityProfile.PRIVILEGED })).toEqual(['api-init-container-probes']);
    const gated = KubernetesVersion.V1_28.withFeatureGates({ SidecarContainers: true });
    expect(errorIds([sidecarPod], { profile: SecurityProfile.PRIVILEGED, kubernetesVersion: gated })).toEqual([]);
    expect(errorIds([sidecarPod], { profile: SecurityProfile.PRIVILEGED, kubernetesVersion: KubernetesVersion.V1_29 })).toEqual([]);
  });

  test('serviceClusterIpRange: a clusterIP outside the declared range is refused, nothing is judged without one', () => {
    expect(errorIds([service], {})).toEqual([]);
    expect(errorIds([service], { serviceClusterIpRange: '10.96.0.0/12' })).toEqual(['api-service-allocation']);
    expect(() => ManifestLinter.lintWith([service], { serviceClusterIpRange: '10.96.0.0' })).toThrow(/serviceClusterIpRange/);
  });

  test('disabledRules, and the defaults are lint()\'s', () => {
    expect(errorIds([sidecarPod], { profile: SecurityProfile.PRIVILEGED, disabledRules: ['api-init-container-probes'] })).toEqual([]);
    expect(ManifestLinter.lintWith([privilegedPod])).toEqual(ManifestLinter.lint([privilegedPod]));
  });
});
