import { AppContainerEntry, ProbeEntry } from './explanation-model';
import { PROBE_DEFAULTS } from './kubelet-timing';
import { containerList, WorkloadSource } from './workload-source';

const GATES: Record<ProbeEntry['type'], string> = {
  startup: 'holds back the liveness and readiness probes until it succeeds; failureThreshold failures in a row kill and restart the container',
  readiness: 'the container counts as Ready only while it passes: the Pod\'s Ready condition, and with it the Service endpoints a dependent\'s TCP or HTTP waiter reaches',
  liveness: 'failureThreshold failures in a row kill the container, which is then restarted under the restartPolicy (with the crash back-off)',
};

/**
 * The app containers: all started in the same sync, in the order listed, once
 * the init phase is done (kuberuntime_manager.go `SyncPod` step 8), and what
 * their probes gate (pkg/kubelet/prober/worker.go: no probe result before
 * `initialDelaySeconds`, then one every `periodSeconds`).
 */
export function appContainerEntries(source: WorkloadSource): AppContainerEntry[] {
  return containerList(source.podSpec, 'containers').map((container, index) => {
    const probes = probesOf(container);
    const name = String(container.name ?? `(unnamed ${index + 1})`);
    const summary = probes.length === 0
      ? 'no probes: Ready as soon as it is running'
      : probes.map(p => `${p.type} probe after ${p.initialDelaySeconds} s, every ${p.periodSeconds} s`).join('; ');
    return { name, probes, summary };
  });
}

/** The probes of `container` with the API server's defaults filled in. */
export function probesOf(container: any): ProbeEntry[] {
  const probes: ProbeEntry[] = [];
  for (const type of ['startup', 'readiness', 'liveness'] as const) {
    const probe = container[`${type}Probe`];
    if (typeof probe !== 'object' || probe === null) continue;
    probes.push({
      type,
      initialDelaySeconds: positive(probe.initialDelaySeconds, PROBE_DEFAULTS.initialDelaySeconds),
      periodSeconds: positive(probe.periodSeconds, PROBE_DEFAULTS.periodSeconds),
      timeoutSeconds: positive(probe.timeoutSeconds, PROBE_DEFAULTS.timeoutSeconds),
      successThreshold: positive(probe.successThreshold, PROBE_DEFAULTS.successThreshold),
      failureThreshold: positive(probe.failureThreshold, PROBE_DEFAULTS.failureThreshold),
      gates: GATES[type],
    });
  }
  return probes;
}

// SetDefaults_Probe fills a zero or missing value; initialDelaySeconds stays 0.
function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && value > 0 ? value : fallback;
}
