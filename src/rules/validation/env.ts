/**
 * Container environment: a port of pkg/apis/core/validation/validation.go
 * (1.28) ValidateEnv, validateEnvVarValueFrom, ValidateEnvFrom,
 * validateObjectFieldSelector, validateContainerResourceFieldSelector,
 * validateContainerResourceDivisor, validateConfigMapKeySelector,
 * validateSecretKeySelector, and pkg/apis/core/pods ConvertDownwardAPIFieldLabel.
 * Names and envFrom prefixes follow IsRelaxedEnvVarName where the target
 * release turns RelaxedEnvironmentVariableValidation on (1.32+; validation.go
 * ValidateEnv and ValidateEnvFrom branch on
 * opts.AllowRelaxedEnvironmentVariableValidation since v1.30.0).
 */
import { configMapKeyErrors, dns1123SubdomainErrors, envVarNameErrors, qualifiedNameErrors, relaxedEnvVarNameErrors } from './apimachinery';
import { Errors, forbidden, invalid, invalidEach, isSet, list, notSupported, obj, required, str } from './field';
import { parseQuantity } from './quantity';

/** k8s: validEnvDownwardAPIFieldPathExpressions */
export const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
/** k8s: validVolumeDownwardAPIFieldPathExpressions */
export const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
const CONVERTIBLE_FIELD_LABELS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName',
  'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
const RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];
const DIVISORS_CPU = ['1m', '1'];
const DIVISORS_BYTES = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];

/** k8s: pkg/fieldpath SplitMaybeSubscriptedPath */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const inner = fieldPath.slice(0, -2);
  const at = inner.indexOf("['");
  if (at <= 0) return undefined;
  return [inner.slice(0, at), inner.slice(at + 2)];
}

/** k8s: validateObjectFieldSelector (apiVersion defaulted to v1 by SetDefaults_ObjectFieldSelector) */
export function validateObjectFieldSelector(selector: Record<string, any>, expressions: readonly string[], path: string): Errors {
  const apiVersion = isSet(selector.apiVersion) && selector.apiVersion !== '' ? str(selector.apiVersion) : 'v1';
  const fieldPath = str(selector.fieldPath);
  if (fieldPath === '') return [required(`${path}.fieldPath`, '', 'name the Pod field to expose, e.g. metadata.name')];
  // k8s: ConvertDownwardAPIFieldLabel
  if (apiVersion !== 'v1') return [invalid(`${path}.fieldPath`, fieldPath, `error converting fieldPath: unsupported pod version: ${apiVersion}`)];
  const split = splitSubscript(fieldPath);
  if (split !== undefined) {
    const [base, key] = split;
    if (base !== 'metadata.annotations' && base !== 'metadata.labels') {
      return [invalid(`${path}.fieldPath`, fieldPath, `error converting fieldPath: field label does not support subscript: ${fieldPath}`)];
    }
    return invalidEach(path, base === 'metadata.annotations' ? key.toLowerCase() : key, qualifiedNameErrors(base === 'metadata.annotations' ? key.toLowerCase() : key));
  }
  const label = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath;
  if (!CONVERTIBLE_FIELD_LABELS.includes(label)) {
    return [invalid(`${path}.fieldPath`, fieldPath, `error converting fieldPath: field label not supported: ${fieldPath}`)];
  }
  if (!expressions.includes(label)) {
    return [{ ...notSupported(`${path}.fieldPath`, label, expressions), message: `${notSupported(`${path}.fieldPath`, label, expressions).message}${label.startsWith('metadata.') ? `; for one ${label.slice(9, -1)} use ${label}['<key>']` : ''}` }];
  }
  // k8s: validateDownwardAPIHostIPs (PodHostIPs is alpha and off in 1.28)
  if (label === 'status.hostIPs') return [forbidden(`${path}.fieldPath`, "may not be set when feature gate 'PodHostIPs' is not enabled")];
  return [];
}

/** k8s: validateContainerResourceFieldSelector + validateContainerResourceDivisor */
export function validateResourceFieldSelector(selector: Record<string, any>, path: string, volume: boolean): Errors {
  const errs: Errors = [];
  const resource = str(selector.resource);
  if (volume && str(selector.containerName) === '') {
    errs.push(required(`${path}.containerName`));
  } else if (resource === '') {
    errs.push(required(`${path}.resource`));
  } else if (!RESOURCE_FIELD_PATHS.includes(resource) && !resource.startsWith('requests.hugepages-') && !resource.startsWith('limits.hugepages-')) {
    errs.push(notSupported(`${path}.resource`, resource, RESOURCE_FIELD_PATHS));
  }
  const divisor = parseQuantity(selector.divisor);
  if (isSet(selector.divisor) && divisor !== undefined && divisor.value !== 0) {
    const canonical = canonicalDivisor(divisor.text);
    let allowed: string[] | undefined;
    let what = '';
    if (resource === 'limits.cpu' || resource === 'requests.cpu') { allowed = DIVISORS_CPU; what = 'cpu'; }
    if (resource === 'limits.memory' || resource === 'requests.memory') { allowed = DIVISORS_BYTES; what = 'memory'; }
    if (resource === 'limits.ephemeral-storage' || resource === 'requests.ephemeral-storage') { allowed = DIVISORS_BYTES; what = 'local ephemeral storage'; }
    if (allowed !== undefined && !allowed.includes(canonical)) {
      errs.push(invalid(`${path}.divisor`, resource, what === 'cpu' ? "only divisor's values 1m and 1 are supported with the cpu resource"
        : `only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the ${what} resource`));
    }
    if ((resource.startsWith('requests.hugepages-') || resource.startsWith('limits.hugepages-')) && !DIVISORS_BYTES.includes(canonical)) {
      errs.push(invalid(`${path}.divisor`, resource, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource"));
    }
  }
  return errs;
}

/** Quantity.String() of the divisors upstream lists (written as-is in practice; `1000m` prints as `1`). */
function canonicalDivisor(text: string): string {
  const q = parseQuantity(text);
  if (q === undefined) return text;
  if (q.value === 1) return '1';
  if (q.value === 0.001) return '1m';
  return text.replace(/^\+/, '');
}

function validateKeySelector(selector: Record<string, any>, path: string): Errors {
  const errs = invalidEach(`${path}.name`, str(selector.name), dns1123SubdomainErrors(str(selector.name)));
  const key = str(selector.key);
  if (key === '') errs.push(required(`${path}.key`));
  else errs.push(...invalidEach(`${path}.key`, key, configMapKeyErrors(key)));
  return errs;
}

// k8s: validateEnvVarValueFrom
function validateValueFrom(env: Record<string, any>, path: string): Errors {
  if (!isSet(env.valueFrom)) return [];
  const from = obj(env.valueFrom);
  const errs: Errors = [];
  let sources = 0;
  if (isSet(from.fieldRef)) { sources++; errs.push(...validateObjectFieldSelector(obj(from.fieldRef), ENV_FIELD_PATHS, `${path}.fieldRef`)); }
  if (isSet(from.resourceFieldRef)) { sources++; errs.push(...validateResourceFieldSelector(obj(from.resourceFieldRef), `${path}.resourceFieldRef`, false)); }
  if (isSet(from.configMapKeyRef)) { sources++; errs.push(...validateKeySelector(obj(from.configMapKeyRef), `${path}.configMapKeyRef`)); }
  if (isSet(from.secretKeyRef)) { sources++; errs.push(...validateKeySelector(obj(from.secretKeyRef), `${path}.secretKeyRef`)); }
  if (sources === 0) {
    errs.push(invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  } else if (str(env.value) !== '') {
    errs.push(invalid(path, '', 'may not be specified when `value` is not empty', 'keep either value or valueFrom'));
  } else if (sources > 1) {
    errs.push(invalid(path, '', 'may not have more than one field specified at a time', 'keep one source'));
  }
  return errs;
}

/** IsEnvVarName, or IsRelaxedEnvVarName when the release relaxes it. */
export function envNameErrors(value: string, relaxed: boolean): string[] {
  return relaxed ? relaxedEnvVarNameErrors(value) : envVarNameErrors(value);
}

/** k8s: ValidateEnv */
export function validateEnv(vars: unknown, path: string, relaxed = false): Errors {
  const errs: Errors = [];
  list(vars).forEach((raw, i) => {
    const env = obj(raw);
    const at = `${path}[${i}]`;
    const name = str(env.name);
    if (name === '') errs.push(required(`${at}.name`));
    else errs.push(...invalidEach(`${at}.name`, name, envNameErrors(name, relaxed)));
    errs.push(...validateValueFrom(env, `${at}.valueFrom`));
  });
  return errs;
}

/** k8s: ValidateEnvFrom */
export function validateEnvFrom(sources: unknown, path: string, relaxed = false): Errors {
  const errs: Errors = [];
  list(sources).forEach((raw, i) => {
    const from = obj(raw);
    const at = `${path}[${i}]`;
    const prefix = str(from.prefix);
    if (prefix !== '') errs.push(...invalidEach(`${at}.prefix`, prefix, envNameErrors(prefix, relaxed)));
    let count = 0;
    for (const kind of ['configMapRef', 'secretRef']) {
      if (!isSet(from[kind])) continue;
      count++;
      const name = str(obj(from[kind]).name);
      if (name === '') errs.push(required(`${at}.${kind}.name`));
      else errs.push(...invalidEach(`${at}.${kind}.name`, name, dns1123SubdomainErrors(name.endsWith('-') && name.length > 1 ? `${name.slice(0, -2)}a` : name)));
    }
    if (count === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (count > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time', 'one envFrom entry per ConfigMap or Secret'));
  });
  return errs;
}
