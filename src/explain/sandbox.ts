import { SandboxSection } from './explanation-model';
import { WorkloadSource } from './workload-source';

/**
 * The Pod sandbox: the pause container holds the namespaces the containers join
 * (k8s: pkg/kubelet/kuberuntime/kuberuntime_sandbox.go; namespace modes in
 * pkg/kubelet/kuberuntime/helpers.go `namespacesForPod`), and the DNS settings
 * every container's /etc/resolv.conf gets (pkg/kubelet/network/dns/dns.go).
 */
export function sandboxSection(source: WorkloadSource, waiterHosts: readonly string[] = []): SandboxSection {
  const spec = source.podSpec;
  const shared = ['network'];
  if (spec.hostIPC !== true) shared.push('IPC');
  if (spec.shareProcessNamespace === true) shared.push('PID');
  const dnsPolicy = typeof spec.dnsPolicy === 'string' ? spec.dnsPolicy : 'ClusterFirst';
  const summary = [
    spec.hostNetwork === true
      ? 'The pause container holds the Pod\'s namespaces, but hostNetwork: true puts every container on the node\'s network: the node\'s IP and ports.'
      : 'The pause container is created first and holds the Pod\'s network namespace: every container shares one IP, one port space and localhost.',
    spec.shareProcessNamespace === true
      ? 'shareProcessNamespace: true: the containers see each other\'s processes and the pause container is PID 1, reaping zombies.'
      : 'Each container has its own PID namespace (its entrypoint is PID 1).',
    dnsSummary(dnsPolicy, spec, source.namespace),
  ];
  const shortHosts = waiterHosts.filter(host => !host.includes('.') && !/^\d/.test(host));
  if (shortHosts.length > 0) {
    summary.push(`The waiters for ${shortHosts.join(', ')} use short names: they resolve only through the cluster DNS search path, in the Pod's own namespace.`);
  }
  return { sharedNamespaces: shared, dnsPolicy, summary };
}

function dnsSummary(dnsPolicy: string, spec: any, namespace: string | undefined): string {
  const ns = namespace ?? '<namespace>';
  const search = `${ns}.svc.cluster.local svc.cluster.local cluster.local`;
  switch (dnsPolicy) {
    case 'Default':
      return 'dnsPolicy Default: the node\'s resolv.conf; Service names do not resolve, so DNS waiters wait until they give up.';
    case 'None':
      return `dnsPolicy None: only spec.dnsConfig (${JSON.stringify(spec.dnsConfig?.nameservers ?? [])}); Service names resolve only if those servers know them.`;
    case 'ClusterFirstWithHostNet':
      return `dnsPolicy ClusterFirstWithHostNet: cluster DNS with the search path "${search}", so "mydb" and "mydb.${ns}" resolve; the waiters use fully qualified names anyway.`;
    default:
      return spec.hostNetwork === true
        ? 'dnsPolicy ClusterFirst with hostNetwork falls back to the node\'s resolv.conf (use ClusterFirstWithHostNet for cluster DNS).'
        : `dnsPolicy ClusterFirst: cluster DNS with the search path "${search}", so a short Service name resolves in the Pod's namespace; the waiters use fully qualified names, which need no search path.`;
  }
}
