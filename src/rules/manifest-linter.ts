import { lintObjects } from './engine';
import { Finding } from './finding';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { SecurityProfile } from '../policy/security-profile';

/** How `ManifestLinter.lintWith` judges: what `lint`'s options say, for programs. */
export interface ManifestLintOptions {
  /**
   * The Pod Security Standards level to check.
   * @default SecurityProfile.RESTRICTED
   */
  readonly profile?: SecurityProfile;

  /**
   * The release the cluster runs, with the feature gates it sets
   * (`KubernetesVersion.V1_28.withFeatureGates({ SidecarContainers: true })`).
   * @default KubernetesVersion.DEFAULT (1.28, every gate at its default)
   */
  readonly kubernetesVersion?: KubernetesVersion;

  /**
   * The cluster's Service IP ranges, as kube-apiserver's
   * `--service-cluster-ip-range` (`10.96.0.0/12`, or `10.96.0.0/12,fd00::/108`).
   * @default - not declared: Services are not judged against the cluster's ranges
   */
  readonly serviceClusterIpRange?: string;

  /**
   * Rule ids to leave out (an unknown id throws).
   * @default - none
   */
  readonly disabledRules?: string[];
}

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
    return ManifestLinter.lintWith(manifests, { profile });
  }

  /**
   * Every finding for `manifests` as `lint` with the same options reports them
   * (`--profile`, `--kubernetes-version` and `--feature-gates`,
   * `--service-cluster-ip-range`, `--disable`).
   *
   * @param manifests plain Kubernetes objects; objects without `kind` are skipped
   * @throws for a bad `serviceClusterIpRange` or an unknown rule id, naming it
   */
  public static lintWith(manifests: any[], options: ManifestLintOptions = {}): Finding[] {
    return lintObjects(manifests, {
      profile: options.profile ?? SecurityProfile.RESTRICTED,
      kubernetesVersion: options.kubernetesVersion,
      serviceClusterIpRange: options.serviceClusterIpRange,
      disabledRules: options.disabledRules,
    });
  }

  private constructor() {}
}
