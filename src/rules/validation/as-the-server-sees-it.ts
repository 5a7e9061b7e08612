/**
 * Findings of the older Pod rules (src/rules/api-rules.ts), told as the
 * Kubernetes API server of the target release behaves on create (1.28 unless
 * the run says otherwise):
 *
 * - A StatefulSet's template is validated only for labels, annotations,
 *   selector match, restartPolicy and activeDeadlineSeconds
 *   (pkg/apis/apps/validation ValidatePodTemplateSpecForStatefulSet,
 *   ValidateStatefulSetSpec); the rest is refused when its controller creates
 *   the Pods, which also get one volume per volumeClaimTemplate (so mounting a
 *   claim template is fine).
 * - Image whitespace is checked for Pods only (validateContainerOnlyForPod):
 *   templates are accepted and their Pods refused.
 * - An init container's `restartPolicy` is dropped before validation
 *   where SidecarContainers is off by default, i.e. 1.28 (pkg/api/pod/util.go
 *   dropDisabledFields): any value is accepted and has no effect. From 1.29 it
 *   is validated.
 * - A container's `procMount` is forced to Default where ProcMountType is off
 *   by default (before 1.33), so Pod Security admission never sees Unmasked.
 *
 * Refused Pods are runtime-pods-rejected; dropped fields bp-dropped-alpha-field.
 */
import { list, obj, str } from './field';
import { describeGate, FeatureGate, isEnabled } from '../../k8s/feature-gates';
import { KubernetesVersion } from '../../k8s/kubernetes-version';
import { Violation } from '../finding';

export const PODS_REJECTED_RULE = 'runtime-pods-rejected';
export const DROPPED_ALPHA_FIELD_RULE = 'bp-dropped-alpha-field';

/** The api-* Pod rules whose checks ValidateStatefulSetSpec does make on the template. */
const VALIDATED_FOR_STATEFULSET = new Set(['api-restart-policy', 'api-object-meta']);
const INIT_RESTART_POLICY = /\.initContainers\[\d+\]\.restartPolicy$/;
const MOUNT_PATH = /^spec\.template\.spec\.(containers|initContainers|ephemeralContainers)\[(\d+)\]\.volumeMounts\[(\d+)\]\.name$/;

function podsRejected(kind: string, found: Violation, why: string): Violation {
  return {
    ruleId: PODS_REJECTED_RULE,
    path: found.path,
    message: `the API server accepts this ${kind} (${why}) but rejects every Pod its controller creates (FailedCreate events, no Pods): ${found.message}`,
  };
}

/** What a Pod-rule finding means for `object` on an API server of `version`: itself, another rule's finding, or nothing. */
export function asTheServerSeesIt(object: any, found: Violation, version: KubernetesVersion = KubernetesVersion.DEFAULT): Violation | undefined {
  const kind = str(object.kind);
  // dropDisabledProcMountField forces procMount to Default where ProcMountType is off: Pod Security sees Default.
  if (found.ruleId === 'pss-baseline-proc-mount' && !isEnabled(FeatureGate.PROC_MOUNT_TYPE, version)) return undefined;
  const sidecarsOff = !isEnabled(FeatureGate.SIDECAR_CONTAINERS, version);
  if (sidecarsOff && found.ruleId === 'api-container-restart-policy' && INIT_RESTART_POLICY.test(found.path)) {
    return {
      ruleId: DROPPED_ALPHA_FIELD_RULE,
      path: found.path,
      message: `${found.path} is dropped by the API server on ${version.name} and has no effect (${describeGate(FeatureGate.SIDECAR_CONTAINERS, version)}); besides: ${found.message}`,
    };
  }
  if (kind !== 'Pod' && found.ruleId === 'api-image-whitespace') {
    return podsRejected(kind, found, '1.28 checks image whitespace on Pods only');
  }
  if (kind !== 'StatefulSet' || !found.ruleId.startsWith('api-') || VALIDATED_FOR_STATEFULSET.has(found.ruleId)) return found;
  if (found.ruleId === 'api-volume-mount-unknown' && mountsClaimTemplate(object, found.path)) return undefined;
  return podsRejected(kind, found, "1.28 does not validate a StatefulSet's Pod template spec on create");
}

function mountsClaimTemplate(statefulSet: any, path: string): boolean {
  const m = MOUNT_PATH.exec(path);
  if (m === null) return false;
  const podSpec = obj(obj(obj(statefulSet.spec).template).spec);
  const name = str(obj(list(obj(list(podSpec[m[1]])[Number(m[2])]).volumeMounts)[Number(m[3])]).name);
  return name !== '' && list(obj(statefulSet.spec).volumeClaimTemplates).some((t) => str(obj(obj(t).metadata).name) === name);
}
