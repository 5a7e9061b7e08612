import { TerminationSection } from './explanation-model';
import { DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS, MINIMUM_GRACE_PERIOD_SECONDS } from './kubelet-timing';
import { containerList, WorkloadSource } from './workload-source';

/**
 * What deleting the Pod does (k8s: pkg/kubelet/kuberuntime/kuberuntime_container.go
 * `killContainer`: preStop hook, then StopContainer with what is left of the grace
 * period, never less than `minimumGracePeriodInSeconds`; `killContainersWithSyncResult`
 * stops every running container in parallel, sidecars included: ordered sidecar
 * termination arrived in 1.29, not 1.28).
 */
export function terminationSection(source: WorkloadSource): TerminationSection {
  const grace = typeof source.podSpec.terminationGracePeriodSeconds === 'number'
    ? source.podSpec.terminationGracePeriodSeconds
    : DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  const all = [...containerList(source.podSpec, 'initContainers').filter(c => c.restartPolicy === 'Always'), ...containerList(source.podSpec, 'containers')];
  const withPreStop = all.filter(c => c.lifecycle?.preStop).map(c => String(c.name));
  const sidecars = containerList(source.podSpec, 'initContainers').filter(c => c.restartPolicy === 'Always').map(c => String(c.name));
  const steps = [
    'the Pod is marked for deletion and taken out of Service endpoints (the endpoints controller, in parallel with the steps below)',
    withPreStop.length > 0
      ? `preStop hooks run first in ${withPreStop.join(', ')}; their time counts against the grace period`
      : 'no preStop hooks',
    `every running container gets SIGTERM (or its image's STOPSIGNAL) at the same time${sidecars.length > 0 ? `, the sidecars ${sidecars.join(', ')} included: Kubernetes 1.28 does not stop sidecars after the app containers on deletion (1.29 does)` : ''}`,
    `whatever still runs ${grace} s after the deletion (terminationGracePeriodSeconds${source.podSpec.terminationGracePeriodSeconds === undefined ? ', defaulted' : ''}; at least ${MINIMUM_GRACE_PERIOD_SECONDS} s after SIGTERM) gets SIGKILL`,
  ];
  if (source.kind === 'Job' || source.kind === 'CronJob') {
    steps.push(sidecars.length > 0
      ? 'when every app container has completed, the kubelet stops the sidecars so the Pod can finish (computePodActions)'
      : 'a Job\'s Pod ends by itself when its containers complete');
  }
  return { gracePeriodSeconds: grace, steps };
}
