import { arr, Code, comment, commentText, literal, obj, render } from './code-builder';
import { ComposePlan, ContainerPlan, EnvSecretPlan, MountPlan, ServicePlan, VolumePlan, WaitPlan } from './compose-mapping';
import { HealthcheckModel, PortModel, ResourcesModel } from './compose-model';
import type { ComposeParameters } from './compose-parameters';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { WorkloadKind } from '../policy/workload-kind';

/** What the header says besides the plan. */
export interface WriterInput {
  readonly plan: ComposePlan;
  /** Imported files, relative to the project directory. */
  readonly files: readonly string[];
  readonly chartName: string;
  readonly className: string;
  /** The compose variables left to the chart; undefined when frozen at import. */
  readonly parameters?: ComposeParameters;
  /** The release the chart's workloads are judged for; the default (1.28), when absent too, is not written. */
  readonly kubernetesVersion?: KubernetesVersion;
}

/** Compose healthcheck defaults (compose-spec: interval 30s, timeout 30s, retries 3). */
const HEALTHCHECK_DEFAULTS = { interval: 30, timeout: 30, retries: 3 };

/** Default size of a claim for a named volume; compose volumes have none. */
const CLAIM_SIZE_GIB = 1;

const WORKLOAD_NAMES: Record<WorkloadKind, string> = {
  [WorkloadKind.DEPLOYMENT]: 'DEPLOYMENT',
  [WorkloadKind.STATEFUL_SET]: 'STATEFUL_SET',
  [WorkloadKind.DAEMON_SET]: 'DAEMON_SET',
  [WorkloadKind.REPLICA_SET]: 'REPLICA_SET',
  [WorkloadKind.JOB]: 'JOB',
  [WorkloadKind.CRON_JOB]: 'CRON_JOB',
  [WorkloadKind.POD]: 'POD',
};

/** Imports the body uses, by module, and how values holding chart parameters are written. */
class Imports {
  /** Set when a value holds chart parameters (then `v` holds the chart's variables). */
  public parameters?: ComposeParameters;
  public usesKubeLiteral = false;

  public readonly cdk8s = new Set<string>(['App', 'Chart', 'ChartProps']);
  public readonly patterns = new Set<string>(['InitGatedApp', 'SecurityProfile']);

  /** The import lines; cdk8s-plus-28 only when `code` refers to it (an unused import fails `noUnusedLocals`, which `cdk8s init` sets). */
  public render(code: string): string {
    const sorted = (names: Set<string>) => [...names].sort().join(', ');
    return [
      `import { ${sorted(this.cdk8s)} } from 'cdk8s';`,
      ...(/\bkplus\./.test(code) ? ['import * as kplus from \'cdk8s-plus-28\';'] : []),
      'import { Construct } from \'constructs\';',
      `import { ${sorted(this.patterns)} } from 'cdk8s-pod-patterns';`,
    ].join('\n');
  }
}

/** The whole generated file: header, imports, the chart class and the synth guard. */
export function writeTypeScript(input: WriterInput): string {
  const imports = new Imports();
  imports.parameters = input.parameters;
  const variables = input.parameters?.variables() ?? [];
  const containers = input.plan.services.flatMap(s => [...s.initContainers, s.container]);
  const envSecrets = containers.flatMap(c => (c.envSecret === undefined ? [] : [c.envSecret]));
  const volumes = input.plan.volumes.map(v => writeVolume(v, imports)).join('') + envSecrets.map(writeEnvSecret).join('');
  const services = input.plan.services.map(s => writeService(s, imports)).join('\n');
  const versionSetting = kubernetesVersionSetting(input.kubernetesVersion ?? KubernetesVersion.DEFAULT, imports);
  const profilesPrefix = 'export const SERVICE_PROFILES: Record<string, SecurityProfile> = ';
  const profiles = render(obj(input.plan.services.map(s => [s.name, `SecurityProfile.${profileName(s)}`])), 0, profilesPrefix.length);
  const body = [
    '/** The Pod Security Standards profile each service is hardened to (and should be linted with). */',
    `${profilesPrefix}${profiles};`,
    '',
    variables.length === 0 ? '' : variablesDeclarations(input.className, variables),
    `export class ${input.className} extends Chart {`,
    `  public constructor(scope: Construct, id: string, props: ${variables.length === 0 ? 'ChartProps' : `${input.className}Props`} = {}) {`,
    '    super(scope, id, props);',
    ...versionSetting,
    variables.length === 0 ? '' : variablesResolution(input.className),
    volumes === '' ? '' : `\n${volumes}`,
    services.replace(/\n$/, ''),
    '  }',
    '}',
    imports.usesKubeLiteral ? KUBE_LITERAL : '',
    'if (require.main === module) {',
    '  const app = new App();',
    ...(variables.length === 0 ? [`  new ${input.className}(app, ${literal(input.chartName)});`] : [
      '  // the compose variables, from the environment of `cdk8s synth` (as docker compose reads them)',
      `  const variables = ${render(obj(variables.map(v => [v.name, `process.env.${v.name}`])), 2, 20)};`,
      `  new ${input.className}(app, ${literal(input.chartName)}, { variables });`,
    ]),
    '  app.synth();',
    '}',
    '',
  ].join('\n');
  return [header(input), imports.render(body), '', body].join('\n').replace(/\n{3,}/g, '\n\n');
}

/** The release set by `--kubernetes-version`; nothing for the default, so a default import stays as it was. */
function kubernetesVersionSetting(version: KubernetesVersion, imports: Imports): string[] {
  if (version === KubernetesVersion.DEFAULT) return [];
  imports.patterns.add('KubernetesVersion');
  imports.patterns.add('PodPatterns');
  return [
    `    // the cluster runs Kubernetes ${version.name}: the rules judge this chart's workloads for it at synth`,
    `    PodPatterns.setKubernetesVersion(this, KubernetesVersion.V1_${version.minor});`,
  ];
}

/** The kubelet expands `$(VAR)` in env values: a chart variable's value is passed through unchanged. */
const KUBE_LITERAL = [
  '',
  '/** The kubelet expands `$(VAR)` in env values and reads `$$` as `$`: doubling every `$` passes a value through unchanged. */',
  'function kubeLiteral(value: string): string {',
  '  return value.replace(/\\$/g, \'$$$$\');',
  '}',
  '',
].join('\n');

type Variable = ReturnType<ComposeParameters['variables']>[number];

/** The chart's variables interface, their `.env` defaults, the required ones and the props. */
function variablesDeclarations(className: string, variables: Variable[]): string {
  const members = variables.flatMap(v => [
    `  /** ${commentText(`Compose: ${v.uses.join(', ')}. ${v.dotEnv !== undefined ? `Default (.env): ${JSON.stringify(v.dotEnv)}.` : v.required ? 'Required.' : 'Optional.'}`).replace(/\*\//g, '*\\/')} */`,
    `  readonly ${v.name}?: string;`,
  ]);
  const defaults = variables.filter(v => v.dotEnv !== undefined).map(v => [v.name, literal(v.dotEnv!)] as const);
  const required = variables.filter(v => v.required).map(v => literal(v.name));
  return [
    '/**',
    ' * The compose variables of images and environment values: pass them as `variables`, or export',
    ' * them before `cdk8s synth` (the main below reads them from the environment). Every other value',
    ' * was resolved at import.',
    ' */',
    `export interface ${className}Variables {`,
    ...members,
    '}',
    '',
    '/** The values of the project\'s .env at import. */',
    `export const VARIABLE_DEFAULTS: ${className}Variables = ${render(obj(defaults), 0, 40)};`,
    '',
    '/** Variables compose uses with no default (nor a value in .env): synth needs them. */',
    `export const REQUIRED_VARIABLES: string[] = [${required.join(', ')}];`,
    '',
    `export interface ${className}Props extends ChartProps {`,
    '  /** @default - VARIABLE_DEFAULTS; REQUIRED_VARIABLES must be given */',
    `  readonly variables?: ${className}Variables;`,
    '}',
    '',
  ].join('\n');
}

function variablesResolution(className: string): string {
  return [
    '    const given = Object.fromEntries(Object.entries(props.variables ?? {}).filter(([, value]) => value !== undefined));',
    `    const v: ${className}Variables = { ...VARIABLE_DEFAULTS, ...given };`,
    '    const missing = REQUIRED_VARIABLES.filter(name => !(name in v));',
    '    if (missing.length > 0) {',
    '      throw new Error(`compose variables ${missing.join(\', \')} have no default: pass them in props.variables, or export them before cdk8s synth`);',
    '    }',
  ].join('\n');
}

function header(input: WriterInput): string {
  const { plan } = input;
  const lines = [
    'Generated by `cdk8s-pod-patterns import-compose` from:',
    ...input.files.map(f => `  ${f}`),
    'Each compose service is an InitGatedApp; depends_on became waiters (init containers), in compose\'s order.',
    ...(input.kubernetesVersion === undefined || input.kubernetesVersion === KubernetesVersion.DEFAULT ? [] : [
      `For Kubernetes ${input.kubernetesVersion.name}: the chart sets that release; lint its output with --kubernetes-version ${input.kubernetesVersion.name}.`,
    ]),
    '',
    'Start order:',
    ...plan.services.map(s => `  ${s.name}: ${startLine(s)}`),
  ];
  if (plan.oneShots.length > 0) {
    lines.push('', `Run as init containers of their dependents (service_completed_successfully): ${plan.oneShots.join(', ')}`);
  }
  if (plan.buildCommands.length > 0) {
    lines.push('', 'Images built from build: sections; build and push them first, from the project directory:', ...plan.buildCommands.map(c => `  ${c}`));
  }
  if (plan.bindNotes.length > 0) {
    lines.push('', 'Bind mounts (host paths are never read outside the project, and never embedded unless UTF-8 text of the project):', ...plan.bindNotes.map(n => `  ${n}`));
  }
  if (plan.secretCommands.length > 0) {
    lines.push('', 'Secrets (and files not embedded) are referenced by name; create them first, from the project directory:', ...plan.secretCommands.map(c => `  ${c}`));
  }
  lines.push('', plan.warnings.length === 0 ? 'Everything in the compose files was carried over.' : 'Not carried over:', ...plan.warnings.map(w => `  - ${w}`));
  return comment(lines, '') + '\n';
}

function startLine(s: ServicePlan): string {
  const waits = s.waitFor.map(w => (w.kind === 'tcp' ? `${w.host}:${w.port} accepts connections (${w.because})` : `${w.name} has a ready endpoint (${w.because})`));
  const inits = s.initContainers.map(c => `${c.name} completed`);
  const steps = [...waits, ...inits];
  return steps.length === 0 ? 'starts at once' : `after ${steps.join(', then ')}`;
}

function writeVolume(volume: VolumePlan, imports: Imports): string {
  // Construct ids start with an upper-case kind: service ids are lower-case DNS labels, so the two never collide.
  const name = literal(volume.name);
  const id = (kind: string) => literal(`${kind}-${volume.name}`);
  switch (volume.kind) {
    case 'claim': {
      const claim = volume.external
        ? `kplus.PersistentVolumeClaim.fromClaimName(this, ${id('Claim')}, ${name})`
        : `new kplus.PersistentVolumeClaim(this, ${id('Claim')}, ${render(obj([
          ['metadata', obj([['name', name]])],
          ['accessModes', arr(['kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE'])],
          ['storage', size(CLAIM_SIZE_GIB * 1024 ** 3, imports)],
        ]), 4)})`;
      return `    const ${volume.variable} = kplus.Volume.fromPersistentVolumeClaim(this, ${id('ClaimVolume')}, ${claim});\n`;
    }
    case 'empty-dir': {
      const options = obj([
        ['medium', volume.memory ? 'kplus.EmptyDirMedium.MEMORY' : undefined],
        ['sizeLimit', volume.sizeBytes === undefined ? undefined : size(volume.sizeBytes, imports)],
      ]);
      const args = options.entries.length === 0 ? '' : `, ${render(options, 4)}`;
      return `    const ${volume.variable} = kplus.Volume.fromEmptyDir(this, ${literal(`EmptyDir-${volume.id}`)}, ${name}${args});\n`;
    }
    case 'config-map': {
      const map = volume.content === undefined
        ? `kplus.ConfigMap.fromConfigMapName(this, ${id('ConfigMap')}, ${name})`
        : `new kplus.ConfigMap(this, ${id('ConfigMap')}, ${render(obj([
          ['metadata', obj([['name', name]])],
          ['data', obj([[volume.key, literal(volume.content)]])],
        ]), 4)})`;
      return `    const ${volume.variable} = kplus.Volume.fromConfigMap(this, ${id('ConfigMapVolume')}, ${map});\n`;
    }
    case 'secret':
      return `    const ${volume.variable} = kplus.Volume.fromSecret(this, ${id('SecretVolume')}, kplus.Secret.fromSecretName(this, ${id('Secret')}, ${name}));\n`;
  }
}

function writeEnvSecret(secret: EnvSecretPlan): string {
  return `    const ${secret.variable} = kplus.Secret.fromSecretName(this, ${literal(`EnvSecret-${secret.name}`)}, ${literal(secret.name)});\n`;
}

function writeService(s: ServicePlan, imports: Imports): string {
  const restart = `${s.variable.replace(/App$/, '')}Restart`;
  imports.patterns.add('DockerRestart');
  const lines = [
    `${s.composeName}: compose restart ${JSON.stringify(s.restart)} → ${WORKLOAD_NAMES[s.kind]}; ${profileName(s)} because ${s.profileReason}.`,
  ];
  if (s.allowMutableImageTags) lines.push('Its image has no pinned tag (untagged or :latest): kept runnable with allowMutableImageTags; pin a tag or digest.');
  const kind = s.kind === WorkloadKind.DAEMON_SET ? (imports.patterns.add('WorkloadKind'), 'WorkloadKind.DAEMON_SET') : `${restart}.workloadKind`;
  const props = obj([
    ['workload', kind],
    ['restartPolicy', `${restart}.restartPolicy`],
    ['backoffLimit', s.kind === WorkloadKind.JOB ? `${restart}.backoffLimit` : undefined],
    ['replicas', s.replicas === undefined ? undefined : String(s.replicas)],
    ['strategy', s.recreate ? 'kplus.DeploymentStrategy.recreate()' : undefined],
    ['securityProfile', `SecurityProfile.${profileName(s)}`],
    ['allowMutableImageTags', s.allowMutableImageTags ? 'true' : undefined],
    ['podMetadata', s.annotations.length === 0 ? undefined : obj([['annotations', obj(s.annotations.map(([k, v]) => [k, literal(v)]))]])],
    ['podSecurityContext', s.fsGroup === undefined ? undefined : obj([['fsGroup', String(s.fsGroup)]])],
    ['terminationGracePeriod', s.stopGracePeriodSeconds === undefined ? undefined : seconds(s.stopGracePeriodSeconds, imports)],
    ['hostAliases', s.hostAliases.length === 0 ? undefined : arr(s.hostAliases.map(([host, ip]) => obj([['ip', literal(ip)], ['hostnames', arr([literal(host)])]])))],
    ['waitFor', s.waitFor.length === 0 ? undefined : arr(s.waitFor.map(w => waiter(w, imports)))],
    ['initContainers', s.initContainers.length === 0 ? undefined : arr(s.initContainers.map(c => container(c, imports)))],
    ['containers', arr([container(s.container, imports)])],
  ]);
  return comment(lines, '    ')
    + `    const ${restart} = DockerRestart.parse(${literal(s.restart)});\n`
    + `    ${s.service === undefined ? '' : `const ${s.variable} = `}new InitGatedApp(this, ${literal(constructId(s.name))}, ${render(props, 4)});\n`
    + writeKubeService(s, imports);
}

function waiter(w: WaitPlan, imports: Imports): string {
  imports.patterns.add('WaitFor');
  return w.kind === 'tcp' ? `WaitFor.tcp(${literal(w.host)}, ${w.port})` : `WaitFor.serviceName(${literal(w.name)})`;
}

function writeKubeService(s: ServicePlan, imports: Imports): string {
  if (s.service === undefined) return '';
  const portless = s.service.ports.length === 0;
  const ports = portless ? [obj([['port', '1']])] : s.service.ports.map(p => servicePort(p));
  const props = obj([
    ['metadata', obj([['name', literal(s.name)]])],
    ['selector', `${s.variable}.workload`],
    ['clusterIP', s.service.headless ? literal('None') : undefined],
    ['ports', arr(ports)],
  ]);
  const created = `new kplus.Service(this, ${literal(`Service-${s.name}`)}, ${render(props, 4)})`;
  if (!portless) {
    const why = s.service.headless ? comment([`headless: ${s.name} has no TCP port, so dependents wait until its name resolves, i.e. until a Pod is ready`], '    ') : '';
    return `${why}    ${created};\n`;
  }
  imports.cdk8s.add('ApiObject');
  imports.cdk8s.add('JsonPatch');
  return comment([`${s.name} has no port: a headless, portless Service gives dependents a name that resolves once a Pod is ready`,
    '(Kubernetes accepts it; cdk8s-plus needs a placeholder port, removed by the patch)'], '    ')
    + `    ApiObject.of(${created}).addJsonPatch(JsonPatch.remove('/spec/ports'));\n`;
}

function servicePort(p: PortModel): Code {
  return obj([
    ['name', literal(`${p.protocol.toLowerCase()}-${p.containerPort}`)],
    ['port', String(p.containerPort)],
    ['targetPort', String(p.containerPort)],
    ['protocol', `kplus.Protocol.${p.protocol}`],
  ]);
}

function container(c: ContainerPlan, imports: Imports): Code {
  return obj([
    ['name', literal(c.name)],
    ['image', valueOf(c.image, imports, false)],
    ['command', c.command === undefined ? undefined : arr(c.command.map(a => valueOf(kubeExpansionSafe(a), imports, true)))],
    ['args', c.args === undefined ? undefined : arr(c.args.map(a => valueOf(kubeExpansionSafe(a), imports, true)))],
    ['workingDir', c.workingDir === undefined ? undefined : literal(c.workingDir)],
    ['envVariables', c.env.length === 0 ? undefined : obj(c.env.map(([k, v]) => [k, envValue(k, v, c, imports)]))],
    ['securityContext', securityContext(c)],
    ['ports', c.ports.length === 0 ? undefined : arr(c.ports.map(p => obj([['number', String(p.containerPort)], ['protocol', `kplus.Protocol.${p.protocol}`]])))],
    ['readiness', c.readiness === undefined ? undefined : probe(c.readiness, imports)],
    ['volumeMounts', c.mounts.length === 0 ? undefined : arr(c.mounts.map(mount))],
    ['resources', resources(c.resources, imports)],
  ]);
}

/** A string literal, or an expression over the chart's variables `v` when the value holds parameters. */
function valueOf(text: string, imports: Imports, forKubelet: boolean): string {
  if (imports.parameters === undefined || !imports.parameters.hasMarkers(text)) return literal(text);
  if (forKubelet) imports.usesKubeLiteral = true;
  return imports.parameters.expression(text, 'v', forKubelet ? 'kubeLiteral' : undefined);
}

/** A literal value, or a secretKeyRef to the container's env Secret (the value never enters the code). */
function envValue(key: string, value: string | undefined, c: ContainerPlan, imports: Imports): string {
  if (value !== undefined) return `kplus.EnvValue.fromValue(${valueOf(kubeExpansionSafe(value), imports, true)})`;
  return `kplus.EnvValue.fromSecretValue({ secret: ${c.envSecret!.variable}, key: ${literal(key)} })`;
}

/**
 * The kubelet expands `$(VAR)` in command, args and env values, and reads `$$`
 * as `$`: doubling every `$` makes it pass the compose value through unchanged.
 */
export function kubeExpansionSafe(value: string): string {
  return value.replace(/\$/g, '$$$$');
}

function securityContext(c: ContainerPlan): Code | undefined {
  const context = obj([
    ['user', c.uid === undefined ? undefined : String(c.uid)],
    ['group', c.gid === undefined ? undefined : String(c.gid)],
    ['readOnlyRootFilesystem', c.readOnlyRootFilesystem === undefined ? undefined : String(c.readOnlyRootFilesystem)],
    ['privileged', c.privileged ? 'true' : undefined],
    // cdk8s-plus defaults allowPrivilegeEscalation to false, which the API server refuses next to privileged: true
    // (k8s: validation.go ValidateSecurityContext); a privileged container can always escalate anyway.
    ['allowPrivilegeEscalation', c.privileged ? 'true' : undefined],
    ['capabilities', c.capAdd.length + c.capDrop.length === 0 ? undefined : obj([
      ['add', c.capAdd.length === 0 ? undefined : arr(c.capAdd.map(cap => `kplus.Capability.${cap}`))],
      ['drop', c.capDrop.length === 0 ? undefined : arr(c.capDrop.map(cap => `kplus.Capability.${cap}`))],
    ])],
  ]);
  return context.entries.length === 0 ? undefined : context;
}

function probe(h: HealthcheckModel, imports: Imports): string {
  const options = obj([
    ['periodSeconds', seconds(h.intervalSeconds ?? HEALTHCHECK_DEFAULTS.interval, imports)],
    ['timeoutSeconds', seconds(h.timeoutSeconds ?? HEALTHCHECK_DEFAULTS.timeout, imports)],
    ['failureThreshold', String(h.retries ?? HEALTHCHECK_DEFAULTS.retries)],
  ]);
  return `kplus.Probe.fromCommand(${render(arr(h.command.map(literal)), 6)}, ${render(options, 6)})`;
}

function mount(m: MountPlan): Code {
  return obj([
    ['path', literal(m.path)],
    ['volume', m.volume],
    ['readOnly', m.readOnly ? 'true' : undefined],
    ['subPath', m.subPath === undefined ? undefined : literal(m.subPath)],
  ]);
}

function resources(r: ResourcesModel, imports: Imports): Code | undefined {
  const cpu = obj([
    ['request', r.cpuRequestMillis === undefined ? undefined : `kplus.Cpu.millis(${r.cpuRequestMillis})`],
    ['limit', r.cpuLimitMillis === undefined ? undefined : `kplus.Cpu.millis(${r.cpuLimitMillis})`],
  ]);
  const memory = obj([
    ['request', r.memoryRequestBytes === undefined ? undefined : size(r.memoryRequestBytes, imports)],
    ['limit', r.memoryLimitBytes === undefined ? undefined : size(r.memoryLimitBytes, imports)],
  ]);
  const result = obj([['cpu', cpu.entries.length === 0 ? undefined : cpu], ['memory', memory.entries.length === 0 ? undefined : memory]]);
  return result.entries.length === 0 ? undefined : result;
}

/** Bytes as the largest binary unit that divides them (KiB at least, rounded up). */
function size(bytes: number, imports: Imports): string {
  imports.cdk8s.add('Size');
  const units: Array<[string, number]> = [['tebibytes', 1024 ** 4], ['gibibytes', 1024 ** 3], ['mebibytes', 1024 ** 2]];
  const unit = units.find(([, factor]) => bytes % factor === 0);
  return unit === undefined ? `Size.kibibytes(${Math.ceil(bytes / 1024)})` : `Size.${unit[0]}(${bytes / unit[1]})`;
}

/** Whole seconds, at least 1 (the API's unit for probes and grace periods). */
function seconds(value: number, imports: Imports): string {
  imports.cdk8s.add('Duration');
  return `Duration.seconds(${Math.max(1, Math.ceil(value))})`;
}

function profileName(s: ServicePlan): string {
  return s.profile.toUpperCase();
}

/**
 * The construct id of a service's app: its name, unless the name is a property
 * every object has (`constructor`), which the constructs library cannot hold as
 * a child's id. The Kubernetes names stay the service's.
 */
function constructId(name: string): string {
  return name in Object.prototype ? `${name}-app` : name;
}
