import { KubernetesVersion } from '../../src/k8s/kubernetes-version';

describe('KubernetesVersion', () => {
  test('supports 1.28 through 1.35, oldest first; the default is 1.28', () => {
    expect(KubernetesVersion.all().map((v) => v.name)).toEqual(['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35']);
    expect(KubernetesVersion.DEFAULT).toBe(KubernetesVersion.V1_28);
    expect(KubernetesVersion.supportedNames()).toBe('1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35');
  });

  test('of() returns the shared instance', () => {
    expect(KubernetesVersion.of('1.33')).toBe(KubernetesVersion.V1_33);
    expect(KubernetesVersion.of('1.28')).toBe(KubernetesVersion.V1_28);
    expect(`${KubernetesVersion.V1_35}`).toBe('1.35');
  });

  test.each(['1.27', '1.36', 'v1.33', 'latest', '1.33.0', '1.3', ' 1.33'])('of("%s") throws one line listing the supported versions', (bad) => {
    expect(() => KubernetesVersion.of(bad)).toThrow(`unsupported Kubernetes version "${bad}": use one of 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35`);
  });

  test('isAtLeast compares minor releases', () => {
    expect(KubernetesVersion.V1_33.isAtLeast(KubernetesVersion.V1_29)).toBe(true);
    expect(KubernetesVersion.V1_29.isAtLeast(KubernetesVersion.V1_29)).toBe(true);
    expect(KubernetesVersion.V1_28.isAtLeast(KubernetesVersion.V1_29)).toBe(false);
  });

  describe('withFeatureGates', () => {
    test('keeps the release and records the gates; later calls add to earlier ones', () => {
      const v = KubernetesVersion.V1_28.withFeatureGates({ SidecarContainers: true }).withFeatureGates({ ProcMountType: true });
      expect(v.name).toBe('1.28');
      expect(v.minor).toBe(28);
      expect(v.featureGates).toEqual({ SidecarContainers: true, ProcMountType: true });
      expect(`${v}`).toBe('1.28 with SidecarContainers=true,ProcMountType=true');
      expect(KubernetesVersion.V1_28.featureGates).toEqual({});
      expect(`${KubernetesVersion.V1_28}`).toBe('1.28');
    });

    test('the shared instances stay untouched', () => {
      KubernetesVersion.V1_30.withFeatureGates({ SidecarContainers: false });
      expect(KubernetesVersion.V1_30.featureGates).toEqual({});
      expect(() => { (KubernetesVersion.V1_30.featureGates as any).SidecarContainers = false; }).toThrow();
    });

    test('refuses a gate the rules do not consult, listing the ones they do', () => {
      expect(() => KubernetesVersion.V1_28.withFeatureGates({ SidecarContainer: true })).toThrow(
        /^unknown feature gate "SidecarContainer": the gates that change what the rules judge are SidecarContainers, ProcMountType, /);
    });

    // kube-apiserver refuses to start with a gate its release does not know (component-base featuregate: "unrecognized feature gate").
    test('refuses a gate the release does not have yet, naming the release that added it', () => {
      expect(() => KubernetesVersion.V1_28.withFeatureGates({ RelaxedDNSSearchValidation: true })).toThrow(
        'feature gate RelaxedDNSSearchValidation is not in Kubernetes 1.28 (it was added in 1.32): drop it, or target 1.32 or later');
      const v132 = KubernetesVersion.V1_32.withFeatureGates({ RelaxedDNSSearchValidation: true });
      expect(v132.featureGates).toEqual({ RelaxedDNSSearchValidation: true });
    });

    test('refuses a value that is not a boolean (a plugin property read from YAML)', () => {
      expect(() => KubernetesVersion.V1_28.withFeatureGates({ SidecarContainers: 'yes' as any }))
        .toThrow('feature gate SidecarContainers: "yes" is not true or false');
    });
  });
});
