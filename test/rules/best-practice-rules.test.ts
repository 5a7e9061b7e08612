import { BEST_PRACTICE_RULES } from '../../src/rules/best-practice-rules';
import { violationsOf } from '../../src/rules/engine';
import { Severity, Violation } from '../../src/rules/finding';
import { dnsWaiterScript, httpWaiterScript, tcpWaiterScript } from '../../src/waiters/waiter-script';

function pod(spec: any, metadata: any = {}): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...metadata }, spec };
}

function workload(kind: string, spec: any, extra: any = {}): any {
  const template = { spec };
  if (kind === 'CronJob') {
    return { kind, metadata: { name: 'w' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { ...extra, template } } } };
  }
  return { kind, metadata: { name: 'w' }, spec: { ...extra, template } };
}

const REQUESTS = { requests: { cpu: '100m', memory: '64Mi' } };

function ctr(name: string, extra: any = {}): any {
  return { name, image: 'busybox:1.36.1', resources: REQUESTS, ...extra };
}

function violations(obj: any): Violation[] {
  return violationsOf(obj, BEST_PRACTICE_RULES);
}

function found(obj: any, ruleId: string): string[] {
  return violations(obj).filter((v) => v.ruleId === ruleId).map((v) => `${v.path}: ${v.message}`);
}

function paths(obj: any, ruleId: string): string[] {
  return violations(obj).filter((v) => v.ruleId === ruleId).map((v) => v.path);
}

test('every best-practice rule is a suppressible warning (severity lives on the rule object)', () => {
  expect(BEST_PRACTICE_RULES.length).toBeGreaterThan(5);
  for (const rule of BEST_PRACTICE_RULES) {
    expect([rule.id, rule.severity, rule.suppressible]).toEqual([rule.id, Severity.WARNING, true]);
  }
});

describe('bp-mutable-image-tag', () => {
  // k8s: pkg/apis/core/v1/defaults.go SetDefaults_Container: `:latest` or no tag → pull Always
  test('an untagged image and a :latest image are mutable', () => {
    const spec = { initContainers: [ctr('init', { image: 'busybox' })], containers: [ctr('app', { image: 'nginx:latest' })] };
    expect(found(workload('Deployment', spec), 'bp-mutable-image-tag')).toEqual([
      'spec.template.spec.initContainers[0].image: init container "init" image "busybox" has no tag (so it means :latest): the default pull policy becomes Always and nodes may run different code; pin a version tag or a digest'
        + ' (a warning in lint; the cdk8s-pod-patterns constructs refuse it unless allowMutableImageTags is set)',
      'spec.template.spec.containers[0].image: container "app" image "nginx:latest" uses the mutable tag :latest: the default pull policy becomes Always and nodes may run different code; pin a version tag or a digest'
        + ' (a warning in lint; the cdk8s-pod-patterns constructs refuse it unless allowMutableImageTags is set)',
    ]);
  });

  // A registry port is not a tag (pkg/util/parsers/parsers.go, distribution/reference).
  test('a registry port is not a tag', () => {
    expect(found(pod({ containers: [ctr('app', { image: 'localhost:5000/app' })] }), 'bp-mutable-image-tag')).toEqual([
      expect.stringContaining('image "localhost:5000/app" has no tag'),
    ]);
  });

  test('a version tag or a digest pins the image, even next to :latest', () => {
    for (const image of ['busybox:1.28', `busybox@sha256:${'b'.repeat(64)}`, `busybox:latest@sha256:${'a'.repeat(64)}`, 'localhost:5000/app:v2']) {
      expect(found(pod({ containers: [ctr('app', { image })] }), 'bp-mutable-image-tag')).toEqual([]);
    }
  });

  test('unparseable, blank and missing images are left to their own rules', () => {
    const spec = { containers: [ctr('a', { image: 'Busybox' }), ctr('b', { image: ' busybox ' }), ctr('c', { image: '' }), { name: 'd' }] };
    expect(found(pod(spec), 'bp-mutable-image-tag')).toEqual([]);
  });
});

describe('bp-unbounded-wait-loop', () => {
  // pod-guide.zh.txt section 五, verbatim.
  const guideWaiter = (service: string) => ctr(`init-${service}`, {
    image: 'busybox:1.28',
    command: ['sh', '-c', `until nslookup ${service}.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for ${service}; sleep 2; done`],
  });
  const loopFree = { containers: [ctr('app')] };

  test('the guide\'s two waiters loop with no way out', () => {
    const spec = { ...loopFree, initContainers: [guideWaiter('myservice'), guideWaiter('mydb')] };
    expect(found(pod(spec), 'bp-unbounded-wait-loop')).toEqual([
      'spec.initContainers[0].command[2]: init container "init-myservice" waits in a loop with no way out (no exit, timeout or deadline): if what it waits for never comes, '
      + 'the Pod stays in Init forever with nothing to alert on; give the loop a deadline and `exit 1` with a message when it passes (as WaitFor does), or set activeDeadlineSeconds',
      expect.stringMatching(/^spec\.initContainers\[1\]\.command\[2\]: init container "init-mydb" waits in a loop/),
    ]);
  });

  test('the library\'s generated waiters (a date +%s deadline and exit 1) pass', () => {
    const timing = { timeoutSeconds: 120, intervalSeconds: 2 };
    const scripts = [
      dnsWaiterScript({ serviceName: 'myservice', clusterDomain: 'cluster.local', ...timing }),
      tcpWaiterScript({ host: 'mydb', port: 5432, ...timing }),
      httpWaiterScript({ url: 'http://myservice/healthz', ...timing }),
    ];
    const initContainers = scripts.map((script, i) => ctr(`wait-${i}`, { command: ['sh', '-c', script] }));
    expect(found(pod({ ...loopFree, initContainers }), 'bp-unbounded-wait-loop')).toEqual([]);
  });

  test.each([
    ['a while loop', 'while ! nc -z db 5432; do sleep 1; done'],
    ['a loop in args', undefined],
    ['a loop after other commands', 'echo start; until [ -f /ready/flag ]; do sleep 1; done; echo ok'],
  ])('%s without a way out is flagged', (_title, script) => {
    const container = script === undefined
      ? ctr('wait', { command: ['sh', '-c'], args: ['until wget -q http://svc/; do sleep 2; done'] })
      : ctr('wait', { command: ['/bin/sh', '-c', script] });
    expect(paths(pod({ ...loopFree, initContainers: [container] }), 'bp-unbounded-wait-loop')).toEqual([
      script === undefined ? 'spec.initContainers[0].args[0]' : 'spec.initContainers[0].command[2]',
    ]);
  });

  test.each([
    ['an exit', 'n=0; until nslookup db; do sleep 2; if test -f /stop; then exit 1; fi; done'],
    ['the timeout command', 'timeout 60 sh -c "until nslookup db; do sleep 2; done"'],
    ['a retry counter', 'i=0; until nslookup db || [ $i -ge 30 ]; do i=$((i+1)); sleep 2; done'],
    ['a deadline check', 'until nslookup db; do [ $SECONDS -lt 60 ] || break; sleep 2; done'],
    ['no loop at all', 'nslookup db && echo ok'],
  ])('a loop with %s passes', (_title, script) => {
    expect(found(pod({ ...loopFree, initContainers: [ctr('wait', { command: ['sh', '-c', script] })] }), 'bp-unbounded-wait-loop')).toEqual([]);
  });

  test('activeDeadlineSeconds on the Pod, or on the Job, bounds every loop', () => {
    const initContainers = [guideWaiter('myservice')];
    expect(found(pod({ ...loopFree, initContainers, activeDeadlineSeconds: 600 }), 'bp-unbounded-wait-loop')).toEqual([]);
    const jobSpec = { ...loopFree, initContainers, restartPolicy: 'Never' };
    expect(found(workload('Job', jobSpec, { activeDeadlineSeconds: 600 }), 'bp-unbounded-wait-loop')).toEqual([]);
    expect(found(workload('CronJob', jobSpec, { activeDeadlineSeconds: 600 }), 'bp-unbounded-wait-loop')).toEqual([]);
    expect(paths(workload('Job', jobSpec), 'bp-unbounded-wait-loop')).toEqual(['spec.template.spec.initContainers[0].command[2]']);
  });

  test('loops in sidecars and app containers are their job, not a wait', () => {
    const loop = ['sh', '-c', 'while true; do date; sleep 10; done'];
    const spec = { initContainers: [ctr('ticker', { restartPolicy: 'Always', command: loop })], containers: [ctr('app', { command: loop })] };
    expect(found(pod(spec), 'bp-unbounded-wait-loop')).toEqual([]);
  });
});

describe('bp-missing-resource-requests', () => {
  test('an app container without requests in a Deployment', () => {
    const spec = { containers: [{ name: 'web', image: 'nginx:1.25' }] };
    expect(found(workload('Deployment', spec), 'bp-missing-resource-requests')).toEqual([
      'spec.template.spec.containers[0].resources: container "web" requests no cpu and memory: the scheduler places the Pod blind and evicts it first under pressure; '
      + 'set resources.requests.cpu and resources.requests.memory',
    ]);
  });

  // k8s: pkg/apis/core/v1/defaults.go SetDefaults_Pod copies limits into missing requests.
  test('a limit alone counts as the request; a partial request names what is missing', () => {
    const spec = {
      containers: [
        { name: 'limited', image: 'a:1', resources: { limits: { cpu: '1', memory: '1Gi' } } },
        { name: 'half', image: 'a:1', resources: { requests: { cpu: '100m' } } },
      ],
    };
    expect(found(workload('StatefulSet', spec), 'bp-missing-resource-requests')).toEqual([
      expect.stringMatching(/^spec\.template\.spec\.containers\[1\]\.resources: container "half" requests no memory: .*set resources\.requests\.memory$/),
    ]);
  });

  test('sidecars run for the Pod\'s lifetime and are checked; init containers that finish are not', () => {
    const spec = { initContainers: [{ name: 'init', image: 'a:1' }, { name: 'proxy', image: 'a:1', restartPolicy: 'Always' }], containers: [ctr('app')] };
    expect(paths(workload('DaemonSet', spec), 'bp-missing-resource-requests')).toEqual(['spec.template.spec.initContainers[1].resources']);
  });

  test('Jobs and CronJobs run to completion and are not checked', () => {
    const spec = { restartPolicy: 'Never', containers: [{ name: 'batch', image: 'a:1' }] };
    expect(found(workload('Job', spec), 'bp-missing-resource-requests')).toEqual([]);
    expect(found(workload('CronJob', spec), 'bp-missing-resource-requests')).toEqual([]);
  });
});

describe('bp-liveness-equals-readiness', () => {
  const probe = { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 };

  test('identical probes, whatever their key order', () => {
    const reordered = { periodSeconds: 10, httpGet: { port: 8080, path: '/healthz' } };
    expect(found(pod({ containers: [ctr('web', { livenessProbe: probe, readinessProbe: reordered })] }), 'bp-liveness-equals-readiness')).toEqual([
      expect.stringMatching(/^spec\.containers\[0\]\.livenessProbe: container "web" has identical liveness and readiness probes/),
    ]);
  });

  test('different probes, or only one of them, pass', () => {
    const liveness = { ...probe, failureThreshold: 6 };
    expect(found(pod({ containers: [ctr('web', { livenessProbe: liveness, readinessProbe: probe })] }), 'bp-liveness-equals-readiness')).toEqual([]);
    expect(found(pod({ containers: [ctr('web', { readinessProbe: probe })] }), 'bp-liveness-equals-readiness')).toEqual([]);
  });
});

describe('bp-bare-pod', () => {
  test('a naked Pod', () => {
    expect(found(pod({ containers: [ctr('app')] }, { name: 'myapp-pod' }), 'bp-bare-pod')).toEqual([
      'kind: Pod "myapp-pod" is a naked Pod: nothing recreates it when it is deleted, evicted or its node fails; run it from a Deployment (or a StatefulSet, or a Job for work that runs to completion)',
    ]);
  });

  test('a Pod owned by a controller, and workloads, are not naked', () => {
    const owned = pod({ containers: [ctr('app')] }, { ownerReferences: [{ kind: 'ReplicaSet', name: 'rs', controller: true }] });
    expect(found(owned, 'bp-bare-pod')).toEqual([]);
    expect(found(workload('Deployment', { containers: [ctr('app')] }), 'bp-bare-pod')).toEqual([]);
  });
});

// k8s: pkg/features/kube_features.go SidecarContainers (alpha, off, in 1.28);
// pkg/api/pod/util.go dropDisabledFields drops restartPolicy from init containers without it.
test('bp-sidecar-feature-gate: a native sidecar needs the alpha gate on 1.28', () => {
  const spec = { initContainers: [ctr('init'), ctr('proxy', { restartPolicy: 'Always' })], containers: [ctr('app')] };
  expect(found(workload('Deployment', spec), 'bp-sidecar-feature-gate')).toEqual([
    expect.stringMatching(/^spec\.template\.spec\.initContainers\[1\]\.restartPolicy: sidecar "proxy" is a native sidecar \(restartPolicy: Always\), which Kubernetes 1\.28 supports only with the alpha SidecarContainers feature gate/),
  ]);
});

describe('bp-run-as-non-root-without-user', () => {
  // k8s: pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot: with runAsNonRoot and no
  // runAsUser, an image whose USER is root ("image will run as root") or a name ("image has non-numeric
  // user ... cannot verify user is non-root") fails with CreateContainerConfigError.
  test('runAsNonRoot on the Pod and no runAsUser anywhere: every container is reported, with a numeric-user fix', () => {
    const obj = pod({ securityContext: { runAsNonRoot: true }, initContainers: [ctr('init')], containers: [ctr('app')] });
    expect(found(obj, 'bp-run-as-non-root-without-user')).toEqual([
      'spec.initContainers[0].securityContext.runAsUser: init container "init" has runAsNonRoot: true (from the Pod) but no numeric runAsUser on the container or the Pod: '
      + 'the kubelet then checks the image\'s USER and refuses to start the container (CreateContainerConfigError) when it is root or a name rather than a number; '
      + 'set securityContext.runAsUser to a numeric non-root UID the image can run as (e.g. 65532) on the container or the Pod, '
      + 'and spec.securityContext.fsGroup so that its volumes stay writable',
      expect.stringMatching(/^spec\.containers\[0\]\.securityContext\.runAsUser: container "app" has runAsNonRoot: true \(from the Pod\)/),
    ]);
    expect(found(obj, 'bp-run-as-non-root-without-user').join('\n')).not.toMatch(/baseline|privileged profile/);
  });

  test('a numeric runAsUser on the Pod or on the container satisfies it', () => {
    expect(found(pod({ securityContext: { runAsNonRoot: true, runAsUser: 1000 }, containers: [ctr('app')] }), 'bp-run-as-non-root-without-user')).toEqual([]);
    expect(found(pod({ securityContext: { runAsNonRoot: true }, containers: [ctr('app', { securityContext: { runAsUser: 65532 } })] }), 'bp-run-as-non-root-without-user')).toEqual([]);
  });

  test('the container wins: its own runAsNonRoot true (or false) overrides the Pod\'s', () => {
    const spec = {
      securityContext: { runAsNonRoot: false },
      containers: [ctr('strict', { securityContext: { runAsNonRoot: true } }), ctr('relaxed')],
    };
    expect(found(pod(spec), 'bp-run-as-non-root-without-user')).toEqual([
      expect.stringMatching(/^spec\.containers\[0\]\.securityContext\.runAsUser: container "strict" has runAsNonRoot: true \(from the container\)/),
    ]);
    const optedOut = { securityContext: { runAsNonRoot: true, runAsUser: undefined }, containers: [ctr('root-ok', { securityContext: { runAsNonRoot: false } })] };
    expect(found(pod(optedOut), 'bp-run-as-non-root-without-user')).toEqual([]);
  });

  test('without runAsNonRoot, and on Windows Pods (verified by user name), there is nothing to say', () => {
    expect(found(pod({ containers: [ctr('app')] }), 'bp-run-as-non-root-without-user')).toEqual([]);
    expect(found(pod({ os: { name: 'windows' }, securityContext: { runAsNonRoot: true }, containers: [ctr('app')] }), 'bp-run-as-non-root-without-user')).toEqual([]);
  });
});
