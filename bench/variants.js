'use strict';
/**
 * The two workloads the benchmark compares. Both build, per index i, two
 * dependency Services and one Deployment whose two init containers wait for
 * them, at the same construct paths, so that object names (which cdk8s hashes
 * from the path) and therefore the YAML come out comparable byte for byte.
 *
 * - ours: `InitGatedApp` + `WaitFor.service` (generated waiters, explicit pull
 *   policies, hardening, whole-Pod rules at synth);
 * - plus: the same objects written by hand with cdk8s-plus-28 and nothing else.
 *
 * `bench/equivalence.js` checks, once per benchmark, that the two still match.
 */
const { Duration, Size } = require('cdk8s');
const kplus = require('cdk8s-plus-28');
const { Construct } = require('constructs');

const APP_IMAGE = 'busybox:1.36.1';
const WAITER_IMAGE = 'busybox:1.28';
const APP_USER = 1000;
const WAITER_USER = 65534;
const APP_PORT = 8080;
const DEPENDENCIES = [
  { id: 'svc-a', targetPort: 9376 },
  { id: 'svc-b', targetPort: 9377 },
];

function addDependencyServices(chart, i) {
  return DEPENDENCIES.map(dep => new kplus.Service(chart, `${dep.id}-${i}`, {
    ports: [{ port: 80, targetPort: dep.targetPort }],
  }));
}

function appCommand(i) {
  return ['sh', '-c', `echo app ${i} is running && sleep 3600`];
}

/** One InitGatedApp (a Deployment) waiting on two Services, as a user writes it. */
function addOurs(lib, chart, i) {
  const services = addDependencyServices(chart, i);
  new lib.InitGatedApp(chart, `app-${i}`, {
    waitFor: services.map(svc => lib.WaitFor.service(svc)),
    waitTimeout: Duration.minutes(5),
    waitInterval: Duration.seconds(2),
    waiterImage: WAITER_IMAGE,
    containers: [{
      name: 'app',
      image: APP_IMAGE,
      command: appCommand(i),
      portNumber: APP_PORT,
      securityContext: { user: APP_USER, group: APP_USER },
    }],
  });
}

/** The same Deployment written directly with cdk8s-plus-28. */
function addPlus(chart, i) {
  const services = addDependencyServices(chart, i);
  const scope = new Construct(chart, `app-${i}`);
  new kplus.Deployment(scope, 'Deployment', {
    securityContext: { ensureNonRoot: true },
    restartPolicy: kplus.RestartPolicy.ALWAYS,
    initContainers: services.map(svc => plusWaiter(svc.name)),
    containers: [{
      name: 'app',
      image: APP_IMAGE,
      command: appCommand(i),
      portNumber: APP_PORT,
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      resources: {},
      securityContext: restrictedContext(APP_USER),
    }],
  });
}

function plusWaiter(serviceName) {
  return {
    name: `wait-for-${serviceName}`,
    image: WAITER_IMAGE,
    imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
    command: ['sh', '-c', dnsWaiterScriptCopy(serviceName)],
    envVariables: { POD_NAMESPACE: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAMESPACE) },
    securityContext: { ...restrictedContext(WAITER_USER), readOnlyRootFilesystem: true },
    resources: {
      cpu: { request: kplus.Cpu.millis(10), limit: kplus.Cpu.millis(100) },
      memory: { request: Size.mebibytes(16), limit: Size.mebibytes(32) },
    },
  };
}

function restrictedContext(user) {
  return {
    user,
    group: user,
    ensureNonRoot: true,
    privileged: false,
    allowPrivilegeEscalation: false,
    capabilities: { drop: [kplus.Capability.ALL] },
    seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
  };
}

/**
 * A verbatim copy of the script `WaitFor.service` generates (timeout 300 s,
 * interval 2 s, attempt 10 s, namespace from $POD_NAMESPACE), so both variants
 * write the same bytes. If the library's script changes, the equivalence check
 * fails and this copy must be refreshed.
 */
function dnsWaiterScriptCopy(serviceName) {
  return [
    '# cdk8s-pod-patterns wait-for: until the Service\'s DNS name resolves',
    `service='${serviceName}'`,
    'namespace="$POD_NAMESPACE"',
    'cluster_domain=\'cluster.local\'',
    'timeout_s=\'300\'',
    'interval_s=\'2\'',
    'attempt_s=\'10\'',
    'if [ -z "$namespace" ]; then',
    '  echo \'wait-for: POD_NAMESPACE is empty: set it from the Downward API (fieldRef: metadata.namespace)\' >&2',
    '  exit 1',
    'fi',
    'name="$service.$namespace.svc.$cluster_domain"',
    'dependency="service $name"',
    'for tool in timeout nslookup; do',
    '  command -v "$tool" >/dev/null || { echo "wait-for: $tool not found in the waiter image: use a busybox image" >&2; exit 1; }',
    'done',
    '# busybox 1.28 spells it "timeout -t SECS", later versions "timeout SECS"',
    'if timeout -t 1 true 2>/dev/null; then',
    '  bounded() { timeout -t "$@"; }',
    'else',
    '  bounded() { timeout "$@"; }',
    'fi',
    '# some busybox versions exit 0 even on NXDOMAIN: look for an answer instead',
    'check() {',
    '  case "$(bounded "$1" nslookup "$name" 2>/dev/null)" in',
    '    *Name:*) return 0 ;;',
    '  esac',
    '  return 1',
    '}',
    'deadline=$(( $(date +%s) + timeout_s ))',
    'attempt=1',
    'while left=$(( deadline - $(date +%s) )); [ "$left" -gt 0 ]; do',
    '  echo "waiting for $dependency (attempt $attempt, ${left}s left)"',
    '  if check "$(( left < attempt_s ? left : attempt_s ))"; then',
    '    echo "wait-for: $dependency is ready"',
    '    exit 0',
    '  fi',
    '  left=$(( deadline - $(date +%s) ))',
    '  if [ "$left" -gt 0 ]; then sleep "$(( left < interval_s ? left : interval_s ))"; fi',
    '  attempt=$(( attempt + 1 ))',
    'done',
    'echo "wait-for: gave up on $dependency after ${timeout_s}s" >&2',
    'exit 1',
  ].join('\n') + '\n';
}

const VARIANTS = ['ours', 'plus'];

/**
 * Adds `n` workloads of `variant` to `charts` (round-robin). `lib` is the
 * compiled library, required only by the caller that needs it, so the plus
 * variant never loads it.
 */
function populate(variant, charts, n, lib) {
  for (let i = 0; i < n; i++) {
    const chart = charts[i % charts.length];
    if (variant === 'ours') addOurs(lib, chart, i);
    else if (variant === 'plus') addPlus(chart, i);
    else throw new Error(`unknown variant "${variant}": use one of ${VARIANTS.join(', ')}`);
  }
}

module.exports = { VARIANTS, populate };
