/**
 * Fields of the kinds api-schema-1-28.ts describes that later releases added,
 * each with the release that added it (staging/src/k8s.io/api/core/v1/types.go
 * at that release's tag). Under the target release such a field decodes with
 * its type; before it, it is an unknown field (strict decoding error) whose
 * finding names the release that has it: the one rule for "a field the
 * target release does not have".
 */
import { KubernetesVersion } from '../../k8s/kubernetes-version';

/** A field added after 1.28. */
export interface AddedField {
  /** Definition of api-schema-1-28.ts the field belongs to. */
  readonly definition: string;
  readonly field: string;
  /** Its JSON type, in api-schema-1-28.ts's notation (`@<definition>` for objects). */
  readonly type: string;
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
