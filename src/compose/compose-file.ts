import * as fs from 'fs';
import * as path from 'path';
import { ComposeError } from './compose-error';
import { ComposeParameters } from './compose-parameters';
import { parseComposeText } from './compose-yaml';
import { envFileExpander, parseEnvFile } from './env-file';
import { readTextFile, resolveHostPath } from './host-files';
import { interpolate, Variables } from './interpolation';

/** Top-level keys of the compose specification (plus `version`, obsolete but common). */
const TOP_LEVEL_KEYS = new Set(['version', 'name', 'services', 'networks', 'volumes', 'secrets', 'configs']);

/** The compose files of one project, interpolated and merged as `docker compose -f a -f b` does. */
export interface ComposeSource {
  /** The directory relative paths resolve from: the first file's directory, as in compose. */
  readonly projectDir: string;
  /** The files as given, in order. */
  readonly files: readonly string[];
  /** The merged document. */
  readonly document: Record<string, any>;
  /** For each service, the last file that defines or overrides it (named in errors). */
  readonly serviceFiles: ReadonlyMap<string, string>;
  /** Variables used without a value and without a default, in first-use order. */
  readonly unsetVariables: readonly string[];
  /** The variables interpolation used: the environment over the project's `.env`. */
  readonly variables: Variables;
  /** The variables of images and environment values, left to the generated chart; undefined when frozen. */
  readonly parameters?: ComposeParameters;
}

/**
 * Reads, parses (YAML 1.2 core schema, as compose-go's yaml.v3 does, with `<<`
 * merge keys), interpolates and merges compose files. Variables come from
 * `environment` over the `.env` file of the project directory.
 */
export function readComposeFiles(files: readonly string[], environment: Variables, freeze = true): ComposeSource {
  if (files.length === 0) throw new ComposeError('<none>', undefined, 'files', 'no compose file given: name at least one, e.g. compose.yaml');
  const projectDir = path.dirname(path.resolve(files[0]));
  const dotEnv = readDotEnv(projectDir, environment);
  const vars = { ...dotEnv, ...environment };
  const parameters = freeze ? undefined : new ComposeParameters(dotEnv);
  const unset: string[] = [];
  const serviceFiles = new Map<string, string>();
  let document: Record<string, any> = {};
  for (const file of files) {
    const parsed = interpolateTree(parseComposeYaml(file), vars, file, [], unset, parameters);
    for (const name of Object.keys(parsed.services ?? {})) serviceFiles.set(name, file);
    document = mergeDocuments(document, parsed);
  }
  return { projectDir, files, document, serviceFiles, unsetVariables: [...new Set(unset)], variables: vars, parameters };
}

function readDotEnv(projectDir: string, environment: Variables): Record<string, string | undefined> {
  const file = path.join(projectDir, '.env');
  if (!fs.existsSync(file)) return {};
  const host = resolveHostPath(projectDir, '.env');
  if (host.kind !== 'file') throw new ComposeError(file, undefined, '.env', `not read: it is ${host.kind === 'outside' ? host.reason : `not a regular file (${host.kind})`}; replace it with a file of the project`);
  const expand = envFileExpander(environment, reason => new ComposeError(file, undefined, 'interpolation', reason));
  const parsed = parseEnvFile(readText(file, undefined, '.env'), expand);
  if (typeof parsed === 'number') throw new ComposeError(file, undefined, `line ${parsed}`, 'not a KEY=VALUE line (or an unclosed quote): fix the .env file');
  return Object.fromEntries(parsed);
}

/** One file's document, checked to be a compose mapping with only known top-level keys. */
export function parseComposeYaml(file: string): Record<string, any> {
  const text = readText(file, undefined, 'file');
  const value = parseComposeText(text, file) as any;
  if (value === null || value === undefined) throw new ComposeError(file, undefined, 'services', 'the file is empty: a compose file needs a services: mapping');
  if (!isMapping(value)) throw new ComposeError(file, undefined, '<root>', 'a compose file must be a mapping with a services: key');
  for (const key of Object.keys(value)) {
    if (key === 'include') throw new ComposeError(file, undefined, key, 'include is not supported: pass the included files with -f/FILE... instead');
    if (!TOP_LEVEL_KEYS.has(key) && !key.startsWith('x-')) {
      throw new ComposeError(file, undefined, key, `unknown top-level key: the compose specification allows ${[...TOP_LEVEL_KEYS].join(', ')} and x-* extensions (a version 1 file has no services: key; move its services under services:)`);
    }
  }
  if (value.services !== undefined && !isMapping(value.services)) throw new ComposeError(file, undefined, 'services', 'must be a mapping of service names to definitions');
  return value;
}

/** A file's text; `service`/`key` name what referred to it. */
export function readText(file: string, service: string | undefined, key: string, owner?: string): string {
  const read = readTextFile(file);
  if ('text' in read) return read.text;
  throw new ComposeError(owner ?? file, service, key, `cannot read ${JSON.stringify(file)}: it ${read.problem}; check the path`);
}

function interpolateTree(value: any, vars: Variables, file: string, keyPath: string[], unset: string[], parameters?: ComposeParameters): any {
  if (typeof value === 'string') {
    const service = keyPath[0] === 'services' ? keyPath[1] : undefined;
    const key = keyPath.slice(service === undefined ? 0 : 2).join('.');
    const where = (reason: string) => new ComposeError(file, service, key, reason);
    const result = interpolate(value, vars, where, isParameterized(keyPath) ? parameters : undefined);
    unset.push(...result.unset);
    return result.value;
  }
  if (Array.isArray(value)) return value.map((item, i) => interpolateTree(item, vars, file, [...keyPath, String(i)], unset, parameters));
  if (isMapping(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateTree(v, vars, file, [...keyPath, k], unset, parameters)]));
  }
  return value;
}

/**
 * Values that become chart parameters: a service's `image`, `environment`
 * values, `command` and `entrypoint` (where passwords passed as arguments
 * would otherwise be written into the code). Every other value shapes the
 * manifests (ports, users, volumes, restart policies) and is resolved at
 * import, as compose does.
 */
function isParameterized(keyPath: string[]): boolean {
  if (keyPath[0] !== 'services') return false;
  if (keyPath[2] === 'command' || keyPath[2] === 'entrypoint') return keyPath.length <= 4;
  return (keyPath[2] === 'image' && keyPath.length === 3) || (keyPath[2] === 'environment' && keyPath.length === 4);
}

export function isMapping(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * Merge rules implemented (compose-spec `13-merge.md`):
 * - mappings merge key by key, recursively; scalars of the later file win;
 * - `command`, `entrypoint` and `healthcheck.test` are replaced, never appended;
 * - `environment`, `labels`, `depends_on`, `extra_hosts`, `sysctls` and
 *   `build.args` are read as mappings (list forms converted) and merged;
 * - `volumes`, `secrets` and `configs` of a service merge by mount target, and
 *   `ports` by container port and protocol: the later file's entry replaces;
 * - every other sequence (`expose`, `cap_add`, `env_file`, `tmpfs`, `dns`, ...)
 *   is appended, without repeating an equal entry.
 */
export function mergeDocuments(base: Record<string, any>, override: Record<string, any>): Record<string, any> {
  const merged: Record<string, any> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (key === 'services' && isMapping(base.services) && isMapping(value)) {
      const services: Record<string, any> = { ...base.services };
      for (const [name, service] of Object.entries(value)) {
        services[name] = isMapping(services[name]) && isMapping(service) ? mergeService(services[name], service) : service;
      }
      merged.services = services;
    } else {
      merged[key] = mergeValue(base[key], value, key);
    }
  }
  return merged;
}

const REPLACED = new Set(['command', 'entrypoint', 'test']);
const AS_MAPPING = new Set(['environment', 'labels', 'depends_on', 'extra_hosts', 'sysctls', 'args']);
const BY_KEY: Record<string, (entry: any) => string> = {
  volumes: entry => mountTarget(entry),
  secrets: entry => (isMapping(entry) ? String(entry.target ?? entry.source) : String(entry)),
  configs: entry => (isMapping(entry) ? String(entry.target ?? entry.source) : String(entry)),
  ports: entry => portKey(entry),
};

function mergeService(base: Record<string, any>, override: Record<string, any>): Record<string, any> {
  return mergeValue(base, override, '') as Record<string, any>;
}

function mergeValue(base: any, override: any, key: string): any {
  if (base === undefined || REPLACED.has(key)) return override;
  if (AS_MAPPING.has(key)) return { ...listToMapping(base), ...listToMapping(override) };
  if (isMapping(base) && isMapping(override)) {
    const merged: Record<string, any> = { ...base };
    for (const [k, v] of Object.entries(override)) merged[k] = mergeValue(base[k], v, k);
    return merged;
  }
  if (Array.isArray(base) && Array.isArray(override)) {
    const keyOf = BY_KEY[key] ?? ((entry: any) => JSON.stringify(entry));
    const byKey = new Map<string, any>();
    for (const entry of [...base, ...override]) byKey.set(keyOf(entry), entry);
    return [...byKey.values()];
  }
  return override;
}

/** `["A=1", "B"]` → `{ A: "1", B: null }`; a mapping stays as it is. */
export function listToMapping(value: any): Record<string, any> {
  if (!Array.isArray(value)) return isMapping(value) ? value : {};
  const entries = value.map(item => {
    const text = String(item);
    const eq = text.indexOf('=');
    return eq === -1 ? [text, null] : [text.slice(0, eq), text.slice(eq + 1)];
  });
  return Object.fromEntries(entries);
}

function mountTarget(entry: any): string {
  if (isMapping(entry)) return String(entry.target);
  const parts = String(entry).split(':');
  return parts.length === 1 ? parts[0] : parts[1];
}

function portKey(entry: any): string {
  if (isMapping(entry)) return `${entry.target}/${entry.protocol ?? 'tcp'}`;
  const [spec, protocol = 'tcp'] = String(entry).split('/');
  return `${spec.split(':').pop()}/${protocol}`;
}
