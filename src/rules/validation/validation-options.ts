/**
 * The gate-dependent part of pkg/apis/core/validation PodValidationOptions, as
 * pkg/api/pod/util.go GetValidationOptionsFromPodSpecAndMeta sets it on create
 * (no old object): each option is its feature gate's default in the target
 * release (src/k8s/feature-gates.ts).
 */
import { FeatureGate, isEnabled } from '../../k8s/feature-gates';
import { KubernetesVersion } from '../../k8s/kubernetes-version';

/** k8s: PodValidationOptions (the fields that differ between 1.28 and 1.35 on create). */
export interface PodValidationOptions {
  /** k8s: AllowRelaxedEnvironmentVariableValidation (RelaxedEnvironmentVariableValidation, 1.30 alpha, on from 1.32). */
  readonly allowRelaxedEnvironmentVariableValidation: boolean;
  /** k8s: AllowRelaxedDNSSearchValidation (RelaxedDNSSearchValidation, 1.32 alpha, on from 1.33). */
  readonly allowRelaxedDNSSearchValidation: boolean;
  /** k8s: AllowPodLifecycleSleepActionZeroValue (PodLifecycleSleepActionAllowZero, 1.32 alpha, on from 1.33). */
  readonly allowPodLifecycleSleepActionZeroValue: boolean;
  /**
   * Not an upstream option: whether `securityContext.appArmorProfile` exists and
   * is kept (types.go v1.30.0; AppArmorFields beta and on in 1.30, GA in 1.31).
   */
  readonly appArmorFields: boolean;
  /**
   * Not an upstream option: whether init containers keep `restartPolicy`
   * (SidecarContainers; dropDisabledFields removes it where the gate is off),
   * so that a sidecar's probes and hooks are validated, not forbidden.
   */
  readonly sidecarContainers: boolean;
}

// Asked for per Pod and per container: the answer depends only on the version (gates included), an immutable object.
const OPTIONS_OF = new WeakMap<KubernetesVersion, PodValidationOptions>();

/** The options an API server of `version` (its gates as the cluster sets them) validates a new Pod (or template) with. */
export function podValidationOptions(version: KubernetesVersion = KubernetesVersion.DEFAULT): PodValidationOptions {
  let options = OPTIONS_OF.get(version);
  if (options === undefined) {
    options = Object.freeze(optionsOf(version));
    OPTIONS_OF.set(version, options);
  }
  return options;
}

function optionsOf(version: KubernetesVersion): PodValidationOptions {
  return {
    allowRelaxedEnvironmentVariableValidation: isEnabled(FeatureGate.RELAXED_ENVIRONMENT_VARIABLE_VALIDATION, version),
    allowRelaxedDNSSearchValidation: isEnabled(FeatureGate.RELAXED_DNS_SEARCH_VALIDATION, version),
    allowPodLifecycleSleepActionZeroValue: isEnabled(FeatureGate.POD_LIFECYCLE_SLEEP_ACTION_ALLOW_ZERO, version),
    appArmorFields: isEnabled(FeatureGate.APP_ARMOR_FIELDS, version),
    sidecarContainers: isEnabled(FeatureGate.SIDECAR_CONTAINERS, version),
  };
}
