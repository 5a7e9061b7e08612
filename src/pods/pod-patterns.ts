import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { PodGuard } from './pod-guard';
import { WarningPolicy } from './warning-policy';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { SecurityProfile } from '../policy/security-profile';
import { assertSuppressible, suppressionAnnotationKey } from '../rules/suppression';

/**
 * Options for `PodPatterns.apply`.
 */
export interface PodPatternsApplyOptions {
  /**
   * The Pod Security Standards level every Pod-bearing object in the scope is
   * checked against (and hardened to, with `harden`).
   *
   * @default SecurityProfile.RESTRICTED
   */
  readonly securityProfile?: SecurityProfile;

  /**
   * Complete each container at synth with what the profile requires where the
   * field is absent (`capabilities.drop: [ALL]`, `seccompProfile`, ...), and give
   * a container without `imagePullPolicy` the one Kubernetes would compute. A
   * value the user set is never changed: if it breaks the profile (e.g.
   * `privileged: true` under RESTRICTED), the synth fails naming it.
   *
   * One exception, as in `SafePod`: cdk8s-plus writes `imagePullPolicy: Always`
   * on every container it builds, so in a cdk8s-plus workload exactly `Always`
   * counts as unset and becomes what Kubernetes computes for the image
   * (`IfNotPresent` for a pinned tag or digest, `Always` for `:latest` or no tag).
   * To keep `Always` on a pinned image there, set `harden: false`.
   *
   * @default true
   */
  readonly harden?: boolean;

  /**
   * What the synth does with best-practice findings in the scope.
   *
   * @default - `CDK8S_POD_PATTERNS_WARNINGS`, or `WarningPolicy.PRINT`
   */
  readonly warnings?: WarningPolicy;

  /**
   * The Kubernetes release the cluster runs: the rules whose verdict depends on
   * that release's feature-gate defaults (native sidecars, fields of gated
   * features) judge every workload in the scope for it, including those of
   * `SafePod` and `InitGatedApp`. The objects written are the same on every
   * release (cdk8s-plus-28's types, valid on all of them).
   *
   * Like `PodPatterns.setKubernetesVersion`, it reaches the construction-time
   * checks of `SafePod` and `InitGatedApp` only if applied before they are
   * constructed; the synth check always judges for it.
   *
   * @default - the innermost `setKubernetesVersion` around the scope, or KubernetesVersion.V1_28
   */
  readonly kubernetesVersion?: KubernetesVersion;
}

/**
 * Adopt the library on an existing cdk8s app, and record deliberate exceptions.
 */
export class PodPatterns {
  /**
   * Checks every Pod-bearing object in `scope` at synth with the library's rules:
   * cdk8s-plus workloads, `k8s.Kube*` objects and raw `ApiObject`s with a Pod
   * spec or template, with `harden` also completing what the profile requires.
   * Objects made by `SafePod` and `InitGatedApp` keep their own profile.
   *
   * The check runs once per synth for the whole app; a failing synth lists every
   * failing workload with all of its problems and writes nothing.
   *
   * @param scope an App, a Chart or any construct; everything below it is checked
   */
  public static apply(scope: IConstruct, options: PodPatternsApplyOptions = {}): void {
    const guard = PodGuard.of(scope);
    guard.addScope({
      scope,
      profile: options.securityProfile ?? SecurityProfile.RESTRICTED,
      harden: options.harden ?? true,
    });
    if (options.warnings !== undefined) guard.setWarningPolicy(scope, options.warnings);
    if (options.kubernetesVersion !== undefined) guard.setKubernetesVersion(scope, options.kubernetesVersion);
  }

  /**
   * The Kubernetes release the workloads under `scope` are judged for (the
   * innermost setting wins), without adopting the scope's other objects: for an
   * app that uses only `SafePod` and `InitGatedApp`.
   *
   * Call it before the workloads under `scope` are constructed (on the app, or
   * first thing in a chart's constructor): `SafePod`, `InitGatedApp` and
   * `WaitFor.gate` check each container, and compute its `imagePullPolicy`, for
   * the release in effect when the container is added (1.29+ also reads IPv6
   * registries and an upper-case registry name, which 1.28 refuses). A release
   * set after a workload was constructed applies from then on: to containers
   * added later, and at synth, where the check and hardening judge every
   * workload for the release in effect then (a constructor that already threw
   * for the earlier release is not undone; its message names the releases that
   * accept the container).
   */
  public static setKubernetesVersion(scope: IConstruct, version: KubernetesVersion): void {
    PodGuard.of(scope).setKubernetesVersion(scope, version);
  }

  /**
   * What synths do with best-practice findings of the workloads under `scope`
   * (the innermost setting wins), e.g. `WarningPolicy.FAIL` in CI.
   */
  public static setWarningPolicy(scope: IConstruct, policy: WarningPolicy): void {
    PodGuard.of(scope).setWarningPolicy(scope, policy);
  }

  /**
   * Accepts the findings of rule `ruleId` on `construct`'s object, for a reason.
   *
   * Writes the annotation `ignore-check.cdk8s-pod-patterns.io/<ruleId>: <reason>`
   * on the object (kube-linter's convention), so `cdk8s-pod-patterns lint` of the
   * synthesized YAML agrees with the synth and lists what was suppressed and why.
   * Only a rule the catalogue marks suppressible can be (Pod Security Standards,
   * best practices, run-time heuristics): what the API server rejects or the
   * kubelet certainly fails on (`api-*`, `runtime-image-reference`) cannot be,
   * since the object would still fail, and neither can `bp-invalid-suppression`.
   *
   * @param construct the workload (or the `ApiObject`) the exception is for
   * @param ruleId the rule, as it appears in findings, e.g. `bp-bare-pod`
   * @param reason why the exception is right; must not be empty
   */
  public static suppress(construct: IConstruct, ruleId: string, reason: string): void {
    if (reason.trim() === '') {
      throw new Error(`PodPatterns.suppress(${construct.node.path}, "${ruleId}"): the reason is empty: say why the exception is right, reviewers read it in the manifest`);
    }
    try {
      assertSuppressible(ruleId);
    } catch (e) {
      throw new Error(`PodPatterns.suppress(${construct.node.path}, "${ruleId}"): ${(e as Error).message}`);
    }
    ApiObject.of(construct).metadata.addAnnotation(suppressionAnnotationKey(ruleId), reason);
  }

  private constructor() {}
}
