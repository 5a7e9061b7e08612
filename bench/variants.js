'use strict';
/**
 * The two workloads the benchmark compares. Both build, per index i, two
 * dependency Services and one Deployment whose two init containers wait for
 * them, at the same construct paths, so that object names (which cdk8s hashes
 * from the path) and therefore the YAML come out comparable byte for byte.
 *
 * - ours: `InitGatedApp` + `WaitFor.service` (generated waiters, explicit pull
 *   policies, hardening, whole-Pod rules at synth);
 * - plus: the same objects written by hand with cdk8s-plus-28 and nothing else;
 *   the parts the library generates verbatim (the waiter containers: script,
 *   env, resources, security context) come from `bench/fixtures/plus-waiter.json`,
 *   which `node bench/sync-variant.js` regenerates from the compiled library.
 *   The plus variant never loads the library.
 *
 * `bench/equivalence.js` checks, before every benchmark and per chart count,
 * that the two write byte-identical YAML files.
 */
const fs = require('fs');
const path = require('path');
const { isDeepStrictEqual } = require('util');
const { Duration, Size } = require('cdk8s');
const kplus = require('cdk8s-plus-28');
const { Construct } = require('constructs');

const APP_IMAGE = 'busybox:1.36.1';
const WAITER_IMAGE = 'busybox:1.28';
const APP_USER = 1000;
const WAIT_TIMEOUT_S = 300;
const WAIT_INTERVAL_S = 2;
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

/** Requests as a user sets them (without them the library warns at every synth). */
function appResources() {
  return { cpu: { request: kplus.Cpu.millis(50) }, memory: { request: Size.mebibytes(64) } };
}

function appCommand(i) {
  return ['sh', '-c', `echo app ${i} is running && sleep 3600`];
}

/** One InitGatedApp (a Deployment) waiting on two Services, as a user writes it. */
function addOurs(lib, chart, i) {
  const services = addDependencyServices(chart, i);
  new lib.InitGatedApp(chart, `app-${i}`, {
    waitFor: services.map(svc => lib.WaitFor.service(svc)),
    waitTimeout: Duration.seconds(WAIT_TIMEOUT_S),
    waitInterval: Duration.seconds(WAIT_INTERVAL_S),
    waiterImage: WAITER_IMAGE,
    containers: [{
      name: 'app',
      image: APP_IMAGE,
      command: appCommand(i),
      portNumber: APP_PORT,
      resources: appResources(),
      securityContext: { user: APP_USER, group: APP_USER },
    }],
  });
}

/** The same Deployment written directly with cdk8s-plus-28. */
function addPlus(chart, i) {
  const services = addDependencyServices(chart, i);
  const scope = new Construct(chart, `app-${i}`);
  new kplus.Deployment(scope, 'Deployment', {
    // What the constructs record for lint and the plugin (src/pods/provenance.ts), written by hand.
    metadata: { annotations: { 'cdk8s-pod-patterns.io/security-profile': 'restricted', 'cdk8s-pod-patterns.io/construct-path': scope.node.path } },
    securityContext: { ensureNonRoot: true },
    restartPolicy: kplus.RestartPolicy.ALWAYS,
    initContainers: services.map(svc => plusWaiter(svc.name)),
    containers: [{
      name: 'app',
      image: APP_IMAGE,
      command: appCommand(i),
      portNumber: APP_PORT,
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      resources: appResources(),
      securityContext: restrictedContext(APP_USER),
    }],
  });
}

/**
 * The waiter init containers of the plus variant. What the library generates
 * for a waiter (the script, its env, resources and security context) is not
 * retyped here: `bench/sync-variant.js` renders one `WaitFor.service` waiter
 * with the compiled library and stores it, the Service name replaced by a
 * placeholder, in `bench/fixtures/plus-waiter.json`. This file reads that JSON
 * (never the library) and writes the container with cdk8s-plus-28's own props.
 */
const WAITER_FIXTURE_FILE = path.join(__dirname, 'fixtures', 'plus-waiter.json');
const RESYNC = 'run `node bench/sync-variant.js` after compiling the library';
let waiterTemplate;

function plusWaiter(serviceName) {
  if (waiterTemplate === undefined) waiterTemplate = loadWaiterTemplate();
  return waiterTemplate(serviceName);
}

/** The parameters the fixture was rendered with; they must match what addOurs passes. */
function waiterParameters() {
  return {
    waiterImage: WAITER_IMAGE,
    waitTimeoutSeconds: WAIT_TIMEOUT_S,
    waitIntervalSeconds: WAIT_INTERVAL_S,
  };
}

/**
 * Reads the fixture once and returns `serviceName => kplus.ContainerProps`.
 * Throws when the fixture is missing, was rendered with other parameters, or
 * holds a field this translation cannot express with cdk8s-plus-28.
 */
function loadWaiterTemplate() {
  if (!fs.existsSync(WAITER_FIXTURE_FILE)) {
    throw new Error(`${path.relative(process.cwd(), WAITER_FIXTURE_FILE)} is missing: ${RESYNC}`);
  }
  const fixture = JSON.parse(fs.readFileSync(WAITER_FIXTURE_FILE, 'utf8'));
  if (!isDeepStrictEqual(fixture.parameters, waiterParameters())) {
    throw new Error(`bench/fixtures/plus-waiter.json was rendered with ${JSON.stringify(fixture.parameters)}, `
      + `the ours variant now uses ${JSON.stringify(waiterParameters())}: ${RESYNC}`);
  }
  const placeholder = fixture.placeholder;
  const container = fixture.initContainer;
  const fill = value => {
    const parts = value.split(placeholder);
    return parts.length === 1 ? () => value : name => parts.join(name);
  };
  const known = ['name', 'image', 'imagePullPolicy', 'command', 'args', 'env', 'resources', 'securityContext'];
  const unknown = Object.keys(container).filter(key => !known.includes(key));
  if (unknown.length > 0) {
    throw new Error(`the generated waiter container now has ${unknown.join(', ')}, which the plus variant does not `
      + 'write: add them to loadWaiterTemplate in bench/variants.js');
  }
  const name = fill(container.name);
  const image = fill(container.image);
  const command = container.command && container.command.map(fill);
  const args = container.args && container.args.map(fill);
  const env = (container.env || []).map(e => [e.name, envValue(e)]);
  const pullPolicy = container.imagePullPolicy;
  const resources = plusResources(container.resources);
  const securityContext = plusSecurityContext(container.securityContext);
  return serviceName => ({
    name: name(serviceName),
    image: image(serviceName),
    imagePullPolicy: pullPolicy,
    command: command && command.map(part => part(serviceName)),
    args: args && args.map(part => part(serviceName)),
    envVariables: Object.fromEntries(env.map(([key, value]) => [key, value()])),
    securityContext: { ...securityContext },
    resources: resources(),
  });
}

function envValue(e) {
  if (e.value !== undefined) return () => kplus.EnvValue.fromValue(e.value);
  const fieldRef = e.valueFrom && e.valueFrom.fieldRef;
  if (fieldRef && Object.keys(e.valueFrom).length === 1) {
    const options = fieldRef.apiVersion ? { apiVersion: fieldRef.apiVersion } : undefined;
    return () => kplus.EnvValue.fromFieldRef(fieldRef.fieldPath, options);
  }
  throw new Error(`waiter env ${JSON.stringify(e)}: the plus variant only writes values and fieldRefs; `
    + 'extend envValue in bench/variants.js');
}

/** Kubernetes quantities as cdk8s-plus-28 objects; no `resources` in the manifest becomes `{}` (no kplus defaults). */
function plusResources(resources = {}) {
  const cpu = q => {
    const m = /^([0-9]+)(m?)$/.exec(q);
    if (!m) throw new Error(`waiter cpu "${q}": extend plusResources in bench/variants.js`);
    return m[2] ? kplus.Cpu.millis(Number(m[1])) : kplus.Cpu.units(Number(m[1]));
  };
  const memory = q => {
    const m = /^([0-9]+)(Ki|Mi|Gi)$/.exec(q);
    if (!m) throw new Error(`waiter memory "${q}": extend plusResources in bench/variants.js`);
    const unit = { Ki: Size.kibibytes, Mi: Size.mebibytes, Gi: Size.gibibytes }[m[2]];
    return unit(Number(m[1]));
  };
  const kinds = { cpu, memory };
  const extra = Object.keys({ ...resources.requests, ...resources.limits }).filter(k => !(k in kinds));
  const other = Object.keys(resources).filter(k => k !== 'requests' && k !== 'limits');
  if (extra.length + other.length > 0) {
    throw new Error(`waiter resources ${[...extra, ...other].join(', ')}: extend plusResources in bench/variants.js`);
  }
  return () => {
    const out = {};
    for (const [kind, parse] of Object.entries(kinds)) {
      const request = resources.requests && resources.requests[kind];
      const limit = resources.limits && resources.limits[kind];
      if (request === undefined && limit === undefined) continue;
      out[kind] = {
        ...(request !== undefined ? { request: parse(request) } : {}),
        ...(limit !== undefined ? { limit: parse(limit) } : {}),
      };
    }
    return out;
  };
}

const SECURITY_FIELDS = {
  runAsUser: 'user',
  runAsGroup: 'group',
  runAsNonRoot: 'ensureNonRoot',
  privileged: 'privileged',
  allowPrivilegeEscalation: 'allowPrivilegeEscalation',
  readOnlyRootFilesystem: 'readOnlyRootFilesystem',
  capabilities: 'capabilities',
  seccompProfile: 'seccompProfile',
};

function plusSecurityContext(context) {
  if (context === undefined) {
    throw new Error('the generated waiter has no securityContext, which cdk8s-plus-28 cannot leave out: '
      + 'update the plus variant in bench/variants.js');
  }
  const out = {};
  for (const [key, value] of Object.entries(context)) {
    if (!(key in SECURITY_FIELDS)) {
      throw new Error(`waiter securityContext.${key}: extend SECURITY_FIELDS in bench/variants.js`);
    }
    out[SECURITY_FIELDS[key]] = value;
  }
  return out;
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

module.exports = { VARIANTS, populate, waiterParameters, WAITER_FIXTURE_FILE };
