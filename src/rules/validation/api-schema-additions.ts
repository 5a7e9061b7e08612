/**
 * Fields of the kinds api-schema-1-28.ts describes that later releases added,
 * each with the release that added it (staging/src/k8s.io/api/{core,batch}/v1/types.go
 * at that release's tag). Under the target release such a field decodes with
 * its type; before it, it is an unknown field (strict decoding error) whose
 * finding names the release that has it: the one rule for "a field the
 * target release does not have".
 *
 * Only `sleep` and `appArmorProfile` are validated beyond decoding. The others
 * are known from their release so that a target that has them gets no false
 * unknown-field error; an object-valued one decodes as `any` (its content is
 * not checked: docs/kubernetes-versions.md lists them as not validated).
 */
import { KubernetesVersion } from '../../k8s/kubernetes-version';

/** A field added after 1.28. */
export interface AddedField {
  /** Definition of api-schema-1-28.ts the field belongs to. */
  readonly definition: string;
  readonly field: string;
  /** Its JSON type, in api-schema-1-28.ts's notation (`@<definition>` for objects, `[type]` for lists, `any` unchecked). */
  readonly type: string | readonly [string];
  /** The first release that has the field. */
  readonly since: KubernetesVersion;
}

const V = KubernetesVersion;

/** The added fields this library judges. */
export const ADDED_FIELDS: readonly AddedField[] = [
  // types.go at k8s.io/api v0.29.0 (Kubernetes 1.29.0): LifecycleHandler.Sleep *SleepAction (KEP-3960); not in v0.28.0.
  { definition: 'core.v1.LifecycleHandler', field: 'sleep', type: '@core.v1.SleepAction', since: V.V1_29 },
  // types.go at k8s.io/api v0.30.0: SecurityContext.AppArmorProfile, PodSecurityContext.AppArmorProfile (KEP-24); not in v0.29.0.
  { definition: 'core.v1.SecurityContext', field: 'appArmorProfile', type: '@core.v1.AppArmorProfile', since: V.V1_30 },
  { definition: 'core.v1.PodSecurityContext', field: 'appArmorProfile', type: '@core.v1.AppArmorProfile', since: V.V1_30 },
  // k8s.io/api v0.29.0: PersistentVolumeClaimSpec.VolumeAttributesClassName *string; PodAffinityTerm.MatchLabelKeys,
  // MismatchLabelKeys []string; VolumeProjection.ClusterTrustBundle *ClusterTrustBundleProjection.
  { definition: 'core.v1.PersistentVolumeClaimSpec', field: 'volumeAttributesClassName', type: 'string', since: V.V1_29 },
  { definition: 'core.v1.PodAffinityTerm', field: 'matchLabelKeys', type: ['string'], since: V.V1_29 },
  { definition: 'core.v1.PodAffinityTerm', field: 'mismatchLabelKeys', type: ['string'], since: V.V1_29 },
  { definition: 'core.v1.VolumeProjection', field: 'clusterTrustBundle', type: 'any', since: V.V1_29 },
  // v0.30.0: VolumeMount.RecursiveReadOnly *RecursiveReadOnlyMode; ServiceSpec.TrafficDistribution *string;
  // batch JobSpec.ManagedBy *string, SuccessPolicy *SuccessPolicy.
  { definition: 'core.v1.VolumeMount', field: 'recursiveReadOnly', type: 'string', since: V.V1_30 },
  { definition: 'core.v1.ServiceSpec', field: 'trafficDistribution', type: 'string', since: V.V1_30 },
  { definition: 'batch.v1.JobSpec', field: 'managedBy', type: 'string', since: V.V1_30 },
  { definition: 'batch.v1.JobSpec', field: 'successPolicy', type: 'any', since: V.V1_30 },
  // v0.31.0: PodSecurityContext.SupplementalGroupsPolicy *SupplementalGroupsPolicy; VolumeSource.Image *ImageVolumeSource
  // (inline in Volume).
  { definition: 'core.v1.PodSecurityContext', field: 'supplementalGroupsPolicy', type: 'string', since: V.V1_31 },
  { definition: 'core.v1.Volume', field: 'image', type: 'any', since: V.V1_31 },
  // v0.32.0: PodSpec.Resources *ResourceRequirements; PodSecurityContext.SELinuxChangePolicy *PodSELinuxChangePolicy.
  { definition: 'core.v1.PodSpec', field: 'resources', type: '@core.v1.ResourceRequirements', since: V.V1_32 },
  { definition: 'core.v1.PodSecurityContext', field: 'seLinuxChangePolicy', type: 'string', since: V.V1_32 },
  // v0.33.0: Lifecycle.StopSignal *Signal.
  { definition: 'core.v1.Lifecycle', field: 'stopSignal', type: 'string', since: V.V1_33 },
  // v0.34.0: Container.RestartPolicyRules []ContainerRestartRule; PodSpec.HostnameOverride *string;
  // EnvVarSource.FileKeyRef *FileKeySelector; VolumeProjection.PodCertificate *PodCertificateProjection.
  { definition: 'core.v1.Container', field: 'restartPolicyRules', type: 'any', since: V.V1_34 },
  { definition: 'core.v1.PodSpec', field: 'hostnameOverride', type: 'string', since: V.V1_34 },
  { definition: 'core.v1.EnvVarSource', field: 'fileKeyRef', type: 'any', since: V.V1_34 },
  { definition: 'core.v1.VolumeProjection', field: 'podCertificate', type: 'any', since: V.V1_34 },
  // v0.35.0: PodSpec.WorkloadRef *WorkloadReference.
  { definition: 'core.v1.PodSpec', field: 'workloadRef', type: 'any', since: V.V1_35 },
];

/** Definitions the added fields refer to (types.go SleepAction `seconds` int64; AppArmorProfile `type`, `localhostProfile`). */
export const ADDED_DEFINITIONS: Readonly<Record<string, Record<string, string>>> = {
  'core.v1.SleepAction': { seconds: 'int64' },
  'core.v1.AppArmorProfile': { type: 'string', localhostProfile: 'string' },
};

/** The added field `field` of `definition`, if a later release added one of that name. */
export function addedField(definition: string, field: string): AddedField | undefined {
  return ADDED_FIELDS.find((added) => added.definition === definition && added.field === field);
}
