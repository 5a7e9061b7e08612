import { lintObjects } from './engine';
import { Finding } from './finding';
import { SecurityProfile } from '../policy/security-profile';

/**
 * The library's rules over plain Kubernetes objects (parsed YAML, `Chart.toJson()`
 * output, Helm templates), for programs. The constructs, the `lint` command and
 * the cdk8s plugin run exactly these rules.
 */
export class ManifestLinter {
  /**
   * Every finding for `manifests`, object by object, in a stable order.
   *
   * @param manifests plain Kubernetes objects; objects without `kind` are skipped
   * @param profile the Pod Security Standards level to check (default `RESTRICTED`)
   */
  public static lint(manifests: any[], profile?: SecurityProfile): Finding[] {
    return lintObjects(manifests, { profile: profile ?? SecurityProfile.RESTRICTED });
  }

  private constructor() {}
}
