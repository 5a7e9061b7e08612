import * as path from 'path';
import { ComposeError } from './compose-error';
import { isMapping, listToMapping, readText } from './compose-file';
import { asText, asTextList, Fail, parseBytes, parseCpus, parseDuration, parsePortNumber } from './compose-values';
import { envFileExpander, parseEnvFile } from './env-file';
import { EMBED_MAX_BYTES, judgeFile, resolveHostPath } from './host-files';
import { Variables } from './interpolation';
import { splitShellWords } from './shell-words';

/** A port the container listens on. */
export interface PortModel {
  readonly containerPort: number;
  readonly protocol: 'TCP' | 'UDP';
  /** The host side of a `ports` entry, dropped on import. */
  readonly published?: string;
}

export type DependencyCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface DependencyModel {
  readonly service: string;
  readonly condition: DependencyCondition;
  /** `required: false`: a missing service is skipped, as compose does. */
  readonly required: boolean;
}

/** A healthcheck as exec arguments, times in seconds. */
export interface HealthcheckModel {
  readonly command: string[];
  readonly intervalSeconds?: number;
  readonly timeoutSeconds?: number;
  readonly retries?: number;
  readonly startPeriodSeconds?: number;
}

export type MountModel =
  | { readonly kind: 'volume'; readonly volume: string; readonly target: string; readonly readOnly: boolean }
  | { readonly kind: 'anonymous'; readonly target: string }
  /** A project file whose text is embedded (a ConfigMap built from it). */
  | { readonly kind: 'bind-file'; readonly source: string; readonly content: string; readonly target: string; readonly readOnly: boolean }
  /** A project file referenced by name, never embedded: the user creates the Secret or ConfigMap from `relative`. */
  | { readonly kind: 'bind-reference'; readonly source: string; readonly relative: string; readonly target: string; readonly secret: boolean }
  /** A read-write bind holding data: a claim shared by every bind of the same source. */
  | { readonly kind: 'bind-claim'; readonly source: string; readonly target: string }
  /** Not mounted at all: the image's own content at the target stays. */
  | { readonly kind: 'bind-skipped'; readonly source: string; readonly target: string }
  | { readonly kind: 'tmpfs'; readonly target: string; readonly sizeBytes?: number };

/** What `docker build` needs to build a service's image. */
export interface BuildModel {
  /** Relative to the project directory (`.` for itself), or a URL. */
  readonly context: string;
  readonly dockerfile?: string;
  readonly target?: string;
}

/** A secret or config mounted into the container. */
export interface FileReferenceModel {
  readonly source: string;
  readonly target: string;
}

export interface ResourcesModel {
  readonly cpuLimitMillis?: number;
  readonly memoryLimitBytes?: number;
  readonly cpuRequestMillis?: number;
  readonly memoryRequestBytes?: number;
}

export interface ServiceModel {
  readonly name: string;
  /** The last file that defines or overrides the service. */
  readonly file: string;
  readonly image?: string;
  /** Runs an image built from `build:` (it has no `image:`). */
  readonly build: boolean;
  /** The `build:` section, whether or not an `image:` names what it builds. */
  readonly buildSpec?: BuildModel;
  readonly entrypoint?: string[];
  readonly command?: string[];
  /** Variables in compose's order: env_file first, then environment (which wins). */
  readonly environment: ReadonlyArray<readonly [string, string]>;
  readonly workingDir?: string;
  readonly uid?: number;
  readonly gid?: number;
  readonly readOnly: boolean;
  readonly capAdd: string[];
  readonly capDrop: string[];
  readonly privileged: boolean;
  readonly mounts: MountModel[];
  readonly secrets: FileReferenceModel[];
  readonly configs: FileReferenceModel[];
  readonly ports: PortModel[];
  dependsOn: DependencyModel[];
  readonly healthcheck?: HealthcheckModel;
  /** A `--restart` value: `restart`, or `deploy.restart_policy` translated. */
  readonly restart: string;
  readonly replicas?: number;
  readonly global: boolean;
  readonly resources: ResourcesModel;
  readonly labels: ReadonlyArray<readonly [string, string]>;
  readonly stopGracePeriodSeconds?: number;
  readonly extraHosts: ReadonlyArray<readonly [string, string]>;
}

export interface SecretModel {
  readonly name: string;
  readonly file?: string;
  readonly environment?: string;
  readonly external?: string;
}

export interface ConfigModel {
  readonly name: string;
  readonly content?: string;
  readonly external?: string;
  /** A file that is not embedded: the user creates the ConfigMap (or Secret) from it. */
  readonly fromFile?: { readonly path: string; readonly secret: boolean };
}

export interface ComposeModel {
  readonly name?: string;
  readonly projectDir: string;
  readonly files: readonly string[];
  readonly services: ServiceModel[];
  readonly secrets: ReadonlyMap<string, SecretModel>;
  readonly configs: ReadonlyMap<string, ConfigModel>;
  readonly volumes: ReadonlyMap<string, { readonly external: boolean }>;
  /** Everything not carried over, one line each, naming file, service and key. */
  readonly warnings: string[];
  /** What became of each bind mount, one line each (for the header). */
  readonly bindNotes: string[];
}

const HANDLED_KEYS = new Set([
  'image', 'build', 'command', 'entrypoint', 'environment', 'env_file', 'working_dir', 'user', 'read_only', 'cap_add', 'cap_drop',
  'privileged', 'tmpfs', 'volumes', 'secrets', 'configs', 'ports', 'expose', 'depends_on', 'healthcheck', 'restart', 'deploy', 'labels',
  'stop_grace_period', 'extra_hosts',
]);

/** Compose-spec service keys with no faithful Kubernetes counterpart here, and why. */
const IGNORED_KEYS: Record<string, string> = {
  networks: 'every Pod of a namespace shares one network; Services give the names (use a NetworkPolicy to isolate)',
  network_mode: 'every Pod of a namespace shares one network',
  links: 'Services named after each compose service already resolve; link aliases are not created',
  external_links: 'external containers are not part of the app',
  container_name: 'the Service and workload are named after the compose service',
  hostname: 'Pods get their own host name',
  domainname: 'Pods get their own domain name',
  profiles: 'every service is imported, whatever its compose profile',
  logging: 'container logs go to the cluster\'s log pipeline',
  dns: 'Pods use the cluster DNS',
  dns_search: 'Pods use the cluster DNS',
  dns_opt: 'Pods use the cluster DNS',
  ulimits: 'Kubernetes has no per-container ulimits',
  sysctls: 'sysctls are Pod-level and mostly unsafe under Pod Security Standards',
  devices: 'devices need a device plugin',
  device_cgroup_rules: 'no Kubernetes counterpart',
  gpus: 'GPUs need a device plugin and resource limits',
  security_opt: 'set seccomp/AppArmor through the security profile instead',
  cgroup: 'no Kubernetes counterpart',
  cgroup_parent: 'no Kubernetes counterpart',
  pid: 'host PID namespaces are forbidden by Pod Security Standards baseline',
  ipc: 'no Kubernetes counterpart',
  uts: 'no Kubernetes counterpart',
  userns_mode: 'no Kubernetes counterpart',
  isolation: 'no Kubernetes counterpart',
  runtime: 'use a RuntimeClass',
  platform: 'use node selectors',
  init: 'Kubernetes runs no init process; use shareProcessNamespace for zombie reaping',
  shm_size: 'mount an emptyDir with medium Memory at /dev/shm',
  stdin_open: 'no interactive terminal',
  tty: 'no interactive terminal',
  stop_signal: 'Kubernetes sends SIGTERM',
  pull_policy: 'the pull policy is computed from the image reference',
  mem_limit: 'use deploy.resources.limits.memory',
  memswap_limit: 'no swap limit in Kubernetes 1.28',
  mem_reservation: 'use deploy.resources.reservations.memory',
  mem_swappiness: 'no Kubernetes counterpart',
  cpus: 'use deploy.resources.limits.cpus',
  cpu_shares: 'use deploy.resources',
  cpu_quota: 'use deploy.resources',
  cpu_period: 'use deploy.resources',
  cpuset: 'no Kubernetes counterpart',
  cpu_count: 'use deploy.resources',
  cpu_percent: 'use deploy.resources',
  cpu_rt_runtime: 'no Kubernetes counterpart',
  cpu_rt_period: 'no Kubernetes counterpart',
  blkio_config: 'no Kubernetes counterpart',
  oom_kill_disable: 'no Kubernetes counterpart',
  oom_score_adj: 'no Kubernetes counterpart',
  pids_limit: 'no per-container PID limit in Kubernetes',
  scale: 'use deploy.replicas',
  group_add: 'no supplemental groups are carried over',
  mac_address: 'no Kubernetes counterpart',
  storage_opt: 'no Kubernetes counterpart',
  volumes_from: 'share volumes by naming them',
  credential_spec: 'Windows only',
  develop: 'compose watch is a development feature',
  annotations: 'container annotations have no Pod counterpart',
  attach: 'no Kubernetes counterpart',
  post_start: 'use a postStart lifecycle hook by hand',
  pre_stop: 'use a preStop lifecycle hook by hand',
  label_file: 'labels are not carried over from files',
  use_api_socket: 'no Docker socket in a cluster',
  models: 'no Kubernetes counterpart',
  provider: 'no Kubernetes counterpart',
  driver_opts: 'no Kubernetes counterpart',
  expose_ports: 'no Kubernetes counterpart',
};

const DEPLOY_IGNORED = new Set(['placement', 'update_config', 'rollback_config', 'endpoint_mode', 'labels']);

interface Context {
  readonly projectDir: string;
  /** What `env_file` values are interpolated with: the environment over the project's `.env`. */
  readonly variables: Variables;
  readonly file: string;
  readonly service: string;
  readonly warnings: string[];
  readonly volumes: ReadonlyMap<string, unknown>;
  readonly secrets: ReadonlyMap<string, unknown>;
  readonly configs: ReadonlyMap<string, unknown>;
  readonly bindNotes: string[];
  /** The restart policy of a service that sets none. */
  readonly defaultRestart: string;
}

/** The merged document as a validated model; throws `ComposeError` for anything that cannot be converted faithfully. */
export function buildModel(
  document: Record<string, any>,
  projectDir: string,
  files: readonly string[],
  serviceFiles: ReadonlyMap<string, string>,
  variables: Variables = {},
  defaultRestart = 'no',
): ComposeModel {
  const warnings: string[] = [];
  const bindNotes: string[] = [];
  const lastFile = files[files.length - 1];
  if (document.version !== undefined) warnings.push(`${lastFile}: version: not carried over (obsolete in the compose specification, which reads every file the same way)`);
  for (const key of Object.keys(document).filter(k => k.startsWith('x-') || k === 'networks')) {
    warnings.push(`${lastFile}: ${key}: not carried over (${key === 'networks' ? 'every Pod of a namespace shares one network' : 'an extension field, read only through YAML anchors'})`);
  }
  const volumes = readVolumes(document.volumes, lastFile, warnings);
  const secrets = readSecrets(document.secrets, projectDir, lastFile);
  const configs = readConfigs(document.configs, projectDir, lastFile, warnings);
  const services = Object.entries(document.services ?? {}).map(([name, definition]) => {
    const file = serviceFiles.get(name) ?? lastFile;
    const ctx: Context = { projectDir, variables, file, service: name, warnings, volumes, secrets, configs, bindNotes, defaultRestart };
    return readService(ctx, definition);
  });
  if (services.length === 0) throw new ComposeError(lastFile, undefined, 'services', 'no service defined: nothing to import');
  checkDependencies(services, warnings);
  return { name: typeof document.name === 'string' ? document.name : undefined, projectDir, files, services, secrets, configs, volumes, warnings, bindNotes };
}

function failer(ctx: Context, key: string): Fail {
  return reason => new ComposeError(ctx.file, ctx.service, key, reason);
}

function warn(ctx: Context, key: string, reason: string): void {
  ctx.warnings.push(`${ctx.file}: service "${ctx.service}": ${key}: ${reason}`);
}

function readService(ctx: Context, definition: unknown): ServiceModel {
  const d: Record<string, any> = definition === null ? {} : definition as any;
  if (!isMapping(d)) throw failer(ctx, '<service>')('a service must be a mapping of keys');
  checkServiceName(ctx);
  for (const key of Object.keys(d)) {
    if (HANDLED_KEYS.has(key)) continue;
    if (key === 'extends') throw failer(ctx, key)('extends is not supported: inline the extended service, or pass its file with -f');
    if (key.startsWith('x-')) warn(ctx, key, 'not carried over (an extension field)');
    else if (IGNORED_KEYS[key] !== undefined) warn(ctx, key, `not carried over: ${IGNORED_KEYS[key]}`);
    else throw failer(ctx, key)('not a compose service key: fix its spelling or remove it');
  }
  if (d.image === undefined && d.build === undefined) throw failer(ctx, 'image')('a service needs an image or a build');
  if (d.build !== undefined && d.image !== undefined) {
    warn(ctx, 'build', `the image ${JSON.stringify(String(d.image))} runs as it is: build and push it with the command in the header first`);
  }
  const user = readUser(ctx, d.user);
  return {
    name: ctx.service,
    file: ctx.file,
    image: d.image === undefined ? undefined : asText(d.image, failer(ctx, 'image'), 'image'),
    build: d.build !== undefined && d.image === undefined,
    buildSpec: readBuild(ctx, d.build),
    entrypoint: readCommand(ctx, 'entrypoint', d.entrypoint),
    command: readCommand(ctx, 'command', d.command),
    environment: readEnvironment(ctx, d.env_file, d.environment),
    workingDir: d.working_dir === undefined ? undefined : asText(d.working_dir, failer(ctx, 'working_dir'), 'working_dir'),
    uid: user.uid,
    gid: user.gid,
    readOnly: d.read_only === true,
    capAdd: readCapabilities(ctx, 'cap_add', d.cap_add),
    capDrop: readCapabilities(ctx, 'cap_drop', d.cap_drop),
    privileged: d.privileged === true,
    mounts: [...readTmpfs(ctx, d.tmpfs), ...readVolumeMounts(ctx, d.volumes, readBuild(ctx, d.build))],
    secrets: readFileReferences(ctx, 'secrets', d.secrets, ctx.secrets, name => `/run/secrets/${name}`),
    configs: readFileReferences(ctx, 'configs', d.configs, ctx.configs, name => `/${name}`),
    ports: readPorts(ctx, d.ports, d.expose),
    dependsOn: readDependsOn(ctx, d.depends_on),
    healthcheck: readHealthcheck(ctx, d.healthcheck),
    restart: readRestart(ctx, d.restart, d.deploy?.restart_policy),
    replicas: readReplicas(ctx, d.deploy),
    global: d.deploy?.mode === 'global',
    resources: readResources(ctx, d.deploy?.resources),
    labels: Object.entries(mappingOrList(ctx, 'labels', d.labels)).map(([k, v]) => [k, v === null ? '' : String(v)] as const),
    stopGracePeriodSeconds: d.stop_grace_period === undefined ? undefined : parseDuration(d.stop_grace_period, failer(ctx, 'stop_grace_period')),
    extraHosts: readExtraHosts(ctx, d.extra_hosts),
  };
}

/** A key compose accepts as a mapping or a list of strings; anything else is refused, not read as empty. */
function mappingOrList(ctx: Context, key: string, value: unknown): Record<string, any> {
  if (value === undefined || value === null) return {};
  if (!isMapping(value) && !(Array.isArray(value) && value.every(v => typeof v === 'string' || typeof v === 'number'))) {
    throw failer(ctx, key)('must be a mapping or a list of strings');
  }
  return listToMapping(value);
}

/** Compose's own service-name rule; DNS-1035 normalisation happens in the mapping. */
function checkServiceName(ctx: Context): void {
  if (!/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/.test(ctx.service)) {
    throw failer(ctx, 'name')(`${JSON.stringify(ctx.service)} is not a valid compose service name (letters, digits, ".", "_", "-", starting with a letter or digit)`);
  }
}

function readCommand(ctx: Context, key: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const words = splitShellWords(value);
    if (words === undefined) throw failer(ctx, key)(`${JSON.stringify(value)} has an unclosed quote: close it, or write ${key} as a list`);
    return words;
  }
  return asTextList(value, failer(ctx, key), key);
}

function readEnvironment(ctx: Context, envFiles: unknown, environment: unknown): Array<readonly [string, string]> {
  const vars = new Map<string, string>();
  for (const entry of envFiles === undefined ? [] : Array.isArray(envFiles) ? envFiles : [envFiles]) {
    const file = typeof entry === 'string' ? entry : entry?.path;
    const required = isMapping(entry) ? entry.required !== false : true;
    const host = resolveHostPath(ctx.projectDir, String(file));
    if (host.kind === 'missing') {
      if (required) throw failer(ctx, 'env_file')(`${JSON.stringify(String(file))} does not exist: create it, or mark it required: false`);
      continue;
    }
    if (host.kind !== 'file') {
      const why = host.kind === 'outside' ? host.reason : host.kind === 'unresolvable' ? host.reason : `not a regular file (${host.kind})`;
      warn(ctx, 'env_file', `${JSON.stringify(String(file))} is NOT read (${why}): only files inside the project are read; its variables are not carried over; `
        + 'create a Secret from it (kubectl create secret generic NAME --from-env-file=FILE) and add it with envFrom');
      continue;
    }
    const parsed = parseEnvFile(readText(path.resolve(ctx.projectDir, String(file)), ctx.service, 'env_file', ctx.file), envFileExpander(ctx.variables, failer(ctx, 'env_file')));
    if (typeof parsed === 'number') throw failer(ctx, 'env_file')(`${JSON.stringify(String(file))} line ${parsed} is not a KEY=VALUE line (or has an unclosed quote)`);
    for (const [k, v] of parsed) if (v !== undefined) vars.set(k, v);
  }
  for (const [name, value] of Object.entries(mappingOrList(ctx, 'environment', environment))) {
    if (value === null || value === undefined) {
      warn(ctx, `environment.${name}`, 'not carried over: it has no value in the compose file (compose passes it from the shell); set it in the generated code');
      vars.delete(name);
    } else {
      vars.set(name, asText(value, failer(ctx, `environment.${name}`), 'an environment value'));
    }
  }
  for (const [name, value] of vars) {
    if (Buffer.byteLength(value) > EMBED_MAX_BYTES) {
      warn(ctx, `environment.${name}`, `not carried over: its value is ${Buffer.byteLength(value)} bytes, more than the ${EMBED_MAX_BYTES / 1024} KiB embedded in code; put it in a file mounted from a ConfigMap`);
      vars.delete(name);
    }
  }
  return [...vars.entries()];
}

function readUser(ctx: Context, value: unknown): { uid?: number; gid?: number } {
  if (value === undefined) return {};
  const text = asText(value, failer(ctx, 'user'), 'user');
  const match = /^(\d+)(?::(\d+))?$/.exec(text);
  if (match === null) {
    warn(ctx, 'user', `not carried over: ${JSON.stringify(text)} is a name, and Kubernetes needs a numeric uid[:gid]; the container runs as its image's user`);
    return {};
  }
  return { uid: Number(match[1]), gid: match[2] === undefined ? undefined : Number(match[2]) };
}

function readCapabilities(ctx: Context, key: string, value: unknown): string[] {
  if (value === undefined) return [];
  return asTextList(value, failer(ctx, key), key).map(cap => cap.toUpperCase().replace(/^CAP_/, ''));
}

function readTmpfs(ctx: Context, value: unknown): MountModel[] {
  if (value === undefined) return [];
  return asTextList(value, failer(ctx, 'tmpfs'), 'tmpfs').map(entry => {
    const [target, options = ''] = entry.split(/:(.*)/s);
    const size = /(?:^|,)size=([^,]+)/.exec(options)?.[1];
    return { kind: 'tmpfs', target, sizeBytes: size === undefined ? undefined : parseBytes(size, failer(ctx, 'tmpfs')) } as const;
  });
}

function readVolumeMounts(ctx: Context, value: unknown, build: BuildModel | undefined): MountModel[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw failer(ctx, 'volumes')('must be a list of mounts');
  return value.map(entry => readVolumeMount(ctx, isMapping(entry) ? entry : shortVolume(ctx, asText(entry, failer(ctx, 'volumes'), 'a volume')), build));
}

/** `build: ./dir` or `build: { context, dockerfile, target }`. */
function readBuild(ctx: Context, value: unknown): BuildModel | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return { context: value };
  if (!isMapping(value)) throw failer(ctx, 'build')('must be a path or a mapping with context, dockerfile and target');
  const text = (key: string) => (value[key] === undefined || value[key] === null ? undefined : asText(value[key], failer(ctx, `build.${key}`), `build.${key}`));
  return { context: text('context') ?? '.', dockerfile: text('dockerfile'), target: text('target') };
}

/** `SOURCE:TARGET[:MODE]` or `TARGET`, as the long syntax. */
function shortVolume(ctx: Context, text: string): Record<string, any> {
  const parts = text.split(':');
  if (parts.length === 1) return { type: 'volume', target: parts[0] };
  if (parts.length > 3) throw failer(ctx, 'volumes')(`${JSON.stringify(text)} is not SOURCE:TARGET[:MODE]`);
  const [source, target, mode = ''] = parts;
  const bind = /^[./~]/.test(source);
  return { type: bind ? 'bind' : 'volume', source, target, read_only: mode.split(',').includes('ro') };
}

function readVolumeMount(ctx: Context, v: Record<string, any>, build: BuildModel | undefined): MountModel {
  const fail = failer(ctx, 'volumes');
  const target = asText(v.target, fail, 'a mount target');
  if (!target.startsWith('/')) throw fail(`mount target ${JSON.stringify(target)} must be an absolute path`);
  const readOnly = v.read_only === true;
  switch (v.type ?? 'volume') {
    case 'tmpfs':
      return { kind: 'tmpfs', target, sizeBytes: v.tmpfs?.size === undefined ? undefined : parseBytes(v.tmpfs.size, fail) };
    case 'volume':
      if (v.source === undefined || v.source === '') return { kind: 'anonymous', target };
      if (!ctx.volumes.has(String(v.source))) throw fail(`named volume ${JSON.stringify(String(v.source))} is not declared under the top-level volumes: declare it`);
      return { kind: 'volume', volume: String(v.source), target, readOnly };
    case 'bind':
      return readBind(ctx, asText(v.source, fail, 'a bind source'), target, readOnly, build);
    default:
      throw fail(`mount type ${JSON.stringify(String(v.type))} at ${JSON.stringify(target)} cannot be converted: use a named volume, a bind or a tmpfs`);
  }
}

/**
 * A bind mount, faithfully or not at all: a project file that is UTF-8 text
 * (not key material, at most EMBED_MAX_BYTES) is embedded; other project files
 * are referenced by name; anything else (a directory, a path outside the
 * project) is never read: a read-only bind, or source code next to `build:`,
 * is not mounted (the image keeps its content), and a read-write bind holding
 * data becomes a claim, like a named volume.
 */
function readBind(ctx: Context, source: string, target: string, readOnly: boolean, build: BuildModel | undefined): MountModel {
  const host = resolveHostPath(ctx.projectDir, source);
  const where = `${JSON.stringify(source)} → ${JSON.stringify(target)}`;
  const note = (decision: string) => ctx.bindNotes.push(`${ctx.service}: ${where}: ${decision}`);
  if (host.kind === 'file') {
    const verdict = judgeFile(host);
    if (verdict.kind === 'text') {
      note(`embedded from the project file (a ConfigMap, read-only)${readOnly ? '' : '; writes fail'}`);
      return { kind: 'bind-file', source, content: verdict.content, target, readOnly };
    }
    const resource = verdict.kind === 'secret' ? 'Secret' : 'ConfigMap';
    note(`NOT embedded (${verdict.reason}): a ${resource} referenced by name; create it with the command below`);
    warn(ctx, 'volumes', `bind mount ${where}: the file is NOT embedded (${verdict.reason}): mounted from a ${resource} you create with the command in the header`);
    return { kind: 'bind-reference', source, relative: host.relative, target, secret: verdict.kind === 'secret' };
  }
  const what = host.kind === 'outside' ? host.reason : host.kind === 'unresolvable' ? host.reason
    : host.kind === 'special' ? 'not a regular file (a FIFO, socket or device)' : host.kind === 'missing' ? 'a path that does not exist yet' : 'a directory of the project';
  const sourceCode = build !== undefined && (host.kind === 'directory' || host.kind === 'missing') && insideBuildContext(ctx.projectDir, build, host.relative);
  if (readOnly || sourceCode || host.kind === 'special' || host.kind === 'unresolvable' || isHostSystemPath(source)) {
    const why = readOnly ? 'a read-only bind' : sourceCode ? 'source code next to build:' : 'a host path with no counterpart in a cluster';
    note(`NOT mounted (${why}, ${what}): the image's own content at the target stays`);
    warn(ctx, 'volumes', `bind mount ${where} is NOT mounted (${why}; ${what}, not read): the image's own content at ${JSON.stringify(target)} stays; bake what it held into the image (COPY in the Dockerfile) if the app needs it`);
    return { kind: 'bind-skipped', source, target };
  }
  note(`a PersistentVolumeClaim (read-write data, ${what}), EMPTY at first: the host's content is not copied`);
  warn(ctx, 'volumes', `bind mount ${where} becomes a PersistentVolumeClaim like a named volume (${what}, not read): the host's current content is NOT copied; load it into the claim if the app needs it`);
  return { kind: 'bind-claim', source, target };
}

/** Docker's socket, devices and kernel file systems: a cluster gives no access to them. */
function isHostSystemPath(source: string): boolean {
  return /^\/(dev|proc|sys|run|var\/run|etc|boot|lib|usr|bin|sbin)(\/|$)|\.sock$/.test(source) || source === '/';
}

function insideBuildContext(projectDir: string, build: BuildModel, relative: string): boolean {
  if (/^[a-z]+:\/\//i.test(build.context) || build.context.startsWith('git@')) return false;
  const context = path.relative(projectDir, path.resolve(projectDir, build.context)) || '.';
  const rel = path.relative(context === '.' ? '' : context, relative === '.' ? '' : relative);
  return context === '.' || rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function readFileReferences(
  ctx: Context,
  key: string,
  value: unknown,
  declared: ReadonlyMap<string, unknown>,
  defaultTarget: (name: string) => string,
): FileReferenceModel[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw failer(ctx, key)('must be a list');
  return value.map(entry => {
    const source = isMapping(entry) ? String(entry.source) : asText(entry, failer(ctx, key), key);
    if (!declared.has(source)) throw failer(ctx, key)(`${JSON.stringify(source)} is not declared under the top-level ${key}: declare it`);
    const given = isMapping(entry) && entry.target !== undefined ? String(entry.target) : undefined;
    const target = given === undefined ? defaultTarget(source) : given.startsWith('/') ? given : defaultTarget(given);
    if (isMapping(entry) && (entry.uid !== undefined || entry.gid !== undefined || entry.mode !== undefined)) {
      warn(ctx, key, `uid, gid and mode of ${JSON.stringify(source)} are not carried over: Kubernetes mounts it with defaultMode 0644 and fsGroup ownership`);
    }
    return { source, target };
  });
}

function readPorts(ctx: Context, ports: unknown, expose: unknown): PortModel[] {
  const result = new Map<string, PortModel>();
  const add = (port: PortModel) => result.set(`${port.containerPort}/${port.protocol}`, port);
  for (const entry of ports === undefined ? [] : Array.isArray(ports) ? ports : [ports]) add(readPort(ctx, entry));
  for (const entry of expose === undefined ? [] : Array.isArray(expose) ? expose : [expose]) {
    const [number, protocol = 'tcp'] = String(entry).split('/');
    add({ containerPort: parsePortNumber(number, failer(ctx, 'expose')), protocol: readProtocol(ctx, 'expose', protocol) });
  }
  return [...result.values()];
}

function readPort(ctx: Context, entry: unknown): PortModel {
  const fail = failer(ctx, 'ports');
  if (isMapping(entry)) {
    return {
      containerPort: parsePortNumber(entry.target, fail),
      protocol: readProtocol(ctx, 'ports', entry.protocol ?? 'tcp'),
      published: entry.published === undefined ? undefined : String(entry.published),
    };
  }
  const text = asText(entry, fail, 'a port');
  const slash = text.lastIndexOf('/');
  const spec = slash === -1 ? text : text.slice(0, slash);
  const colon = spec.lastIndexOf(':');
  return {
    containerPort: parsePortNumber(spec.slice(colon + 1), fail),
    protocol: readProtocol(ctx, 'ports', slash === -1 ? 'tcp' : text.slice(slash + 1)),
    published: colon === -1 ? undefined : spec.slice(0, colon),
  };
}

function readProtocol(ctx: Context, key: string, protocol: unknown): 'TCP' | 'UDP' {
  const upper = String(protocol).toUpperCase();
  if (upper === 'TCP' || upper === 'UDP') return upper;
  throw failer(ctx, key)(`protocol ${JSON.stringify(String(protocol))} cannot be converted: use tcp or udp`);
}

const CONDITIONS = new Set<DependencyCondition>(['service_started', 'service_healthy', 'service_completed_successfully']);

function readDependsOn(ctx: Context, value: unknown): DependencyModel[] {
  return Object.entries(mappingOrList(ctx, 'depends_on', value)).map(([service, spec]) => {
    const condition = (isMapping(spec) ? spec.condition ?? 'service_started' : 'service_started') as DependencyCondition;
    if (!CONDITIONS.has(condition)) {
      throw failer(ctx, `depends_on.${service}.condition`)(`${JSON.stringify(String(condition))} is not a condition: use service_started, service_healthy or service_completed_successfully`);
    }
    if (isMapping(spec) && spec.restart !== undefined) warn(ctx, `depends_on.${service}.restart`, 'not carried over: Kubernetes does not restart dependents when a dependency restarts');
    return { service, condition, required: !isMapping(spec) || spec.required !== false };
  });
}

function readHealthcheck(ctx: Context, value: unknown): HealthcheckModel | undefined {
  if (value === undefined || value === null) return undefined;
  const fail = failer(ctx, 'healthcheck');
  if (!isMapping(value)) throw fail('must be a mapping');
  if (value.disable === true || value.test === undefined) return undefined;
  const command = healthcheckCommand(ctx, value.test);
  if (command === undefined) return undefined;
  const seconds = (key: string) => (value[key] === undefined ? undefined : parseDuration(value[key], failer(ctx, `healthcheck.${key}`)));
  if (value.start_interval !== undefined) warn(ctx, 'healthcheck.start_interval', 'not carried over: the readiness probe checks at interval from the start');
  return {
    command,
    intervalSeconds: seconds('interval'),
    timeoutSeconds: seconds('timeout'),
    retries: value.retries === undefined ? undefined : Number(value.retries),
    startPeriodSeconds: seconds('start_period'),
  };
}

/** CMD → the arguments; CMD-SHELL and the string form → `/bin/sh -c`; NONE → no check. */
function healthcheckCommand(ctx: Context, test: unknown): string[] | undefined {
  const fail = failer(ctx, 'healthcheck.test');
  if (typeof test === 'string') return ['/bin/sh', '-c', test];
  const [kind, ...rest] = asTextList(test, fail, 'healthcheck.test');
  switch (kind) {
    case 'NONE': return undefined;
    case 'CMD':
      if (rest.length === 0) throw fail('CMD needs a command');
      return rest;
    case 'CMD-SHELL':
      if (rest.length !== 1) throw fail('CMD-SHELL takes exactly one command string');
      return ['/bin/sh', '-c', rest[0]];
    default:
      throw fail(`a list test must start with CMD, CMD-SHELL or NONE, not ${JSON.stringify(kind)}`);
  }
}

/**
 * `restart` wins over `deploy.restart_policy`, as in `docker compose up`;
 * the policy is translated to the `--restart` form `DockerRestart` reads.
 * With neither, the import's default (compose's is `no`).
 */
function readRestart(ctx: Context, restart: unknown, policy: unknown): string {
  if (restart !== undefined) {
    const text = asText(restart, failer(ctx, 'restart'), 'restart');
    return text === 'false' ? 'no' : text;
  }
  if (!isMapping(policy)) return ctx.defaultRestart;
  for (const key of ['delay', 'window']) {
    if (policy[key] !== undefined) warn(ctx, `deploy.restart_policy.${key}`, 'not carried over: the kubelet\'s back-off decides the delay');
  }
  switch (policy.condition ?? 'any') {
    case 'none': return 'no';
    case 'on-failure': return policy.max_attempts === undefined ? 'on-failure' : `on-failure:${policy.max_attempts}`;
    case 'any': return 'always';
    default: throw failer(ctx, 'deploy.restart_policy.condition')(`${JSON.stringify(String(policy.condition))} is not a condition: use none, on-failure or any`);
  }
}

function readReplicas(ctx: Context, deploy: unknown): number | undefined {
  if (!isMapping(deploy)) return undefined;
  for (const key of Object.keys(deploy)) {
    if (DEPLOY_IGNORED.has(key)) warn(ctx, `deploy.${key}`, 'not carried over: a swarm setting with no counterpart in this import');
  }
  if (deploy.replicas === undefined) return undefined;
  const replicas = Number(deploy.replicas);
  if (!Number.isInteger(replicas) || replicas < 0) throw failer(ctx, 'deploy.replicas')(`${JSON.stringify(deploy.replicas)} is not a replica count`);
  return replicas;
}

function readResources(ctx: Context, resources: unknown): ResourcesModel {
  if (!isMapping(resources)) return {};
  const limits = isMapping(resources.limits) ? resources.limits : {};
  const reservations = isMapping(resources.reservations) ? resources.reservations : {};
  if (limits.pids !== undefined) warn(ctx, 'deploy.resources.limits.pids', 'not carried over: no per-container PID limit in Kubernetes');
  if (reservations.devices !== undefined) warn(ctx, 'deploy.resources.reservations.devices', 'not carried over: devices need a device plugin');
  const cpu = (value: unknown, key: string) => (value === undefined ? undefined : parseCpus(value, failer(ctx, key)));
  const bytes = (value: unknown, key: string) => (value === undefined ? undefined : parseBytes(value, failer(ctx, key)));
  return {
    cpuLimitMillis: cpu(limits.cpus, 'deploy.resources.limits.cpus'),
    memoryLimitBytes: bytes(limits.memory, 'deploy.resources.limits.memory'),
    cpuRequestMillis: cpu(reservations.cpus, 'deploy.resources.reservations.cpus'),
    memoryRequestBytes: bytes(reservations.memory, 'deploy.resources.reservations.memory'),
  };
}

function readExtraHosts(ctx: Context, value: unknown): Array<readonly [string, string]> {
  const entries = Array.isArray(value)
    ? value.map(e => String(e).split(/[:=](.*)/s))
    : Object.entries(mappingOrList(ctx, 'extra_hosts', value)).map(([k, v]) => [k, String(v)]);
  return entries.map(([host, ip]) => {
    if (ip === undefined || !/^[0-9a-fA-F.:[\]]+$/.test(ip)) throw failer(ctx, 'extra_hosts')(`${JSON.stringify(`${host}:${ip}`)} is not HOST:IP`);
    return [host, ip.replace(/^\[|\]$/g, '')] as const;
  });
}

function readVolumes(value: unknown, file: string, warnings: string[]): Map<string, { external: boolean }> {
  const result = new Map<string, { external: boolean }>();
  for (const [name, spec] of Object.entries(isMapping(value) ? value : {})) {
    const external = isMapping(spec) && spec.external !== undefined && spec.external !== false;
    if (isMapping(spec) && (spec.driver !== undefined || spec.driver_opts !== undefined)) {
      warnings.push(`${file}: volumes.${name}: driver and driver_opts are not carried over: the claim uses the cluster's default StorageClass`);
    }
    result.set(name, { external });
  }
  return result;
}

function readSecrets(value: unknown, projectDir: string, file: string): Map<string, SecretModel> {
  const result = new Map<string, SecretModel>();
  for (const [name, spec] of Object.entries(isMapping(value) ? value : {})) {
    const s = isMapping(spec) ? spec : {};
    if (s.file === undefined && s.environment === undefined && !s.external) {
      throw new ComposeError(file, undefined, `secrets.${name}`, 'needs file, environment or external: true');
    }
    result.set(name, {
      name,
      file: s.file === undefined ? undefined : path.relative(projectDir, path.resolve(projectDir, String(s.file))) || '.',
      environment: s.environment === undefined ? undefined : String(s.environment),
      external: s.external ? String(s.name ?? name) : undefined,
    });
  }
  return result;
}

function readConfigs(value: unknown, projectDir: string, file: string, warnings: string[]): Map<string, ConfigModel> {
  const result = new Map<string, ConfigModel>();
  for (const [name, spec] of Object.entries(isMapping(value) ? value : {})) {
    const s = isMapping(spec) ? spec : {};
    const key = `configs.${name}`;
    if (s.external) {
      result.set(name, { name, external: String(s.name ?? name) });
    } else if (s.content !== undefined) {
      result.set(name, { name, content: String(s.content) });
    } else if (s.file !== undefined) {
      result.set(name, readConfigFile(name, String(s.file), projectDir, file, warnings));
    } else {
      throw new ComposeError(file, undefined, key, 'needs file, content or external: true (environment configs are not supported)');
    }
  }
  return result;
}

/** A config's file: embedded when it is project text; otherwise referenced by name, never read. */
function readConfigFile(name: string, source: string, projectDir: string, file: string, warnings: string[]): ConfigModel {
  const key = `configs.${name}`;
  const host = resolveHostPath(projectDir, source);
  if (host.kind === 'missing') throw new ComposeError(file, undefined, `${key}.file`, `${JSON.stringify(source)} does not exist: create it or fix the path`);
  const verdict = host.kind === 'file' ? judgeFile(host) : undefined;
  if (verdict?.kind === 'text') return { name, content: verdict.content };
  const why = verdict !== undefined ? verdict.reason : host.kind === 'outside' ? host.reason : host.kind === 'unresolvable' ? host.reason : `not a regular file (${host.kind})`;
  const secret = verdict?.kind === 'secret';
  warnings.push(`${file}: ${key}.file: ${JSON.stringify(source)} is NOT embedded (${why}): mounted from a ${secret ? 'Secret' : 'ConfigMap'} you create with the command in the header`);
  return { name, fromFile: { path: host.kind === 'outside' ? source : host.kind === 'file' ? host.relative : source, secret } };
}

/** depends_on names existing services and has no cycle (compose refuses both). */
function checkDependencies(services: ServiceModel[], warnings: string[]): void {
  const byName = new Map(services.map(s => [s.name, s]));
  for (const service of services) {
    for (const dep of service.dependsOn.filter(d => !d.required && !byName.has(d.service))) {
      warnings.push(`${service.file}: service "${service.name}": depends_on.${dep.service}: skipped: no such service, and required: false`);
    }
    service.dependsOn = service.dependsOn.filter(d => d.required || byName.has(d.service));
    for (const dep of service.dependsOn) {
      if (!byName.has(dep.service)) {
        throw new ComposeError(service.file, service.name, `depends_on.${dep.service}`, `no service named ${JSON.stringify(dep.service)}: define it or remove the dependency`);
      }
      if (dep.service === service.name) throw new ComposeError(service.file, service.name, `depends_on.${dep.service}`, 'a service cannot depend on itself');
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (service: ServiceModel, trail: string[]): void => {
    if (state.get(service.name) === 'done') return;
    if (state.get(service.name) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(service.name)), service.name];
      const from = byName.get(trail[trail.length - 1])!;
      throw new ComposeError(from.file, from.name, `depends_on.${service.name}`, `dependency cycle ${cycle.join(' → ')}: compose cannot start it either; remove one dependency`);
    }
    state.set(service.name, 'visiting');
    for (const dep of service.dependsOn) visit(byName.get(dep.service)!, [...trail, service.name]);
    state.set(service.name, 'done');
  };
  for (const service of services) visit(service, []);
}
