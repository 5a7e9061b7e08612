/**
 * The AppArmor fields of Kubernetes 1.30+ (`securityContext.appArmorProfile`
 * of the Pod and of each container; AppArmorFields beta and on in 1.30, GA in
 * 1.31): pkg/apis/core/validation/validation.go ValidateAppArmorProfileField
 * (called by ValidateSecurityContext and validatePodSpecSecurityContext) and
 * validateAppArmorAnnotationsAndFieldsMatchOnCreate (ValidatePodCreate: Pods
 * only). Before 1.30 the fields do not exist: api-decoding reports them.
 */
import { byteLength, Errors, forbidden, invalid, isSet, notSupported, obj, required, str, tooLong } from './field';
import { PodRuleContext } from '../pod-templates';

const PROFILE_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
/** PATH_MAX - 1 */
const MAX_LOCALHOST_PROFILE_LENGTH = 4095;
/** k8s: core.DeprecatedAppArmorAnnotationKeyPrefix */
export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const LOCALHOST_PREFIX = 'localhost/';

/** k8s: ValidateAppArmorProfileField */
function validateAppArmorProfileField(profile: unknown, path: string): Errors {
  if (!isSet(profile)) return [];
  const p = obj(profile);
  const type = str(p.type);
  const localhost = p.localhostProfile;
  switch (type) {
    case 'Localhost': {
      const need = required(`${path}.localhostProfile`, 'must be set when AppArmor type is Localhost', 'name the profile loaded on the node');
      if (!isSet(localhost)) return [need];
      const text = str(localhost);
      const errs: Errors = [];
      if (text.trim() !== text) errs.push(invalid(`${path}.localhostProfile`, text, 'must not be padded with whitespace'));
      else if (text === '') errs.push(need);
      if (byteLength(text) > MAX_LOCALHOST_PROFILE_LENGTH) errs.push(tooLong(`${path}.localhostProfile`, MAX_LOCALHOST_PROFILE_LENGTH));
      return errs;
    }
    case 'RuntimeDefault':
    case 'Unconfined':
      return isSet(localhost) ? [invalid(`${path}.localhostProfile`, localhost, 'can only be set when AppArmor type is Localhost', 'remove localhostProfile')] : [];
    case '':
      return [required(`${path}.type`, 'type is required when appArmorProfile is set', 'use RuntimeDefault, Localhost or Unconfined')];
    default:
      return [notSupported(`${path}.type`, type, PROFILE_TYPES)];
  }
}

/** Whether annotation `value` (runtime/default, unconfined, localhost/<name>) says what `profile` says; the field of the mismatch otherwise. */
function mismatch(value: string, profile: Record<string, any>): 'type' | 'localhostProfile' | undefined {
  switch (str(profile.type)) {
    case 'Unconfined': return value === 'unconfined' ? undefined : 'type';
    case 'RuntimeDefault': return value === 'runtime/default' ? undefined : 'type';
    case 'Localhost':
      if (!value.startsWith(LOCALHOST_PREFIX)) return 'type';
      return isSet(profile.localhostProfile) && value.slice(LOCALHOST_PREFIX.length) === str(profile.localhostProfile) ? undefined : 'localhostProfile';
    default: return undefined;
  }
}

/** k8s: validateAppArmorAnnotationsAndFieldsMatchOnCreate (Pods only; Windows Pods are skipped) */
function validateAppArmorAnnotationsAndFieldsMatch(ctx: PodRuleContext): Errors {
  const spec = ctx.pod.spec;
  if (ctx.kind !== 'Pod' || obj(spec.os).name === 'windows') return [];
  const annotations = obj(obj(ctx.object.metadata).annotations);
  const podProfile = obj(spec.securityContext).appArmorProfile;
  const errs: Errors = [];
  for (const ref of ctx.containers) {
    const own = obj(ref.container.securityContext).appArmorProfile;
    const profile = isSet(own) ? own : podProfile;
    const annotation = annotations[`${APPARMOR_ANNOTATION_PREFIX}${str(ref.container.name)}`];
    if (!isSet(profile) || typeof annotation !== 'string') continue;
    const field = mismatch(annotation, obj(profile));
    if (field === undefined) continue;
    errs.push(forbidden(`${ref.path}.securityContext.appArmorProfile.${field}`, `apparmor ${field === 'type' ? 'type' : 'profile'} in annotation and field must match`,
      `the annotation ${APPARMOR_ANNOTATION_PREFIX}${str(ref.container.name)} says "${annotation}": remove the annotation (deprecated since 1.30) or make it agree`));
  }
  return errs;
}

/** The appArmorProfile fields of the Pod and its containers. */
export function validateAppArmorFields(ctx: PodRuleContext): Errors {
  const errs = validateAppArmorProfileField(obj(ctx.pod.spec.securityContext).appArmorProfile, `${ctx.pod.specPath}.securityContext.appArmorProfile`);
  for (const ref of ctx.containers) {
    errs.push(...validateAppArmorProfileField(obj(ref.container.securityContext).appArmorProfile, `${ref.path}.securityContext.appArmorProfile`));
  }
  return [...errs, ...validateAppArmorAnnotationsAndFieldsMatch(ctx)];
}
