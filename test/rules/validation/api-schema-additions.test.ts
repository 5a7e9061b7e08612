import { KubernetesVersion } from '../../../src/k8s/kubernetes-version';
import { API_SCHEMA_1_28 } from '../../../src/rules/validation/api-schema-1-28';
import { ADDED_DEFINITIONS, ADDED_FIELDS, addedField } from '../../../src/rules/validation/api-schema-additions';

describe('fields added after 1.28', () => {
  test('each belongs to a 1.28 definition that lacks it, and its type is defined', () => {
    for (const added of ADDED_FIELDS) {
      expect(API_SCHEMA_1_28.definitions[added.definition]).toBeDefined();
      expect(API_SCHEMA_1_28.definitions[added.definition][added.field]).toBeUndefined();
      expect(ADDED_DEFINITIONS[added.type.slice(1)]).toBeDefined();
      expect(added.since.isAtLeast(KubernetesVersion.V1_29)).toBe(true);
    }
  });

  test('releases from types.go: sleep 1.29, appArmorProfile 1.30', () => {
    expect(addedField('core.v1.LifecycleHandler', 'sleep')?.since).toBe(KubernetesVersion.V1_29);
    expect(addedField('core.v1.SecurityContext', 'appArmorProfile')?.since).toBe(KubernetesVersion.V1_30);
    expect(addedField('core.v1.PodSecurityContext', 'appArmorProfile')?.since).toBe(KubernetesVersion.V1_30);
    expect(addedField('core.v1.PodSecurityContext', 'apparmorProfile')).toBeUndefined();
  });
});
