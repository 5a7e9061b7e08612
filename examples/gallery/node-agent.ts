// A node agent on every node, started once the monitoring Service exists. It
// reads the node's /proc and /sys through read-only hostPath volumes, which Pod
// Security Standards forbid: the two exceptions are suppressed with a reason, and
// everything else stays restricted.
import { Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { InitGatedApp, PodPatterns, SecurityProfile, WaitFor, WorkloadKind } from 'cdk8s-pod-patterns';

/** The profile this app is hardened to and linted with. */
export const NODE_AGENT_PROFILE = SecurityProfile.RESTRICTED;

export class NodeAgentChart extends Chart {
  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const proc = kplus.Volume.fromHostPath(this, 'proc', 'proc', { path: '/proc' });
    const sys = kplus.Volume.fromHostPath(this, 'sys', 'sys', { path: '/sys' });
    const agent = new InitGatedApp(this, 'node-exporter', {
      workload: WorkloadKind.DAEMON_SET,
      securityProfile: NODE_AGENT_PROFILE,
      podMetadata: { labels: { 'app.kubernetes.io/name': 'node-exporter' } },
      waitFor: [WaitFor.serviceName('prometheus', { namespace: 'monitoring' })],
      containers: [{
        name: 'node-exporter',
        image: 'prom/node-exporter:v1.8.2',
        args: ['--path.procfs=/host/proc', '--path.sysfs=/host/sys'],
        securityContext: { user: 65534, group: 65534 },
        ports: [{ name: 'metrics', number: 9100 }],
        volumeMounts: [
          { path: '/host/proc', volume: proc, readOnly: true },
          { path: '/host/sys', volume: sys, readOnly: true },
        ],
        readiness: kplus.Probe.fromHttpGet('/metrics', { port: 9100 }),
        liveness: kplus.Probe.fromTcpSocket({ port: 9100 }),
        resources: { cpu: { request: kplus.Cpu.millis(20) }, memory: { request: Size.mebibytes(32), limit: Size.mebibytes(64) } },
      }],
    });
    const reason = 'node-exporter reads the node\'s /proc and /sys, mounted read-only; reviewed';
    PodPatterns.suppress(agent, 'pss-baseline-host-path-volumes', reason);
    PodPatterns.suppress(agent, 'pss-restricted-volumes', reason);
  }
}
