import type { ApiObject } from 'cdk8s';
import { SecurityProfile } from '../policy/security-profile';

/**
 * What the constructs record on the objects they build, so that `lint` and the
 * cdk8s plugin, which only see the written YAML, judge each object as the
 * construct did and name the construct that made it. The domain is the one of
 * the suppression annotations (`ignore-check.cdk8s-pod-patterns.io/<rule>`).
 *
 * PRIVILEGED objects record nothing: `SafePod` with `securityProfile:
 * PRIVILEGED` promises exactly what `kplus.Pod` writes (cdk8s-plus-28's own
 * snapshot tests run against it), and an annotation that lowers the level the
 * plugin checks to "nothing" should not be one line away for any manifest
 * author (`declaredProfile` ignores one). Lint and the plugin judge an object
 * without a declaration at their configured profile.
 */

/** The Pod Security Standards level the object was built and checked with. */
export const PROFILE_ANNOTATION = 'cdk8s-pod-patterns.io/security-profile';

/** The path of the construct the user wrote (`chart/app`), for reports. */
export const CONSTRUCT_PATH_ANNOTATION = 'cdk8s-pod-patterns.io/construct-path';

/**
 * Records on `apiObject` the profile it was built with and the construct that
 * owns it (`ownerPath`), except under PRIVILEGED (see above).
 */
export function recordProvenance(apiObject: ApiObject, profile: SecurityProfile, ownerPath: string): void {
  if (profile === SecurityProfile.PRIVILEGED) return;
  apiObject.metadata.addAnnotation(PROFILE_ANNOTATION, profile);
  apiObject.metadata.addAnnotation(CONSTRUCT_PATH_ANNOTATION, ownerPath);
}

/**
 * The profile `manifest` declares, `undefined` when it declares none. A value
 * that names no profile counts as the strictest: a typo must not loosen the
 * check. `privileged` is never written by the constructs and counts as no
 * declaration: turning every security rule off takes the checker's own
 * configuration (or a suppression per rule, with its reason), not one line in
 * the manifest being checked.
 */
export function declaredProfile(manifest: any): SecurityProfile | undefined {
  const value = annotationOf(manifest, PROFILE_ANNOTATION);
  if (value === undefined || value === SecurityProfile.PRIVILEGED) return undefined;
  return Object.values(SecurityProfile).find(profile => profile === value) ?? SecurityProfile.RESTRICTED;
}

/** The construct path `manifest` records, `undefined` when it records none. */
export function declaredConstructPath(manifest: any): string | undefined {
  const value = annotationOf(manifest, CONSTRUCT_PATH_ANNOTATION);
  return value === undefined || value === '' ? undefined : value;
}

function annotationOf(manifest: any, key: string): string | undefined {
  const value = manifest?.metadata?.annotations?.[key];
  return typeof value === 'string' ? value : undefined;
}
