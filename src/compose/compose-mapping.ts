import * as path from 'path';
import * as kplus from 'cdk8s-plus-28';
import { ComposeError } from './compose-error';
import { BuildModel, ComposeModel, DependencyCondition, FileReferenceModel, HealthcheckModel, MountModel, PortModel, ResourcesModel, ServiceModel } from './compose-model';
import { looksSecret } from './secret-names';
import { ImageReference } from '../image/image-reference';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { dns1035LabelErrors, DNS1123_LABEL_MAX_LENGTH, dns1123SubdomainErrors, truncateWithHash } from '../names/names';
import { DockerRestart } from '../policy/docker-restart';
import { SecurityProfile } from '../policy/security-profile';
import { WorkloadKind } from '../policy/workload-kind';
import { envNameErrors } from '../rules/validation/env';
import { podValidationOptions } from '../rules/validation/validation-options';

/** How the import is configured (the public options, resolved). */
export interface MappingOptions {
  readonly imageRegistry?: string;
  readonly imageTag: string;
  readonly profile?: SecurityProfile;
  /** The release the cluster runs: what it accepts decides what is carried over (default: 1.28). */
  readonly kubernetesVersion?: KubernetesVersion;
  /** A value holding chart parameters as it is with their defaults, for checks at import. */
  readonly preview?: (text: string) => string;
}

/** A chart-level volume source, declared once and mounted by name. */
export type VolumePlan =
  | { readonly kind: 'claim'; readonly variable: string; readonly name: string; readonly external: boolean }
  | { readonly kind: 'empty-dir'; readonly variable: string; readonly id: string; readonly name: string; readonly memory: boolean; readonly sizeBytes?: number }
  | { readonly kind: 'config-map'; readonly variable: string; readonly name: string; readonly key: string; readonly content?: string; readonly command?: string }
  /** `command` creates it from a project file; without one, it is a compose secret (see `secretCommands`). */
  | { readonly kind: 'secret'; readonly variable: string; readonly name: string; readonly key: string; readonly command?: string };

/** A Secret the user creates, holding the secret environment values of one container. */
export interface EnvSecretPlan {
  readonly variable: string;
  readonly name: string;
  readonly keys: readonly string[];
}

export interface MountPlan {
  readonly volume: string;
  readonly path: string;
  readonly readOnly: boolean;
  readonly subPath?: string;
}

export interface ContainerPlan {
  readonly name: string;
  readonly image: string;
  readonly command?: string[];
  readonly args?: string[];
  /** Variables in order; a secret one (`looksSecret`) has no value here: it is read from `envSecret`. */
  readonly env: ReadonlyArray<readonly [string, string | undefined]>;
  /** The Secret (`<container>-env`) the secret variables are read from, if any. */
  readonly envSecret?: EnvSecretPlan;
  readonly workingDir?: string;
  readonly uid?: number;
  readonly gid?: number;
  /** Set only when it differs from the profile's default. */
  readonly readOnlyRootFilesystem?: boolean;
  readonly capAdd: string[];
  readonly capDrop: string[];
  readonly privileged: boolean;
  readonly ports: PortModel[];
  readonly readiness?: HealthcheckModel;
  readonly mounts: MountPlan[];
  readonly resources: ResourcesModel;
}

export type WaitPlan =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number; readonly because: string }
  | { readonly kind: 'service-name'; readonly name: string; readonly because: string };

export interface ServicePlan {
  readonly composeName: string;
  readonly name: string;
  readonly variable: string;
  readonly restart: string;
  readonly kind: WorkloadKind;
  readonly profile: SecurityProfile;
  readonly profileReason: string;
  readonly allowMutableImageTags: boolean;
  readonly replicas?: number;
  readonly recreate: boolean;
  readonly fsGroup?: number;
  readonly container: ContainerPlan;
  /** One-shot services (`service_completed_successfully`) run first, in order. */
  readonly initContainers: ContainerPlan[];
  readonly waitFor: WaitPlan[];
  /** The Service named after the compose service, if it gets one. */
  readonly service?: { readonly ports: PortModel[]; readonly headless: boolean };
  readonly annotations: ReadonlyArray<readonly [string, string]>;
  readonly stopGracePeriodSeconds?: number;
  readonly hostAliases: ReadonlyArray<readonly [string, string]>;
}

export interface ComposePlan {
  readonly volumes: VolumePlan[];
  readonly services: ServicePlan[];
  /** Services run only as init containers of their dependents. */
  readonly oneShots: string[];
  /** `kubectl` commands that create the secrets (and the ConfigMaps not embedded) the app mounts. */
  readonly secretCommands: string[];
  readonly warnings: string[];
  /** What became of each bind mount, one line each. */
  readonly bindNotes: string[];
  /** `docker build ... && docker push ...` for each image built from a `build:` section. */
  readonly buildCommands: string[];
}

/** Capabilities Pod Security Standards baseline allows to add (k8s: pod-security-admission policy/check_capabilities_baseline.go). */
const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

const PROFILE_STRENGTH: Record<SecurityProfile, number> = {
  [SecurityProfile.PRIVILEGED]: 0,
  [SecurityProfile.BASELINE]: 1,
  [SecurityProfile.RESTRICTED]: 2,
};

/** Turns the validated model into the constructs to write; throws `ComposeError` when a service cannot be converted. */
export function planCompose(model: ComposeModel, options: MappingOptions): ComposePlan {
  const warnings = [...model.warnings];
  const names = serviceNames(model, warnings);
  const variables = new Identifiers();
  const volumes = new VolumeRegistry(variables, model);
  const oneShots = new Set(model.services.flatMap(s => s.dependsOn.filter(d => d.condition === 'service_completed_successfully').map(d => d.service)));
  const byName = new Map(model.services.map(s => [s.name, s]));
  const containers = new Map(model.services.map(s => [s.name, planContainer(s, names.get(s.name)!, volumes, options, warnings, variables)]));
  const dependedOn = new Set(model.services.filter(s => !oneShots.has(s.name)).flatMap(s => s.dependsOn.map(d => d.service)));
  const plans = startOrder(model.services).filter(s => !oneShots.has(s.name)).map(service => {
    const initServices = oneShotsOf(service, byName, oneShots);
    const pod = [service, ...initServices];
    const profile = options.profile ?? pod.map(s => inferProfile(s).profile).reduce((a, b) => (PROFILE_STRENGTH[a] <= PROFILE_STRENGTH[b] ? a : b));
    const container = containers.get(service.name)!;
    const kind = workloadKind(service, warnings);
    const mounts = [container, ...initServices.map(s => containers.get(s.name)!)].flatMap(c => c.mounts);
    const hasPorts = service.ports.length > 0;
    const writes = mounts.some(m => !m.readOnly && volumes.isClaim(m.volume));
    const plan: ServicePlan = {
      composeName: service.name,
      name: names.get(service.name)!,
      variable: variables.unique(`${camel(names.get(service.name)!)}App`),
      restart: service.restart,
      kind,
      profile,
      profileReason: options.profile !== undefined ? 'chosen with --profile' : inferProfile(service).reason,
      allowMutableImageTags: pod.some(s => isMutable(containers.get(s.name)!.image, s, options)),
      replicas: kind === WorkloadKind.DEPLOYMENT ? service.replicas : undefined,
      recreate: kind === WorkloadKind.DEPLOYMENT && mounts.some(m => volumes.isClaim(m.volume)),
      fsGroup: writes ? service.gid ?? service.uid : undefined,
      container: withProfileDefaults(container, service, profile),
      initContainers: initServices.map(s => withProfileDefaults(containers.get(s.name)!, s, profile)),
      waitFor: uniqueWaits([...initServices, service].flatMap(s => s.dependsOn
        .filter(d => !oneShots.has(d.service))
        .map(d => waitPlan(byName.get(d.service)!, d.condition, names, warnings)))),
      service: hasPorts || dependedOn.has(service.name) ? { ports: service.ports, headless: !service.ports.some(p => p.protocol === 'TCP') } : undefined,
      annotations: annotations(service, warnings),
      stopGracePeriodSeconds: service.stopGracePeriodSeconds,
      hostAliases: service.extraHosts,
    };
    notePorts(service, warnings);
    if (service.replicas !== undefined && kind !== WorkloadKind.DEPLOYMENT) warn(warnings, service, 'deploy.replicas', `not carried over: a ${kind} has no replicas (restart ${JSON.stringify(service.restart)})`);
    if (plan.replicas !== undefined && plan.replicas > 1 && plan.recreate) {
      warn(warnings, service, 'deploy.replicas', `${plan.replicas} replicas share its named volume(s) through one ReadWriteOnce claim, which mounts on one node only: `
        + 'replicas scheduled elsewhere stay in ContainerCreating (Multi-Attach); give the claim a ReadWriteMany StorageClass or run one replica');
    }
    return plan;
  });
  for (const name of oneShots) {
    const s = byName.get(name)!;
    if (s.ports.length > 0) warn(warnings, s, 'ports', 'not carried over: a one-shot service (service_completed_successfully) runs as an init container and gets no Service');
    if (s.healthcheck !== undefined) warn(warnings, s, 'healthcheck', 'not carried over: init containers have no probes');
  }
  for (const s of model.services.filter(service => isMutable(containers.get(service.name)!.image, service, options))) {
    warn(warnings, s, s.build ? 'build' : 'image', `${JSON.stringify(containers.get(s.name)!.image)} has no pinned tag (untagged or :latest): kept runnable with allowMutableImageTags; pin a tag or digest`);
  }
  checkSharedClaims(volumes, plans, warnings);
  const envSecrets = [...containers.values()].flatMap(c => (c.envSecret === undefined ? [] : [envSecretCommand(c.envSecret)]));
  const commands = [...secretCommands(model, volumes), ...envSecrets];
  const buildCommands = model.services.flatMap(s => (s.buildSpec === undefined ? [] : [buildCommand(s.buildSpec, containers.get(s.name)!.image)]));
  return {
    volumes: volumes.all(), services: plans, oneShots: [...oneShots], secretCommands: commands, warnings, bindNotes: model.bindNotes, buildCommands,
  };
}

function warn(warnings: string[], service: ServiceModel, key: string, reason: string): void {
  warnings.push(`${service.file}: service "${service.name}": ${key}: ${reason}`);
}

/** Compose name → DNS-1035 Service name; `front_end` → `front-end`, reported. */
function serviceNames(model: ComposeModel, warnings: string[]): Map<string, string> {
  const names = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const service of model.services) {
    const name = service.name.toLowerCase().replace(/[_.]/g, '-');
    const errors = dns1035LabelErrors(name);
    if (errors.length > 0) {
      throw new ComposeError(service.file, service.name, 'name', `cannot be normalised to a Kubernetes Service name (${JSON.stringify(name)} ${errors[0]}): rename the service, e.g. to start with a letter`);
    }
    const clash = owners.get(name);
    if (clash !== undefined) throw new ComposeError(service.file, service.name, 'name', `normalises to ${JSON.stringify(name)}, like service "${clash}": rename one of them`);
    owners.set(name, service.name);
    if (name !== service.name) {
      warn(warnings, service, 'name', `renamed to ${JSON.stringify(name)} (a Service name is a DNS-1035 label): containers that reach it as ${JSON.stringify(service.name)} must use ${JSON.stringify(name)}`);
    }
    names.set(service.name, name);
  }
  return names;
}

/** Dependencies first, then file order: the order compose starts them in. */
function startOrder(services: ServiceModel[]): ServiceModel[] {
  const byName = new Map(services.map(s => [s.name, s]));
  const ordered: ServiceModel[] = [];
  const seen = new Set<string>();
  const visit = (s: ServiceModel): void => {
    if (seen.has(s.name)) return;
    seen.add(s.name);
    s.dependsOn.forEach(d => visit(byName.get(d.service)!));
    ordered.push(s);
  };
  services.forEach(visit);
  return ordered;
}

/** The one-shot services a service depends on, directly or through other one-shots, dependencies first. */
function oneShotsOf(service: ServiceModel, byName: Map<string, ServiceModel>, oneShots: Set<string>): ServiceModel[] {
  const result: ServiceModel[] = [];
  const visit = (s: ServiceModel): void => {
    for (const dep of s.dependsOn.filter(d => oneShots.has(d.service))) {
      const target = byName.get(dep.service)!;
      visit(target);
      if (!result.includes(target)) result.push(target);
    }
  };
  visit(service);
  return result;
}

/** The strongest profile the compose definition shows the service runs under, and why. */
export function inferProfile(service: ServiceModel): { profile: SecurityProfile; reason: string } {
  const beyondBaseline = service.capAdd.filter(c => !BASELINE_CAPABILITIES.has(c));
  if (service.privileged) return { profile: SecurityProfile.PRIVILEGED, reason: 'compose runs it privileged' };
  if (beyondBaseline.length > 0) return { profile: SecurityProfile.PRIVILEGED, reason: `it adds ${beyondBaseline.join(', ')}, beyond what baseline allows` };
  const nonRoot = service.uid !== undefined && service.uid !== 0;
  if (nonRoot && service.capAdd.every(c => c === 'NET_BIND_SERVICE')) return { profile: SecurityProfile.RESTRICTED, reason: `it declares the non-root user ${service.uid}` };
  const why = service.uid === 0 ? 'it declares user 0 (root)' : 'it runs as its image\'s user, which may be root';
  return {
    profile: SecurityProfile.BASELINE,
    reason: `${why}; to tighten it, give the service a numeric non-root user (user: "1000:1000") and re-import, or set securityProfile: SecurityProfile.RESTRICTED with securityContext.user`,
  };
}

function workloadKind(service: ServiceModel, warnings: string[]): WorkloadKind {
  let restart: DockerRestart;
  try {
    restart = DockerRestart.parse(service.restart);
  } catch (e) {
    throw new ComposeError(service.file, service.name, 'restart', (e as Error).message);
  }
  if (service.global && restart.workloadKind === WorkloadKind.DEPLOYMENT) return WorkloadKind.DAEMON_SET;
  if (service.global) warn(warnings, service, 'deploy.mode', `not carried over: global mode needs a restarting service, and restart is ${JSON.stringify(service.restart)}`);
  return restart.workloadKind;
}

/**
 * Whether the release's API server accepts `name` as an env var name (k8s:
 * validation.go ValidateEnv: IsEnvVarName, or IsRelaxedEnvVarName where
 * RelaxedEnvironmentVariableValidation is on, from 1.32): the validation's own checks.
 */
function isEnvVarName(name: string, version: KubernetesVersion): boolean {
  return envNameErrors(name, podValidationOptions(version).allowRelaxedEnvironmentVariableValidation).length === 0;
}

const KNOWN_CAPABILITIES = new Set(Object.keys(kplus.Capability));

function planContainer(
  service: ServiceModel, name: string, volumes: VolumeRegistry, options: MappingOptions, warnings: string[], ids: Identifiers,
): ContainerPlan {
  for (const [key, caps] of [['cap_add', service.capAdd], ['cap_drop', service.capDrop]] as const) {
    const unknown = caps.find(c => !KNOWN_CAPABILITIES.has(c));
    if (unknown !== undefined) throw new ComposeError(service.file, service.name, key, `${JSON.stringify(unknown)} is not a Linux capability: use a name such as NET_ADMIN`);
  }
  const env = service.environment.filter(([key]) => {
    const valid = isEnvVarName(key, options.kubernetesVersion ?? KubernetesVersion.DEFAULT);
    if (!valid) warn(warnings, service, `environment.${key}`, 'not carried over: not a valid Kubernetes environment variable name');
    return valid;
  });
  const secretKeys = env.filter(([key, value]) => looksSecret(key, value)).map(([key]) => key);
  const envSecret = secretKeys.length === 0 ? undefined : {
    variable: ids.unique(`${camel(name)}EnvSecret`),
    name: truncateWithHash(`${name}-env`, DNS1123_LABEL_MAX_LENGTH),
    keys: secretKeys,
  };
  if (envSecret !== undefined) {
    warn(warnings, service, 'environment', `${secretKeys.join(', ')}: named like secrets, so their values are NOT written into the code; `
      + `they are read from the Secret ${JSON.stringify(envSecret.name)} (secretKeyRef), which you create with the command in the header`);
  }
  return {
    name,
    image: imageOf(service, name, options),
    command: service.entrypoint,
    args: service.command,
    env: env.map(([key, value]) => [key, secretKeys.includes(key) ? undefined : value] as const),
    envSecret,
    workingDir: service.workingDir,
    uid: service.uid,
    gid: service.gid,
    capAdd: service.capAdd,
    capDrop: service.capDrop,
    privileged: service.privileged,
    ports: service.ports,
    readiness: service.healthcheck,
    mounts: [
      ...service.mounts.flatMap(m => volumes.mount(service, name, m, warnings) ?? []),
      ...service.secrets.map(r => volumes.secret(r)),
      ...service.configs.map(r => volumes.config(service, r)),
    ],
    resources: service.resources,
  };
}

/** Root filesystem: read-only only when compose says so (RESTRICTED defaults it on, BASELINE off). */
function withProfileDefaults(container: ContainerPlan, service: ServiceModel, profile: SecurityProfile): ContainerPlan {
  const readOnlyByDefault = profile === SecurityProfile.RESTRICTED;
  return { ...container, readOnlyRootFilesystem: service.readOnly === readOnlyByDefault ? undefined : service.readOnly };
}

function imageOf(service: ServiceModel, name: string, options: MappingOptions): string {
  if (!service.build) return service.image!;
  if (options.imageRegistry === undefined) {
    throw new ComposeError(service.file, service.name, 'build', 'has no image: give it an image:, or pass --image-registry PREFIX to use PREFIX/<service>:<tag>');
  }
  return `${options.imageRegistry.replace(/\/+$/, '')}/${name}:${options.imageTag}`;
}

function isMutable(image: string, service: ServiceModel, options: MappingOptions): boolean {
  try {
    return ImageReference.parse(options.preview?.(image) ?? image, options.kubernetesVersion ?? KubernetesVersion.DEFAULT).isMutable;
  } catch (e) {
    throw new ComposeError(service.file, service.name, service.build ? 'build' : 'image', (e as Error).message);
  }
}

/**
 * A dependency's waiter. `service_healthy` on a service with no healthcheck in
 * the compose files is not an error for compose, which then uses the image's
 * HEALTHCHECK (unknown here): the waiter only sees the Service's readiness.
 */
function waitPlan(dependency: ServiceModel, condition: DependencyCondition, names: Map<string, string>, warnings: string[]): WaitPlan {
  const name = names.get(dependency.name)!;
  const tcp = dependency.ports.find(p => p.protocol === 'TCP');
  if (condition === 'service_healthy' && dependency.healthcheck === undefined && !warnings.some(w => w.includes(`service "${dependency.name}": healthcheck: service_healthy`))) {
    warn(warnings, dependency, 'healthcheck', `service_healthy is required by a dependent, but "${dependency.name}" has no healthcheck here (compose would use its image's HEALTHCHECK, `
      + 'which the import cannot see): dependents wait for it to accept connections (or to be ready) only; add a healthcheck to wait for health');
  }
  if (tcp === undefined) return { kind: 'service-name', name, because: condition };
  return { kind: 'tcp', host: name, port: tcp.containerPort, because: condition };
}

/** One waiter per dependency, the first reason kept. */
function uniqueWaits(waits: WaitPlan[]): WaitPlan[] {
  const seen = new Set<string>();
  return waits.filter(w => {
    const key = w.kind === 'tcp' ? `${w.host}:${w.port}` : w.name;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function annotations(service: ServiceModel, warnings: string[]): Array<readonly [string, string]> {
  return service.labels.filter(([key]) => {
    const [prefix, local] = key.includes('/') ? key.split(/\/(.*)/s) : [undefined, key];
    const ok = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(local) && local.length <= 63 && (prefix === undefined || dns1123SubdomainErrors(prefix).length === 0);
    if (!ok) warn(warnings, service, `labels.${key}`, 'not carried over: not a valid Kubernetes annotation key');
    return ok;
  });
}

function notePorts(service: ServiceModel, warnings: string[]): void {
  for (const port of service.ports.filter(p => p.published !== undefined && p.published !== '')) {
    warn(warnings, service, 'ports', `host port ${JSON.stringify(port.published)} → ${port.containerPort}/${port.protocol.toLowerCase()} not carried over: the Service is cluster-internal; reach it with kubectl port-forward, an Ingress or a LoadBalancer`);
  }
}

/** A claim mounted by several Pods (not by several containers of one Pod, which share its node). */
function checkSharedClaims(volumes: VolumeRegistry, plans: ServicePlan[], warnings: string[]): void {
  for (const volume of volumes.all()) {
    if (volume.kind !== 'claim') continue;
    const users = plans.filter(p => [p.container, ...p.initContainers].some(c => c.mounts.some(m => m.volume === volume.variable))).map(p => p.name);
    if (users.length > 1) {
      warnings.push(`volumes.${volume.name}: shared by ${users.join(', ')}: a ReadWriteOnce claim mounts on one node only; give it a ReadWriteMany StorageClass or keep them on one node`);
    }
  }
}

function secretCommands(model: ComposeModel, volumes: VolumeRegistry): string[] {
  const fromFiles = volumes.all().flatMap(v => (v.kind === 'secret' || v.kind === 'config-map') && v.command !== undefined ? [v.command] : []);
  return [...fromFiles, ...volumes.all().filter((v): v is Extract<VolumePlan, { kind: 'secret' }> => v.kind === 'secret' && v.command === undefined).map(v => {
    const secret = model.secrets.get(v.key)!;
    if (secret.external !== undefined) return `# ${v.name}: external in compose: it must already exist, with the key ${v.key}`;
    const from = secret.file !== undefined
      ? `--from-file=${shellQuote(`${v.key}=${secret.file}`)}`
      : `--from-literal=${shellQuote(`${v.key}=`)}"$${secret.environment}"`;
    return `kubectl create secret generic ${v.name} ${from}`;
  })];
}

/** Creates the Secret from shell variables of the same names, so that no value is written anywhere by the import. */
function envSecretCommand(secret: EnvSecretPlan): string {
  return `kubectl create secret generic ${secret.name} ${secret.keys.map(k => `--from-literal=${shellQuote(`${k}=`)}"$${k}"`).join(' ')}`;
}

/**
 * The commands `docker compose build && docker compose push` would run for one
 * service: compose reads `dockerfile` relative to the context, `docker build -f`
 * relative to the working directory (the project directory here).
 */
function buildCommand(build: BuildModel, image: string): string {
  const remote = /^[a-z]+:\/\//i.test(build.context) || build.context.startsWith('git@');
  const relativeToContext = build.dockerfile !== undefined && !remote && !path.isAbsolute(build.dockerfile);
  const dockerfile = relativeToContext ? path.join(build.context, build.dockerfile!) : build.dockerfile;
  const words = [
    'docker build -t', shellQuote(image),
    ...(dockerfile === undefined ? [] : ['-f', shellQuote(dockerfile)]),
    ...(build.target === undefined ? [] : ['--target', shellQuote(build.target)]),
    shellQuote(build.context),
    '&& docker push', shellQuote(image),
  ];
  return words.join(' ');
}

/** A word the shell reads back as it is. */
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./=:@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, '\'\\\'\'')}'`;
}

/** `front-end` → `frontEnd`. */
function camel(name: string): string {
  return name.replace(/-+([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/-/g, '');
}

/** Unique TypeScript identifiers. */
class Identifiers {
  private readonly used = new Set<string>();
  public unique(base: string): string {
    let name = /^[a-zA-Z_]/.test(base) ? base : `v${base}`;
    for (let n = 2; this.used.has(name); n++) name = `${base}${n}`;
    this.used.add(name);
    return name;
  }
}

/** Volumes declared once per source, named for Kubernetes. */
class VolumeRegistry {
  private readonly volumes = new Map<string, VolumePlan>();

  public constructor(private readonly variables: Identifiers, private readonly model: ComposeModel) {}

  public all(): VolumePlan[] {
    return [...this.volumes.values()];
  }

  public isClaim(variable: string): boolean {
    return this.find(variable)?.kind === 'claim';
  }

  /** The mount, or undefined for a bind that is not mounted at all. */
  public mount(service: ServiceModel, owner: string, mount: MountModel, warnings: string[]): MountPlan | undefined {
    switch (mount.kind) {
      case 'volume': {
        const plan = this.declare(`claim:${mount.volume}`, () => ({
          kind: 'claim',
          variable: this.variables.unique(`${camel(slug(mount.volume))}Volume`),
          name: slug(mount.volume),
          external: this.model.volumes.get(mount.volume)!.external,
        }));
        return { volume: plan.variable, path: mount.target, readOnly: mount.readOnly };
      }
      case 'bind-file': {
        if (!mount.readOnly) warn(warnings, service, 'volumes', `bind mount ${JSON.stringify(mount.source)} → ${JSON.stringify(mount.target)} becomes a read-only ConfigMap: writes to it fail`);
        const key = configKey(path.basename(mount.source));
        const name = truncateWithHash(`${owner}-${slug(path.basename(mount.source))}`, DNS1123_LABEL_MAX_LENGTH);
        // one ConfigMap per project file, whoever mounts it (a one-shot and its dependent often both do)
        const plan = this.declare(`file:${path.normalize(mount.source)}`, () => ({ kind: 'config-map', variable: this.variables.unique(`${camel(name)}File`), name, key, content: mount.content }));
        return { volume: plan.variable, path: mount.target, readOnly: true, subPath: key };
      }
      case 'bind-reference': {
        const key = configKey(path.basename(mount.relative));
        const name = truncateWithHash(`file-${slug(mount.relative)}`, DNS1123_LABEL_MAX_LENGTH);
        const from = `--from-file=${shellQuote(`${key}=${mount.relative}`)}`;
        const plan = this.declare(`file-ref:${mount.relative}`, () => (mount.secret
          ? { kind: 'secret', variable: this.variables.unique(`${camel(name)}Secret`), name, key, command: `kubectl create secret generic ${name} ${from}` }
          : { kind: 'config-map', variable: this.variables.unique(`${camel(name)}Config`), name, key, command: `kubectl create configmap ${name} ${from}` }));
        return { volume: plan.variable, path: mount.target, readOnly: true, subPath: key };
      }
      case 'bind-claim': {
        const source = path.normalize(mount.source).replace(/(.)\/+$/, '$1');
        const plan = this.declare(`claim:bind:${source}`, () => {
          const name = truncateWithHash(`host-${slug(source)}`, DNS1123_LABEL_MAX_LENGTH);
          return { kind: 'claim', variable: this.variables.unique(`${camel(name)}Volume`), name, external: false };
        });
        return { volume: plan.variable, path: mount.target, readOnly: false };
      }
      case 'bind-skipped':
        return undefined;
      default: {
        // the owner is in the name: a one-shot folded into its dependent's Pod may use the same target
        const prefix = mount.kind === 'tmpfs' ? 'tmpfs' : 'scratch';
        const name = truncateWithHash(`${prefix}-${owner}-${slug(mount.target)}`, DNS1123_LABEL_MAX_LENGTH);
        const plan = this.declare(`dir:${owner}:${mount.target}`, () => ({
          kind: 'empty-dir',
          variable: this.variables.unique(camel(name)),
          id: name,
          name,
          memory: mount.kind === 'tmpfs',
          sizeBytes: mount.kind === 'tmpfs' ? mount.sizeBytes : undefined,
        }));
        return { volume: plan.variable, path: mount.target, readOnly: false };
      }
    }
  }

  public secret(ref: FileReferenceModel): MountPlan {
    const name = slug(this.model.secrets.get(ref.source)!.external ?? ref.source);
    const plan = this.declare(`secret:${ref.source}`, () => ({ kind: 'secret', variable: this.variables.unique(`${camel(slug(ref.source))}Secret`), name, key: ref.source }));
    return { volume: plan.variable, path: ref.target, readOnly: true, subPath: ref.source };
  }

  public config(service: ServiceModel, ref: FileReferenceModel): MountPlan {
    const config = this.model.configs.get(ref.source)!;
    const key = configKey(ref.source);
    const name = slug(config.external ?? ref.source);
    const from = config.fromFile === undefined ? undefined : `--from-file=${shellQuote(`${key}=${config.fromFile.path}`)}`;
    const plan = this.declare(`config:${ref.source}`, () => (config.fromFile?.secret
      ? { kind: 'secret', variable: this.variables.unique(`${camel(slug(ref.source))}Config`), name, key, command: `kubectl create secret generic ${name} ${from}` }
      : {
        kind: 'config-map',
        variable: this.variables.unique(`${camel(slug(ref.source))}Config`),
        name,
        key,
        content: config.content,
        command: from === undefined ? undefined : `kubectl create configmap ${name} ${from}`,
      }));
    void service;
    return { volume: plan.variable, path: ref.target, readOnly: true, subPath: key };
  }

  private find(variable: string): VolumePlan | undefined {
    return this.all().find(v => v.variable === variable);
  }

  private declare(key: string, create: () => VolumePlan): VolumePlan {
    const existing = this.volumes.get(key);
    if (existing !== undefined) return existing;
    const plan = create();
    const clash = plan.kind === 'empty-dir' ? undefined : this.all().find(v => v.kind === plan.kind && v.name === plan.name);
    if (clash !== undefined) {
      const file = this.model.files[this.model.files.length - 1];
      throw new ComposeError(file, undefined, key.replace(/^[^:]+:/, ''), `its Kubernetes name ${JSON.stringify(plan.name)} is also the name of another ${plan.kind}: rename one of them`);
    }
    this.volumes.set(key, plan);
    return plan;
  }
}

/** Any name → a DNS-1123 label (lowercase, `-` for the rest, hashed when long). */
function slug(text: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'root';
  return truncateWithHash(s, DNS1123_LABEL_MAX_LENGTH);
}

/** A ConfigMap/Secret key: `[-._a-zA-Z0-9]+`. */
function configKey(text: string): string {
  return text.replace(/[^-._a-zA-Z0-9]/g, '_') || 'file';
}
