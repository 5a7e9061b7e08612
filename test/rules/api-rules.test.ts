// Cases come from Kubernetes' own tests unless noted: pkg/apis/core/validation/validation_test.go
// (TestValidateContainers, TestValidateInitContainers, TestValidatePorts, ...), read at commit
// 000f2605 of kubernetes/kubernetes; the rules they exercise are unchanged since 1.28.
import { KubernetesVersion } from '../../src/k8s/kubernetes-version';
import { API_RULES } from '../../src/rules/api-rules';
import { violationsOf } from '../../src/rules/engine';
import { Violation } from '../../src/rules/finding';
import { VALIDATION_BEST_PRACTICE_RULES, VALIDATION_RUNTIME_RULES } from '../../src/rules/validation/rules';

function pod(spec: any, name = 'p'): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec };
}

function workload(kind: string, spec: any, name = 'w'): any {
  const template = { metadata: { labels: { app: name } }, spec };
  if (kind === 'CronJob') {
    return { kind, metadata: { name }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } } };
  }
  return { kind, metadata: { name }, spec: { template } };
}

function ctr(name: string, extra: any = {}): any {
  return { name, image: 'image:1', ...extra };
}

function violations(obj: any, kubernetesVersion = KubernetesVersion.DEFAULT): Violation[] {
  // With the rules the engine moves some of these findings to (src/rules/validation/as-the-server-sees-it.ts).
  return violationsOf(obj, [...API_RULES, ...VALIDATION_RUNTIME_RULES, ...VALIDATION_BEST_PRACTICE_RULES], { kubernetesVersion });
}

/** `path: message` of every violation of `ruleId`. */
function found(obj: any, ruleId: string, kubernetesVersion = KubernetesVersion.DEFAULT): string[] {
  return violations(obj, kubernetesVersion).filter((v) => v.ruleId === ruleId).map((v) => `${v.path}: ${v.message}`);
}

// validation_test.go validates sidecars as a server with the field kept does: SidecarContainers on.
const SIDECARS_ON = KubernetesVersion.V1_28.withFeatureGates({ SidecarContainers: true });

function paths(obj: any, ruleId: string): string[] {
  return violations(obj).filter((v) => v.ruleId === ruleId).map((v) => v.path);
}

const TCP_PROBE = { tcpSocket: { port: 80 } };
const NEGATIVE_PROBE = {
  ...TCP_PROBE,
  initialDelaySeconds: -1,
  timeoutSeconds: -1,
  periodSeconds: -1,
  successThreshold: -1,
  failureThreshold: -1,
  terminationGracePeriodSeconds: -1,
};

test('a clean Pod and Deployment have no API violations', () => {
  const spec = {
    volumes: [{ name: 'data', emptyDir: {} }],
    initContainers: [ctr('wait', { command: ['sh', '-c', 'true'] })],
    containers: [ctr('web', {
      ports: [{ name: 'http', containerPort: 8080 }],
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
      livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
      readinessProbe: TCP_PROBE,
      imagePullPolicy: 'IfNotPresent',
    })],
  };
  expect(violations(pod(spec))).toEqual([]);
  expect(violations(workload('Deployment', spec))).toEqual([]);
});

describe('api-object-name', () => {
  // k8s: validation.go ValidatePodName = NameIsDNSSubdomain
  test('Pod and workload names are DNS-1123 subdomains', () => {
    expect(found(pod({ containers: [ctr('a')] }, 'myapp-pod'), 'api-object-name')).toEqual([]);
    expect(found(pod({ containers: [ctr('a')] }, 'my.app'), 'api-object-name')).toEqual([]);
    expect(found(pod({ containers: [ctr('a')] }, 'MyApp'), 'api-object-name')).toEqual([
      expect.stringMatching(/^metadata\.name: Pod name "MyApp" is invalid: a lowercase RFC 1123 subdomain must consist of .*: rename it$/),
    ]);
    expect(found(workload('Deployment', { containers: [ctr('a')] }, 'web_app'), 'api-object-name')).toHaveLength(1);
  });

  // k8s: validation.go ValidateServiceName = NameIsDNS1035Label
  test('Service names are DNS-1035 labels: no leading digit, no dots', () => {
    const service = (name: string) => ({ kind: 'Service', metadata: { name }, spec: { ports: [{ port: 80 }] } });
    expect(found(service('myservice'), 'api-object-name')).toEqual([]);
    expect(found(service('mydb'), 'api-object-name')).toEqual([]);
    expect(found(service('1db'), 'api-object-name')).toEqual([expect.stringContaining('a DNS-1035 label must consist of')]);
    expect(found(service('my.db'), 'api-object-name')).toHaveLength(1);
  });

  // k8s: pkg/apis/batch/validation ValidateCronJobCreate ("must be no more than 52 characters")
  test('a CronJob name has at most 52 characters', () => {
    const spec = { restartPolicy: 'Never', containers: [ctr('a')] };
    expect(found(workload('CronJob', spec, 'a'.repeat(52)), 'api-object-name')).toEqual([]);
    expect(found(workload('CronJob', spec, 'a'.repeat(53)), 'api-object-name')).toEqual([
      expect.stringContaining('must be no more than 52 characters'),
    ]);
  });

  test('a Job name has at most 63 characters (it becomes a label value of its Pods)', () => {
    const spec = { restartPolicy: 'Never', containers: [ctr('a')] };
    expect(found(workload('Job', spec, 'a'.repeat(63)), 'api-object-name')).toEqual([]);
    expect(found(workload('Job', spec, 'a'.repeat(64)), 'api-object-name')).toEqual([
      expect.stringContaining('must be no more than 63 characters'),
    ]);
  });

  // k8s: apimachinery ValidateObjectMeta ("name or generateName is required")
  test('a name is required unless generateName is given', () => {
    expect(found({ kind: 'Pod', metadata: {}, spec: { containers: [ctr('a')] } }, 'api-object-name')).toEqual([
      'metadata.name: Pod has no metadata.name: Required value: name or generateName is required; set metadata.name',
    ]);
    expect(found({ kind: 'Pod', metadata: { generateName: 'job-' }, spec: { containers: [ctr('a')] } }, 'api-object-name')).toEqual([]);
  });

  test('kinds without a known name rule are not checked', () => {
    expect(violations({ kind: 'ConfigMap', metadata: { name: 'Not_A_Name' } })).toEqual([]);
  });
});

// k8s: TestValidateContainers (validateContainers: `if len(containers) == 0 { Required }`)
test('api-containers-required: a Pod needs at least one app container', () => {
  expect(found(pod({ initContainers: [ctr('init')] }), 'api-containers-required')).toEqual([
    'spec.containers: the Pod has no app containers: containers: Required value: add at least one container to containers',
  ]);
  expect(paths(workload('Deployment', { containers: [] }), 'api-containers-required')).toEqual(['spec.template.spec.containers']);
  expect(paths({ kind: 'Deployment', metadata: { name: 'd' }, spec: {} }, 'api-containers-required')).toEqual(['spec.template.spec.containers']);
});

describe('api-container-name', () => {
  // k8s: TestValidateContainers successCase
  test.each(['abc', '123', 'abc-123', 'life-123'])('"%s" is accepted', (name) => {
    expect(found(pod({ containers: [ctr(name)] }), 'api-container-name')).toEqual([]);
  });

  // k8s: TestValidateContainers errorCases "zero-length name", "name > 63 characters", "name not a DNS label"
  test('zero-length name: Required', () => {
    expect(found(pod({ containers: [ctr('')] }), 'api-container-name')).toEqual([
      'spec.containers[0].name: container "#0" has no name: Required value: name every container',
    ]);
  });

  test('name > 63 characters', () => {
    expect(found(pod({ containers: [ctr('a'.repeat(64))] }), 'api-container-name')).toEqual([
      expect.stringContaining('must be no more than 63 characters'),
    ]);
  });

  test('name not a DNS label: a.b.c', () => {
    expect(found(pod({ containers: [ctr('a.b.c')] }), 'api-container-name')).toEqual([
      'spec.containers[0].name: container "a.b.c" name "a.b.c" is not a DNS-1123 label: must not contain dots: rename it',
    ]);
  });

  test('init, sidecar and ephemeral containers are checked too', () => {
    const spec = {
      initContainers: [ctr('Init'), ctr('Side_car', { restartPolicy: 'Always' })],
      containers: [ctr('ok')],
      ephemeralContainers: [ctr('Debug')],
    };
    expect(paths(pod(spec), 'api-container-name')).toEqual([
      'spec.initContainers[0].name', 'spec.initContainers[1].name', 'spec.ephemeralContainers[0].name',
    ]);
  });
});

describe('api-container-name-duplicate', () => {
  // k8s: TestValidateContainers "name not unique" → containers[1].name
  test('two app containers with one name', () => {
    expect(found(pod({ containers: [ctr('abc'), ctr('abc')] }), 'api-container-name-duplicate')).toEqual([
      'spec.containers[1].name: container "abc": Duplicate value: "abc" (already used by spec.containers[0]): container names must be unique across init, app and ephemeral containers; rename one',
    ]);
  });

  // k8s: TestValidateInitContainers "name collision with regular container" → initContainers[0].name;
  // "duplicate names" → initContainers[1].name
  test('an init container may not reuse an app or init container name; reported where Kubernetes reports it', () => {
    expect(paths(pod({ initContainers: [ctr('app')], containers: [ctr('app')] }), 'api-container-name-duplicate')).toEqual([
      'spec.initContainers[0].name',
    ]);
    expect(paths(pod({ initContainers: [ctr('init'), ctr('init')], containers: [ctr('app')] }), 'api-container-name-duplicate')).toEqual([
      'spec.initContainers[1].name',
    ]);
  });

  // k8s: validation.go validateEphemeralContainers ("must have a name unique across all container types")
  test('an ephemeral container may not reuse any name', () => {
    expect(paths(pod({ containers: [ctr('app')], ephemeralContainers: [ctr('app')] }), 'api-container-name-duplicate')).toEqual([
      'spec.ephemeralContainers[0].name',
    ]);
  });

  test('distinct names pass', () => {
    expect(found(pod({ initContainers: [ctr('a')], containers: [ctr('b'), ctr('c')] }), 'api-container-name-duplicate')).toEqual([]);
  });
});

describe('api-volume-name and api-volume-mount-unknown', () => {
  // k8s: validation.go ValidateVolumes (Required, ValidateDNS1123Label, Duplicate)
  test('volume names are unique DNS-1123 labels', () => {
    const spec = {
      volumes: [{ name: 'abc-123', emptyDir: {} }, { name: 'a.b', emptyDir: {} }, { name: 'abc-123', emptyDir: {} }, { emptyDir: {} }],
      containers: [ctr('app')],
    };
    expect(found(pod(spec), 'api-volume-name')).toEqual([
      'spec.volumes[1].name: volume name "a.b" is not a DNS-1123 label: must not contain dots: rename it',
      'spec.volumes[2].name: volume name: Duplicate value: "abc-123": give each volume its own name',
      'spec.volumes[3].name: volume #3 has no name: Required value: name every volume',
    ]);
  });

  // k8s: TestValidateContainers "unknown volume name" → NotFound containers[0].volumeMounts[0].name
  test('a mount must name a volume of the Pod', () => {
    const spec = { containers: [ctr('abc', { volumeMounts: [{ name: 'anything', mountPath: '/foo' }] })] };
    expect(found(pod(spec), 'api-volume-mount-unknown')).toEqual([
      'spec.containers[0].volumeMounts[0].name: container "abc" mounts volume "anything": Not found: the Pod has no volume of that name; add it to volumes or correct the mount name',
    ]);
  });

  test('init and sidecar mounts are checked; declared volumes pass', () => {
    const spec = {
      volumes: [{ name: 'shared', emptyDir: {} }],
      initContainers: [ctr('init', { volumeMounts: [{ name: 'shared', mountPath: '/s' }, { name: 'cache', mountPath: '/c' }] })],
      containers: [ctr('app', { volumeMounts: [{ name: 'shared', mountPath: '/s' }] })],
    };
    expect(paths(workload('Deployment', spec), 'api-volume-mount-unknown')).toEqual(['spec.template.spec.initContainers[0].volumeMounts[1].name']);
    // 1.28 validates a StatefulSet's template spec only when its Pods are created (ValidatePodTemplateSpecForStatefulSet).
    expect(paths(workload('StatefulSet', spec), 'runtime-pods-rejected')).toEqual(['spec.template.spec.initContainers[0].volumeMounts[1].name']);
  });
});

describe('api-restart-policy (via restartPolicyProblem)', () => {
  // k8s: validation.go validateRestartPolicy; pkg/apis/apps/validation; pkg/apis/batch/validation validateJobSpec
  test('a Pod accepts Always, OnFailure and Never', () => {
    for (const policy of ['Always', 'OnFailure', 'Never', undefined]) {
      expect(found(pod({ restartPolicy: policy, containers: [ctr('a')] }), 'api-restart-policy')).toEqual([]);
    }
  });

  test('a Deployment rejects Never', () => {
    expect(found(workload('Deployment', { restartPolicy: 'Never', containers: [ctr('a')] }), 'api-restart-policy')).toEqual([
      expect.stringMatching(/^spec\.template\.spec\.restartPolicy: Deployment spec\.template\.spec\.restartPolicy: Unsupported value: "Never": supported values: "Always"; a Deployment keeps its Pods running/),
    ]);
  });

  test('a Job rejects an omitted policy (defaulted to Always) and accepts OnFailure', () => {
    expect(found(workload('Job', { containers: [ctr('a')] }), 'api-restart-policy')).toEqual([
      expect.stringContaining('Required value: valid values: "OnFailure", "Never"'),
    ]);
    expect(found(workload('Job', { restartPolicy: 'OnFailure', containers: [ctr('a')] }), 'api-restart-policy')).toEqual([]);
  });

  test('a CronJob is reported at its own template path', () => {
    expect(paths(workload('CronJob', { restartPolicy: 'Always', containers: [ctr('a')] }), 'api-restart-policy')).toEqual([
      'spec.jobTemplate.spec.template.spec.restartPolicy',
    ]);
  });
});

describe('api-container-restart-policy', () => {
  // k8s: TestValidateContainers "Forbidden RestartPolicy: Always|OnFailure|Never|invalid|empty"
  test.each(['Always', 'OnFailure', 'Never', 'invalid', ''])('an app container may not set restartPolicy "%s"', (policy) => {
    expect(found(pod({ containers: [ctr('foo', { restartPolicy: policy })] }), 'api-container-restart-policy')).toEqual([
      `spec.containers[0].restartPolicy: container "foo" restartPolicy "${policy}": Forbidden: may not be set for non-init containers; remove it, or move the container to initContainers with restartPolicy Always to make it a sidecar`,
    ]);
  });

  // k8s: TestValidateInitContainers "Not supported RestartPolicy: OnFailure|Never|invalid|empty" (with SidecarContainers on).
  // A 1.28 API server (gate off) drops the field first (dropDisabledFields) and accepts the Pod: a warning, not an API error.
  test.each(['OnFailure', 'Never', 'invalid', ''])('an init container restartPolicy "%s" is dropped on 1.28: warned, not an API error', (policy) => {
    const obj = pod({ initContainers: [ctr('init', { restartPolicy: policy })], containers: [ctr('app')] });
    expect(found(obj, 'api-container-restart-policy')).toEqual([]);
    expect(found(obj, 'bp-dropped-alpha-field')).toEqual([
      `spec.initContainers[0].restartPolicy: spec.initContainers[0].restartPolicy is dropped by the API server on 1.28 and has no effect (feature gate SidecarContainers, alpha and off by default); besides: init container "init" restartPolicy: Unsupported value: "${policy}": supported values: "Always"; use Always for a sidecar, or remove the field`,
    ]);
  });

  // k8s: TestValidateInitContainers successCase "container-3-restart-always-with-lifecycle-hook-and-probes"
  test('an init container may set restartPolicy Always (a sidecar)', () => {
    expect(found(pod({ initContainers: [ctr('proxy', { restartPolicy: 'Always' })], containers: [ctr('app')] }), 'api-container-restart-policy')).toEqual([]);
  });

  // k8s: TestValidateEphemeralContainers "Forbidden RestartPolicy: Always"
  test('an ephemeral container may not set it', () => {
    expect(paths(pod({ containers: [ctr('app')], ephemeralContainers: [ctr('debug', { restartPolicy: 'Always' })] }), 'api-container-restart-policy')).toEqual([
      'spec.ephemeralContainers[0].restartPolicy',
    ]);
  });
});

describe('api-init-container-probes', () => {
  // k8s: TestValidateInitContainers "uses disallowed field: Lifecycle|LivenessProbe|ReadinessProbe", "...: StartupProbe"
  test.each([
    ['lifecycle', { preStop: { exec: { command: ['ls', '-l'] } } }],
    ['livenessProbe', { ...TCP_PROBE, successThreshold: 1 }],
    ['readinessProbe', TCP_PROBE],
    ['startupProbe', { ...TCP_PROBE, successThreshold: 1 }],
  ])('%s is forbidden on an init container that runs to completion', (field, value) => {
    expect(found(pod({ initContainers: [ctr('debug', { [field]: value })], containers: [ctr('app')] }), 'api-init-container-probes')).toEqual([
      `spec.initContainers[0].${field}: init container "debug" ${field}: Forbidden: may not be set for init containers without restartPolicy=Always; remove it, or make the container a sidecar (restartPolicy: Always)`,
    ]);
  });

  // k8s: TestValidateInitContainers "Disallowed field with other errors should only return a single Forbidden"
  test('a forbidden probe is reported once, without its own errors', () => {
    const probe = NEGATIVE_PROBE;
    const all = violations(pod({ initContainers: [ctr('debug', { startupProbe: probe })], containers: [ctr('app')] }));
    expect(all.map((v) => `${v.ruleId} ${v.path}`)).toEqual(['api-init-container-probes spec.initContainers[0].startupProbe']);
  });

  // k8s: TestValidateInitContainers successCase container-3 (sidecar with lifecycle, liveness, readiness, startup)
  test('a sidecar may have lifecycle hooks and all three probes', () => {
    const sidecar = ctr('proxy', {
      restartPolicy: 'Always',
      lifecycle: { postStart: { exec: { command: ['echo', 'post start'] } }, preStop: { exec: { command: ['echo', 'pre stop'] } } },
      livenessProbe: { ...TCP_PROBE, successThreshold: 1 },
      readinessProbe: TCP_PROBE,
      startupProbe: { ...TCP_PROBE, successThreshold: 1 },
    });
    const obj = pod({ restartPolicy: 'Never', initContainers: [sidecar], containers: [ctr('app')] });
    expect(violations(obj, SIDECARS_ON)).toEqual([]);
    expect(violations(obj, KubernetesVersion.V1_29).filter((v) => !v.ruleId.startsWith('bp-'))).toEqual([]);
  });

  // A default 1.28 server drops the restartPolicy (pkg/api/pod/util.go dropDisabledFields), then validateInitContainers
  // refuses each of the four fields; the kube-apiserver v1.28.7 verdicts of test/differential agree (e.g. Pod-136).
  test('on a default 1.28 server a sidecar\'s probes and hooks are refused, each field, with both ways out', () => {
    const sidecar = ctr('proxy', { restartPolicy: 'Always', lifecycle: { preStop: { exec: { command: ['true'] } } }, readinessProbe: TCP_PROBE, startupProbe: TCP_PROBE });
    const obj = pod({ initContainers: [sidecar], containers: [ctr('app')] });
    expect(paths(obj, 'api-init-container-probes')).toEqual([
      'spec.initContainers[0].lifecycle', 'spec.initContainers[0].readinessProbe', 'spec.initContainers[0].startupProbe',
    ]);
    const [message] = found(obj, 'api-init-container-probes');
    expect(message).toContain('sidecar "proxy" lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always');
    expect(message).toContain('feature gate SidecarContainers, alpha and off by default');
    expect(message).toContain('lint --feature-gates SidecarContainers=true');
    expect(message).toContain('or run Kubernetes 1.29 or later');
    expect(found(obj, 'api-init-container-probes', SIDECARS_ON)).toEqual([]);
  });
});

describe('api-probe', () => {
  const probeErrors = (container: any, init = false, version = KubernetesVersion.DEFAULT) => found(
    pod(init ? { initContainers: [container], containers: [ctr('app')] } : { containers: [container] }), 'api-probe', version);

  // k8s: TestValidateContainers "invalid liveness probe, no action." → Required containers[0].livenessProbe
  test('a probe needs a handler', () => {
    expect(probeErrors(ctr('live-123', { livenessProbe: { successThreshold: 1 } }))).toEqual([
      'spec.containers[0].livenessProbe: container "live-123" livenessProbe: Required value: must specify a handler type; use one of exec, httpGet, tcpSocket, grpc',
    ]);
  });

  // k8s: validation.go validateHandler ("may not specify more than 1 handler type")
  test('a probe has at most one handler', () => {
    expect(probeErrors(ctr('web', { readinessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } }))).toEqual([
      'spec.containers[0].readinessProbe.tcpSocket: container "web" readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type (exec and tcpSocket are set); keep one',
    ]);
  });

  // k8s: TestValidateContainers "invalid liveness probe, no tcp socket port." and
  // "invalid lifecycle, zero tcp socket port." → Invalid ...tcpSocket.port
  test('a tcpSocket handler needs a valid port', () => {
    expect(probeErrors(ctr('live-123', { livenessProbe: { tcpSocket: {} } }))).toEqual([
      'spec.containers[0].livenessProbe.tcpSocket.port: container "live-123" livenessProbe.tcpSocket.port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
    expect(probeErrors(ctr('life-123', { lifecycle: { preStop: { tcpSocket: { port: 0 } } } }))).toEqual([
      expect.stringContaining('spec.containers[0].lifecycle.preStop.tcpSocket.port'),
    ]);
  });

  // k8s: validation.go ValidatePortNumOrName → IsValidPortName for a string port
  test('a named port must be a valid port name', () => {
    expect(probeErrors(ctr('web', { readinessProbe: { httpGet: { path: '/', port: 'http' } } }))).toEqual([]);
    expect(probeErrors(ctr('web', { readinessProbe: { httpGet: { path: '/', port: '8080' } } }))).toEqual([
      expect.stringContaining('must contain at least one letter (a-z) (a port name; write a number without quotes for a port number)'),
    ]);
  });

  // k8s: TestValidateContainers "invalid lifecycle, no exec command." and "invalid lifecycle, no action."
  test('lifecycle hooks need a handler, and exec needs a command', () => {
    expect(probeErrors(ctr('life-123', { lifecycle: { preStop: { exec: {} } } }))).toEqual([
      'spec.containers[0].lifecycle.preStop.exec.command: container "life-123" lifecycle.preStop.exec.command: Required value: give the command to run',
    ]);
    expect(probeErrors(ctr('life-123', { lifecycle: { preStop: {} } }))).toEqual([
      'spec.containers[0].lifecycle.preStop: container "life-123" lifecycle.preStop: Required value: must specify a handler type; use one of exec, httpGet, tcpSocket',
    ]);
  });

  // The sleep action is 1.29 (PodLifecycleSleepAction); a 1.28 API server drops the unknown field.
  test('a sleep hook alone is no handler in 1.28', () => {
    expect(probeErrors(ctr('web', { lifecycle: { preStop: { sleep: { seconds: 5 } } } }))).toEqual([
      expect.stringContaining('(a sleep hook needs Kubernetes 1.29; a 1.28 API server drops it)'),
    ]);
  });

  // k8s: TestValidateContainers "invalid liveness probe, successThreshold != 1", "invalid startup probe, successThreshold != 1";
  // TestValidateInitContainers the same for restartable (sidecar) init containers
  test.each(['livenessProbe', 'startupProbe'])('%s successThreshold must be 1, on app containers and sidecars', (field) => {
    const probe = { ...TCP_PROBE, successThreshold: 2 };
    expect(probeErrors(ctr('live-123', { [field]: probe }))).toEqual([
      `spec.containers[0].${field}.successThreshold: container "live-123" ${field}.successThreshold: Invalid value: 2: must be 1; remove it or set it to 1`,
    ]);
    expect(probeErrors(ctr('restartable-init', { restartPolicy: 'Always', [field]: probe }), true, SIDECARS_ON)).toEqual([
      expect.stringContaining(`spec.initContainers[0].${field}.successThreshold: sidecar "restartable-init"`),
    ]);
    // Where the gate is off the sidecar's probe is forbidden outright, not validated.
    expect(probeErrors(ctr('restartable-init', { restartPolicy: 'Always', [field]: probe }), true)).toEqual([]);
  });

  // SetDefaults_Probe turns an omitted or 0 successThreshold into 1 before validation.
  test('an omitted or zero successThreshold is defaulted, so it passes', () => {
    expect(probeErrors(ctr('a', { livenessProbe: TCP_PROBE, startupProbe: { ...TCP_PROBE, successThreshold: 0 } }))).toEqual([]);
  });

  test('a readiness probe may have successThreshold > 1', () => {
    expect(probeErrors(ctr('a', { readinessProbe: { ...TCP_PROBE, successThreshold: 3 } }))).toEqual([]);
  });

  // k8s: TestValidateContainers / TestValidateInitContainers "invalid readiness probe, terminationGracePeriodSeconds set."
  test('a readiness probe may not set terminationGracePeriodSeconds', () => {
    expect(probeErrors(ctr('life-123', { readinessProbe: { ...TCP_PROBE, terminationGracePeriodSeconds: 10 } }))).toEqual([
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: container "life-123" readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes; remove it',
    ]);
  });

  // k8s: TestValidateContainers "invalid liveness probe, negative numbers"; Test_validateProbe (terminationGracePeriodSeconds 0 and -1)
  test('probe numbers may not be negative; terminationGracePeriodSeconds must be positive', () => {
    const probe = NEGATIVE_PROBE;
    expect(paths(pod({ containers: [ctr('live-123', { livenessProbe: probe })] }), 'api-probe')).toEqual([
      'spec.containers[0].livenessProbe.initialDelaySeconds',
      'spec.containers[0].livenessProbe.timeoutSeconds',
      'spec.containers[0].livenessProbe.periodSeconds',
      'spec.containers[0].livenessProbe.successThreshold',
      'spec.containers[0].livenessProbe.failureThreshold',
      'spec.containers[0].livenessProbe.terminationGracePeriodSeconds',
    ]);
    expect(probeErrors(ctr('a', { livenessProbe: { ...TCP_PROBE, terminationGracePeriodSeconds: 0 } }))).toEqual([
      expect.stringContaining('terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0'),
    ]);
    expect(probeErrors(ctr('a', { livenessProbe: { ...TCP_PROBE, terminationGracePeriodSeconds: 1 } }))).toEqual([]);
  });
});

describe('api-container-port', () => {
  // k8s: TestValidatePorts successCase (protocol omitted: SetDefaults_ContainerPort fills in TCP)
  test('the accepted ports of TestValidatePorts pass', () => {
    const ports = [
      { name: 'abc', containerPort: 80, hostPort: 80, protocol: 'TCP' },
      { name: 'easy', containerPort: 82, protocol: 'TCP' },
      { name: 'as', containerPort: 83, protocol: 'UDP' },
      { name: 'do-re-me', containerPort: 84, protocol: 'SCTP' },
      { containerPort: 85, protocol: 'TCP' },
      { containerPort: 86 },
    ];
    expect(found(pod({ containers: [ctr('app', { ports })] }), 'api-container-port')).toEqual([]);
  });

  // k8s: TestValidatePorts errorCases
  test.each([
    ['name > 15 characters', { name: 'a'.repeat(16), containerPort: 80, protocol: 'TCP' }, 'name', 'must be no more than 15 characters'],
    ['name contains invalid characters', { name: 'a.b.c', containerPort: 80, protocol: 'TCP' }, 'name', 'alpha-numeric'],
    ['name is a number', { name: '80', containerPort: 80, protocol: 'TCP' }, 'name', 'at least one letter'],
    ['zero container port', { containerPort: 0, protocol: 'TCP' }, 'containerPort', 'Required value'],
    ['missing container port', { protocol: 'TCP' }, 'containerPort', 'Required value'],
    ['invalid container port', { containerPort: 65536, protocol: 'TCP' }, 'containerPort', 'must be between 1 and 65535, inclusive'],
    ['invalid host port', { containerPort: 80, hostPort: 65536, protocol: 'TCP' }, 'hostPort', 'must be between 1 and 65535, inclusive'],
    ['invalid protocol case', { containerPort: 80, protocol: 'tcp' }, 'protocol', 'supported values: "SCTP", "TCP", "UDP"'],
    ['invalid protocol', { containerPort: 80, protocol: 'ICMP' }, 'protocol', 'supported values: "SCTP", "TCP", "UDP"'],
  ])('%s', (_title, port, field, detail) => {
    expect(found(pod({ containers: [ctr('app', { ports: [port] })] }), 'api-container-port')).toEqual([
      expect.stringMatching(new RegExp(`^spec\\.containers\\[0\\]\\.ports\\[0\\]\\.${field}: .*${escape(detail)}`)),
    ]);
  });

  // k8s: TestValidatePorts "name not unique" → Duplicate [1].name
  test('port names are unique within a container, not across containers', () => {
    const ports = [{ name: 'abc', containerPort: 80, protocol: 'TCP' }, { name: 'abc', containerPort: 81, protocol: 'TCP' }];
    expect(found(pod({ containers: [ctr('app', { ports })] }), 'api-container-port')).toEqual([
      'spec.containers[0].ports[1].name: container "app" port name: Duplicate value: "abc": port names must be unique within a container',
    ]);
    const spread = { containers: [ctr('a', { ports: [ports[0]] }), ctr('b', { ports: [{ ...ports[1], containerPort: 82 }] })] };
    expect(found(pod(spread), 'api-container-port')).toEqual([]);
  });
});

describe('api-host-port-conflict', () => {
  // k8s: TestValidateContainers "host port not unique" → Duplicate containers[1].ports[0].hostPort
  test('two app containers on one hostPort', () => {
    const spec = {
      containers: [
        ctr('abc', { ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }] }),
        ctr('def', { ports: [{ containerPort: 81, hostPort: 80, protocol: 'TCP' }] }),
      ],
    };
    expect(found(pod(spec), 'api-host-port-conflict')).toEqual([
      'spec.containers[1].ports[0].hostPort: container "def" hostPort: Duplicate value: "TCP//80" (also at spec.containers[0].ports[0].hostPort): use another hostPort, protocol or hostIP',
    ]);
  });

  // k8s: TestValidateContainers successCase "same-host-port-different-protocol"
  test('the same hostPort with another protocol, or another hostIP, is fine', () => {
    const ports = [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }, { containerPort: 80, hostPort: 80, protocol: 'UDP' }];
    expect(found(pod({ containers: [ctr('a', { ports })] }), 'api-host-port-conflict')).toEqual([]);
    const byIp = [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }, { containerPort: 81, hostPort: 80, hostIP: '10.0.0.2' }];
    expect(found(pod({ containers: [ctr('a', { ports: byIp })] }), 'api-host-port-conflict')).toEqual([]);
  });

  // k8s: TestValidateInitContainers successCase containers 1 and 2 (same host ports, init containers run one by one)
  // and errorCase "duplicate ports" → initContainers[0].ports[1].hostPort "TCP//8080"
  test('init containers are checked one by one', () => {
    const both = [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }, { containerPort: 80, hostPort: 80, protocol: 'UDP' }];
    expect(found(pod({ initContainers: [ctr('c1', { ports: both }), ctr('c2', { ports: both })], containers: [ctr('app')] }), 'api-host-port-conflict')).toEqual([]);
    const twice = [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }, { containerPort: 8080, hostPort: 8080, protocol: 'TCP' }];
    expect(found(pod({ initContainers: [ctr('abc', { ports: twice })], containers: [ctr('app')] }), 'api-host-port-conflict')).toEqual([
      expect.stringMatching(/^spec\.initContainers\[0\]\.ports\[1\]\.hostPort: init container "abc" hostPort: Duplicate value: "TCP\/\/8080"/),
    ]);
  });

  test('an omitted protocol counts as TCP', () => {
    const spec = { containers: [ctr('a', { ports: [{ containerPort: 80, hostPort: 80 }, { containerPort: 81, hostPort: 80, protocol: 'TCP' }] })] };
    expect(paths(pod(spec), 'api-host-port-conflict')).toEqual(['spec.containers[0].ports[1].hostPort']);
  });
});

describe('images', () => {
  // k8s: TestValidateContainers "zero-length-image" → Required containers[0].image; validateContainerCommon
  // applies to Pods and Pod templates alike.
  test.each(['Pod', 'Deployment', 'Job'])('api-image-required: an empty image is rejected in a %s', (kind) => {
    const spec = { restartPolicy: 'Never', containers: [{ name: 'abc', image: '' }], initContainers: [{ name: 'init' }] };
    const obj = kind === 'Pod' ? pod(spec) : workload(kind, spec);
    const prefix = kind === 'Pod' ? 'spec' : 'spec.template.spec';
    expect(paths(obj, 'api-image-required')).toEqual([`${prefix}.initContainers[0].image`, `${prefix}.containers[0].image`]);
  });

  // k8s: validateContainerOnlyForPod ("must not have leading or trailing whitespace"), Pods only;
  // TestValidateContainers successCase accepts " some  " in templates "for backwards compatibility".
  test('api-image-whitespace: a Pod is rejected; a template is accepted but its Pods are not', () => {
    expect(found(pod({ containers: [ctr('ghi', { image: ' some  ' })] }), 'api-image-whitespace')).toEqual([
      'spec.containers[0].image: container "ghi" image: Invalid value: " some  ": must not have leading or trailing whitespace; remove the whitespace',
    ]);
    expect(found(workload('Deployment', { containers: [ctr('ghi', { image: 'busybox:1.28 ' })] }), 'api-image-whitespace')).toEqual([]);
    expect(found(workload('Deployment', { containers: [ctr('ghi', { image: 'busybox:1.28 ' })] }), 'runtime-pods-rejected')).toEqual([
      expect.stringContaining('(the API server accepts the Deployment but rejects every Pod created from it)'),
    ]);
  });

  // k8s: validation.go validatePullPolicy (supportedPullPolicies); omitted: SetDefaults_Container fills it in
  test('api-image-pull-policy: only Always, IfNotPresent and Never', () => {
    for (const policy of ['Always', 'IfNotPresent', 'Never', undefined]) {
      expect(found(pod({ containers: [ctr('a', { imagePullPolicy: policy })] }), 'api-image-pull-policy')).toEqual([]);
    }
    expect(found(pod({ containers: [ctr('a', { imagePullPolicy: 'always' })] }), 'api-image-pull-policy')).toEqual([
      'spec.containers[0].imagePullPolicy: container "a" imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"; or omit it to get the default for the image',
    ]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('api-ephemeral-containers', () => {
  const debug = { name: 'debugger', image: 'busybox:1.36', targetContainerName: 'app' };

  // k8s: pkg/apis/core/validation/validation.go ValidatePodCreate:
  // field.Forbidden(spec.ephemeralContainers, "cannot be set on create")
  test('a Pod that sets ephemeralContainers at creation is rejected', () => {
    expect(found(pod({ containers: [ctr('app')], ephemeralContainers: [debug] }), 'api-ephemeral-containers')).toEqual([
      'spec.ephemeralContainers: Pod sets ephemeralContainers: Forbidden: cannot be set on create; remove them: '
      + 'ephemeral containers are added to a running Pod through its ephemeralcontainers subresource (kubectl debug)',
    ]);
  });

  // k8s: validation.go ValidatePodTemplateSpec: "ephemeral containers not allowed in pod template"
  test.each(['Deployment', 'Job', 'CronJob'])('a %s template with ephemeralContainers is rejected', (kind) => {
    const obj = workload(kind, { containers: [ctr('app')], ephemeralContainers: [debug] });
    const prefix = kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
    expect(paths(obj, 'api-ephemeral-containers')).toEqual([`${prefix}.ephemeralContainers`]);
    expect(found(obj, 'api-ephemeral-containers')[0]).toContain('Forbidden: ephemeral containers not allowed in pod template');
  });

  test('an empty list is what the API server accepts (len == 0)', () => {
    expect(found(pod({ containers: [ctr('app')], ephemeralContainers: [] }), 'api-ephemeral-containers')).toEqual([]);
    expect(found(pod({ containers: [ctr('app')] }), 'api-ephemeral-containers')).toEqual([]);
  });
});

describe('api-host-network-host-port', () => {
  // k8s: validation.go validateHostNetwork (1.28): for app containers,
  // `(opts.ResourceIsPod || hostPort != 0) && hostPort != containerPort` is Invalid on ports[i].hostPort;
  // pkg/apis/core/v1/defaults.go defaultHostNetworkPorts copies containerPort into an unset hostPort of a Pod.
  test.each(['Pod', 'DaemonSet'])('%s: a hostPort other than containerPort is rejected', (kind) => {
    const spec = { hostNetwork: true, containers: [ctr('app', { ports: [{ containerPort: 8080, hostPort: 8080 }, { containerPort: 9090, hostPort: 19090 }] })] };
    const obj = kind === 'Pod' ? pod(spec) : workload(kind, spec);
    const prefix = kind === 'Pod' ? 'spec' : 'spec.template.spec';
    expect(found(obj, 'api-host-network-host-port')).toEqual([
      `${prefix}.containers[0].ports[1].hostPort: container "app" hostPort: Invalid value: 19090: must match \`containerPort\` (9090) when \`hostNetwork\` is true; `
      + 'remove hostPort (it defaults to containerPort) or make the two equal',
    ]);
  });

  test('an omitted or 0 hostPort is fine: defaulted in a Pod, allowed as 0 in a template', () => {
    const spec = { hostNetwork: true, containers: [ctr('app', { ports: [{ containerPort: 8080 }, { containerPort: 9090, hostPort: 0 }] })] };
    expect(found(pod(spec), 'api-host-network-host-port')).toEqual([]);
    expect(found(workload('DaemonSet', spec), 'api-host-network-host-port')).toEqual([]);
  });

  test('without hostNetwork a different hostPort is a plain port mapping', () => {
    expect(found(pod({ containers: [ctr('app', { ports: [{ containerPort: 80, hostPort: 8080 }] })] }), 'api-host-network-host-port')).toEqual([]);
  });

  test('only app containers are validated (validateHostNetwork is given spec.Containers)', () => {
    const spec = { hostNetwork: true, initContainers: [ctr('init', { ports: [{ containerPort: 80, hostPort: 81 }] })], containers: [ctr('app')] };
    expect(found(pod(spec), 'api-host-network-host-port')).toEqual([]);
  });
});

// The sleep action per release: no LifecycleHandler.sleep in v1.28 types.go (unknown field); v1.29.0 has it but
// PodLifecycleSleepAction is alpha and off, so dropDisabledFields (pkg/api/pod/util.go) removes it and validateHandler
// finds no handler; from 1.30 validation.go validateSleepAction checks seconds against terminationGracePeriodSeconds
// (defaulted to 30), zero allowed from 1.33 (PodLifecycleSleepActionAllowZero, AllowPodLifecycleSleepActionZeroValue).
// Cases from validation_test.go TestValidateSleepAction ("valid sleep action", "negative seconds", "larger than grace period",
// "zero seconds" with and without the gate).
describe('api-probe: the lifecycle sleep action per Kubernetes release', () => {
  const V = KubernetesVersion;
  const sleeping = (seconds: unknown, grace?: number): any => pod({
    ...(grace === undefined ? {} : { terminationGracePeriodSeconds: grace }),
    containers: [ctr('web', { lifecycle: { preStop: { sleep: { seconds } } } })],
  });
  const sleepFindings = (obj: any, version: KubernetesVersion): string[] => violationsOf(obj, API_RULES, { kubernetesVersion: version })
    .filter((v) => v.ruleId === 'api-probe').map((v) => `${v.path}: ${v.message}`);

  test('1.29 drops the action: no handler, and the message says why', () => {
    expect(sleepFindings(sleeping(5), V.V1_29)).toEqual([
      'spec.containers[0].lifecycle.preStop: container "web" lifecycle.preStop: Required value: must specify a handler type (a 1.29 API server drops the sleep action: feature gate PodLifecycleSleepAction, alpha and off by default; it is on by default from 1.30); use one of exec, httpGet, tcpSocket',
    ]);
  });

  test.each(V.all().filter((v) => v.isAtLeast(V.V1_30)))('%s accepts 1..terminationGracePeriodSeconds', (version) => {
    expect(sleepFindings(sleeping(5), version)).toEqual([]);
    expect(sleepFindings(sleeping(30), version)).toEqual([]);
    expect(sleepFindings(sleeping(50, 60), version)).toEqual([]);
  });

  test('negative or above the grace period: refused from 1.30 on', () => {
    expect(sleepFindings(sleeping(-1), V.V1_30)).toEqual([
      'spec.containers[0].lifecycle.preStop.sleep: container "web" lifecycle.preStop.sleep: Invalid value: -1: must be greater than 0 and less than terminationGracePeriodSeconds (30); sleep at most the Pod\'s grace period',
    ]);
    expect(sleepFindings(sleeping(31), V.V1_35)).toEqual([
      'spec.containers[0].lifecycle.preStop.sleep: container "web" lifecycle.preStop.sleep: Invalid value: 31: must be non-negative and less than terminationGracePeriodSeconds (30); sleep at most the Pod\'s grace period',
    ]);
    expect(sleepFindings(sleeping(11, 10), V.V1_33)).toHaveLength(1);
  });

  test('zero: refused on 1.30-1.32, accepted from 1.33', () => {
    for (const version of [V.V1_30, V.V1_31, V.V1_32]) expect(sleepFindings(sleeping(0), version)).toHaveLength(1);
    for (const version of [V.V1_33, V.V1_34, V.V1_35]) expect(sleepFindings(sleeping(0), version)).toEqual([]);
  });

  test('sleep and exec together: more than 1 handler type from 1.30', () => {
    const both = pod({ containers: [ctr('web', { lifecycle: { preStop: { exec: { command: ['true'] }, sleep: { seconds: 1 } } } })] });
    expect(sleepFindings(both, V.V1_29)).toEqual([]);
    expect(sleepFindings(both, V.V1_30)).toEqual([expect.stringContaining('lifecycle.preStop.sleep: Forbidden: may not specify more than 1 handler type (exec and sleep are set)')]);
  });
});
