import { ApiObject, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SafePod, PodPatterns } from '../src';
import { k8s } from 'cdk8s-plus-28';

// 1 attach
const c = Testing.chart();
const p = new SafePod(c, 'p', { containers: [{ name: 'a', image: 'nginx:1.25', securityContext: { user: 1000 } }] });
try { p.attachContainer(new kplus.Container({ image: 'nginx:latest' })); } catch (e) { console.log('attach latest:', (e as Error).message); }
p.attachContainer(new kplus.Container({ name: 'b', image: 'nginx:1.25', securityContext: { user: 1000 } }));
p.addInitContainer({ name: 'side', image: 'envoyproxy/envoy:v1.28.0', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS, readiness: kplus.Probe.fromCommand(['true']), securityContext: { user: 1000 } });
console.log(JSON.stringify(Testing.synth(c)[0].spec, null, 1));

// 2 L1 + apply
const c2 = Testing.chart();
new k8s.KubeDeployment(c2, 'raw', { spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'x', image: 'nginx:1.25', resources: { requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('64Mi') } }, securityContext: { runAsUser: 1000 } }] } } } });
new ApiObject(c2, 'rawpod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'rawpod' }, spec: { containers: [{ name: 'y', image: 'busybox:1.36', securityContext: { privileged: true } }] } });
PodPatterns.apply(c2);
try { Testing.synth(c2); } catch (e) { console.log('apply err:', (e as Error).message); }
