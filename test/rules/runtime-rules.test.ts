import { KubernetesVersion } from '../../src/k8s/kubernetes-version';
import { violationsOf } from '../../src/rules/engine';
import { Violation } from '../../src/rules/finding';
import { ClusterFacts, RUNTIME_RULES, serviceAccountKey } from '../../src/rules/runtime-rules';

function pod(spec: any, namespace?: string): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace }, spec };
}

function ctr(name: string, extra: any = {}): any {
  return { name, image: 'busybox:1.36.1', ...extra };
}

function violations(obj: any, facts?: ClusterFacts): Violation[] {
  return violationsOf(obj, RUNTIME_RULES, { facts });
}

function found(obj: any, ruleId: string, facts?: ClusterFacts): string[] {
  return violations(obj, facts).filter((v) => v.ruleId === ruleId).map((v) => `${v.path}: ${v.message}`);
}

function paths(obj: any, ruleId: string, facts?: ClusterFacts): string[] {
  return violations(obj, facts).filter((v) => v.ruleId === ruleId).map((v) => v.path);
}

const port = (containerPort: number, protocol?: string) => ({ containerPort, ...(protocol ? { protocol } : {}) });

describe('runtime-image-reference', () => {
  // k8s: pkg/util/parsers/parsers.go ParseImageName (distribution/reference): the API server
  // stores these, the kubelet rejects them with InvalidImageName.
  test('an upper-case repository is reported with the parser\'s reason and fix', () => {
    expect(found(pod({ containers: [ctr('app', { image: 'Busybox:1.28' })] }), 'runtime-image-reference')).toEqual([
      'spec.containers[0].image: container "app" image "Busybox:1.28" cannot be pulled: the kubelet fails with InvalidImageName and the container never starts: '
      + 'repository names must be lowercase, got "Busybox" (only a registry host such as "Registry.example.com/" may use capitals): write "busybox"',
    ]);
  });

  test('a malformed digest or tag is reported, in init containers too', () => {
    const spec = { initContainers: [ctr('init', { image: 'nginx@sha256:abc' })], containers: [ctr('app', { image: 'a:b:c' })] };
    expect(paths(pod(spec), 'runtime-image-reference')).toEqual(['spec.initContainers[0].image', 'spec.containers[0].image']);
  });

  test('valid references pass: tags, digests, a registry port', () => {
    for (const image of ['busybox:1.28', 'busybox', 'localhost:5000/app', `busybox:latest@sha256:${'a'.repeat(64)}`, 'registry.example.com/team/app:v1.2']) {
      expect(found(pod({ containers: [ctr('app', { image })] }), 'runtime-image-reference')).toEqual([]);
    }
  });

  test('empty and whitespace images are left to the API rules', () => {
    expect(found(pod({ containers: [ctr('a', { image: '' }), ctr('b', { image: ' busybox ' }), { name: 'c' }] }), 'runtime-image-reference')).toEqual([]);
  });
});

describe('runtime-container-port-conflict', () => {
  // Kubernetes only warns here (pkg/api/pod/warnings.go "duplicate port definition with ...");
  // the second container then fails to bind, since a Pod has one network namespace.
  test('two app containers on the same port and protocol', () => {
    const spec = { containers: [ctr('nginx1', { ports: [port(80)] }), ctr('nginx2', { ports: [port(80, 'TCP')] })] };
    expect(found(pod(spec), 'runtime-container-port-conflict')).toEqual([
      'spec.containers[1].ports[0].containerPort: container "nginx2" and container "nginx1" both declare containerPort 80/TCP (spec.containers[0].ports[0].containerPort), '
      + 'but all containers of a Pod share one network namespace and run at the same time: if both listen on it, the second to bind fails and crash-loops; '
      + 'give each container its own port (or, if only one of them listens, suppress the rule with the reason)',
    ]);
  });

  test('the same port with another protocol is no conflict', () => {
    expect(found(pod({ containers: [ctr('a', { ports: [port(53, 'TCP')] }), ctr('b', { ports: [port(53, 'UDP')] })] }), 'runtime-container-port-conflict')).toEqual([]);
  });

  test('a port repeated inside one container is not a run-time conflict', () => {
    expect(found(pod({ containers: [ctr('a', { ports: [port(80), port(80)] })] }), 'runtime-container-port-conflict')).toEqual([]);
  });

  test('a sidecar runs next to the app containers', () => {
    const spec = { initContainers: [ctr('proxy', { restartPolicy: 'Always', ports: [port(15001)] })], containers: [ctr('app', { ports: [port(15001)] })] };
    expect(paths(pod(spec), 'runtime-container-port-conflict')).toEqual(['spec.containers[0].ports[0].containerPort']);
  });

  test('init containers that run to completion conflict neither with each other nor with app containers', () => {
    const spec = {
      initContainers: [ctr('migrate', { ports: [port(8080)] }), ctr('seed', { ports: [port(8080)] })],
      containers: [ctr('app', { ports: [port(8080)] })],
    };
    expect(found(pod(spec), 'runtime-container-port-conflict')).toEqual([]);
  });

  test('an init container conflicts with a sidecar started before it, not with one started after it', () => {
    const before = { initContainers: [ctr('proxy', { restartPolicy: 'Always', ports: [port(9000)] }), ctr('setup', { ports: [port(9000)] })], containers: [ctr('app')] };
    expect(found(pod(before), 'runtime-container-port-conflict')).toEqual([
      expect.stringMatching(/^spec\.initContainers\[1\]\.ports\[0\]\.containerPort: init container "setup" and sidecar "proxy" both declare containerPort 9000\/TCP/),
    ]);
    const after = { initContainers: [ctr('setup', { ports: [port(9000)] }), ctr('proxy', { restartPolicy: 'Always', ports: [port(9000)] })], containers: [ctr('app')] };
    expect(found(pod(after), 'runtime-container-port-conflict')).toEqual([]);
  });

  test('every further claimant is reported against the first', () => {
    const spec = { containers: [ctr('a', { ports: [port(80)] }), ctr('b', { ports: [port(80)] }), ctr('c', { ports: [port(80)] })] };
    expect(paths(pod(spec), 'runtime-container-port-conflict')).toEqual([
      'spec.containers[1].ports[0].containerPort',
      'spec.containers[2].ports[0].containerPort',
    ]);
  });
});

describe('runtime-sa-namespace-file', () => {
  // The guide's waiter (pod-guide.zh.txt section 五).
  const guideWaiter = (service: string) => ctr(`init-${service}`, {
    image: 'busybox:1.28',
    command: ['sh', '-c', `until nslookup ${service}.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for ${service}; sleep 2; done`],
  });
  const guideSpec = (extra: any = {}) => ({
    ...extra,
    containers: [ctr('myapp-container', { image: 'busybox:1.28', command: ['sh', '-c', 'echo The app is running! && sleep 3600'] })],
    initContainers: [guideWaiter('myservice'), guideWaiter('mydb')],
  });

  // k8s: plugin/pkg/admission/serviceaccount/admission.go: the token volume (with the namespace
  // file) is mounted only when automounting is on.
  test('automountServiceAccountToken: false on the Pod makes the guide\'s waiters loop forever', () => {
    const messages = found(pod(guideSpec({ automountServiceAccountToken: false })), 'runtime-sa-namespace-file');
    expect(messages).toEqual([
      expect.stringMatching(/^spec\.initContainers\[0\]\.command\[2\]: init container "init-myservice" reads \/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/namespace, but the Pod sets automountServiceAccountToken: false/),
      expect.stringMatching(/^spec\.initContainers\[1\]\.command\[2\]: init container "init-mydb" reads/),
    ]);
    expect(messages[0]).toContain('blocks the Pod in Init forever');
    expect(messages[0]).toContain('valueFrom: {fieldRef: {fieldPath: metadata.namespace}}');
  });

  test('with the token mounted (Kubernetes\' default, or explicitly) the file exists', () => {
    expect(found(pod(guideSpec()), 'runtime-sa-namespace-file')).toEqual([]);
    expect(found(pod(guideSpec({ automountServiceAccountToken: true })), 'runtime-sa-namespace-file')).toEqual([]);
  });

  test('a ServiceAccount that turns automounting off counts, matched by namespace and name', () => {
    const facts: ClusterFacts = { serviceAccountAutomount: new Map([[serviceAccountKey('team', 'waiter'), false]]) };
    const spec = guideSpec({ serviceAccountName: 'waiter' });
    expect(found(pod(spec, 'team'), 'runtime-sa-namespace-file', facts)).toEqual([
      expect.stringContaining('but its ServiceAccount "waiter" sets automountServiceAccountToken: false'),
      expect.stringContaining('init container "init-mydb"'),
    ]);
    expect(found(pod(spec, 'other'), 'runtime-sa-namespace-file', facts)).toEqual([]);
    // The Pod's own setting wins over its ServiceAccount's (admission.go shouldAutomount).
    expect(found(pod({ ...spec, automountServiceAccountToken: true }, 'team'), 'runtime-sa-namespace-file', facts)).toEqual([]);
  });

  test('the ServiceAccount named "default" is used when the Pod names none', () => {
    const facts: ClusterFacts = { serviceAccountAutomount: new Map([[serviceAccountKey(undefined, 'default'), false]]) };
    expect(paths(pod(guideSpec()), 'runtime-sa-namespace-file', facts)).toHaveLength(2);
  });

  test('a volume mounted at the token directory puts the file back', () => {
    const spec = guideSpec({ automountServiceAccountToken: false, volumes: [{ name: 'token', projected: { sources: [] } }] });
    spec.initContainers = spec.initContainers.map((c: any) => ({ ...c, volumeMounts: [{ name: 'token', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] }));
    expect(found(pod(spec), 'runtime-sa-namespace-file')).toEqual([]);
  });

  test('an app container reading the token is reported too, with the fix for the token', () => {
    const spec = { automountServiceAccountToken: false, containers: [ctr('client', { args: ['--token-file=/var/run/secrets/kubernetes.io/serviceaccount/token'] })] };
    expect(found(pod(spec), 'runtime-sa-namespace-file')).toEqual([
      'spec.containers[0].args[0]: container "client" reads /var/run/secrets/kubernetes.io/serviceaccount/token, but the Pod sets automountServiceAccountToken: false: '
      + 'the service account token volume is not mounted and the file does not exist, so the command fails; '
      + 'turn automountServiceAccountToken on for this Pod, or mount a projected serviceAccountToken volume at that path',
    ]);
  });

  test('the Downward API fix passes', () => {
    const waiter = ctr('init-myservice', {
      command: ['sh', '-c', 'until nslookup myservice.$POD_NAMESPACE.svc.cluster.local; do sleep 2; done'],
      env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
    });
    expect(found(pod({ automountServiceAccountToken: false, initContainers: [waiter], containers: [ctr('app')] }), 'runtime-sa-namespace-file')).toEqual([]);
  });
});

// The kubelet of 1.29+ parses with distribution/reference v0.5.0 (src/image/image-reference.ts).
describe('runtime-image-reference per Kubernetes release', () => {
  test('an IPv6 registry fails on 1.28 only', () => {
    const obj = pod({ containers: [ctr('c', { image: '[2001:db8::1]:5000/app:1.0' })] });
    const ids = (version: KubernetesVersion): string[] => violationsOf(obj, RUNTIME_RULES, { kubernetesVersion: version }).map((v) => v.ruleId);
    expect(ids(KubernetesVersion.V1_28)).toEqual(['runtime-image-reference']);
    expect(ids(KubernetesVersion.V1_29)).toEqual([]);
    expect(ids(KubernetesVersion.V1_35)).toEqual([]);
  });
});
