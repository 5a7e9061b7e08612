import { checkFeatureGates } from './feature-gates';

/**
 * The Kubernetes minor release a manifest targets, and the feature gates its
 * cluster sets away from that release's defaults (`withFeatureGates`). Rules
 * whose verdict differs between releases or gates (src/k8s/feature-gates.ts)
 * ask the run's version; everything else is the same on every supported
 * release. The default is 1.28, the release of the cdk8s-plus line the
 * constructs use, with every gate at its default.
 */
export class KubernetesVersion {
  public static readonly V1_28 = new KubernetesVersion(28);
  public static readonly V1_29 = new KubernetesVersion(29);
  public static readonly V1_30 = new KubernetesVersion(30);
  public static readonly V1_31 = new KubernetesVersion(31);
  public static readonly V1_32 = new KubernetesVersion(32);
  public static readonly V1_33 = new KubernetesVersion(33);
  public static readonly V1_34 = new KubernetesVersion(34);
  public static readonly V1_35 = new KubernetesVersion(35);

  /** The version every front end uses when none is given. */
  public static readonly DEFAULT = KubernetesVersion.V1_28;

  /** Every supported version, oldest first. */
  public static all(): KubernetesVersion[] {
    return [...SUPPORTED];
  }

  /**
   * The supported version named `name` (`1.28` … `1.35`, nothing else: no `v`
   * prefix, no patch release).
   * @throws one line listing the supported versions when `name` is not one of them
   */
  public static of(name: string): KubernetesVersion {
    const found = SUPPORTED.find((version) => version.name === name);
    if (found === undefined) {
      throw new Error(`unsupported Kubernetes version "${name}": use one of ${KubernetesVersion.supportedNames()}`);
    }
    return found;
  }

  /** `1.28, 1.29, …, 1.35`: for error messages and usage text. */
  public static supportedNames(): string {
    return SUPPORTED.map((version) => version.name).join(', ');
  }

  /** `1.33`. */
  public readonly name: string;

  /** The minor release: 33 for 1.33. */
  public readonly minor: number;

  /**
   * The feature gates set away from the release's defaults, by upstream name.
   * @default - none: every gate at its default in this release
   */
  public readonly featureGates: { [gate: string]: boolean };

  private constructor(minor: number, featureGates: { [gate: string]: boolean } = {}) {
    this.minor = minor;
    this.name = `1.${minor}`;
    this.featureGates = Object.freeze({ ...featureGates });
  }

  /**
   * This release on a cluster whose control plane and kubelets set
   * `featureGates` (kube-apiserver's and the kubelet's `--feature-gates`), by
   * upstream gate name: `V1_28.withFeatureGates({ SidecarContainers: true })`.
   * Gates given earlier are kept unless named again. Only the gates that change
   * what the rules judge may be named (`SidecarContainers`, `ProcMountType`, …:
   * the error lists them), each only on a release that has it.
   * @throws naming the gate and the fix for an unknown gate or one the release does not have
   */
  public withFeatureGates(featureGates: { [gate: string]: boolean }): KubernetesVersion {
    checkFeatureGates(featureGates, this);
    return new KubernetesVersion(this.minor, { ...this.featureGates, ...featureGates });
  }

  /** Whether this release is `other` or a later one. */
  public isAtLeast(other: KubernetesVersion): boolean {
    return this.minor >= other.minor;
  }

  /** `1.28`, or `1.28 with SidecarContainers=true` when gates are set. */
  public toString(): string {
    const gates = Object.entries(this.featureGates).map(([gate, on]) => `${gate}=${on}`);
    return gates.length === 0 ? this.name : `${this.name} with ${gates.join(',')}`;
  }
}

const SUPPORTED: readonly KubernetesVersion[] = [
  KubernetesVersion.V1_28, KubernetesVersion.V1_29, KubernetesVersion.V1_30, KubernetesVersion.V1_31,
  KubernetesVersion.V1_32, KubernetesVersion.V1_33, KubernetesVersion.V1_34, KubernetesVersion.V1_35,
];
