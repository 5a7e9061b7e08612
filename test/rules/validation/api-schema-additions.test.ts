import { KubernetesVersion } from '../../../src/k8s/kubernetes-version';
import { API_SCHEMA_1_28 } from '../../../src/rules/validation/api-schema-1-28';
import { ADDED_DEFINITIONS, ADDED_FIELDS, addedField } from '../../../src/rules/validation/api-schema-additions';

describe('fields added after 1.28', () => {
  test('each belongs to a 1.28 definition that lacks it, and its type is defined', () => {
    for (const added of ADDED_FIELDS) {
      expect(API_SCHEMA_1_28.definitions[added.definition]).toBeDefined();
      expect(API_SCHEMA_1_28.definitions[added.definition][added.field]).toBeUndefined();
      const named = typeof added.type === 'string' && added.type.startsWith('@') ? added.type.slice(1) : undefined;
      if (named !== undefined) expect(ADDED_DEFINITIONS[named] ?? API_SCHEMA_1_28.definitions[named]).toBeDefined();
      expect(added.since.isAtLeast(KubernetesVersion.V1_29)).toBe(true);
    }
  });

  test('releases from types.go: sleep 1.29, appArmorProfile 1.30', () => {
    expect(addedField('core.v1.LifecycleHandler', 'sleep')?.since).toBe(KubernetesVersion.V1_29);
    expect(addedField('core.v1.SecurityContext', 'appArmorProfile')?.since).toBe(KubernetesVersion.V1_30);
    expect(addedField('core.v1.PodSecurityContext', 'appArmorProfile')?.since).toBe(KubernetesVersion.V1_30);
    expect(addedField('core.v1.PodSecurityContext', 'apparmorProfile')).toBeUndefined();
  });

  // The json tags of core/v1 and batch/v1 types.go at k8s.io/api v0.29.0 ... v0.35.0 (docs/kubernetes-versions.md).
  test.each([
    ['core.v1.PersistentVolumeClaimSpec', 'volumeAttributesClassName', '1.29'],
    ['core.v1.PodAffinityTerm', 'matchLabelKeys', '1.29'],
    ['core.v1.PodAffinityTerm', 'mismatchLabelKeys', '1.29'],
    ['core.v1.VolumeProjection', 'clusterTrustBundle', '1.29'],
    ['core.v1.VolumeMount', 'recursiveReadOnly', '1.30'],
    ['core.v1.ServiceSpec', 'trafficDistribution', '1.30'],
    ['batch.v1.JobSpec', 'managedBy', '1.30'],
    ['batch.v1.JobSpec', 'successPolicy', '1.30'],
    ['core.v1.PodSecurityContext', 'supplementalGroupsPolicy', '1.31'],
    ['core.v1.Volume', 'image', '1.31'],
    ['core.v1.PodSpec', 'resources', '1.32'],
    ['core.v1.PodSecurityContext', 'seLinuxChangePolicy', '1.32'],
    ['core.v1.Lifecycle', 'stopSignal', '1.33'],
    ['core.v1.Container', 'restartPolicyRules', '1.34'],
    ['core.v1.PodSpec', 'hostnameOverride', '1.34'],
    ['core.v1.EnvVarSource', 'fileKeyRef', '1.34'],
    ['core.v1.VolumeProjection', 'podCertificate', '1.34'],
    ['core.v1.PodSpec', 'workloadRef', '1.35'],
  ])('%s.%s is known from %s', (definition, field, since) => {
    expect(addedField(definition, field)?.since.name).toBe(since);
  });
});
