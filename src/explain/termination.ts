import { TerminationSection } from './explanation-model';
import { DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS, MINIMUM_GRACE_PERIOD_SECONDS } from './kubelet-timing';
import { containerList, WorkloadSource } from './workload-source';
import { FeatureGate, isEnabled } from '../k8s/feature-gates';
import { KubernetesVersion } from '../k8s/kubernetes-version';

/**
 * What deleting the Pod does (k8s: pkg/kubelet/kuberuntime/kuberuntime_container.go
 * `killContainer`: preStop hook, then StopContainer with what is left of the grace
 * period, never less than `minimumGracePeriodInSeconds`; `killContainersWithSyncResult`
 * stops every running container in parallel, sidecars included, on 1.28. Where
 * SidecarContainers is on (1.29+), kuberuntime_termination_order.go
 * `newTerminationOrdering` makes each sidecar wait for every app container and for
 * the sidecars declared after it: sidecars stop after the app, in reverse order).
 */
export function terminationSection(source: WorkloadSource, version: KubernetesVersion = KubernetesVersion.DEFAULT): TerminationSection {
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
    sigtermStep(sidecars, version),
    `whatever still runs ${grace} s after the deletion (terminationGracePeriodSeconds${source.podSpec.terminationGracePeriodSeconds === undefined ? ', defaulted' : ''}; at least ${MINIMUM_GRACE_PERIOD_SECONDS} s after SIGTERM) gets SIGKILL`,
  ];
  if (source.kind === 'Job' || source.kind === 'CronJob') {
    steps.push(sidecars.length > 0
      ? 'when every app container has completed, the kubelet stops the sidecars so the Pod can finish (computePodActions)'
      : 'a Job\'s Pod ends by itself when its containers complete');
  }
  return { gracePeriodSeconds: grace, steps };
}

function sigtermStep(sidecars: string[], version: KubernetesVersion): string {
  if (sidecars.length === 0) return 'every running container gets SIGTERM (or its image\'s STOPSIGNAL) at the same time';
  if (!isEnabled(FeatureGate.SIDECAR_CONTAINERS, version)) {
    return `every running container gets SIGTERM (or its image's STOPSIGNAL) at the same time, the sidecars ${sidecars.join(', ')} included: `
      + `Kubernetes ${version.name} does not stop sidecars after the app containers on deletion (1.29 does)`;
  }
  return 'the app containers get SIGTERM (or their image\'s STOPSIGNAL) at the same time; once they have all stopped, '
    + `the sidecars get it one by one in reverse order (${[...sidecars].reverse().join(', ')}), all within the same grace period`;
}
