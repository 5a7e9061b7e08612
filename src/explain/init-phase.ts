import { probesOf } from './app-phase';
import { effectiveRestartPolicy } from './controller-summary';
import { InitContainerEntry } from './explanation-model';
import { recognizeWaiter } from './waiter-recognition';
import { containerList, WorkloadSource } from './workload-source';
import { FeatureGate, firstVersionEnabling, isEnabled } from '../k8s/feature-gates';
import { KubernetesVersion } from '../k8s/kubernetes-version';

/**
 * The init phase in order. k8s: pkg/kubelet/kuberuntime/kuberuntime_container.go
 * `computeInitContainerActions` (SidecarContainers gate) and
 * `findNextInitContainerToRun` (without it): the next init container starts
 * only once the previous one exited 0; a restartable one (a native sidecar,
 * `restartPolicy: Always`) lets the next start as soon as it is running and its
 * startupProbe, if any, succeeded; a failed one is restarted unless the Pod's
 * policy is Never (`shouldRestartOnFailure`), which kills the Pod.
 */
/**
 * What the kubelet does when an init container (not a sidecar) exits non-zero:
 * `restart` it (Always, OnFailure) or `kill-pod` (Never), as
 * `computeInitContainerActions` does through `shouldRestartOnFailure`.
 */
export function initFailureAction(restartPolicy: string): 'restart' | 'kill-pod' {
  return restartPolicy === 'Never' ? 'kill-pod' : 'restart';
}

export function initContainerEntries(source: WorkloadSource, version: KubernetesVersion = KubernetesVersion.DEFAULT): InitContainerEntry[] {
  const restartPolicy = effectiveRestartPolicy(source);
  return containerList(source.podSpec, 'initContainers').map((container, index) => {
    const name = String(container.name ?? `(unnamed ${index + 1})`);
    if (container.restartPolicy === 'Always') {
      const startupProbe = probesOf(container).find(p => p.type === 'startup');
      return {
        name,
        position: index + 1,
        role: 'sidecar',
        ...(startupProbe === undefined ? {} : { startupProbe }),
        summary: `native sidecar: started in order and kept running; the next container starts once it is running${container.startupProbe ? ' and its startupProbe succeeded' : ''}; it runs beside the app containers${sidecarGateNote(version)}`,
        onFailure: 'restarted whenever it exits, whatever the Pod\'s restartPolicy, with the crash back-off',
      };
    }
    const waiter = recognizeWaiter(container);
    const onFailure = initFailureAction(restartPolicy) === 'kill-pod'
      ? 'a non-zero exit fails the Pod (restartPolicy Never): Init:Error, phase Failed'
      : `a non-zero exit restarts it with the crash back-off (restartPolicy ${restartPolicy}): Init:Error, then Init:CrashLoopBackOff; the containers after it wait`;
    if (waiter !== undefined) {
      return {
        name,
        position: index + 1,
        role: 'waiter',
        waiter,
        onFailure,
        summary: `waiter: tries ${waiter.dependency} every ${waiter.intervalSeconds} s (each attempt at most ${waiter.attemptTimeoutSeconds} s), exits 0 at the first success, gives up with exit 1 after ${waiter.timeoutSeconds} s`,
      };
    }
    return { name, position: index + 1, role: 'init', onFailure, summary: 'runs to completion; must exit 0 before the next container starts' };
  });
}

// SidecarContainers is alpha and off on 1.28, on by default from 1.29 (src/k8s/feature-gates.ts).
function sidecarGateNote(version: KubernetesVersion): string {
  return isEnabled(FeatureGate.SIDECAR_CONTAINERS, version)
    ? ''
    : ` (needs the SidecarContainers feature gate on ${version.name}, alpha; on by default from ${firstVersionEnabling(FeatureGate.SIDECAR_CONTAINERS)!.name})`;
}
