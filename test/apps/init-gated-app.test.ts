import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { InitGatedApp, InitGatedAppProps, KubernetesVersion, PodPatterns, SecurityProfile, WaitFor, WorkloadKind } from '../../src';
import { podTemplatesOf } from '../../src/rules/pod-templates';
import { evaluateManifest } from '../support/pss-oracle';
import { only, synthValid } from '../support/synth';

const USER = { user: 1000, group: 1000 };
const APP: kplus.ContainerProps = { name: 'myapp-container', image: 'busybox:1.28', command: ['sh', '-c', 'echo The app is running! && sleep 3600'], securityContext: USER };

function synthApp(props: Partial<InitGatedAppProps>, version?: KubernetesVersion): any[] {
  const chart = Testing.chart();
  if (version !== undefined) PodPatterns.setKubernetesVersion(chart, version);
  new InitGatedApp(chart, 'myapp', { containers: [APP], ...props });
  return synthValid(chart);
}

function podSpecOf(manifests: any[], kind: string): any {
  const [template] = podTemplatesOf(only(manifests, kind));
  return template.spec;
}

describe('workload kinds', () => {
  test.each([
    [WorkloadKind.DEPLOYMENT, 'Always'],
    [WorkloadKind.STATEFUL_SET, 'Always'],
    [WorkloadKind.POD, 'Always'],
    [WorkloadKind.JOB, 'Never'],
  ])('%s gets restartPolicy %s by default', (workload, expected) => {
    const app = workload === WorkloadKind.STATEFUL_SET
      ? [{ ...APP, ports: [{ number: 8080 }] }]
      : [APP];
    expect(podSpecOf(synthApp({ workload, containers: app }), workload).restartPolicy).toBe(expected);
  });

  test('the default workload is a Deployment, which heals itself (guide R4)', () => {
    const chart = Testing.chart();
    const app = new InitGatedApp(chart, 'myapp', { containers: [APP] });
    expect(app.workload).toBeInstanceOf(kplus.Deployment);
    expect(synthValid(chart).map(m => m.kind)).toEqual(['Deployment']);
  });

  test('a Job never gets an omitted restartPolicy, which the API server rejects (k8s: pkg/apis/batch/validation)', () => {
    const spec = podSpecOf(synthApp({ workload: WorkloadKind.JOB, restartPolicy: kplus.RestartPolicy.ON_FAILURE }), 'Job');
    expect(spec.restartPolicy).toBe('OnFailure');
  });

  test.each([
    [WorkloadKind.DEPLOYMENT, kplus.RestartPolicy.NEVER, /Unsupported value: "Never": supported values: "Always"/],
    [WorkloadKind.STATEFUL_SET, kplus.RestartPolicy.ON_FAILURE, /Unsupported value: "OnFailure": supported values: "Always"/],
    [WorkloadKind.JOB, kplus.RestartPolicy.ALWAYS, /Required value/],
  ])('%s refuses restartPolicy %s with the API server\'s words (k8s: apps/batch validation)', (workload, restartPolicy, message) => {
    expect(() => synthApp({ workload, restartPolicy })).toThrow(message);
    expect(() => synthApp({ workload, restartPolicy })).toThrow(/^test\/myapp: restartPolicy: /);
  });

  test('replicas reach a Deployment and are refused on a Pod', () => {
    expect(only(synthApp({ replicas: 3 }), 'Deployment').spec.replicas).toBe(3);
    expect(() => synthApp({ workload: WorkloadKind.POD, replicas: 3 })).toThrow(/replicas cannot be set on a Pod: it applies to Deployment and StatefulSet/);
  });

  test('backoffLimit reaches a Job (docker --restart=on-failure:N) and is refused elsewhere', () => {
    expect(only(synthApp({ workload: WorkloadKind.JOB, restartPolicy: kplus.RestartPolicy.ON_FAILURE, backoffLimit: 3 }), 'Job').spec.backoffLimit).toBe(3);
    expect(() => synthApp({ backoffLimit: 3 })).toThrow(/backoffLimit cannot be set on a Deployment: it applies to Job and CronJob; remove it, or choose that workload/);
    expect(() => synthApp({ workload: WorkloadKind.JOB, backoffLimit: -1 })).toThrow(/backoffLimit -1 must be a non-negative 32-bit integer/);
  });

  test('podSecurityContext reaches the Pod template, still hardened', () => {
    const spec = podSpecOf(synthApp({ podSecurityContext: { fsGroup: 2000 } }), 'Deployment');
    expect(spec.securityContext).toMatchObject({ fsGroup: 2000, runAsNonRoot: true });
  });

  test('a ReplicaSet is refused before any work, with the reason', () => {
    const chart = Testing.chart();
    expect(() => new InitGatedApp(chart, 'myapp', { workload: WorkloadKind.REPLICA_SET, containers: [APP] }))
      .toThrow(/workload ReplicaSet is not supported by InitGatedApp: a ReplicaSet is managed by a Deployment.*use WorkloadKind.DEPLOYMENT/);
    expect(Testing.synth(chart)).toEqual([]);
  });
});

describe('startup order (guide R5): waiters, init containers, sidecars, app containers', () => {
  test.each([WorkloadKind.DEPLOYMENT, WorkloadKind.POD])('in a %s', (workload) => {
    const spec = podSpecOf(synthApp({
      workload,
      waitFor: [WaitFor.serviceName('myservice'), WaitFor.serviceName('mydb')],
      initContainers: [{ name: 'migrate', image: 'busybox:1.28', securityContext: USER }],
      sidecars: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.28.0', securityContext: USER, readiness: kplus.Probe.fromCommand(['true']) }],
    }, KubernetesVersion.V1_28.withFeatureGates({ SidecarContainers: true })), workload);
    expect(spec.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([
      ['wait-for-myservice', undefined],
      ['wait-for-mydb', undefined],
      ['migrate', undefined],
      ['proxy', 'Always'],
    ]);
    expect(spec.containers.map((c: any) => c.name)).toEqual(['myapp-container']);
  });
});

describe('shared options', () => {
  test('every container, waiters included, satisfies PSS restricted by default', () => {
    const manifests = synthApp({
      waitFor: [WaitFor.serviceName('mydb'), WaitFor.tcp('cache', 6379)],
      sidecars: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.28.0', securityContext: USER }],
    });
    const [template] = podTemplatesOf(only(manifests, 'Deployment'));
    expect(evaluateManifest(only(manifests, 'Deployment'), 'restricted').forbidden).toEqual([]); // pod-security-admission v0.28's verdict
    for (const c of [...template.spec.initContainers, ...template.spec.containers]) {
      expect(['IfNotPresent', 'Always', 'Never']).toContain(c.imagePullPolicy);
    }
  });

  test('a mutable waiterImage is refused like any other image', () => {
    expect(() => synthApp({ waitFor: [WaitFor.serviceName('mydb')], waiterImage: 'busybox' }))
      .toThrow(/init container "wait-for-mydb" image "busybox" has no tag.*refuse it unless allowMutableImageTags is set\); the image comes from waiterImage/);
  });

  test('shareProcessNamespace lands in the Pod template', () => {
    expect(podSpecOf(synthApp({ shareProcessNamespace: true }), 'Deployment').shareProcessNamespace).toBe(true);
  });

  test('BASELINE lets a root app container run without a user', () => {
    const manifests = synthApp({ securityProfile: SecurityProfile.BASELINE, containers: [{ name: 'app', image: 'nginx:1.25' }] });
    expect(podSpecOf(manifests, 'Deployment').securityContext.runAsNonRoot).toBe(false);
  });

  test('whole-Pod problems surface at synth: an app container clashing with a waiter name', () => {
    const chart = Testing.chart();
    new InitGatedApp(chart, 'myapp', {
      waitFor: [WaitFor.serviceName('mydb')],
      containers: [{ ...APP, name: 'wait-for-mydb' }],
    });
    expect(() => Testing.synth(chart)).toThrow(/Duplicate value: "wait-for-mydb"/);
  });
});

test('snapshot: a Deployment with waiters, an init container and a sidecar', () => {
  expect(synthApp({
    waitFor: [WaitFor.serviceName('mydb'), WaitFor.http('http://search:9200/_cluster/health')],
    initContainers: [{ name: 'migrate', image: 'busybox:1.28', securityContext: USER }],
    sidecars: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.28.0', securityContext: USER }],
  })).toMatchSnapshot();
});

// Image references Kubernetes 1.29+ reads and 1.28 refuses (kubernetes v1.29.0 go.mod: github.com/distribution/reference
// v0.5.0): an IPv6 registry (regexp.go ipv6address) and an upper-case first component, a registry host (normalize.go
// splitDockerDomain).
describe('the Kubernetes release the app targets (issue 17)', () => {
  const READ_FROM_1_29 = ['[::1]:5000/app:1.0', 'Registry/app:1.0'];

  test.each(
    READ_FROM_1_29.flatMap(image => [WorkloadKind.DEPLOYMENT, WorkloadKind.POD, WorkloadKind.JOB].map(kind => [image, kind] as const)),
  )('%s in a %s under setKubernetesVersion(1.33): every container, waiters included, constructed and synthesized with IfNotPresent', (image, workload) => {
    const chart = Testing.chart();
    PodPatterns.setKubernetesVersion(chart, KubernetesVersion.V1_33);
    const app = new InitGatedApp(chart, 'myapp', {
      workload,
      containers: [{ ...APP, image }],
      initContainers: [{ name: 'setup', image, securityContext: USER }],
      sidecars: [{ name: 'proxy', image, securityContext: USER }],
      waitFor: [WaitFor.tcp('db', 5432)],
      waiterImage: image,
    });
    app.addContainer({ name: 'added', image, securityContext: USER });
    const [template] = podTemplatesOf(only(synthValid(chart), workload));
    const containers = [...template.spec.initContainers, ...template.spec.containers];
    expect(containers.map(c => [c.name, c.image, c.imagePullPolicy])).toEqual([
      ['wait-for-db-5432', image, 'IfNotPresent'],
      ['setup', image, 'IfNotPresent'],
      ['proxy', image, 'IfNotPresent'],
      ['myapp-container', image, 'IfNotPresent'],
      ['added', image, 'IfNotPresent'],
    ]);
  });

  test.each(READ_FROM_1_29)('%s at the default 1.28: refused at construction with the image rule\'s message', (image) => {
    expect(() => new InitGatedApp(Testing.chart(), 'myapp', { containers: [{ ...APP, image }] }))
      .toThrow(/^test\/myapp: container "myapp-container" image ".*" cannot be pulled: the kubelet fails with InvalidImageName.*judged for Kubernetes 1\.28.*\[runtime-image-reference\]$/);
    expect(() => new InitGatedApp(Testing.chart(), 'myapp', { containers: [APP], waitFor: [WaitFor.tcp('db', 5432)], waiterImage: image }))
      .toThrow(/init container "wait-for-db-5432" image ".*" cannot be pulled.*judged for Kubernetes 1\.28/);
  });

  test('version set to 1.28 on the app AFTER construction at 1.33: the synth check judges at 1.28', () => {
    const chart = Testing.chart();
    PodPatterns.setKubernetesVersion(chart, KubernetesVersion.V1_33);
    const app = new InitGatedApp(chart, 'myapp', { containers: [{ ...APP, image: 'Registry/app:1.0' }] });
    PodPatterns.setKubernetesVersion(app, KubernetesVersion.V1_28);
    expect(() => Testing.synth(chart)).toThrow(/\[runtime-image-reference\] spec\.template\.spec\.containers\[0\]\.image: container "myapp-container" image "Registry\/app:1\.0"/);
  });
});
