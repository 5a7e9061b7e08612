/**
 * The shape of one explanation: what `explain --format json` prints (one object
 * per workload) and what `schema/explain.schema.json` documents. Bump
 * `EXPLANATION_SCHEMA_VERSION` on any change a tool could notice.
 *
 * Internal module: the public API is `Explanation` (explanation.ts).
 */

export const EXPLANATION_SCHEMA_VERSION = 1;

/** Seconds, as a range: the kubelet's syncs and the waiters' polling make timing a window, not an instant. */
export interface SecondsRange {
  readonly min: number;
  readonly max: number;
}

export interface ExplanationData {
  readonly schemaVersion: number;
  readonly kubernetesVersion: string;
  /** The gates the cluster sets away from the release's defaults; absent when none is. */
  readonly featureGates?: { readonly [gate: string]: boolean };
  /**
   * What this release's kubelet does by default that 1.28's does not, and the
   * gates off by default that would change the timing (kubelet-releases.ts);
   * absent for 1.28.
   */
  readonly kubeletRelease?: string[];
  readonly workload: { readonly kind: string; readonly name: string; readonly namespace?: string };
  readonly controller: ControllerSection;
  readonly sandbox: SandboxSection;
  readonly images: ImagePullEntry[];
  readonly initContainers: InitContainerEntry[];
  readonly appContainers: AppContainerEntry[];
  readonly restarts: RestartSection;
  readonly termination: TerminationSection;
  readonly timeToReady: TimeToReadySection;
  readonly timeline?: TimelineSection;
  /** What the model leaves out, so no reader mistakes a prediction for a promise. */
  readonly notModelled: string[];
}

export interface ControllerSection {
  readonly summary: string;
  readonly restartPolicy: string;
  readonly replicas?: number;
  readonly backoffLimit?: number;
}

export interface SandboxSection {
  readonly sharedNamespaces: string[];
  readonly dnsPolicy: string;
  readonly summary: string[];
}

export interface ImagePullEntry {
  readonly container: string;
  readonly image: string;
  readonly pullPolicy: string;
  /** `set` in the manifest, `defaulted` from the tag by the API server, or `invalid` (the kubelet cannot parse the image). */
  readonly pullPolicySource: 'set' | 'defaulted' | 'invalid';
  readonly why: string;
  readonly onStart: string;
}

export interface WaiterEntry {
  readonly check: string;
  /** What `--assume NAME=...` names: the Service, host or URL host. */
  readonly target: string;
  readonly dependency: string;
  readonly timeoutSeconds: number;
  readonly intervalSeconds: number;
  readonly attemptTimeoutSeconds: number;
}

export interface InitContainerEntry {
  readonly name: string;
  /** 1-based position in `spec.initContainers`. */
  readonly position: number;
  readonly role: 'waiter' | 'init' | 'sidecar';
  readonly summary: string;
  readonly waiter?: WaiterEntry;
  /** A sidecar's startup probe: the next container waits for it to succeed. */
  readonly startupProbe?: ProbeEntry;
  readonly onFailure: string;
}

export interface ProbeEntry {
  readonly type: 'startup' | 'readiness' | 'liveness';
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly successThreshold: number;
  readonly failureThreshold: number;
  readonly gates: string;
}

export interface AppContainerEntry {
  readonly name: string;
  readonly probes: ProbeEntry[];
  readonly summary: string;
}

export interface ExitRule {
  readonly exit: 'zero' | 'non-zero' | 'oom-killed';
  readonly action: string;
}

export interface RestartSection {
  readonly restartPolicy: string;
  readonly onExit: ExitRule[];
  /** Back-off before the 1st, 2nd, ... restart of one container (the first is immediate). */
  readonly crashBackOffSeconds: number[];
  readonly maxBackOffSeconds: number;
  readonly backOffResetAfterSeconds: number;
  readonly syncDelaySeconds: SecondsRange;
  readonly imagePullBackOff: string;
  readonly job?: { readonly backoffLimit: number; readonly podFailureBackOffSeconds: number[]; readonly summary: string };
}

export interface TerminationSection {
  readonly gracePeriodSeconds: number;
  readonly steps: string[];
}

export interface TimeToReadySection {
  /** Seconds from the first init container's start to the app containers' start, when every dependency is already there. */
  readonly appStartSeconds: SecondsRange;
  /** Seconds from the first init container's start to the Pod's Ready condition, same assumption. */
  readonly readySeconds: SecondsRange;
  readonly statements: string[];
}

export interface Assumption {
  readonly target: string;
  /** `null`: never reachable. */
  readonly readyAtSeconds: number | null;
}

export interface TimelineEvent {
  readonly at: SecondsRange;
  /** The container it happens to; absent for Pod-level events. */
  readonly container?: string;
  readonly kind: 'start' | 'attempts' | 'exit' | 'give-up' | 'back-off' | 'restart' | 'pod-failed' | 'app-start' | 'ready' | 'note';
  readonly what: string;
}

export interface TimelineSection {
  readonly assumptions: Assumption[];
  readonly events: TimelineEvent[];
  /** `started` (app containers run), `failed` (the Pod failed), or `crash-looping` (a waiter keeps giving up). */
  readonly outcome: 'started' | 'failed' | 'crash-looping';
  readonly appStartSeconds?: SecondsRange;
  readonly readySeconds?: SecondsRange;
}
