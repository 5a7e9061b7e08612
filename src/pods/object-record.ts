import { ApiObject } from 'cdk8s';
import { hardenManifest } from './hardening';
import { interceptRender } from '../k8s/cdk8s-internals';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { SecurityProfile } from '../policy/security-profile';

/** How the guard hardens and judges one object. */
export interface CheckSettings {
  readonly profile: SecurityProfile;
  /** Fill what the profile requires where a field is absent, at synth. */
  readonly harden: boolean;
  /**
   * Only checked this way if nothing else claims the object: `WaitFor.gate` on
   * a workload the library does not own asks for the API rules, and a
   * `PodPatterns.apply` scope around it asks for more.
   * @default false
   */
  readonly fallback?: boolean;
  /**
   * cdk8s-plus rendered the object, so an `imagePullPolicy: Always` may be its
   * default rather than the user's choice: hardening then treats exactly that
   * value as unset and computes the policy as `SafePod` does.
   * @default false
   */
  readonly cdk8sPlusDefaults?: boolean;
}

/**
 * One Pod-bearing object under the synth guard: how it renders and is hardened.
 * An owned workload's `WorkloadRecord` holds one from construction; the guard
 * makes one at synth for each object a `PodPatterns.apply` scope adopts (those
 * are only known once the tree is complete, and a raw `ApiObject` has no
 * workload to hold a record).
 *
 * From its creation on, the object's `toJson()` (what cdk8s writes) is this
 * record's render: hardened, and inside an app synth the very manifest the
 * guard judged (`hold` .. `release`), so the bytes written are the bytes checked.
 */
export class ObjectRecord {
  private readonly original: () => any;
  private held?: any;

  /**
   * @param targetVersion the release the object targets at the time it is
   * rendered (a version may be set on a scope after the object was made); the
   * computed pull policy reads the image with that release's grammar
   */
  public constructor(
    public readonly apiObject: ApiObject,
    public settings: CheckSettings,
    private readonly targetVersion: () => KubernetesVersion = () => KubernetesVersion.DEFAULT,
  ) {
    this.original = interceptRender(apiObject, () => this.held ?? this.render());
  }

  /** The manifest as cdk8s renders it (the user's patches applied), hardened for the settings. */
  public render(): any {
    return this.harden(this.original());
  }

  /** `manifest`, just rendered by cdk8s, completed in place for the settings' profile. */
  public harden(manifest: any): any {
    if (!this.settings.harden) return manifest;
    return hardenManifest(manifest, this.settings.profile, this.settings.cdk8sPlusDefaults ?? false, this.targetVersion());
  }

  /** Renders once and makes `toJson()` return that very manifest until `release`. */
  public hold(): any {
    this.held = this.render();
    return this.held;
  }

  /** `toJson()` renders afresh again. */
  public release(): void {
    this.held = undefined;
  }
}
