/**
 * What the kubelet of each supported release does by default that 1.28's does
 * not, for `explain`, and the feature gates (off by default) a node can turn
 * on to change the timing `explain` states.
 *
 * Sources, per gate: kubernetes/kubernetes pkg/features/kube_features.go
 * `defaultVersionedKubernetesFeatureGates` (the `{Version, Default, PreRelease}`
 * history of each gate; v1.28.7's `defaultKubernetesFeatureGates` for 1.28),
 * read from the 1.36 development line as src/k8s/feature-gates.ts is. These
 * gates are the kubelet's own (no API rule consults them), so they live here.
 * SidecarContainers, which also changes validation, is in src/k8s/feature-gates.ts.
 *
 * The default timing does not change between 1.28 and 1.35 (kubelet-timing.ts):
 * v1.28.7 pkg/kubelet/kubelet.go `backOffPeriod = time.Second * 10`,
 * `MaxContainerBackOff = 300 * time.Second`,
 * `klet.backOff = flowcontrol.NewBackOff(backOffPeriod, MaxContainerBackOff)`;
 * on the 1.36 development line `newCrashLoopBackOff` returns
 * `initialCrashLoopBackOff = time.Second * 10` and
 * `MaxCrashLoopBackOff = v1beta1.MaxContainerBackOff` (300 s) unless one of the
 * two crash back-off gates below is on (they entered in 1.32 and 1.33, so the
 * releases in between have the same default), and `imageBackOffPeriod =
 * time.Second * 10`, `MaxImageBackOff = 300 * time.Second` keep the image pull
 * back-off. Not read at each intermediate tag: the gate history stands for them.
 *
 * Internal module of `explain`: not re-exported from `src/index.ts`.
 */
import { GateSpec, GateStage, specIn } from '../k8s/feature-gates';
import { KubernetesVersion } from '../k8s/kubernetes-version';

/** A kubelet feature gate whose state changes what `explain` says. */
interface KubeletGate {
  readonly name: string;
  /** `{since, enabled, stage}` entries, oldest first, as kube_features.go lists them. */
  readonly specs: readonly GateSpec[];
  /** What the kubelet does differently with the gate on. */
  readonly effect: string;
}

/**
 * k8s: kube_features.go `PodReadyToStartContainersCondition: {1.28 alpha false}, {1.29 beta true}`;
 * pkg/kubelet/status/generate.go `GeneratePodReadyToStartContainersCondition` (True once the
 * sandbox is created and has its network), set by pkg/kubelet/kubelet_pods.go generateAPIPodStatus.
 */
export const POD_READY_TO_START_CONTAINERS: KubeletGate = {
  name: 'PodReadyToStartContainersCondition',
  specs: [{ since: 28, enabled: false, stage: GateStage.ALPHA }, { since: 29, enabled: true, stage: GateStage.BETA }],
  effect: 'the Pod gets the condition PodReadyToStartContainers=True once its sandbox and network are up '
    + '(kubectl describe shows whether a slow start is the sandbox or the containers)',
};

/**
 * k8s: kube_features.go `KubeletCrashLoopBackOffMax: {1.32 alpha false}, {1.35 beta true}`;
 * pkg/kubelet/kubelet.go newCrashLoopBackOff (`boMax = kubeCfg.CrashLoopBackOff.MaxContainerRestartPeriod.Duration`);
 * pkg/kubelet/apis/config/v1beta1/defaults.go (`MaxContainerRestartPeriod` defaults to `MaxContainerBackOff`, 300 s).
 */
export const KUBELET_CRASH_LOOP_BACK_OFF_MAX: KubeletGate = {
  name: 'KubeletCrashLoopBackOffMax',
  specs: [{ since: 32, enabled: false, stage: GateStage.ALPHA }, { since: 35, enabled: true, stage: GateStage.BETA }],
  effect: 'a node\'s kubelet configuration crashLoopBackOff.maxContainerRestartPeriod (1 to 300 s, default 300 s) '
    + 'caps the crash back-off, and lowers its first step when under 10 s',
};

/**
 * k8s: kube_features.go `ReduceDefaultCrashLoopBackOffDecay: {1.33 alpha false}` (still alpha in 1.35);
 * pkg/kubelet/kubelet.go `reducedInitialCrashLoopBackOff = 1 * time.Second`, `reducedMaxCrashLoopBackOff = 60 * time.Second`.
 */
export const REDUCE_DEFAULT_CRASH_LOOP_BACK_OFF_DECAY: KubeletGate = {
  name: 'ReduceDefaultCrashLoopBackOffDecay',
  specs: [{ since: 33, enabled: false, stage: GateStage.ALPHA }],
  effect: 'the crash back-off starts at 1 s and is capped at 60 s',
};

const GATES: readonly KubeletGate[] = [POD_READY_TO_START_CONTAINERS, KUBELET_CRASH_LOOP_BACK_OFF_MAX, REDUCE_DEFAULT_CRASH_LOOP_BACK_OFF_DECAY];

function specAt(gate: KubeletGate, version: KubernetesVersion): GateSpec | undefined {
  return specIn(gate.specs, version);
}

/** Whether the kubelet of `version` has `gate` on by default. */
export function isKubeletGateOnByDefault(gate: KubeletGate, version: KubernetesVersion): boolean {
  return specAt(gate, version)?.enabled ?? false;
}

/**
 * One sentence per kubelet gate `version` has that changes what `explain`
 * says: what its kubelet does by default (a gate on by default that 1.28
 * lacks), or what a node that turns it on does differently (a gate off by
 * default). Empty for 1.28, whose behaviour the rest of the explanation is.
 */
export function kubeletReleaseNotes(version: KubernetesVersion): string[] {
  if (version.minor === KubernetesVersion.V1_28.minor) return [];
  const notes: string[] = [];
  for (const gate of GATES) {
    const spec = specAt(gate, version);
    if (spec === undefined) continue;
    notes.push(spec.enabled
      ? `On by default from 1.${firstOn(gate)} (${gate.name}, ${spec.stage}): ${gate.effect}.`
      : `Off by default in ${version.name} (${gate.name}, ${spec.stage}); a node that turns it on differs: ${gate.effect}.`);
  }
  notes.push(`The timing stated here (crash back-off 10 s doubling to 300 s, image pull back-off the same, relist every 1 s) is ${version.name}'s default, unchanged since 1.28.`);
  return notes;
}

function firstOn(gate: KubeletGate): number {
  return gate.specs.find((spec) => spec.enabled)!.since;
}
