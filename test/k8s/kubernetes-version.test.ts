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
});
