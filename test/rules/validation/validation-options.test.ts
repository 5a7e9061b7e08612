import { KubernetesVersion } from '../../../src/k8s/kubernetes-version';
import { podValidationOptions } from '../../../src/rules/validation/validation-options';

// pkg/api/pod/util.go GetValidationOptionsFromPodSpecAndMeta on create: each option is its gate's default
// (kube_features.go: RelaxedEnvironmentVariableValidation on from 1.32, RelaxedDNSSearchValidation and
// PodLifecycleSleepActionAllowZero from 1.33, AppArmorFields from 1.30).
describe('podValidationOptions', () => {
  test.each([
    ['1.28', false, false, false, false, false], ['1.29', false, false, false, false, true], ['1.30', false, false, false, true, true],
    ['1.31', false, false, false, true, true], ['1.32', true, false, false, true, true], ['1.33', true, true, true, true, true],
    ['1.35', true, true, true, true, true],
  ])('%s', (name, env, dns, zero, appArmor, sidecars) => {
    expect(podValidationOptions(KubernetesVersion.of(name))).toEqual({
      allowRelaxedEnvironmentVariableValidation: env,
      allowRelaxedDNSSearchValidation: dns,
      allowPodLifecycleSleepActionZeroValue: zero,
      appArmorFields: appArmor,
      sidecarContainers: sidecars,
    });
  });

  test('a gate the cluster sets wins over the release default', () => {
    const cluster = KubernetesVersion.V1_32.withFeatureGates({ RelaxedDNSSearchValidation: true, RelaxedEnvironmentVariableValidation: false });
    const options = podValidationOptions(cluster);
    expect(options.allowRelaxedDNSSearchValidation).toBe(true);
    expect(options.allowRelaxedEnvironmentVariableValidation).toBe(false);
  });

  test('the default is 1.28\'s', () => {
    expect(podValidationOptions()).toEqual(podValidationOptions(KubernetesVersion.V1_28));
  });
});
